import type { Kysely } from 'kysely';
import type { MyResponsibilitiesDto } from '../../../../shared/api/responsibilities';
import { can } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import type { AnalyticsService } from '../../analytics/service';
import { assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import type { ImplementationService } from './implementation';
import { responsibilitiesRepository } from './repository';
import { responsibilitiesOf } from './service';

/**
 * 我的责任目标: the goals and measures a department leads or supports in the plans of its unit,
 * grouped by plan and area, each goal with the indicators that measure it — their latest approved
 * value and progress status at the unit, as the analytics service assesses them against the unit's
 * own targets — and the department's 实施方案 for each plan.
 */
export function myResponsibilitiesService(db: Kysely<Database>, orgs: OrgsService, analytics: AnalyticsService, implementation: ImplementationService) {
  const repo = responsibilitiesRepository(db);

  return {
    async of(auth: AuthContext | null, requested: number | undefined): Promise<MyResponsibilitiesDto> {
      const user = requireAuth(auth);
      const seatIds = [...new Set(user.roles.filter((g) => (g.role === 'reporter' || g.role === 'dept_reviewer') && g.departmentId !== null).map((g) => g.departmentId!))];
      const departmentId = requested ?? seatIds[0];
      if (departmentId === undefined) throw appError('NOT_FOUND', '您的账号不属于任何成员单位，没有责任目标可查看');
      const department = await repo.department(departmentId);
      if (!department) throw appError('NOT_FOUND', `成员单位（编号 ${departmentId}）不存在`);
      const tree = await orgs.tree();
      assertCan(user, 'responsibilities.read', { orgUnitId: department.org_unit_id, departmentId, unitName: department.org_unit_name, tree });
      const seats = (await Promise.all(seatIds.map((id) => repo.department(id)))).flatMap((d) => (d ? [{ id: d.id, name: d.name, shortName: d.shortName, orgUnit: { id: d.org_unit_id, name: d.org_unit_name } }] : []));

      const mine = await responsibilitiesOf(db, departmentId);
      const plans = (await repo.plansByIds([...new Set([...mine.goals, ...mine.measures].map((r) => r.planId))]))
        .filter((p) => p.archived_at === null && p.status !== 'repealed');
      const goalIds = mine.goals.map((g) => g.id);
      const measureIds = mine.measures.map((m) => m.id);
      const [others, links, items, s] = await Promise.all([
        repo.departmentsOnItems(goalIds, measureIds),
        repo.indicatorsOfGoals(goalIds),
        Promise.all(plans.map((p) => repo.items(p.id))).then((all) => all.flat()),
        implementation.standings(plans.map((p) => p.id), departmentId),
      ]);
      const ctx = await analytics.context('approved');
      const unitId = department.org_unit_id;
      const milestone = ctx.units.has(unitId) ? ctx.milestoneFor(unitId, undefined) : null;
      const indicatorView = (id: number) => {
        const indicator = ctx.indicators.find((i) => i.id === id);
        if (!indicator || !ctx.units.has(unitId)) return [];
        const latest = ctx.series(indicator, unitId).at(-1);
        return [{
          id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals,
          latest: latest ? { year: latest[0], value: latest[1] } : null,
          status: ctx.statusAt(indicator, unitId, milestone), targetBasis: ctx.basisLabel(indicator, unitId),
        }];
      };
      const depts = (kind: 'goal' | 'measure', id: number, role: 'lead' | 'partner') =>
        others.filter((o) => (kind === 'goal' ? o.goal_id : o.measure_id) === id && o.role === role).map((o) => o.short_name);
      const canFile = (planOrgUnit: number) => can(user, 'implementation.file', { orgUnitId: planOrgUnit, departmentId, tree });

      return {
        department: { id: department.id, name: department.name, shortName: department.shortName, orgUnit: { id: unitId, name: department.org_unit_name } },
        seats,
        today: s.today,
        plans: plans.map((plan) => {
          const areas = new Map<number, MyResponsibilitiesDto['plans'][number]['areas'][number]>();
          for (const item of items) {
            const role = (item.kind === 'goal' ? mine.goals : mine.measures).find((r) => r.id === item.id && r.planId === plan.id)?.role;
            if (!role) continue;
            if (!areas.has(item.area_no)) areas.set(item.area_no, { no: item.area_no, title: item.area_title, items: [] });
            areas.get(item.area_no)!.items.push({
              kind: item.kind, id: item.id, no: item.no, text: item.text, role,
              leads: depts(item.kind, item.id, 'lead'), partners: depts(item.kind, item.id, 'partner'),
              indicators: item.kind === 'goal' ? [...new Set(links.filter((l) => l.goalId === item.id).map((l) => l.indicatorId))].flatMap(indicatorView) : [],
            });
          }
          const sorted = [...areas.values()].sort((a, b) => a.no - b.no);
          for (const a of sorted) a.items.sort((x, y) => (x.kind === y.kind ? x.no - y.no : x.kind === 'goal' ? -1 : 1));
          return {
            plan: { id: plan.id, title: plan.title, kind: plan.kind },
            areas: sorted,
            implementation: { dueOn: s.dueOf(plan.id), ...s.of(plan.id, departmentId), canFile: canFile(plan.org_unit_id) },
          };
        }),
      };
    },
  };
}

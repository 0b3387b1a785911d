import type { Kysely } from 'kysely';
import type { ComparisonDto, FilingDto, FilingOverviewDto } from '../../../../shared/api/planFiling';
import { beijingDate, filingDueOn, filingStanding, type FilingStatus } from '../../../../shared/plans/filing';
import type { PlanStatus } from '../../../../shared/plans/lifecycle';
import { can, scopeRoots } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { assertAllowed, readPlanFacts } from '../lifecycle/facts';
import { compareWithParentPlan } from './comparison';
import { filingRepository } from './repository';

type Repo = ReturnType<typeof filingRepository>;

/** 备案 (seed 001 §三): a unit files its released plan with the unit above, which accepts it or returns it with a reason. */
export function filingService(db: Kysely<Database>, orgs: OrgsService, clock: () => Date = () => new Date()) {
  const repo = filingRepository(db);

  async function filingOrThrow(id: number) {
    const f = await repo.findFiling(id);
    if (!f) throw appError('NOT_FOUND', `备案记录（编号 ${id}）不存在`);
    return f;
  }

  function toDto(f: NonNullable<Awaited<ReturnType<Repo['findFiling']>>>): FilingDto {
    return {
      id: f.id,
      plan: { id: f.plan_id, title: f.plan_title, kind: f.plan_kind, releasedOn: f.released_on, orgUnit: { id: f.org_unit_id, name: f.org_unit_name } },
      toOrgUnit: { id: f.to_org_unit_id, name: f.to_org_unit_name },
      state: f.state,
      dueOn: f.due_on,
      late: beijingDate(new Date(f.filed_at)) > f.due_on,
      note: f.note,
      filedAt: f.filed_at,
      filedBy: f.filed_by_name,
      decidedAt: f.decided_at,
      decidedBy: f.decided_by_name,
      returnReason: f.return_reason,
      comparison: JSON.parse(f.comparison) as ComparisonDto,
    };
  }

  /** The filer (who may file the plan) and the receiving office both read a filing. */
  async function assertReads(auth: AuthContext | null, f: { org_unit_id: number; to_org_unit_id: number }) {
    requireAuth(auth);
    const tree = await orgs.tree();
    if (can(auth, 'plans.file', { orgUnitId: f.org_unit_id, tree })) return;
    assertCan(auth, 'plans.reviewFiling', { orgUnitId: f.to_org_unit_id, tree });
  }

  async function decide(auth: AuthContext | null, id: number, state: 'accepted' | 'returned', reason: string | null): Promise<FilingDto> {
    const f = await filingOrThrow(id);
    const user = assertCan(auth, 'plans.reviewFiling', { orgUnitId: f.to_org_unit_id, unitName: f.to_org_unit_name, tree: await orgs.tree() });
    const at = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      const r = filingRepository(trx);
      if (!(await r.decide(id, state, user.userId, at, reason))) throw appError('PLAN_ACTION_REFUSED', '这份备案已经处理过了，请刷新后查看');
      if (state === 'accepted') await r.markPlanFiled(f.plan_id, at);
    });
    return toDto(await filingOrThrow(id));
  }

  return {
    /** Files the plan with the unit above; its targets are compared with that unit's plan of the same kind as they stand now. */
    async file(auth: AuthContext | null, planId: number, note: string | null): Promise<FilingDto> {
      requireAuth(auth);
      const f = await readPlanFacts(db, orgs, planId, clock());
      const user = assertCan(auth, 'plans.file', { orgUnitId: f.plan.org_unit_id, unitName: f.plan.org_unit_name, tree: f.tree });
      assertAllowed(f.facts, 'file');
      const parent = f.parent!;
      const comparison = await compareWithParentPlan(db, planId, f.plan.kind, parent.id);
      const id = await db.transaction().execute(async (trx) => {
        const r = filingRepository(trx);
        // Someone else may have filed it since the facts were read.
        if ((await r.latestState(planId))?.state === 'submitted') throw appError('PLAN_ACTION_REFUSED', '规划已报送，等待上级单位审核');
        return r.insertFiling({
          planId, toOrgUnitId: parent.id, dueOn: filingDueOn(f.plan.released_on!), note: note || null,
          comparison: JSON.stringify(comparison), filedBy: user.userId, filedAt: clock().toISOString(),
        });
      });
      return toDto(await filingOrThrow(id));
    },

    async detail(auth: AuthContext | null, id: number): Promise<FilingDto> {
      const f = await filingOrThrow(id);
      await assertReads(auth, f);
      return toDto(f);
    },

    /** Every filing of a plan, newest first. */
    async ofPlan(auth: AuthContext | null, planId: number): Promise<FilingDto[]> {
      requireAuth(auth);
      const f = await readPlanFacts(db, orgs, planId, clock());
      if (!f.parent) return [];
      await assertReads(auth, { org_unit_id: f.plan.org_unit_id, to_org_unit_id: f.parent.id });
      const rows = await Promise.all((await repo.filingIdsOf(planId)).map((r) => filingOrThrow(r.id)));
      return rows.map(toDto);
    },

    accept: (auth: AuthContext | null, id: number) => decide(auth, id, 'accepted', null),
    return: (auth: AuthContext | null, id: number, reason: string) => decide(auth, id, 'returned', reason),

    /** Due / filed / overdue per unit below `unitId` (default: the user's own top unit for reviewing filings). */
    async overview(auth: AuthContext | null, unitId: number | undefined): Promise<FilingOverviewDto> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const roots = scopeRoots(user, 'plans.reviewFiling');
      const chosen = unitId ?? roots?.[0] ?? (await orgs.list(auth)).find((u) => u.parentId === null)?.id;
      if (chosen === undefined) throw appError('NOT_FOUND', '没有可查看备案情况的单位');
      const unit = await orgs.findById(chosen);
      if (!unit) throw appError('NOT_FOUND', `单位（编号 ${chosen}）不存在`);
      assertCan(auth, 'plans.reviewFiling', { orgUnitId: unit.id, unitName: unit.name, tree });
      const today = beijingDate(clock());
      const children = await repo.childUnits(unit.id);
      const plans = await repo.plansOf(children.map((c) => c.id));
      const latest = new Map((await repo.filingsByIds(plans.flatMap((p) => (p.latest_id === null ? [] : [p.latest_id])))).map((f) => [f.id, f]));
      const counts: Record<FilingStatus, number> = { not_released: 0, due: 0, overdue: 0, submitted: 0, returned: 0, accepted: 0 };
      const rows = children.map((c) => ({
        unit: c,
        plans: plans
          .filter((p) => p.org_unit_id === c.id)
          .map((p) => {
            const filing = p.latest_id === null ? undefined : latest.get(p.latest_id);
            const standing = filingStanding(
              { status: p.status as PlanStatus, releasedOn: p.released_on },
              filing ? { state: filing.state, filedAt: filing.filed_at } : null,
              today,
            );
            counts[standing.status] += 1;
            return {
              id: p.id, title: p.title, kind: p.kind, status: p.status as PlanStatus, releasedOn: p.released_on, standing,
              latestFilingId: filing?.id ?? null,
              weaker: filing ? (JSON.parse(filing.comparison) as ComparisonDto).counts.weaker ?? 0 : null,
            };
          }),
      }));
      return { unit: { id: unit.id, name: unit.name }, today, counts, rows };
    },
  };
}
export type FilingService = ReturnType<typeof filingService>;

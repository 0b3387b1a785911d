import type { Kysely } from 'kysely';
import type { PlanResponsibilitiesDto, ResponsibilityImportResultDto, SetResponsibilityInputDto } from '../../../../shared/api/responsibilities';
import { can } from '../../../../shared/policy';
import {
  describeProblem, ITEM_KIND_LABELS, parseResponsibilityRows, type ItemKind, type ParsedAssignment,
} from '../../../../shared/plans/responsibilityTable';
import type { Database } from '../../../db/schema';
import { appError, invalidField } from '../../../errors';
import { changeLogRepository } from '../../../services/changeLog/repository';
import { actorId, assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { responsibilitiesRepository, type ResponsibilitiesRepository } from './repository';
import { readResponsibilitySheet, responsibilityTemplate } from './xlsx';

type Department = Awaited<ReturnType<ResponsibilitiesRepository['departmentsOfUnit']>>[number];

/**
 * The goals and measures a department leads or supports, in every plan (ids): for the modules that
 * judge a department by its responsibilities (unit reports, evaluation). No access check: callers
 * have made theirs.
 */
export async function responsibilitiesOf(db: Kysely<Database>, departmentId: number) {
  const rows = await responsibilitiesRepository(db).responsibilitiesOf(departmentId);
  const pick = (key: 'goal_id' | 'measure_id') =>
    rows.flatMap((r) => (r[key] === null ? [] : [{ id: r[key], planId: r.plan_id, role: r.role }]));
  return { goals: pick('goal_id'), measures: pick('measure_id') };
}

/** 牵头/配合 of a plan's goals and measures: read with the plan, set by the office by hand or from a 责任分解 table. */
export function responsibilitiesService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = responsibilitiesRepository(db);

  async function planOrThrow(planId: number) {
    const plan = await repo.plan(planId);
    if (!plan) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
    return plan;
  }

  async function assertManages(auth: AuthContext | null, plan: { org_unit_id: number; org_unit_name: string }) {
    return assertCan(auth, 'responsibilities.manage', { orgUnitId: plan.org_unit_id, unitName: plan.org_unit_name, tree: await orgs.tree() });
  }

  const names = (ids: readonly number[], departments: readonly Department[]) =>
    ids.length ? ids.map((id) => departments.find((d) => d.id === id)?.shortName ?? `#${id}`).join('、') : null;

  /** Writes one item's departments and the change log entries, in the caller's transaction. */
  async function writeItem(
    trx: Kysely<Database>, planId: number, kind: ItemKind, id: number, leads: readonly number[], partners: readonly number[], departments: readonly Department[], by: number | null, at: string,
  ) {
    const r = responsibilitiesRepository(trx);
    const before = await r.ofItem(kind, id);
    const old = (role: 'lead' | 'partner') => before.filter((b) => b.role === role).map((b) => b.department_id);
    await r.replaceItem(planId, kind, id, leads, partners);
    const entity = kind === 'goal' ? ('plan_goal' as const) : ('plan_measure' as const);
    await changeLogRepository(trx).record(
      [
        { entity, entityId: id, field: 'lead_departments', oldValue: names(old('lead'), departments), newValue: names(leads, departments) },
        { entity, entityId: id, field: 'partner_departments', oldValue: names(old('partner'), departments), newValue: names(partners, departments) },
      ],
      by, at,
    );
  }

  return {
    async ofPlan(auth: AuthContext | null, planId: number): Promise<PlanResponsibilitiesDto> {
      requireAuth(auth);
      const plan = await planOrThrow(planId);
      const [departments, rows] = await Promise.all([repo.departmentsOfUnit(plan.org_unit_id), repo.ofPlan(planId)]);
      const items = new Map<string, PlanResponsibilitiesDto['items'][number]>();
      for (const r of rows) {
        const kind: ItemKind = r.goal_id !== null ? 'goal' : 'measure';
        const id = (r.goal_id ?? r.measure_id)!;
        const key = `${kind}:${id}`;
        if (!items.has(key)) items.set(key, { kind, id, leads: [], partners: [] });
        items.get(key)![r.role === 'lead' ? 'leads' : 'partners'].push(r.department_id);
      }
      return {
        planId,
        orgUnit: { id: plan.org_unit_id, name: plan.org_unit_name },
        departments,
        items: [...items.values()],
        canManage: can(auth, 'responsibilities.manage', { orgUnitId: plan.org_unit_id, tree: await orgs.tree() }),
      };
    },

    /** Sets one goal's or measure's 牵头 and 配合单位, all member departments of the plan unit's committee. */
    async set(auth: AuthContext | null, kind: ItemKind, id: number, input: SetResponsibilityInputDto) {
      requireAuth(auth);
      const item = await repo.item(kind, id);
      if (!item) throw appError('NOT_FOUND', `${ITEM_KIND_LABELS[kind]}（编号 ${id}）不存在`);
      const plan = await planOrThrow(item.plan_id);
      const user = await assertManages(auth, plan);
      const departments = await repo.departmentsOfUnit(plan.org_unit_id);
      const leads = [...new Set(input.leads)];
      const partners = [...new Set(input.partners)];
      for (const [path, ids] of [['leads', leads], ['partners', partners]] as const) {
        const stranger = ids.find((d) => !departments.some((x) => x.id === d));
        if (stranger !== undefined) throw invalidField(path, `单位（编号 ${stranger}）不是${plan.org_unit_name}妇儿工委的成员单位`);
      }
      if (leads.length === 0 && partners.length > 0) throw invalidField('leads', '已选择配合单位，请先选择牵头单位');
      const both = leads.find((d) => partners.includes(d));
      if (both !== undefined) throw invalidField('partners', `“${names([both], departments)}”已是牵头单位，不能同时作为配合单位`);
      await db.transaction().execute((trx) => writeItem(trx, plan.id, kind, id, leads, partners, departments, actorId(user), new Date().toISOString()));
      return { kind, id, leads, partners };
    },

    /** Checked before an upload is read. */
    async assertImporter(auth: AuthContext | null, planId: number): Promise<void> {
      await assertManages(auth, await planOrThrow(planId));
    },

    /**
     * Imports a 责任分解 table: every row is checked first and any problem refuses the whole file
     * (each named by sheet, row and column); then the named items are replaced in one transaction.
     * Items the table leaves out keep what they had.
     */
    async import(auth: AuthContext | null, planId: number, file: { fileName: string; bytes: Uint8Array }): Promise<ResponsibilityImportResultDto> {
      const plan = await planOrThrow(planId);
      const user = await assertManages(auth, plan);
      const { sheet, rows } = await readResponsibilitySheet(file.fileName, file.bytes);
      const [departments, items] = await Promise.all([repo.departmentsOfUnit(plan.org_unit_id), repo.items(planId)]);
      const refs = items.map((i) => ({ kind: i.kind, id: i.id, areaNo: i.area_no, no: i.no }));
      const parsed = parseResponsibilityRows(rows, refs, departments, `${plan.org_unit_name}妇儿工委`);
      if (!parsed.ok) {
        const details = parsed.problems.map((p) => ({ line: p.line, path: p.column ?? undefined, message: describeProblem(sheet, p) }));
        const shown = details.slice(0, 3).map((d) => d.message).join('；');
        throw appError('RESPONSIBILITY_TABLE_INVALID', `责任分解表有 ${details.length} 处错误，未导入任何内容：${shown}${details.length > 3 ? '……' : ''}`, details);
      }
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const row of parsed.rows) await writeItem(trx, plan.id, row.item.kind, row.item.id, row.leads, row.partners, departments, actorId(user), at);
      });
      const count = (f: (r: ParsedAssignment) => number) => parsed.rows.reduce((n, r) => n + f(r), 0);
      return { items: parsed.rows.length, leads: count((r) => r.leads.length), partners: count((r) => r.partners.length) };
    },

    /** The plan's template, pre-filled with its goals and measures and what is set now. */
    async template(auth: AuthContext | null, planId: number): Promise<{ title: string; body: Buffer }> {
      requireAuth(auth);
      const plan = await planOrThrow(planId);
      const [departments, items, rows] = await Promise.all([repo.departmentsOfUnit(plan.org_unit_id), repo.items(planId), repo.ofPlan(planId)]);
      const of = (kind: ItemKind, id: number, role: 'lead' | 'partner') =>
        rows.filter((r) => (kind === 'goal' ? r.goal_id : r.measure_id) === id && r.role === role).map((r) => departments.find((d) => d.id === r.department_id)?.shortName ?? '');
      const filled = items.map((i) => ({ ...i, leads: of(i.kind, i.id, 'lead'), partners: of(i.kind, i.id, 'partner') }));
      return { title: plan.title, body: await responsibilityTemplate(plan.title, filled, departments) };
    },
  };
}
export type ResponsibilitiesService = ReturnType<typeof responsibilitiesService>;

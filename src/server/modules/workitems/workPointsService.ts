import type { Kysely } from 'kysely';
import type { ImportInput, ImportPointInput, NewWorkPointInput, PreviewDto, PreviewPointDto, RecordInput, WorkPointInput, WorkPointsDto } from '../../../shared/api/workPoints';
import { can } from '../../../shared/policy';
import type { ParsedWorkPoint } from '../../../shared/workitems/parseWorkPoints';
import { matchDepartment } from '../../../shared/workitems/text';
import { MAX_POINT_LEVEL } from '../../../shared/workitems/workPoints';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { actorId, assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { workitemsRepository } from './repository';
import { readWorkPointsFile } from './workPointsFile';
import { pointTree } from './workPointsTree';
import { workPointsRepository } from './workPointsRepository';
import { formatBeijingDateTime } from '../../../shared/format';

/** A committee's 工作要点 of a year: read by the unit's committee, written by its own office. */
export function workPointsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = workPointsRepository(db);
  const units = workitemsRepository(db);

  async function unitOrThrow(id: number) {
    const unit = await units.unit(id);
    if (!unit) throw appError('NOT_FOUND', `单位（编号 ${id}）不存在`);
    return unit;
  }

  async function assertManager(auth: AuthContext | null, orgUnitId: number) {
    const unit = await unitOrThrow(orgUnitId);
    return { user: assertCan(auth, 'workpoints.manage', { orgUnitId, unitName: unit.name, tree: await orgs.tree() }), unit };
  }

  async function pointOrThrow(id: number) {
    const point = await repo.point(id);
    if (!point) throw appError('NOT_FOUND', `工作要点条目（编号 ${id}）不存在`);
    return point;
  }

  /** The departments must be the committee's own, each named once: a lead is no partner too. */
  async function checkDepartments(orgUnitId: number, unitName: string, where: string, leadIds: readonly number[], partnerIds: readonly number[]) {
    const own = new Set((await units.departmentsOfUnit(orgUnitId)).map((d) => d.id));
    for (const [field, ids, role] of [['leadIds', leadIds, '牵头'], ['partnerIds', partnerIds, '配合']] as const) {
      const foreign = ids.find((id) => !own.has(id));
      if (foreign !== undefined) throw invalidField(field, `${where}的${role}单位（编号 ${foreign}）不是${unitName}妇儿工委的成员单位`);
    }
    const leads = [...new Set(leadIds)];
    return { leadIds: leads, partnerIds: [...new Set(partnerIds)].filter((id) => !leads.includes(id)) };
  }

  /** The refusal of a save made from an old version, naming who saved last and when. */
  async function changedSince(id: number) {
    const last = await repo.lastEdit(id);
    if (!last) return appError('NOT_FOUND', `工作要点条目（编号 ${id}）不存在`);
    const by = last.updated_by_name ? `已被${last.updated_by_name}` : '已被他人';
    const at = formatBeijingDateTime(last.updated_at);
    return appError('WORK_POINT_CHANGED', `“${last.title}”${by}于 ${at} 修改，请刷新后再改（您的修改尚未保存）`);
  }

  async function levelOf(pointId: number | null): Promise<number> {
    let level = 0;
    for (let id = pointId; id !== null; level++) id = (await pointOrThrow(id)).parent_id;
    return level;
  }

  return {
    /** A unit's points of a year (the newest year with points, else the current one), as a tree. */
    async list(auth: AuthContext | null, query: { orgUnitId?: number; year?: number }): Promise<WorkPointsDto> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const orgUnitId = query.orgUnitId ?? user.roles.find((r) => r.orgUnitId !== null)?.orgUnitId ?? (await units.topUnit())?.id ?? 0;
      const unit = await unitOrThrow(orgUnitId);
      assertCan(user, 'workitems.read', { orgUnitId, unitName: unit.name, tree });
      const years = await repo.years(orgUnitId);
      const year = query.year ?? years[0] ?? new Date().getUTCFullYear();
      const departments = (await units.departmentsOfUnit(orgUnitId)).map((d) => ({ id: d.id, name: d.name }));
      return {
        orgUnit: { id: unit.id, name: unit.name }, year, years, points: await pointTree(repo, orgUnitId, year), departments,
        canManage: can(user, 'workpoints.manage', { orgUnitId, tree }),
      };
    },

    /** Reads a file (.txt UTF-8/GB18030, .docx, .xlsx, or text pasted as .txt) into a tree with unit names matched to departments. Writes nothing. */
    async preview(auth: AuthContext | null, upload: { fileName: string; bytes: Uint8Array; orgUnitId: number; year?: number }): Promise<PreviewDto> {
      const { unit } = await assertManager(auth, upload.orgUnitId);
      const parsed = await readWorkPointsFile(upload.fileName, upload.bytes, { year: upload.year });
      const departments = await units.departmentsOfUnit(unit.id);
      const warnings = [...parsed.warnings];
      const resolve = (p: ParsedWorkPoint, names: string[], warn: boolean) =>
        names.map((name) => {
          const d = matchDepartment(name, departments, unit.name);
          if (!d && warn) warnings.push({ line: p.line, message: `第 ${p.line} 行的“${name}”不是${unit.name}妇儿工委的成员单位，请在保存前选择` });
          return { name, departmentId: d?.id ?? null, departmentName: d?.name ?? null };
        });
      const view = (p: ParsedWorkPoint): PreviewPointDto => ({
        line: p.line, label: p.label, title: p.title, text: p.text, dueOn: p.due, practical: p.practical,
        leads: resolve(p, p.leads, true), partners: resolve(p, p.partners, true), mentioned: resolve(p, p.mentioned, false), children: p.children.map(view),
      });
      const points = parsed.points.map(view);
      return { title: parsed.title, year: parsed.year, orgUnit: { id: unit.id, name: unit.name }, points, warnings: warnings.sort((a, b) => a.line - b.line) };
    },

    /**
     * Saves a previewed (and perhaps corrected) tree as the unit's points of the year, replacing
     * those there as long as none has a 备案, 通报 or key item on it; all or nothing.
     */
    async import(auth: AuthContext | null, input: ImportInput, options: { isDemo?: boolean; now?: Date } = {}) {
      const { user, unit } = await assertManager(auth, input.orgUnitId);
      const now = (options.now ?? new Date()).toISOString();
      const checked = new Map<ImportPointInput, { leadIds: number[]; partnerIds: number[] }>();
      const check = async (p: ImportPointInput, path: string, depth: number): Promise<void> => {
        if (depth > MAX_POINT_LEVEL) throw invalidField('points', `${path}“${p.title}”超过 ${MAX_POINT_LEVEL} 级：工作要点分部分、条目和子条目三级`);
        checked.set(p, await checkDepartments(unit.id, unit.name, `${path}“${p.title}”`, p.leadIds, p.partnerIds));
        for (const [i, c] of p.children.entries()) await check(c, `${path}第 ${i + 1} 条`, depth + 1);
      };
      for (const [i, p] of input.points.entries()) await check(p, `第 ${i + 1} 部分`, 1);

      return db.transaction().execute(async (trx) => {
        const r = workPointsRepository(trx);
        const existing = await r.points(unit.id, input.year);
        if ((await r.countProgress(existing.map((p) => p.id))) > 0) {
          throw appError('WORK_POINTS_HAVE_RECORDS', `${unit.name} ${input.year} 年的工作要点已有备案、通报、督办或关联的重要事项，不能整体重新导入；请逐条修改`);
        }
        const replaced = await r.deleteYear(unit.id, input.year);
        let saved = 0;
        const insert = async (p: ImportPointInput, parentId: number | null, sort: number) => {
          const id = await r.insertPoint({
            org_unit_id: unit.id, year: input.year, parent_id: parentId, sort, title: p.title, body: p.text, due_on: p.dueOn, practical: p.practical ? 1 : 0,
            mentioned: p.mentioned.join('、'), source_line: p.line, is_demo: options.isDemo ? 1 : 0, created_by: actorId(user), created_at: now, updated_at: now,
          });
          const { leadIds, partnerIds } = checked.get(p)!;
          await r.setUnits(id, leadIds, partnerIds);
          saved++;
          for (const [i, c] of p.children.entries()) await insert(c, id, i);
        };
        for (const [i, p] of input.points.entries()) await insert(p, null, i);
        return { saved, replaced };
      });
    },

    /** A new point at the end of its parent's (or the year's sections). */
    async create(auth: AuthContext | null, input: NewWorkPointInput): Promise<{ id: number }> {
      const { user, unit } = await assertManager(auth, input.orgUnitId);
      if (input.parentId !== null) {
        const parent = await pointOrThrow(input.parentId);
        if (parent.org_unit_id !== unit.id || parent.year !== input.year) throw invalidField('parentId', '上级条目不属于该单位该年度的工作要点');
        if ((await levelOf(parent.id)) >= MAX_POINT_LEVEL) throw invalidField('parentId', `工作要点最多 ${MAX_POINT_LEVEL} 级：子条目下不能再加条目`);
      }
      const { leadIds, partnerIds } = await checkDepartments(unit.id, unit.name, `“${input.title}”`, input.leadIds, input.partnerIds);
      const now = new Date().toISOString();
      return db.transaction().execute(async (trx) => {
        const r = workPointsRepository(trx);
        const siblings = await r.siblings(unit.id, input.year, input.parentId);
        const id = await r.insertPoint({
          org_unit_id: unit.id, year: input.year, parent_id: input.parentId, sort: (siblings.at(-1)?.sort ?? -1) + 1, title: input.title, body: input.text, due_on: input.dueOn,
          practical: input.practical ? 1 : 0, source_line: null, is_demo: 0, created_by: actorId(user), created_at: now, updated_at: now,
        });
        await r.setUnits(id, leadIds, partnerIds);
        return { id };
      });
    },

    /**
     * Saves an edit made from `input.version`; when someone saved the point since, nothing is written
     * and the refusal names who and when (two offices' people editing one point lose nothing unseen).
     */
    async update(auth: AuthContext | null, id: number, input: WorkPointInput): Promise<void> {
      const point = await pointOrThrow(id);
      const { user, unit } = await assertManager(auth, point.org_unit_id);
      const { leadIds, partnerIds } = await checkDepartments(unit.id, unit.name, `“${input.title}”`, input.leadIds, input.partnerIds);
      const saved = await db.transaction().execute(async (trx) => {
        const r = workPointsRepository(trx);
        if (!(await r.updatePoint(id, input.version, { title: input.title, body: input.text, due_on: input.dueOn, practical: input.practical ? 1 : 0 }, actorId(user), new Date().toISOString()))) return false;
        await r.setUnits(id, leadIds, partnerIds);
        return true;
      });
      if (!saved) throw await changedSince(id);
    },

    /** One place up or down among its siblings; the numbering follows. */
    async move(auth: AuthContext | null, id: number, direction: 'up' | 'down'): Promise<void> {
      const point = await pointOrThrow(id);
      await assertManager(auth, point.org_unit_id);
      await db.transaction().execute(async (trx) => {
        const r = workPointsRepository(trx);
        const siblings = await r.siblings(point.org_unit_id, point.year, point.parent_id);
        const at = siblings.findIndex((s) => s.id === id);
        const other = direction === 'up' ? at - 1 : at + 1;
        if (other < 0 || other >= siblings.length) return;
        [siblings[at], siblings[other]] = [siblings[other]!, siblings[at]!];
        // Renumbered 0…n so that equal sorts from older rows cannot keep two points in place.
        for (const [i, s] of siblings.entries()) if (s.sort !== i) await r.setSort(s.id, i);
      });
    },

    /** Deletes a point and its sub-points, when none of them has a 备案, 通报 or key item. */
    async remove(auth: AuthContext | null, id: number): Promise<void> {
      const point = await pointOrThrow(id);
      await assertManager(auth, point.org_unit_id);
      await db.transaction().execute(async (trx) => {
        const r = workPointsRepository(trx);
        const all = await r.points(point.org_unit_id, point.year);
        const ids = [id];
        for (let i = 0; i < ids.length; i++) ids.push(...all.filter((p) => p.parent_id === ids[i]).map((p) => p.id));
        if ((await r.countProgress(ids)) > 0) throw appError('WORK_POINT_HAS_RECORDS', `“${point.title}”${ids.length > 1 ? '或其下的条目' : ''}已有备案、通报、督办或关联的重要事项，不能删除`);
        await r.deletePoint(id);
      });
    },

    /** A 备案 or 通报 of a 实事项目; kept as history, never overwritten. */
    async record(auth: AuthContext | null, id: number, input: RecordInput, options: { isDemo?: boolean; now?: Date } = {}): Promise<void> {
      const point = await pointOrThrow(id);
      const { user } = await assertManager(auth, point.org_unit_id);
      if (point.practical !== 1) throw invalidField('kind', `“${point.title}”不是实事项目：先标记为实事项目，再登记备案或通报`);
      if (input.kind === 'filing' && input.ref === '') throw invalidField('ref', '备案须填写备案文号或文件名');
      if (input.kind === 'notice' && input.text === '') throw invalidField('text', '通报须填写通报内容');
      await repo.insertRecord({ pointId: id, kind: input.kind, onDate: input.onDate, ref: input.ref, text: input.text, actorId: actorId(user), at: (options.now ?? new Date()).toISOString(), isDemo: options.isDemo });
    },

    /** The key items (same unit and year) a point is carried out by. */
    async link(auth: AuthContext | null, id: number, keyItemIds: readonly number[]): Promise<void> {
      const point = await pointOrThrow(id);
      await assertManager(auth, point.org_unit_id);
      const own = new Set((await repo.keyItemsOf(point.org_unit_id, point.year)).map((k) => k.id));
      const foreign = keyItemIds.find((k) => !own.has(k));
      if (foreign !== undefined) throw invalidField('keyItemIds', `重要事项（编号 ${foreign}）不是本单位 ${point.year} 年的重要事项`);
      await db.transaction().execute((trx) => workPointsRepository(trx).setLinks(id, [...new Set(keyItemIds)]));
    },

    /** The unit's key items of the point's year, to link to. */
    async keyItemsFor(auth: AuthContext | null, orgUnitId: number, year: number) {
      await assertManager(auth, orgUnitId);
      return repo.keyItemsOf(orgUnitId, year);
    },

    /** The work points a key item carries out; the caller has checked the item may be read. */
    pointsOfKeyItem(keyItemId: number) {
      return repo.pointsOfKeyItem(keyItemId);
    },
  };
}
export type WorkPointsService = ReturnType<typeof workPointsService>;

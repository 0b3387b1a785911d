import type { Kysely } from 'kysely';
import type { ImportResultDto, KeyItemDto, KeyItemListDto, ReportInput, UnitRefDto } from '../../../shared/api/workitems';
import type { ParsedKeyItems } from '../../../shared/workitems/parseKeyItems';
import { can } from '../../../shared/policy';
import { matchDepartment } from '../../../shared/workitems/text';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import type { AttachmentStore } from '../../services/attachments/store';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { accessTo } from './access';
import { departmentIdsOf, itemViews, REPORT_OWNER } from './itemViews';
import { readKeyItemsFile } from './keyItemsFile';
import { workitemsRepository } from './repository';

export interface KeyItemsUpload {
  fileName: string;
  bytes: Uint8Array;
  orgUnitId: number;
  year?: number;
  dryRun: boolean;
}

/** Key items: import a year's table for a committee, list them with their status, report progress. */
export function keyItemsService(db: Kysely<Database>, orgs: OrgsService, attachments: AttachmentStore) {
  const repo = workitemsRepository(db);

  attachments.registerOwner(REPORT_OWNER, {
    label: '重要事项进展材料',
    canUpload: (auth) => can(auth, 'workitems.report'),
    async canRead(auth, reportId) {
      if (!auth) return false;
      const row = await repo.reportItem(reportId);
      if (!row) return false;
      const [item] = await itemViews(db, attachments, { ids: [row.item_id] });
      return item !== undefined && accessTo(auth, await orgs.tree(), item.orgUnitId, departmentIdsOf(item)).read;
    },
  });

  /** The table's units resolved to the unit's member departments; names that match none stay text, with a warning. */
  async function resolve(parsed: ParsedKeyItems, orgUnitId: number, unitName: string) {
    const departments = await repo.departmentsOfUnit(orgUnitId);
    const warnings = [...parsed.warnings];
    const ref = (no: number, line: number) => (name: string): UnitRefDto => {
      const d = matchDepartment(name, departments, unitName);
      if (!d) warnings.push({ line, message: `第 ${no} 项的“${name}”不是${unitName}妇儿工委的成员单位，按文字保存（无法在平台上报送进展）` });
      return { name, departmentId: d?.id ?? null, departmentName: d?.name ?? null };
    };
    const items = parsed.items.map((i) => ({
      no: i.no, name: i.name, summary: i.summary, leads: i.leads.map(ref(i.no, i.line)), partners: i.partners.map(ref(i.no, i.line)),
      milestones: i.milestones,
    }));
    return { items, warnings };
  }

  async function unitOrThrow(id: number) {
    const unit = await repo.unit(id);
    if (!unit) throw appError('NOT_FOUND', `单位（编号 ${id}）不存在`);
    return unit;
  }

  async function itemOrThrow(id: number, now = new Date()): Promise<KeyItemDto> {
    const [item] = await itemViews(db, attachments, { ids: [id] }, now);
    if (!item) throw appError('NOT_FOUND', `重要事项（编号 ${id}）不存在`);
    return item;
  }

  return {
    /** Checked before an upload is read. */
    async assertImporter(auth: AuthContext | null, orgUnitId: number): Promise<void> {
      assertCan(auth, 'workitems.manage', { orgUnitId, tree: await orgs.tree() });
    },

    /**
     * Preview (dryRun) or save a year's table for a committee. Saving replaces the year's items
     * as long as nobody has reported on them or been 督办-ed about them; all in one transaction.
     */
    async import(auth: AuthContext | null, upload: KeyItemsUpload, options: { isDemo?: boolean; now?: Date } = {}): Promise<ImportResultDto> {
      const user = assertCan(auth, 'workitems.manage', { orgUnitId: upload.orgUnitId, tree: await orgs.tree() });
      const unit = await unitOrThrow(upload.orgUnitId);
      const parsed = await readKeyItemsFile(upload.fileName, upload.bytes, { year: upload.year });
      if (parsed.year === null) throw appError('KEY_ITEMS_INVALID', '表格标题中没有年度，请选择导入到哪一年');
      const year = parsed.year;
      const { items, warnings } = await resolve(parsed, unit.id, unit.name);
      const result = {
        title: parsed.title, year, orgUnit: { id: unit.id, name: unit.name }, warnings,
        items: items.map((i) => ({ ...i, milestones: i.milestones.map(({ period, text, value, unit: u, due }) => ({ period, text, value, unit: u, due })) })),
      };
      if (upload.dryRun) return { ...result, replaced: 0, saved: false };

      const now = (options.now ?? new Date()).toISOString();
      const replaced = await db.transaction().execute(async (trx) => {
        const r = workitemsRepository(trx);
        const existing = await r.items({ orgUnitId: unit.id, year });
        if ((await r.countReports(unit.id, year)) > 0 || (await r.countSupervisionsOfItems(existing.map((i) => i.id))) > 0) {
          throw appError('KEY_ITEMS_HAVE_PROGRESS', `${unit.name} ${year} 年的重要事项已有进展报送或督办，不能整表重新导入`);
        }
        const count = await r.deleteItems(unit.id, year);
        for (const item of items) {
          const id = await r.insertItem({ orgUnitId: unit.id, year, no: item.no, name: item.name, summary: item.summary, sourceName: upload.fileName, isDemo: options.isDemo ?? false, createdBy: user.userId > 0 ? user.userId : null }, now);
          const units = [...item.leads.map((u) => ['lead', u] as const), ...item.partners.map((u) => ['partner', u] as const)];
          await r.insertUnits(units.map(([role, u], sort) => ({ item_id: id, role, name: u.name, department_id: u.departmentId, sort })));
          await r.insertMilestones(item.milestones.map((m) => ({ item_id: id, period: m.period, text: m.text, value: m.value, unit: m.unit, comparator: m.comparator, due_on: m.due })));
        }
        return count;
      });
      return { ...result, replaced, saved: true };
    },

    /** A unit's items of a year (the newest year with items by default), those the user may see. */
    async list(auth: AuthContext | null, query: { orgUnitId?: number; year?: number }, now = new Date()): Promise<KeyItemListDto> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const orgUnitId = query.orgUnitId ?? (await defaultUnit(user));
      assertCan(user, 'workitems.read', { orgUnitId, tree });
      const unit = await unitOrThrow(orgUnitId);
      const years = await repo.years(orgUnitId);
      const year = query.year ?? years[0] ?? null;
      const items = year === null ? [] : await itemViews(db, attachments, { orgUnitId, year }, now);
      return {
        orgUnit: { id: unit.id, name: unit.name }, year, years,
        items: items.filter((i) => accessTo(user, tree, orgUnitId, departmentIdsOf(i)).read),
        canManage: accessTo(user, tree, orgUnitId, []).manage,
      };
    },

    async get(auth: AuthContext | null, id: number, now = new Date()) {
      const user = requireAuth(auth);
      const item = await itemOrThrow(id, now);
      const tree = await orgs.tree();
      const access = accessTo(user, tree, item.orgUnitId, departmentIdsOf(item));
      // Not one of its departments: refused with the policy's reason for someone of another department.
      if (!access.read) assertCan(user, 'workitems.read', { orgUnitId: item.orgUnitId, departmentId: -1, tree });
      return { item, canManage: access.manage, reportAs: access.reportAs };
    },

    /** What the 通报 holds: all of a unit's items of a year and the 督办 on them; for the committee roles, not one department. */
    async bulletinData(auth: AuthContext | null, query: { orgUnitId: number; year: number }, now = new Date()) {
      const tree = await orgs.tree();
      assertCan(auth, 'workitems.read', { orgUnitId: query.orgUnitId, departmentId: -1, tree });
      const unit = await unitOrThrow(query.orgUnitId);
      const items = await itemViews(db, attachments, query, now);
      if (items.length === 0) throw appError('NOT_FOUND', `${unit.name} ${query.year} 年还没有重要事项`);
      return { unit, items };
    },

    /** A unit's report at a milestone: its figure, what it did, its evidence files. Only a lead unit may declare the milestone done. */
    async report(auth: AuthContext | null, milestoneId: number, input: ReportInput, now = new Date()) {
      const milestone = await repo.milestone(milestoneId);
      if (!milestone) throw appError('NOT_FOUND', `节点（编号 ${milestoneId}）不存在`);
      const item = await itemOrThrow(milestone.item_id);
      const isLead = item.leads.some((u) => u.departmentId === input.departmentId);
      if (!isLead && !item.partners.some((u) => u.departmentId === input.departmentId)) {
        throw invalidField('departmentId', `该成员单位不是第 ${item.no} 项“${item.name}”的牵头或配合单位`);
      }
      const user = assertCan(auth, 'workitems.report', { orgUnitId: item.orgUnitId, departmentId: input.departmentId, tree: await orgs.tree() });
      if (input.completed && !isLead) throw invalidField('completed', '节点是否完成由牵头单位确认，配合单位报送本单位承担的部分即可');
      await db.transaction().execute(async (trx) => {
        const id = await workitemsRepository(trx).insertReport({
          milestoneId, departmentId: input.departmentId, role: isLead ? 'lead' : 'partner', value: input.value, text: input.text, completed: input.completed,
          reportedBy: user.userId > 0 ? user.userId : null, reportedAt: now.toISOString(),
        });
        await attachments.bind(trx, user, REPORT_OWNER, id, input.attachmentIds);
      });
      return this.get(auth, item.id, now);
    },
  };

  /** Where a user starts: the unit of their first grant that has items, else of their first grant, else the top unit. */
  async function defaultUnit(user: AuthContext): Promise<number> {
    const withItems = new Set(await repo.unitsWithItems());
    const granted = user.roles.map((r) => r.orgUnitId).filter((u): u is number => u !== null);
    return granted.find((u) => withItems.has(u)) ?? granted[0] ?? (await repo.topUnit())?.id ?? 0;
  }
}
export type KeyItemsService = ReturnType<typeof keyItemsService>;

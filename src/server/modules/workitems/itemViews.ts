import type { Kysely } from 'kysely';
import type { KeyItemDto, UnitRefDto } from '../../../shared/api/workitems';
import { achieved, beijingDate, itemStatus, milestoneStatus } from '../../../shared/workitems/status';
import type { Database } from '../../db/schema';
import { attachmentDto } from '../../services/attachments/routes';
import type { AttachmentStore } from '../../services/attachments/store';
import { workitemsRepository } from './repository';

export const REPORT_OWNER = 'key_item_report';

/** Key items as the pages and the 通报 see them: units, milestones with their reports and status, open 督办. */
export async function itemViews(db: Kysely<Database>, attachments: AttachmentStore, filter: { orgUnitId: number; year: number } | { ids: readonly number[] }, now = new Date()): Promise<KeyItemDto[]> {
  const repo = workitemsRepository(db);
  const items = await repo.items(filter);
  const ids = items.map((i) => i.id);
  const [units, milestones, open] = await Promise.all([repo.unitsOf(ids), repo.milestonesOf(ids), repo.openSupervisionCounts(ids)]);
  const reports = await repo.reportsOf(milestones.map((m) => m.id));
  const files = new Map(await Promise.all(reports.map(async (r) => [r.id, (await attachments.listOfOwner(REPORT_OWNER, r.id)).map(attachmentDto)] as const)));
  const today = beijingDate(now);
  return items.map((item) => {
    const refs = (role: 'lead' | 'partner'): UnitRefDto[] =>
      units.filter((u) => u.item_id === item.id && u.role === role).map((u) => ({ name: u.name, departmentId: u.department_id, departmentName: u.department_name ?? null }));
    const ms = milestones.filter((m) => m.item_id === item.id).map((m) => {
      const mine = reports.filter((r) => r.milestone_id === m.id).map((r) => ({
        id: r.id, departmentId: r.department_id, departmentName: r.department_name, role: r.role, value: r.value, text: r.text, completed: r.completed === 1,
        reportedBy: r.reported_by ?? null, reportedAt: r.reported_at, attachments: files.get(r.id) ?? [],
      }));
      const facts = mine.map((r) => ({ departmentKey: String(r.departmentId), role: r.role, value: r.value, completed: r.completed, reportedAt: r.reportedAt }));
      const fact = { value: m.value, unit: m.unit, comparator: m.comparator, due: m.due_on };
      return { id: m.id, period: m.period, text: m.text, value: m.value, unit: m.unit, comparator: m.comparator, due: m.due_on, status: milestoneStatus(fact, facts, today), achieved: achieved(fact, facts), reports: mine };
    });
    return {
      id: item.id, orgUnitId: item.org_unit_id, year: item.year, no: item.no, name: item.name, summary: item.summary,
      leads: refs('lead'), partners: refs('partner'), milestones: ms, status: itemStatus(ms.map((m) => m.status)), openSupervisions: open.get(item.id) ?? 0, isDemo: item.is_demo === 1,
    };
  });
}

/** The member departments an item names, resolved ones only. */
export const departmentIdsOf = (item: Pick<KeyItemDto, 'leads' | 'partners'>) => [...item.leads, ...item.partners].flatMap((u) => (u.departmentId === null ? [] : [u.departmentId]));

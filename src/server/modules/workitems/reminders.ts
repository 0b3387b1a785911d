import type { ReminderSource } from '../../services/reminders/types';
import { beijingDate } from '../../../shared/workitems/status';
import { attachmentStore } from '../../services/attachments/store';
import { itemViews } from './itemViews';
import { workitemsRepository } from './repository';

const DAY = 86_400_000;

/**
 * Reminders of the workitems module: to a lead department's people 7 days before a key-item
 * milestone not yet met and once it is overdue; to the department of an open 督办 3 days before its
 * deadline and once past it (per round, so pressing again reminds anew).
 */
export const workitemsReminders: ReminderSource = async (db, now) => {
  const repo = workitemsRepository(db);
  const today = beijingDate(now);
  const soon = (days: number) => beijingDate(new Date(now.getTime() + days * DAY));
  const reminders = [];
  const units = await repo.unitsWithItems();
  for (const orgUnitId of units) {
    for (const year of await repo.years(orgUnitId)) {
      if (`${year}-12-31` < beijingDate(new Date(now.getTime() - 31 * DAY))) continue;
      for (const item of await itemViews(db, attachmentStore(db), { orgUnitId, year }, now)) {
        const leads = item.leads.flatMap((u) => (u.departmentId === null ? [] : [u.departmentId]));
        const userIds = await repo.seatUsers(orgUnitId, leads);
        if (userIds.length === 0) continue;
        for (const m of item.milestones) {
          if (m.status === 'met' || m.due === null) continue;
          const when = m.due < today ? 'overdue' : m.due <= soon(7) ? 'due-7d' : null;
          if (!when) continue;
          reminders.push({
            key: `key-item-milestone:${m.id}:${when}`, userIds,
            title: when === 'overdue' ? `重要事项节点已逾期：${item.name}` : `重要事项节点将于 ${m.due} 到期：${item.name}`,
            body: `${m.text}（截止 ${m.due}）。请报送进展。`, link: `/workitems/${item.id}`,
          });
        }
      }
    }
  }
  for (const s of await repo.supervisions({ openOnly: true })) {
    if (s.state !== 'open') continue;
    const when = s.due_on < today ? 'overdue' : s.due_on <= soon(3) ? 'due-3d' : null;
    if (!when) continue;
    const userIds = await repo.seatUsers(s.org_unit_id, [s.department_id]);
    if (userIds.length) {
      reminders.push({
        key: `supervision:${s.id}:round-${s.round}:${when}`, userIds,
        title: when === 'overdue' ? `督办已逾期未答复：${s.subject}` : `督办将于 ${s.due_on} 到期：${s.subject}`,
        body: s.request, link: '/workitems/supervisions',
      });
    }
  }
  return reminders;
};

import { addDays, beijingDate, dueOccasion } from '../../services/reminders/dates';
import type { DueReminder, ReminderSource } from '../../services/reminders/types';
import { analyticsService } from '../analytics/service';
import { orgsService } from '../orgs/service';
import { followupRepository } from './repository';

/**
 * Deadlines of 整改: while the department owes its answer (assigned or returned), its reporters and
 * reviewers are reminded three days before, on the day and after the deadline. A follow-up whose
 * warning no longer fires (the indicator recovered) is not pressed.
 */
export const followupReminders: ReminderSource = async (db, now) => {
  const today = beijingDate(now);
  const repo = followupRepository(db);
  const rows = await repo.awaitingAnswer(addDays(today, 3));
  if (!rows.length) return [];
  const analytics = analyticsService(db, orgsService(db));
  const out: DueReminder[] = [];
  for (const f of rows) {
    const occasion = dueOccasion(f.deadline, today);
    if (!occasion || !(await analytics.currentWarning(f.warning_key, f.org_unit_id))) continue;
    out.push({
      key: `followup:${f.id}:${f.state}:${occasion.key}`,
      userIds: await repo.seatHolders(f.org_unit_id, f.department_id),
      title: `整改提醒：${f.subject}`,
      body: `${f.unit_name}「${f.subject}」的预警整改${occasion.label}，请${f.state === 'returned' ? '按退回意见修改后重新' : ''}答复原因、措施和预计达标时间。`,
      link: `/followups/${f.id}`,
    });
  }
  return out;
};

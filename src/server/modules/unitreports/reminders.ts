import { beijingDate } from '../../../shared/workitems/status';
import type { DueReminder, ReminderSource } from '../../services/reminders/types';
import { unitReportsRepository } from './repository';

const DAY = 86_400_000;
/** Overdue reports are reminded once, within this many days after the due date. */
const OVERDUE_WINDOW_DAYS = 30;

/**
 * Reminders of the unitreports module: to the people who fill a report still owed (never
 * submitted, or returned), 3 days before the round's due date and once it is overdue.
 */
export const unitReportsReminders: ReminderSource = async (db, now) => {
  const repo = unitReportsRepository(db);
  const today = beijingDate(now);
  const day = (offset: number) => beijingDate(new Date(now.getTime() + offset * DAY));
  const reminders: DueReminder[] = [];
  for (const f of await repo.outstandingDue(day(-OVERDUE_WINDOW_DAYS), day(3))) {
    const when = f.due_on < today ? 'overdue' : 'due-3d';
    const userIds = await repo.fillers(f.org_unit_id, f.department_id);
    if (userIds.length === 0) continue;
    reminders.push({
      key: `unit-report:${f.id}:${when}`, userIds,
      title: when === 'overdue' ? `${f.year}年度报告已逾期未报：${f.round_unit_name}妇儿工委` : `${f.year}年度报告将于 ${f.due_on} 截止`,
      body: `请向${f.round_unit_name}妇儿工委报送${f.year}年度规划实施情况和下一年工作安排${f.state === 'returned' ? '（报告已被退回，请修改后重新提交）' : ''}。`,
      link: `/unitreports/forms/${f.id}`,
    });
  }
  return reminders;
};

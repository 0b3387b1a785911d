import { beijingDate, filingDueOn } from '../../../../shared/plans/filing';
import type { DueReminder, ReminderSource } from '../../../services/reminders/types';
import { filingRepository } from './repository';

/** How many days before the deadline the office of the filing unit is reminded. */
export const FILING_REMINDER_DAYS = 7;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * 备案 deadlines for the reminder scheduler: a released plan not filed (or returned) reminds its
 * unit's office once in the last week before the due date and once when it is overdue. The due
 * date is in each key, so correcting the release date reminds anew.
 */
export const filingReminders: ReminderSource = async (db, now) => {
  const repo = filingRepository(db);
  const today = beijingDate(now);
  const plans = await repo.unfiledReleasedPlans();
  const offices = await repo.officeUsersAt([...new Set(plans.map((p) => p.org_unit_id))]);
  const out: DueReminder[] = [];
  for (const p of plans) {
    const userIds = offices.filter((o) => o.org_unit_id === p.org_unit_id).map((o) => o.user_id);
    if (userIds.length === 0) continue;
    const dueOn = filingDueOn(p.released_on!);
    const left = daysBetween(today, dueOn);
    const again = p.latest_state === 'returned' ? '上次报送已被退回，请修改后重新报送。' : '';
    if (left < 0) {
      out.push({
        key: `plan-filing:${p.id}:overdue:${dueOn}`, userIds, link: `/plans/${p.id}`,
        title: `规划备案已逾期：${p.title}`,
        body: `《${p.title}》应于 ${dueOn} 前报送上级妇儿工委办公室备案，现已逾期 ${-left} 天。${again}`,
      });
    } else if (left <= FILING_REMINDER_DAYS) {
      out.push({
        key: `plan-filing:${p.id}:due-${FILING_REMINDER_DAYS}d:${dueOn}`, userIds, link: `/plans/${p.id}`,
        title: `规划备案即将到期：${p.title}`,
        body: `《${p.title}》应于 ${dueOn} 前报送上级妇儿工委办公室备案，还剩 ${left} 天。${again}`,
      });
    }
  }
  return out;
};

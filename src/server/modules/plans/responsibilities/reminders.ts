import { beijingDate } from '../../../../shared/plans/filing';
import { implementationStanding } from '../../../../shared/plans/implementation';
import type { DueReminder, ReminderSource } from '../../../services/reminders/types';
import { responsibilitiesRepository } from './repository';

/** How many days before the due date a department that has not filed is reminded. */
export const IMPLEMENTATION_REMINDER_DAYS = 7;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * 实施方案 deadlines: each department with a responsibility in a plan that has not filed (or whose
 * filing was returned) reminds its reporters and reviewers once in the last week and once overdue.
 * The due date is in the key, so a moved date reminds anew.
 */
export const implementationReminders: ReminderSource = async (db, now) => {
  const repo = responsibilitiesRepository(db);
  const today = beijingDate(now);
  const out: DueReminder[] = [];
  const plans = await repo.plansWithDue();
  const latest = await repo.latestImplementations(plans.map((p) => p.id));
  const states = new Map((await repo.implementationsByIds(latest.map((l) => l.id))).map((r) => [`${r.plan_id}:${r.department_id}`, r.state]));
  for (const plan of plans) {
    const owing = await repo.departmentsOwing(plan.id);
    const users = await repo.seatUsers(plan.org_unit_id, owing.map((d) => d.id));
    for (const d of owing) {
      const state = states.get(`${plan.id}:${d.id}`);
      const standing = implementationStanding(plan.due_on, state ? { state } : null, today);
      if (standing !== 'due' && standing !== 'overdue' && standing !== 'returned') continue;
      const userIds = users.filter((u) => u.department_id === d.id).map((u) => u.user_id);
      const left = daysBetween(today, plan.due_on);
      if (userIds.length === 0 || left > IMPLEMENTATION_REMINDER_DAYS) continue;
      const again = standing === 'returned' ? '上次报送已被退回，请修改后重新报送。' : '';
      const base = { userIds, link: `/my-responsibilities?departmentId=${d.id}` };
      out.push(
        left < 0
          ? { ...base, key: `implementation:${plan.id}:${d.id}:overdue:${plan.due_on}`, title: `实施方案已逾期：${plan.title}`, body: `${d.shortName}应于 ${plan.due_on} 前报送《${plan.title}》的实施方案，现已逾期 ${-left} 天。${again}` }
          : { ...base, key: `implementation:${plan.id}:${d.id}:due-${IMPLEMENTATION_REMINDER_DAYS}d:${plan.due_on}`, title: `实施方案即将到期：${plan.title}`, body: `${d.shortName}应于 ${plan.due_on} 前报送《${plan.title}》的实施方案，还剩 ${left} 天。${again}` },
      );
    }
  }
  return out;
};

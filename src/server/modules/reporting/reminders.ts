import { addDays, beijingDate, dueOccasion } from '../../services/reminders/dates';
import type { ReminderSource } from '../../services/reminders/types';
import { reportingRepository } from './repository';

/**
 * Automatic 催报: each seat that still owes its data gets its reporters reminded three days before
 * the task's due date, on the day, the day after and a week after (services/reminders/dates.ts).
 * The office's manual 催报 (POST /api/reporting/tasks/:id/remind) stays for a push in between.
 */
export const reportingReminders: ReminderSource = async (db, now) => {
  const today = beijingDate(now);
  const seats = await reportingRepository(db).seatsToRemind(today, addDays(today, 3));
  return seats.flatMap((seat) => {
    const occasion = dueOccasion(seat.dueOn, today);
    if (!occasion) return [];
    const owed = seat.state === 'returned' ? '被退回的数据尚未重新提交' : '数据尚未提交';
    return [
      {
        key: `reporting:seat:${seat.id}:${occasion.key}`,
        userIds: seat.userIds,
        title: `填报提醒：${seat.taskName}`,
        body: `${seat.unitName}${seat.department}的${owed}，填报${occasion.label}，请尽快填报并提交。`,
        link: `/reporting/submissions/${seat.id}`,
      },
    ];
  });
};

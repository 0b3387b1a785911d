import { beijingDate } from '../../../shared/workitems/status';
import { practicalState } from '../../../shared/workitems/workPoints';
import type { DueReminder, ReminderSource } from '../../services/reminders/types';
import { workitemsRepository } from './repository';
import { workPointsRepository } from './workPointsRepository';

const DAY = 86_400_000;

/**
 * Reminders of the work points: the lead departments of a point 7 days before its deadline; the
 * committee's office when a 实事项目 is due within 30 days, or past due, and still has no 备案.
 * Points more than 31 days past due are left alone: a year's reminders end with the year.
 */
export const workPointsReminders: ReminderSource = async (db, now) => {
  const repo = workPointsRepository(db);
  const seats = workitemsRepository(db);
  const today = beijingDate(now);
  const day = (days: number) => beijingDate(new Date(now.getTime() + days * DAY));
  const points = await repo.dueBetween(day(-31), day(30));
  const units = await repo.unitsOf(points.map((p) => p.id));
  const records = await repo.recordsOf(points.filter((p) => p.practical === 1).map((p) => p.id));
  const reminders: DueReminder[] = [];
  for (const p of points) {
    const due = p.due_on!;
    const link = `/workitems/points?orgUnitId=${p.org_unit_id}&year=${p.year}`;
    const leads = units.filter((u) => u.point_id === p.id && u.role === 'lead').map((u) => u.department_id);
    if (due >= today && due <= day(7) && leads.length) {
      const userIds = await seats.seatUsers(p.org_unit_id, leads);
      if (userIds.length) reminders.push({ key: `work-point:${p.id}:due-7d`, userIds, title: `工作要点将于 ${due} 到期：${p.title}`, body: `贵单位牵头的“${p.title}”完成时限为 ${due}。`, link });
    }
    const mine = records.filter((r) => r.point_id === p.id).map((r) => ({ kind: r.kind, onDate: r.on_date }));
    if (p.practical === 1 && practicalState(mine) === 'unfiled') {
      const userIds = await repo.officeUsers(p.org_unit_id);
      const when = due < today ? 'overdue' : 'due-30d';
      if (userIds.length) {
        reminders.push({
          key: `work-point:${p.id}:unfiled:${when}`, userIds, link,
          title: when === 'overdue' ? `实事项目已过完成时限仍未备案：${p.title}` : `实事项目尚未备案：${p.title}`,
          body: `实事项目“${p.title}”完成时限 ${due}，还没有登记备案。`,
        });
      }
    }
  }
  return reminders;
};

import { beijingDate } from '../../../shared/workitems/status';
import type { DueReminder, ReminderSource } from '../../services/reminders/types';
import { evaluationRepository } from './repository';
import { participantDto } from './views';

const DAY = 86_400_000;

/**
 * Reminders of open evaluation rounds: a participant with forms still to submit (drafts or
 * returned ones) 7 days before the self-evaluation deadline and once it has passed — a department's
 * reporters and reviewers, a lower committee's office; the 评估组 of the round's unit likewise
 * before the review deadline while submitted forms wait for review.
 */
export const evaluationReminders: ReminderSource = async (db, now) => {
  const repo = evaluationRepository(db);
  const today = beijingDate(now);
  const inAWeek = beijingDate(new Date(now.getTime() + 7 * DAY));
  const when = (due: string) => (due < today ? 'overdue' : due <= inAWeek ? 'due-7d' : null);
  const reminders: DueReminder[] = [];
  for (const round of await repo.openRounds()) {
    const [participants, forms] = await Promise.all([repo.participants([round.id]), repo.forms({ roundIds: [round.id] })]);
    const selfWhen = when(round.self_due_on);
    if (selfWhen) {
      for (const p of participants) {
        const open = forms.filter((f) => f.participant_id === p.id && (f.state === 'draft' || f.state === 'returned')).length;
        if (open === 0) continue;
        const userIds = p.department_id === null ? await repo.usersWith(p.org_unit_id, ['office'], null) : await repo.usersWith(p.org_unit_id, ['reporter', 'dept_reviewer'], p.department_id);
        if (userIds.length === 0) continue;
        reminders.push({
          key: `evaluation:${round.id}:participant-${p.id}:self-${selfWhen}`, userIds,
          title: selfWhen === 'overdue' ? `规划评估自评已逾期：${round.title}` : `规划评估自评将于 ${round.self_due_on} 截止：${round.title}`,
          body: `${participantDto(p).label}尚有 ${open} 份自评表未提交（自评截止 ${round.self_due_on}）。`, link: `/evaluation/rounds/${round.id}`,
        });
      }
    }
    const waiting = forms.filter((f) => f.state === 'submitted').length;
    const reviewWhen = when(round.review_due_on);
    if (reviewWhen && waiting > 0) {
      const userIds = await repo.usersWith(round.org_unit_id, ['evaluation'], null);
      if (userIds.length) {
        reminders.push({
          key: `evaluation:${round.id}:review-${reviewWhen}`, userIds,
          title: reviewWhen === 'overdue' ? `规划评估评审已逾期：${round.title}` : `规划评估评审将于 ${round.review_due_on} 截止：${round.title}`,
          body: `尚有 ${waiting} 份自评表待评审（评审截止 ${round.review_due_on}）。`, link: `/evaluation/rounds/${round.id}`,
        });
      }
    }
  }
  return reminders;
};

import { beijingToday } from '../../../../shared/evaluation/siteChecks';
import type { DueReminder, ReminderSource } from '../../../services/reminders/types';
import { evaluationRepository } from '../repository';
import { participantDto } from '../views';
import { siteChecksRepository } from './repository';

const DAY = 86_400_000;

/**
 * Rectification requests of site checks in open rounds that are still unanswered: the visited
 * unit (a department's reporters and reviewers, a lower committee's office) 7 days before the
 * deadline and once it has passed, one reminder per request and occasion.
 */
export const siteCheckReminders: ReminderSource = async (db, now) => {
  const rounds = evaluationRepository(db);
  const checks = siteChecksRepository(db);
  const today = beijingToday(now);
  const inAWeek = beijingToday(new Date(now.getTime() + 7 * DAY));
  const reminders: DueReminder[] = [];
  for (const round of await rounds.openRounds()) {
    const roundChecks = await checks.checks({ roundId: round.id });
    const open = (await checks.rectifications(roundChecks.map((c) => c.id))).filter((r) => r.answer === null && r.due_on <= inAWeek);
    if (open.length === 0) continue;
    const participants = new Map((await rounds.participants([round.id])).map((p) => [p.id, p]));
    for (const r of open) {
      const check = roundChecks.find((c) => c.id === r.check_id)!;
      const p = participants.get(check.participant_id)!;
      const userIds = p.department_id === null ? await rounds.usersWith(p.org_unit_id, ['office'], null) : await rounds.usersWith(p.org_unit_id, ['reporter', 'dept_reviewer'], p.department_id);
      if (userIds.length === 0) continue;
      const overdue = r.due_on < today;
      reminders.push({
        key: `evaluation:rectification:${r.id}:${overdue ? 'overdue' : 'due-7d'}`, userIds,
        title: overdue ? `督导检查整改要求已逾期：${participantDto(p).label}` : `督导检查整改要求将于 ${r.due_on} 到期：${participantDto(p).label}`,
        body: `${check.visited_on} 督导检查提出的整改要求“${r.requirement.slice(0, 60)}”尚未答复（整改期限 ${r.due_on}）。`, link: `/evaluation/rounds/${round.id}`,
      });
    }
  }
  return reminders;
};

import { actorId } from '../../auth/access';
import type { Kysely } from 'kysely';
import { blocksSubmission } from '../../../../shared/monitoring/validation';
import { checkTransition, TRANSITIONS, type SubmissionState, type WorkflowAction } from '../../../../shared/monitoring/workflow';
import { decide } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import type { AuthContext } from '../../auth/service';
import type { ReportingDictionary } from '../dictionary';
import { reportingRepository, type SubmissionRow } from '../repository';
import type { ScopedIssue } from './writeDataValues';
import { bumpDataVersion } from '../../../db/dataVersion';

export interface TransitionInput {
  auth: AuthContext;
  submission: SubmissionRow;
  action: WorkflowAction;
  reason?: string;
  /** Validation of the seat's data as it stands; submitting needs it clean. */
  issues: ScopedIssue[];
  missing: number;
  dict: ReportingDictionary;
  now?: Date;
}

/**
 * One step of the review workflow: who may take it, from which state, with what reason; then
 * the new state, an event for the record and notifications for the people whose turn it is.
 */
export async function transitionSubmission(db: Kysely<Database>, input: TransitionInput): Promise<SubmissionState> {
  const { auth, submission, action, dict } = input;
  const now = (input.now ?? new Date()).toISOString();
  const access = decide(auth, TRANSITIONS[action].permission, { orgUnitId: submission.org_unit_id, departmentId: submission.department_id, unitName: submission.org_unit_name, tree: dict.tree });
  if (!access.ok) throw appError('AUTH_FORBIDDEN', access.reason);
  const from = submission.state as SubmissionState;
  const check = checkTransition(action, from, input.reason);
  if (!check.ok) throw appError('WORKFLOW_REFUSED', check.message);
  if (action === 'approve' && from === 'submitted') {
    // Bottom-up: where the department has a reviewer, the data reaches the statistics group through them.
    const reviewers = await reportingRepository(db).seatHolders('dept_reviewer', submission.org_unit_id, submission.department_id);
    if (reviewers.length > 0) throw appError('WORKFLOW_REFUSED', `${submission.department_short_name}设有部门审核员，须经部门审核上报后才能审核通过`);
  }

  if (action === 'submit') {
    if (input.missing > 0) throw appError('WORKFLOW_REFUSED', `还有 ${input.missing} 项数据未填写，不能提交`);
    if (blocksSubmission(input.issues)) {
      const details = input.issues
        .filter((i) => i.severity === 'error' || !i.commented)
        .map((i) => ({ message: i.severity === 'error' ? i.message : `${i.message}（需填写说明）` }));
      throw appError('WORKFLOW_REFUSED', `数据未通过校验，不能提交：${details.map((d) => d.message).join('；')}`, details);
    }
  }

  const reason = input.reason?.trim() || null;
  const seat = `${submission.org_unit_name}${submission.department_short_name}${submission.year}年数据`;
  await db.transaction().execute(async (trx) => {
    const repo = reportingRepository(trx);
    // Compare-and-set: a step someone else took meanwhile (or a save holding the seat) is not overrun.
    if (!(await repo.setState(submission.id, from, check.to, action === 'return' || action === 'reopen' ? reason : null, now))) {
      throw appError('WORKFLOW_REFUSED', `${seat}的状态刚被他人更改，请刷新后再操作`);
    }
    await bumpDataVersion(trx);
    await repo.addEvent({ submissionId: submission.id, action, from, to: check.to, comment: reason, actorId: actorId(auth), at: now });
    const link = `/reporting/submissions/${submission.id}`;
    if (action === 'return' || action === 'reopen') {
      const reporters = await repo.seatHolders('reporter', submission.org_unit_id, submission.department_id);
      await repo.notify(reporters, { title: `${seat}被退回`, body: `退回原因：${reason}。请修改后重新提交。`, link }, now);
    } else if (action === 'submit') {
      const reviewers = await repo.seatHolders('dept_reviewer', submission.org_unit_id, submission.department_id);
      const statistics = await repo.seatHolders('statistics', submission.org_unit_id, null);
      await repo.notify([...reviewers, ...statistics], { title: `${seat}已提交`, body: `${auth.displayName}提交了数据，等待审核。`, link }, now);
    } else if (action === 'review') {
      const statistics = await repo.seatHolders('statistics', submission.org_unit_id, null);
      await repo.notify(statistics, { title: `${seat}已由部门审核上报`, body: `${auth.displayName}审核并上报了数据，等待统计监测组审核。`, link }, now);
    } else if (action === 'approve') {
      const reporters = await repo.seatHolders('reporter', submission.org_unit_id, submission.department_id);
      await repo.notify(reporters, { title: `${seat}已审核通过`, body: '数据已审核通过并锁定。', link }, now);
    }
  });
  return check.to;
}

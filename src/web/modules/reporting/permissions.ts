import type { Me } from '../../../shared/api/auth';
import type { SubmissionDto } from '../../../shared/api/reporting';
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/monitoring/workflow';
import { holdsSeat } from '../../../shared/policy';
import { DEPARTMENT_ROLES } from '../../../shared/roles';
import { allows, decideFor } from '../auth/permissions';

type Seat = Pick<SubmissionDto, 'orgUnit' | 'department'>;
type SeatInState = Seat & Pick<SubmissionDto, 'state'>;

const seatTarget = (seat: Seat) => ({ orgUnitId: seat.orgUnit.id, departmentId: seat.department.id, unitName: seat.orgUnit.name });

/** Whether a workflow step is offered to this user on this seat, by the access policy's row for it. */
export function mayAct(user: Me, action: WorkflowAction, seat: Seat): boolean {
  return allows(user, TRANSITIONS[action].permission, seatTarget(seat));
}

/** The steps this user can take now, in workflow order. */
export function availableActions(user: Me, submission: SeatInState): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(submission.state) && mayAct(user, a, submission));
}

/**
 * Steps the state allows and the user's role takes elsewhere, but not on this seat, with why: the
 * city's statistics group looking at a district's submitted data learns that the district approves it.
 */
export function withheldActions(user: Me, submission: SeatInState): { action: WorkflowAction; reason: string }[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(submission.state)).flatMap((action) => {
    const decision = decideFor(user, TRANSITIONS[action].permission, seatTarget(submission));
    return !decision.ok && decision.code === 'AUTH_OUT_OF_SCOPE' ? [{ action, reason: decision.reason }] : [];
  });
}

/** Whether the seat waits for this user's decision: passing it up (department reviewer) or approving it (statistics group). */
export const awaitsDecisionOf = (user: Me, submission: SeatInState): boolean =>
  availableActions(user, submission).some((a) => a === 'review' || a === 'approve');

/** Whether the user reports or reviews this very seat (admin not counted: it is “my” seat). */
export const holdsThisSeat = (user: Me, seat: Seat): boolean => holdsSeat(user, DEPARTMENT_ROLES, seat.orgUnit.id, seat.department.id);

/** Menu entries and pages of the reporting module. */
export const reportsData = (user: Me): boolean => allows(user, 'data.submit') || allows(user, 'data.review');
export const managesTasks = (user: Me): boolean => allows(user, 'tasks.create') || allows(user, 'tasks.remind');
/** 数据审核: whoever decides on submitted data, the department reviewers and the statistics groups. */
export const reviewsData = (user: Me): boolean => allows(user, 'data.review') || allows(user, 'data.approve');

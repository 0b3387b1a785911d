import type { Me } from '../../../shared/api/auth';
import type { SubmissionDto } from '../../../shared/api/reporting';
import { OWN_UNIT_ACTIONS, TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/monitoring/workflow';
import type { Role } from '../../../shared/roles';

type Seat = Pick<SubmissionDto, 'orgUnit' | 'department'>;

export const isAdmin = (user: Me): boolean => user.roles.some((r) => r.role === 'admin');

/** Whether the user holds any of `roles` somewhere (admin holds them all). */
export function hasAnyRole(user: Me, roles: readonly Role[]): boolean {
  return isAdmin(user) || user.roles.some((r) => roles.includes(r.role));
}

/**
 * Whether a workflow step is offered to this user on this seat. Department roles must be held for
 * the seat itself, approving and reopening at the seat's unit; other committee roles anywhere, the
 * server checks that the unit lies in their scope.
 */
export function mayAct(user: Me, action: WorkflowAction, seat: Seat): boolean {
  if (isAdmin(user)) return true;
  const atSeatUnit = OWN_UNIT_ACTIONS.includes(action);
  return TRANSITIONS[action].roles.some((role) =>
    role === 'reporter' || role === 'dept_reviewer'
      ? user.roles.some((r) => r.role === role && r.orgUnitId === seat.orgUnit.id && r.departmentId === seat.department.id)
      : user.roles.some((r) => r.role === role && (!atSeatUnit || r.orgUnitId === seat.orgUnit.id)),
  );
}

/** The steps this user can take now, in workflow order. */
export function availableActions(user: Me, submission: Seat & Pick<SubmissionDto, 'state'>): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(submission.state) && mayAct(user, a, submission));
}

/** Roles that see the task administration pages. */
export const TASK_ROLES: readonly Role[] = ['office', 'statistics'];
/** Roles that review submissions across departments. */
export const REVIEW_ROLES: readonly Role[] = ['statistics'];
/** Roles that report or review one department's data. */
export const SEAT_ROLES: readonly Role[] = ['reporter', 'dept_reviewer'];

import { can, type Subject, type UnitTree } from '../../../shared/policy';

/** A form's seat: a member department at the round's unit, or a lower committee (department null). */
export interface FormSeat {
  org_unit_id: number;
  department_id: number | null;
  round_unit_id: number;
}

/** The action and target that let someone fill a form in. */
export const fillRule = (seat: FormSeat, tree: UnitTree) =>
  seat.department_id === null
    ? ({ action: 'unitreports.reportArea', target: { orgUnitId: seat.org_unit_id, tree } } as const)
    : ({ action: 'unitreports.report', target: { orgUnitId: seat.org_unit_id, departmentId: seat.department_id, tree } } as const);

/**
 * What a user may do with a form (policy rows unitreports.*): its own unit fills it in; the round's
 * office decides on it; the committee roles of the round's unit and above read it. Nobody else sees it.
 */
export function formAccess(user: Subject, tree: UnitTree, seat: FormSeat) {
  const rule = fillRule(seat, tree);
  const fill = can(user, rule.action, rule.target);
  const decide = can(user, 'unitreports.manage', { orgUnitId: seat.round_unit_id, tree });
  return { fill, decide, read: fill || decide || can(user, 'unitreports.read', { orgUnitId: seat.round_unit_id, tree }) };
}

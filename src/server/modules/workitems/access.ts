import { can, type Subject, type UnitTree } from '../../../shared/policy';

/** A department id no grant holds: asking with it leaves only the committee-wide roles. */
const NO_DEPARTMENT = -1;

/**
 * What a user may do with a key item or 督办 of a unit that names `departmentIds` (policy rows
 * workitems.*): committee roles read everything of their units; a member department's people
 * read and report only where their own department is named.
 */
export function accessTo(user: Subject, tree: UnitTree, orgUnitId: number, departmentIds: readonly number[]) {
  const at = (departmentId: number) => ({ orgUnitId, departmentId, tree });
  return {
    read: [...departmentIds, NO_DEPARTMENT].some((d) => can(user, 'workitems.read', at(d))),
    manage: can(user, 'workitems.manage', { orgUnitId, tree }),
    /** The departments the user may report for. */
    reportAs: departmentIds.filter((d) => can(user, 'workitems.report', at(d))),
  };
}

import { OVERSEER_ROLES, type Role } from '../../../shared/roles';
import { appError } from '../../errors';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgTree } from '../orgs/tree';
import type { ReportingDictionary } from './dictionary';

function holdsSeat(auth: AuthContext, role: Role, orgUnitId: number, departmentId: number): boolean {
  return auth.roles.some((g) => g.role === role && g.orgUnitId === orgUnitId && g.departmentId === departmentId);
}

function coversUnit(auth: AuthContext, roles: readonly Role[], orgUnitId: number, tree: OrgTree): boolean {
  return auth.roles.some((g) => g.role === 'admin' || (roles.includes(g.role) && (g.orgUnitId === null || tree.isWithin(orgUnitId, g.orgUnitId))));
}

/**
 * Who may see one department's data at one unit: its own reporters and reviewers, and the
 * committee roles (office, statistics, evaluation, leaders) of that unit or above.
 */
export function canReadSeat(auth: AuthContext, orgUnitId: number, departmentId: number, tree: OrgTree): boolean {
  return (
    holdsSeat(auth, 'reporter', orgUnitId, departmentId) ||
    holdsSeat(auth, 'dept_reviewer', orgUnitId, departmentId) ||
    coversUnit(auth, OVERSEER_ROLES, orgUnitId, tree)
  );
}

export function assertReadSeat(auth: AuthContext | null, orgUnitId: number, departmentId: number, tree: OrgTree): AuthContext {
  const user = requireAuth(auth);
  if (!canReadSeat(user, orgUnitId, departmentId, tree)) throw appError('AUTH_OUT_OF_SCOPE');
  return user;
}

/** Whether the user may take a workflow step that needs `role` on this seat; `ownUnitOnly`: held at the seat's own unit. */
export function actsAs(auth: AuthContext, role: Role, orgUnitId: number, departmentId: number, tree: OrgTree, ownUnitOnly = false): boolean {
  if (role === 'reporter' || role === 'dept_reviewer') return holdsSeat(auth, role, orgUnitId, departmentId) || coversUnit(auth, [], orgUnitId, tree);
  if (ownUnitOnly) return coversUnit(auth, [], orgUnitId, tree) || auth.roles.some((g) => g.role === role && g.orgUnitId === orgUnitId);
  return coversUnit(auth, [role], orgUnitId, tree);
}

/** Whether the user reads all monitoring data of a unit: the committee roles of it or above. */
export function oversees(auth: AuthContext, orgUnitId: number, tree: OrgTree): boolean {
  return coversUnit(auth, OVERSEER_ROLES, orgUnitId, tree);
}

/**
 * Who may see one value: a reader of a seat responsible for its data element at that unit, or an
 * overseer of the unit. The same rule for the audit trail and the dataValueSets export.
 */
export function canReadValue(auth: AuthContext, dict: ReportingDictionary, dataElementId: number, orgUnitId: number): boolean {
  const unit = dict.units.get(orgUnitId)!;
  for (const indicator of dict.indicatorsByDataElement.get(dataElementId) ?? []) {
    const dept = indicator.responsibleDept ? unit.departments.get(indicator.responsibleDept) : undefined;
    if (dept !== undefined && canReadSeat(auth, orgUnitId, dept, dict.tree)) return true;
  }
  return oversees(auth, orgUnitId, dict.tree);
}

import type { Role } from '../../../shared/api/auth';
import { appError } from '../../errors';
import type { OrgTree } from '../orgs/tree';
import type { AuthContext } from './service';

/** Route guards, called first thing in every service method that needs them. */
export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw appError('AUTH_REQUIRED');
  return auth;
}

function grantCovers(grantOrg: number | null, unitId: number | null, tree: OrgTree): boolean {
  if (grantOrg === null || unitId === null) return grantOrg === null || unitId === null;
  return tree.isWithin(unitId, grantOrg);
}

/** True when the user holds one of `roles` for `orgUnitId` (or anywhere, when it is null); admin holds every role. */
export function hasRole(auth: AuthContext, roles: readonly Role[], orgUnitId: number | null, tree: OrgTree): boolean {
  return auth.roles.some(
    (g) => g.role === 'admin' || (roles.includes(g.role) && grantCovers(g.orgUnitId, orgUnitId, tree)),
  );
}

/** Throws 403: “out of scope” when the user has the role elsewhere, “forbidden” when not at all. */
export function assertRole(auth: AuthContext | null, roles: readonly Role[], orgUnitId: number | null, tree: OrgTree): AuthContext {
  const user = requireAuth(auth);
  if (hasRole(user, roles, orgUnitId, tree)) return user;
  const holdsRoleElsewhere = user.roles.some((g) => roles.includes(g.role));
  throw appError(holdsRoleElsewhere ? 'AUTH_OUT_OF_SCOPE' : 'AUTH_FORBIDDEN');
}

import type { Me } from '../../../shared/api/auth';
import { can, decide, type Action, type Decision, type Target, type UnitTree } from '../../../shared/policy';

/*
 * What the page offers, read from the access policy the server enforces (src/shared/policy.ts).
 * Only for showing or hiding controls: the server checks every request itself.
 */

/**
 * Pages mostly do not hold the org tree. The server lists only what lies in the user's scope, so
 * without a tree a unit below a grant's unit is taken to be within it; the server has the last word.
 */
const SERVER_DECIDES_BELOW: UnitTree = { isWithin: () => true };

export const allows = (user: Me, action: Action, target: Target = {}): boolean => can(user, action, { tree: SERVER_DECIDES_BELOW, ...target });
export const decideFor = (user: Me, action: Action, target: Target = {}): Decision => decide(user, action, { tree: SERVER_DECIDES_BELOW, ...target });

export const isAdmin = (user: Me): boolean => allows(user, 'admin');
export const managesPeople = (user: Me): boolean => allows(user, 'users.manage');
export const seesAnalytics = (user: Me): boolean => allows(user, 'analytics.read');
export const readsReports = (user: Me): boolean => allows(user, 'reports.read');
export const acknowledgesWarnings = (user: Me): boolean => allows(user, 'warnings.acknowledge');

/** Where signing in leads: admin to the plans, the committee to its overview, reporters to their tasks. */
export function homePath(user: Me): string {
  if (isAdmin(user)) return '/plans';
  if (seesAnalytics(user)) return '/analytics';
  if (allows(user, 'data.submit') || allows(user, 'data.review')) return '/reporting';
  return '/plans';
}

/** Units whose member departments and people the user manages: everything for admin, an office's subtree. */
export function managedUnitIds(user: Me, unitIds: readonly number[], tree: UnitTree): ReadonlySet<number> {
  return new Set(unitIds.filter((orgUnitId) => can(user, 'departments.manage', { orgUnitId, tree })));
}

import type { Me } from '../../../shared/api/auth';
import { findNode, subtreeIds, type OrgTreeNode } from '../orgs/tree';

/*
 * What the page offers, mirroring the server's checks (orgs/service.ts ORG_MANAGERS). Only for
 * showing or hiding controls: the server checks every request itself.
 */

export const isAdmin = (user: Me): boolean => user.roles.some((g) => g.role === 'admin');

/** Admin and the offices manage people; which people, the server decides row by row. */
export const managesPeople = (user: Me): boolean => user.roles.some((g) => g.role === 'admin' || g.role === 'office');

/** The committee's roles that read the analytics (监测分析): office, statistics, evaluation, leader, and admin. */
export const seesAnalytics = (user: Me): boolean => user.roles.some((g) => ['admin', 'office', 'statistics', 'evaluation', 'leader'].includes(g.role));

/** The office and the statistics group acknowledge warnings (analytics/service.ts ACKNOWLEDGERS); leaders only read. */
export const acknowledgesWarnings = (user: Me): boolean => user.roles.some((g) => ['admin', 'office', 'statistics'].includes(g.role));

/** Where signing in leads: the committee to its overview, reporters to their tasks, admin and others to the plans. */
export function homePath(user: Me): string {
  if (user.roles.some((g) => ['office', 'statistics', 'evaluation', 'leader'].includes(g.role))) return '/analytics';
  if (user.roles.some((g) => g.role === 'reporter' || g.role === 'dept_reviewer')) return '/reporting';
  return '/plans';
}

/** Units whose member departments and people the user manages: everything for admin, an office's subtree. */
export function managedUnitIds(user: Me, roots: readonly OrgTreeNode[]): ReadonlySet<number> {
  if (isAdmin(user)) return new Set(roots.flatMap(subtreeIds));
  const offices = user.roles.filter((g) => g.role === 'office' && g.orgUnitId !== null).map((g) => findNode(roots, g.orgUnitId!));
  return new Set(offices.flatMap((node) => (node ? subtreeIds(node) : [])));
}

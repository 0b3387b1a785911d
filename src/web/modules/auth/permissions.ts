import type { Me } from '../../../shared/api/auth';
import { findNode, subtreeIds, type OrgTreeNode } from '../orgs/tree';

/*
 * What the page offers, mirroring the server's checks (orgs/service.ts ORG_MANAGERS). Only for
 * showing or hiding controls: the server checks every request itself.
 */

export const isAdmin = (user: Me): boolean => user.roles.some((g) => g.role === 'admin');

/** Admin and the offices manage people; which people, the server decides row by row. */
export const managesPeople = (user: Me): boolean => user.roles.some((g) => g.role === 'admin' || g.role === 'office');

/** Units whose member departments and people the user manages: everything for admin, an office's subtree. */
export function managedUnitIds(user: Me, roots: readonly OrgTreeNode[]): ReadonlySet<number> {
  if (isAdmin(user)) return new Set(roots.flatMap(subtreeIds));
  const offices = user.roles.filter((g) => g.role === 'office' && g.orgUnitId !== null).map((g) => findNode(roots, g.orgUnitId!));
  return new Set(offices.flatMap((node) => (node ? subtreeIds(node) : [])));
}

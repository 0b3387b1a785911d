import { useMemo } from 'react';
import type { Me } from '../../../shared/api/auth';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { scopeRoots } from '../../../shared/policy';
import { useApiGet } from '../../http/useApiGet';
import { buildOrgTree, findNode, toTreeSelectOptions, type OrgOption, type OrgTreeNode } from '../orgs/tree';
import { analyticsUrls } from './api';

/** The units a user's analytics can look at: the units of their committee roles and everything below. */
export function unitsOfUser(user: Me, roots: readonly OrgTreeNode[]): OrgTreeNode[] {
  const granted = scopeRoots(user, 'analytics.read');
  if (granted === null) return [...roots];
  const nodes = granted.map((id) => findNode(roots, id)).filter((n): n is OrgTreeNode => n !== undefined);
  // A unit below another granted unit is already in that one's subtree.
  return nodes.filter((node) => !nodes.some((other) => other !== node && findNode(other.children, node.unit.id)));
}

export function useUnitOptions(user: Me): { options: OrgOption[]; loading: boolean } {
  const { data, loading } = useApiGet<OrgUnitDto[]>(analyticsUrls.orgUnits);
  const options = useMemo(() => (data ? toTreeSelectOptions(unitsOfUser(user, buildOrgTree(data))) : []), [data, user]);
  return { options, loading };
}

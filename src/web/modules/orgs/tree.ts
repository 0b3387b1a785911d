import type { OrgUnitDto } from '../../../shared/api/orgs';
import type { UnitTree } from '../../../shared/policy';

export interface OrgTreeNode {
  unit: OrgUnitDto;
  children: OrgTreeNode[];
}

export const LEVEL_LABELS: Record<OrgUnitDto['level'], string> = {
  city: '市',
  district: '区（县）',
  street: '街道（乡镇）',
};

/** Builds the tree from parentId links; units whose parent is missing become roots. Keeps the server's order. */
export function buildOrgTree(units: readonly OrgUnitDto[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of the roots and their children, to open the first two levels of a tree. */
export function topLevelIds(roots: readonly OrgTreeNode[]): number[] {
  return roots.flatMap((root) => [root.unit.id, ...root.children.filter((c) => c.children.length > 0).map((c) => c.unit.id)]);
}

export function findNode(nodes: readonly OrgTreeNode[], id: number): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.unit.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

export interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}

/** treeData for an antd TreeSelect of units. */
export function toTreeSelectOptions(nodes: readonly OrgTreeNode[]): OrgOption[] {
  return nodes.map((node) => ({ value: node.unit.id, title: node.unit.name, children: toTreeSelectOptions(node.children) }));
}

/** The units as the access policy reads them: whether one lies at or below another. */
export function unitTree(units: readonly Pick<OrgUnitDto, 'id' | 'parentId'>[]): UnitTree {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  return {
    isWithin(unitId, scopeId) {
      const seen = new Set<number>();
      for (let cur: number | null | undefined = unitId; cur != null && !seen.has(cur); cur = parentOf.get(cur)) {
        if (cur === scopeId) return true;
        seen.add(cur);
      }
      return false;
    },
  };
}

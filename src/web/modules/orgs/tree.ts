import type { OrgUnitDto } from '../../../shared/api/orgs';

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

/** The node's unit and every unit below it. */
export function subtreeIds(node: OrgTreeNode): number[] {
  return [node.unit.id, ...node.children.flatMap(subtreeIds)];
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

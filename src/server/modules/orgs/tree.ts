/** Org-unit tree arithmetic, pure: scope checks walk up from a unit to the root. */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

export class OrgTree {
  private readonly parentOf = new Map<number, number | null>();

  constructor(nodes: readonly TreeNode[]) {
    for (const n of nodes) this.parentOf.set(n.id, n.parentId);
  }

  has(id: number): boolean {
    return this.parentOf.has(id);
  }

  /** The unit itself and its ancestors, nearest first. */
  ancestorsOrSelf(id: number): number[] {
    const chain: number[] = [];
    for (let cur: number | null | undefined = id; cur != null && !chain.includes(cur); cur = this.parentOf.get(cur)) {
      chain.push(cur);
    }
    return chain;
  }

  /** True when `unitId` is `scopeId` or lies below it. */
  isWithin(unitId: number, scopeId: number): boolean {
    return this.ancestorsOrSelf(unitId).includes(scopeId);
  }

  /** Ids of `scopeId` and everything below it. */
  subtree(scopeId: number): number[] {
    return [...this.parentOf.keys()].filter((id) => this.isWithin(id, scopeId));
  }
}

import { describe, expect, it } from 'vitest';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { buildOrgTree, topLevelIds } from './tree';

function unit(id: number, parentId: number | null, level: OrgUnitDto['level']): OrgUnitDto {
  return { id, code: String(id), name: `单位${id}`, level, parentId, isDemo: true, committee: null, departments: [] };
}

describe('buildOrgTree', () => {
  it('nests units under their parents in server order', () => {
    const roots = buildOrgTree([unit(1, null, 'city'), unit(3, 1, 'district'), unit(2, 1, 'district'), unit(4, 2, 'street')]);
    expect(roots.map((r) => r.unit.id)).toEqual([1]);
    expect(roots[0]?.children.map((c) => c.unit.id)).toEqual([3, 2]);
    expect(roots[0]?.children[1]?.children.map((c) => c.unit.id)).toEqual([4]);
  });

  it('treats units with an unknown parent as roots', () => {
    const roots = buildOrgTree([unit(5, 99, 'district')]);
    expect(roots.map((r) => r.unit.id)).toEqual([5]);
  });

  it('lists the ids to expand: roots and children that have children', () => {
    const roots = buildOrgTree([unit(1, null, 'city'), unit(2, 1, 'district'), unit(3, 1, 'district'), unit(4, 2, 'street')]);
    expect(topLevelIds(roots)).toEqual([1, 2]);
  });
});

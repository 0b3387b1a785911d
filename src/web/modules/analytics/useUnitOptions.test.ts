import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api/auth';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { buildOrgTree } from '../orgs/tree';
import { unitsOfUser } from './useUnitOptions';

const unit = (id: number, parentId: number | null, name: string): OrgUnitDto => ({
  id, parentId, name, code: `U${id}`, level: parentId === null ? 'city' : 'district', isDemo: false, committee: null, departments: [],
});
const roots = buildOrgTree([unit(1, null, '大连市'), unit(2, 1, '中山区'), unit(3, 1, '西岗区'), unit(4, 3, '人民广场街道')]);
const user = (roles: { role: Me['roles'][number]['role']; orgUnitId: number | null }[]): Me => ({
  id: 1, username: 'u', displayName: 'u', roles: roles.map((r) => ({ ...r, orgUnitName: null, departmentId: null })),
});

describe('units a user analyses', () => {
  it('gives admin the whole tree', () => {
    expect(unitsOfUser(user([{ role: 'admin', orgUnitId: null }]), roots).map((n) => n.unit.name)).toEqual(['大连市']);
  });

  it('gives an office its unit with the units below, once', () => {
    const nodes = unitsOfUser(user([{ role: 'office', orgUnitId: 3 }, { role: 'leader', orgUnitId: 4 }]), roots);
    expect(nodes.map((n) => n.unit.name)).toEqual(['西岗区']);
  });
});

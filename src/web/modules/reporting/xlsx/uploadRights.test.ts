import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/roles';
import { mayUpload } from './uploadRights';

const me = (...grants: [Role, number | null, number | null][]): Me => ({
  id: 1,
  username: 'u',
  displayName: '用户',
  roles: grants.map(([role, orgUnitId, departmentId]) => ({ role, orgUnitId, orgUnitName: null, departmentId })),
});
const seat = { orgUnit: { id: 3, name: '西岗区' }, department: { id: 48, name: '西岗区卫生健康委员会', shortName: '卫健委' } };

describe('mayUpload', () => {
  it('lets the seat’s own reporter upload its template, not another department’s', () => {
    expect(mayUpload(me(['reporter', 3, 48]), seat)).toBe(true);
    expect(mayUpload(me(['reporter', 3, 49]), seat)).toBe(false);
    expect(mayUpload(me(['reporter', 3, 48]), null)).toBe(false);
  });

  it('lets the statistics group and admins upload, seat or task', () => {
    for (const user of [me(['statistics', 1, null]), me(['admin', null, null])]) {
      expect(mayUpload(user, seat)).toBe(true);
      expect(mayUpload(user, null)).toBe(true);
    }
  });

  it('leaves readers (office, department reviewers, leaders) with the download', () => {
    for (const role of ['office', 'dept_reviewer', 'leader'] as const) expect(mayUpload(me([role, 3, 48]), seat)).toBe(false);
  });
});

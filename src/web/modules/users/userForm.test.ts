import { describe, expect, it } from 'vitest';
import type { UserDto } from '../../../shared/api/users';
import { formOf, toCreateInput, toGrant, toUpdateInput } from './userForm';

describe('user form', () => {
  it('sends only what each role uses', () => {
    expect(toGrant({ role: 'admin', orgUnitId: 3, departmentId: 5 })).toEqual({ role: 'admin', orgUnitId: null, departmentId: null });
    expect(toGrant({ role: 'office', orgUnitId: 3, departmentId: 5 })).toEqual({ role: 'office', orgUnitId: 3, departmentId: null });
    expect(toGrant({ role: 'reporter', orgUnitId: 3, departmentId: 5 })).toEqual({ role: 'reporter', orgUnitId: 3, departmentId: 5 });
    expect(toGrant({ role: 'dept_reviewer', orgUnitId: undefined })).toEqual({ role: 'dept_reviewer', orgUnitId: null, departmentId: null });
  });

  it('trims names and asks for a generated password when none is typed', () => {
    const values = { username: ' wangfang ', displayName: ' 王芳 ', orgUnitId: 2, password: '' };
    expect(toCreateInput(values)).toEqual({ username: 'wangfang', displayName: '王芳', orgUnitId: 2, departmentId: null, roles: [], password: null });
    expect(toCreateInput({ ...values, password: 'Secret-123' }).password).toBe('Secret-123');
  });

  it('round-trips a user through the form', () => {
    const user: UserDto = {
      id: 7, username: 'wangfang', displayName: '王芳', disabled: false, createdAt: '2026-01-01T00:00:00.000Z',
      orgUnit: { id: 2, name: '西岗区' }, department: { id: 5, name: '西岗区卫生健康委员会' },
      roles: [{ role: 'reporter', orgUnitId: 2, orgUnitName: '西岗区', departmentId: 5, departmentName: '西岗区卫生健康委员会' }],
    };
    expect(toUpdateInput(formOf(user))).toEqual({
      displayName: '王芳', orgUnitId: 2, departmentId: 5, roles: [{ role: 'reporter', orgUnitId: 2, departmentId: 5 }],
    });
  });
});

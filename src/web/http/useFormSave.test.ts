import { describe, expect, it } from 'vitest';
import { splitFieldErrors } from './useFormSave';

describe('splitFieldErrors', () => {
  const fields = ['username', 'roles.*.departmentId'];

  it('puts errors of known fields under them, list entries included', () => {
    const { onFields, rest } = splitFieldErrors(
      [
        { path: 'username', message: '用户名“x”已被使用' },
        { path: 'roles.0.departmentId', message: '成员单位填报员须选择成员单位' },
      ],
      fields,
    );
    expect(onFields).toEqual([
      { name: ['username'], errors: ['用户名“x”已被使用'] },
      { name: ['roles', 0, 'departmentId'], errors: ['成员单位填报员须选择成员单位'] },
    ]);
    expect(rest).toEqual([]);
  });

  it('leaves the rest for an alert', () => {
    const { onFields, rest } = splitFieldErrors(
      [{ path: 'roles', message: '不能取消自己的系统管理员角色' }, { path: 'roles.1', message: '重复' }, { message: '无路径' }],
      fields,
    );
    expect(onFields).toEqual([]);
    expect(rest).toEqual(['不能取消自己的系统管理员角色', '重复', '无路径']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDalian, type Dalian } from '../../../../test/support/orgFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { DepartmentDto, OrgUnitDto } from '../../../shared/api/orgs';

describe(`org units and departments (${testDialect()})`, () => {
  let t: TestApp;
  let org: Dalian;
  let admin: Session;
  let xigangOffice: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    org = await buildDalian(t.db);
    admin = await login(t.app, (await buildUser(t.db, { role: 'admin' })).username);
    xigangOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: org.xigang.id })).username);
  });
  afterEach(async () => t.close());

  const call = (session: Session, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: authHeaders(session), payload });
  const units = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie: admin.cookie } })).json<OrgUnitDto[]>();
  const unit = async (id: number) => (await units()).find((u) => u.id === id);

  describe('org units', () => {
    it('creates a unit one level below its parent, with its committee', async () => {
      const district = await call(admin, 'POST', '/api/org-units', { parentId: org.city.id, code: '210204', name: '沙河口区' });
      expect(district.statusCode).toBe(200);
      expect(district.json()).toMatchObject({
        code: '210204', name: '沙河口区', level: 'district', parentId: org.city.id, isDemo: false,
        committee: { name: '沙河口区妇女儿童工作委员会' }, departments: [],
      });
      const street = await call(admin, 'POST', '/api/org-units', {
        parentId: district.json().id, code: '210204001', name: '香炉礁街道', committeeName: '香炉礁街道妇儿工委',
      });
      expect(street.json()).toMatchObject({ level: 'street', committee: { name: '香炉礁街道妇儿工委' } });
      const city = await call(admin, 'POST', '/api/org-units', { parentId: null, code: '210100', name: '沈阳市' });
      expect(city.json()).toMatchObject({ level: 'city', parentId: null });
    });

    it.each([
      ['a street as parent', () => ({ parentId: org.baiyun.id, code: 'X1', name: '某社区' }), 'parentId', '“白云街道”是街道（乡镇），不能再设下级单位'],
      ['an unknown parent', () => ({ parentId: 999999, code: 'X1', name: '某区' }), 'parentId', '上级单位（编号 999999）不存在'],
      ['a code in use', () => ({ parentId: org.city.id, code: '210203', name: '某区' }), 'code', '单位代码“210203”已被“西岗区”使用'],
      ['a sibling’s name', () => ({ parentId: org.city.id, code: 'X1', name: '西岗区' }), 'name', '同一上级单位下已有名为“西岗区”的单位'],
      ['an empty code', () => ({ parentId: org.city.id, code: ' ', name: '某区' }), 'code', '请填写单位代码'],
      ['a code with other characters', () => ({ parentId: org.city.id, code: '西岗 1', name: '某区' }), 'code', '单位代码只能包含字母、数字、下划线和连字符'],
      ['an empty name', () => ({ parentId: org.city.id, code: 'X1', name: '' }), 'name', '请填写单位名称'],
      ['an empty committee name', () => ({ parentId: org.city.id, code: 'X1', name: '某区', committeeName: ' ' }), 'committeeName', '请填写妇儿工委名称'],
    ])('refuses %s, naming the field in Chinese', async (_case, body, path, message) => {
      const before = (await units()).length;
      const res = await call(admin, 'POST', '/api/org-units', body());
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path, message }]);
      expect(res.json().message).toContain(message);
      expect((await units()).length).toBe(before);
    });

    it('renames and recodes a unit and its committee', async () => {
      const res = await call(admin, 'PATCH', `/api/org-units/${org.zhongshan.id}`, { code: '210202X', name: '中山新区', committeeName: '中山新区妇儿工委' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code: '210202X', name: '中山新区', committee: { name: '中山新区妇儿工委' } });
      expect(res.json().departments.map((d: DepartmentDto) => d.shortName)).toEqual(['卫健委', '教育局']);
      const clash = await call(admin, 'PATCH', `/api/org-units/${org.zhongshan.id}`, { code: '210203', name: '中山区', committeeName: 'x' });
      expect(clash.json().details).toEqual([{ path: 'code', message: '单位代码“210203”已被“西岗区”使用' }]);
      const missing = await call(admin, 'PATCH', '/api/org-units/999999', { code: 'X', name: 'X', committeeName: 'X' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().message).toBe('单位（编号 999999）不存在');
    });

    it('deletes an unused unit with its committee and departments', async () => {
      const departmentNames = async () => (await t.db.kysely.selectFrom('departments').select('name').orderBy('id').execute()).map((d) => d.name);
      const zhongshanNames = (await unit(org.zhongshan.id))!.departments.map((d) => d.name);
      const othersNames = (await departmentNames()).filter((name) => !zhongshanNames.includes(name));
      const res = await call(admin, 'DELETE', `/api/org-units/${org.zhongshan.id}`);
      expect(res.statusCode).toBe(204);
      expect(await unit(org.zhongshan.id)).toBeUndefined();
      expect(zhongshanNames).not.toEqual([]);
      expect(await departmentNames()).toEqual(othersNames);
    });

    it('refuses to delete a unit that anything refers to, saying what', async () => {
      const withChildren = await call(admin, 'DELETE', `/api/org-units/${org.xigang.id}`);
      expect(withChildren.statusCode).toBe(409);
      expect(withChildren.json()).toMatchObject({ code: 'IN_USE', message: '不能删除“西岗区”：仍有 1 个下级单位、1 个用户、1 项角色分配' });

      await buildUser(t.db, { role: 'reporter', orgUnitId: org.city.id, departmentId: org.zs.health.id });
      const usedDepartment = await call(admin, 'DELETE', `/api/org-units/${org.zhongshan.id}`);
      expect(usedDepartment.json().message).toBe('不能删除“中山区”：其成员单位仍被 1 项角色分配引用');
      expect(await unit(org.zhongshan.id)).toBeDefined();
    });

    it('is the admin’s alone: an office or a reporter may not create, change or delete units', async () => {
      const reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id })).username);
      for (const session of [xigangOffice, reporter]) {
        const attempts = [
          await call(session, 'POST', '/api/org-units', { parentId: org.xigang.id, code: 'X1', name: '某街道' }),
          await call(session, 'PATCH', `/api/org-units/${org.baiyun.id}`, { code: 'X1', name: '某街道', committeeName: 'x' }),
          await call(session, 'DELETE', `/api/org-units/${org.baiyun.id}`),
        ];
        for (const res of attempts) expect(res.json()).toEqual({ code: 'AUTH_FORBIDDEN', message: '没有权限管理组织机构' });
      }
      expect(await unit(org.baiyun.id)).toMatchObject({ name: '白云街道' });
    });
  });

  describe('departments', () => {
    const shortNames = async (unitId: number) => (await unit(unitId))!.departments.map((d) => d.shortName);

    it('lets a unit’s office add, rename, reorder and delete its departments', async () => {
      const added = await call(xigangOffice, 'POST', `/api/org-units/${org.xigang.id}/departments`, { name: '西岗区民政局', shortName: '民政局' });
      expect(added.statusCode).toBe(200);
      const id = added.json<DepartmentDto>().id;
      expect(await shortNames(org.xigang.id)).toEqual(['卫健委', '教育局', '民政局']);

      const renamed = await call(xigangOffice, 'PATCH', `/api/departments/${id}`, { name: '西岗区民政局（区老龄办）', shortName: '民政局' });
      expect(renamed.json()).toEqual({ id, name: '西岗区民政局（区老龄办）', shortName: '民政局', counterpartId: null, runsSurveys: false });

      const order = [id, org.xg.health.id, org.xg.education.id];
      const reordered = await call(xigangOffice, 'POST', `/api/org-units/${org.xigang.id}/departments/order`, { ids: order });
      expect(reordered.json<DepartmentDto[]>().map((d) => d.id)).toEqual(order);
      expect(await shortNames(org.xigang.id)).toEqual(['民政局', '卫健委', '教育局']);

      expect((await call(xigangOffice, 'DELETE', `/api/departments/${id}`)).statusCode).toBe(204);
      expect(await shortNames(org.xigang.id)).toEqual(['卫健委', '教育局']);
    });

    it.each([
      ['a name in use', { name: '西岗区教育局', shortName: '教育' }, 'name', '成员单位“西岗区教育局”已存在'],
      ['a short name in use', { name: '西岗区卫生局', shortName: '卫健委' }, 'shortName', '简称“卫健委”已被成员单位“西岗区卫生健康委员会”使用'],
      ['an empty name', { name: '', shortName: '民政局' }, 'name', '请填写成员单位名称'],
      ['an empty short name', { name: '西岗区民政局', shortName: '  ' }, 'shortName', '请填写成员单位简称'],
      ['a long short name', { name: '西岗区民政局', shortName: '民'.repeat(21) }, 'shortName', '成员单位简称不能超过 20 个字符'],
    ])('refuses %s, naming the field', async (_case, body, path, message) => {
      const res = await call(xigangOffice, 'POST', `/api/org-units/${org.xigang.id}/departments`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path, message }]);
      expect(await shortNames(org.xigang.id)).toEqual(['卫健委', '教育局']);
    });

    it('refuses a rename onto another department’s names, but not onto its own', async () => {
      const clash = await call(xigangOffice, 'PATCH', `/api/departments/${org.xg.education.id}`, { name: org.xg.health.name, shortName: '教育局' });
      expect(clash.json().details).toEqual([{ path: 'name', message: `成员单位“${org.xg.health.name}”已存在` }]);
      const same = await call(xigangOffice, 'PATCH', `/api/departments/${org.xg.education.id}`, { name: org.xg.education.name, shortName: '教育局' });
      expect(same.statusCode).toBe(200);
    });

    it('gives a street no departments of its own', async () => {
      const res = await call(admin, 'POST', `/api/org-units/${org.baiyun.id}/departments`, { name: '白云街道卫生院', shortName: '卫生院' });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('“白云街道”是街道（乡镇），其妇儿工委通过所在区（县）的成员单位开展工作，不单独设成员单位');
    });

    it('reorders only with the complete list', async () => {
      for (const ids of [[org.xg.health.id], [org.xg.health.id, org.xg.health.id], [org.xg.health.id, org.zs.education.id]]) {
        const res = await call(xigangOffice, 'POST', `/api/org-units/${org.xigang.id}/departments/order`, { ids });
        expect(res.statusCode).toBe(400);
        expect(res.json().details).toEqual([{ path: 'ids', message: '成员单位顺序须列出本单位的全部成员单位，且每个只出现一次' }]);
      }
    });

    it('refuses to delete a department users or role assignments refer to', async () => {
      await buildUser(t.db, { role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id });
      await t.db.kysely.updateTable('users').set({ department_id: org.xg.health.id }).execute();
      const res = await call(xigangOffice, 'DELETE', `/api/departments/${org.xg.health.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'IN_USE', message: '不能删除成员单位“西岗区卫生健康委员会”：仍被 3 个用户、1 项角色分配引用' });
      const missing = await call(xigangOffice, 'DELETE', '/api/departments/999999');
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: '成员单位（编号 999999）不存在' });
    });

    it('keeps an office to its own subtree and everyone else out', async () => {
      const zs = org.zs.health.id;
      const outside = [
        await call(xigangOffice, 'POST', `/api/org-units/${org.zhongshan.id}/departments`, { name: '中山区民政局', shortName: '民政局' }),
        await call(xigangOffice, 'PATCH', `/api/departments/${zs}`, { name: 'x', shortName: 'x' }),
        await call(xigangOffice, 'POST', `/api/org-units/${org.zhongshan.id}/departments/order`, { ids: [zs, org.zs.education.id] }),
        await call(xigangOffice, 'DELETE', `/api/departments/${zs}`),
      ];
      for (const res of outside) expect(res.json()).toEqual({ code: 'AUTH_OUT_OF_SCOPE', message: '该数据不在您的管辖范围内' });
      const leader = await login(t.app, (await buildUser(t.db, { role: 'leader', orgUnitId: org.xigang.id })).username);
      for (const id of [org.xg.health.id, 999999]) {
        const byLeader = await call(leader, 'DELETE', `/api/departments/${id}`);
        expect(byLeader.json()).toEqual({ code: 'AUTH_FORBIDDEN', message: '没有权限管理成员单位' });
      }
      expect(await shortNames(org.zhongshan.id)).toEqual(['卫健委', '教育局']);
    });
  });
});

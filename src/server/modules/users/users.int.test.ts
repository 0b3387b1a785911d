import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDalian, type Dalian } from '../../../../test/support/orgFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { RoleGrantInputDto, UserCreatedDto, UserDto } from '../../../shared/api/users';

describe(`user administration (${testDialect()})`, () => {
  let t: TestApp;
  let org: Dalian;
  let admin: Session;
  let adminId: number;
  let xigangOffice: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    org = await buildDalian(t.db);
    const adminUser = await buildUser(t.db, { username: 'root', role: 'admin' });
    adminId = adminUser.id;
    admin = await login(t.app, adminUser.username);
    xigangOffice = await login(t.app, (await buildUser(t.db, { username: 'xg-office', role: 'office', orgUnitId: org.xigang.id })).username);
  });
  afterEach(async () => t.close());

  const reporterGrant = (): RoleGrantInputDto => ({ role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id });
  const newReporter = (overrides: object = {}) => ({
    username: 'wangfang',
    displayName: '王芳',
    orgUnitId: org.xigang.id,
    departmentId: org.xg.health.id,
    password: 'Reporter-2024',
    roles: [reporterGrant()],
    ...overrides,
  });
  const post = (session: Session, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: authHeaders(session), payload });
  const patch = (session: Session, url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: authHeaders(session), payload });
  const list = async (session: Session, query = '') => t.app.inject({ method: 'GET', url: `/api/users${query}`, headers: { cookie: session.cookie } });
  const usernames = async (session: Session, query = '') => (await list(session, query)).json<UserDto[]>().map((u) => u.username);
  const userCount = async () => (await t.db.kysely.selectFrom('users').select('id').execute()).length;
  const create = async (session: Session, body: object) => (await post(session, '/api/users', body)).json<UserCreatedDto>().user;

  it('creates a reporter for 西岗区 卫健委 who can then sign in', async () => {
    const res = await post(admin, '/api/users', newReporter());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      password: null,
      user: {
        username: 'wangfang',
        displayName: '王芳',
        orgUnit: { id: org.xigang.id, name: '西岗区' },
        department: { id: org.xg.health.id, name: '西岗区卫生健康委员会' },
        disabled: false,
        roles: [{ role: 'reporter', orgUnitId: org.xigang.id, orgUnitName: '西岗区', departmentId: org.xg.health.id, departmentName: '西岗区卫生健康委员会' }],
      },
    });
    const session = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangfang', password: 'Reporter-2024' } });
    expect(session.json().user.roles).toEqual([{ role: 'reporter', orgUnitId: org.xigang.id, orgUnitName: '西岗区', departmentId: org.xg.health.id, authorisations: [] }]);
  });

  it('generates a password when none is given and shows it this once', async () => {
    const res = await post(admin, '/api/users', newReporter({ password: null }));
    const { password } = res.json<UserCreatedDto>();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await login(t.app, 'wangfang', password!);
    const stored = await t.db.kysely.selectFrom('users').select('password_hash').where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(password!);
  });

  it.each([
    ['a short username', { username: 'w' }, 'username', '用户名至少 2 个字符'],
    ['a username with other characters', { username: '王芳' }, 'username', '用户名只能包含字母、数字、下划线、点和连字符'],
    ['an empty name', { displayName: ' ' }, 'displayName', '请填写姓名'],
    ['no unit', { orgUnitId: undefined }, 'orgUnitId', '请选择所属单位'],
    ['a short password', { password: 'short' }, 'password', '初始密码至少 8 位'],
    ['a reporter without department', { roles: [{ role: 'reporter', orgUnitId: 1, departmentId: null }] }, 'roles.0.departmentId', '成员单位填报员须选择成员单位'],
    ['a dept reviewer without department', { roles: [{ role: 'dept_reviewer', orgUnitId: 1, departmentId: null }] }, 'roles.0.departmentId', '成员单位审核员须选择成员单位'],
    ['an office with a department', { roles: [{ role: 'office', orgUnitId: 1, departmentId: 1 }] }, 'roles.0.departmentId', '妇儿工委办公室不按成员单位分配，请不要选择成员单位'],
    ['a role without unit', { roles: [{ role: 'leader', orgUnitId: null, departmentId: null }] }, 'roles.0.orgUnitId', '请选择领导的所属单位'],
    ['an admin with a unit', { roles: [{ role: 'admin', orgUnitId: 1, departmentId: null }] }, 'roles.0.orgUnitId', '系统管理员管辖全部单位，不需选择单位'],
    ['an unknown role', { roles: [{ role: 'boss', orgUnitId: 1, departmentId: null }] }, 'roles.0.role', '请选择角色'],
    ['the same grant twice', { roles: [{ role: 'leader', orgUnitId: 1, departmentId: null }, { role: 'leader', orgUnitId: 1, departmentId: null }] }, 'roles.1', '第 2 项角色分配与前面的重复'],
  ])('refuses %s, naming the field in Chinese', async (_case, overrides, path, message) => {
    const before = await userCount();
    const res = await post(admin, '/api/users', newReporter(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path, message }]);
    expect(await userCount()).toBe(before);
  });

  it('refuses a taken username, an unknown unit and departments of another committee', async () => {
    await post(admin, '/api/users', newReporter());
    const cases: [object, string, string][] = [
      [{}, 'username', '用户名“wangfang”已被使用'],
      [{ username: 'u2', orgUnitId: 999999 }, 'orgUnitId', '单位（编号 999999）不存在'],
      [{ username: 'u2', departmentId: org.zs.health.id }, 'departmentId', '成员单位“中山区卫生健康委员会”不属于西岗区妇儿工委'],
      [{ username: 'u2', roles: [{ ...reporterGrant(), departmentId: org.zs.education.id }] }, 'roles.0.departmentId', '成员单位“中山区教育局”不属于西岗区妇儿工委'],
      [{ username: 'u2', roles: [{ role: 'reporter', orgUnitId: org.baiyun.id, departmentId: org.xg.health.id }] }, 'roles.0.departmentId', '成员单位“西岗区卫生健康委员会”不属于白云街道妇儿工委'],
      [{ username: 'u2', roles: [{ ...reporterGrant(), departmentId: 999999 }] }, 'roles.0.departmentId', '成员单位（编号 999999）不存在'],
    ];
    for (const [overrides, path, message] of cases) {
      const res = await post(admin, '/api/users', newReporter(overrides));
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path, message }]);
    }
    expect(await usernames(admin, '?keyword=u2')).toEqual([]);
  });

  it('edits a user’s name, placement and roles in one go', async () => {
    const user = await create(admin, newReporter());
    const res = await patch(admin, `/api/users/${user.id}`, {
      displayName: '王芳芳',
      orgUnitId: org.baiyun.id,
      departmentId: null,
      roles: [{ role: 'office', orgUnitId: org.baiyun.id, departmentId: null }, { role: 'leader', orgUnitId: org.xigang.id, departmentId: null }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '王芳芳',
      orgUnit: { name: '白云街道' },
      department: null,
      roles: [{ role: 'office', orgUnitName: '白云街道' }, { role: 'leader', orgUnitName: '西岗区' }],
    });
    const invalid = await patch(admin, `/api/users/${user.id}`, { displayName: '王芳', orgUnitId: org.xigang.id, departmentId: null, roles: [{ role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.zs.health.id }] });
    expect(invalid.statusCode).toBe(400);
    expect((await list(admin, '?keyword=wangfang')).json<UserDto[]>()[0]!.roles.map((g) => g.role)).toEqual(['office', 'leader']);
    expect((await patch(admin, '/api/users/999999', { displayName: 'x', orgUnitId: org.xigang.id, departmentId: null, roles: [] })).statusCode).toBe(404);
  });

  it('lists users by unit subtree, role and keyword', async () => {
    await create(admin, newReporter());
    await create(admin, newReporter({ username: 'zs_Li', displayName: '李明', orgUnitId: org.zhongshan.id, departmentId: null, roles: [{ role: 'reporter', orgUnitId: org.zhongshan.id, departmentId: org.zs.health.id }] }));
    await create(admin, newReporter({ username: 'by_zhao', displayName: '赵敏', orgUnitId: org.baiyun.id, departmentId: null, roles: [{ role: 'office', orgUnitId: org.baiyun.id, departmentId: null }] }));

    expect(await usernames(admin, `?orgUnitId=${org.xigang.id}`)).toEqual(['wangfang', 'xg-office', 'by_zhao']);
    expect(await usernames(admin, `?orgUnitId=${org.baiyun.id}`)).toEqual(['by_zhao']);
    expect(await usernames(admin, '?role=reporter')).toEqual(['wangfang', 'zs_Li']);
    expect(await usernames(admin, '?keyword=ZS_l')).toEqual(['zs_Li']);
    expect(await usernames(admin, `?keyword=${encodeURIComponent('李')}`)).toEqual(['zs_Li']);
    expect(await usernames(admin, `?keyword=${encodeURIComponent('_')}`)).toEqual(['zs_Li', 'by_zhao']);
    expect(await usernames(admin, `?keyword=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await usernames(admin)).toHaveLength(5);
  });

  describe('an office of 西岗区', () => {
    it('manages users within 西岗区 and below', async () => {
      const reporter = await create(xigangOffice, newReporter());
      expect(reporter.username).toBe('wangfang');
      const streetOffice = await post(xigangOffice, '/api/users', newReporter({
        username: 'by-office', orgUnitId: org.baiyun.id, departmentId: null, roles: [{ role: 'office', orgUnitId: org.baiyun.id, departmentId: null }],
      }));
      expect(streetOffice.statusCode).toBe(200);
      const edited = await patch(xigangOffice, `/api/users/${reporter.id}`, { displayName: '王芳（卫健委）', orgUnitId: org.xigang.id, departmentId: org.xg.health.id, roles: [reporterGrant()] });
      expect(edited.json().displayName).toBe('王芳（卫健委）');
      expect((await post(xigangOffice, `/api/users/${reporter.id}/disable`)).statusCode).toBe(200);
      expect((await post(xigangOffice, `/api/users/${reporter.id}/reset-password`)).statusCode).toBe(200);
      expect(await usernames(xigangOffice)).toEqual(['wangfang', 'xg-office', 'by-office']);
    });

    it('may not touch a 中山区 user, nor place anyone in 中山区', async () => {
      const zs = await create(admin, newReporter({ username: 'zs-user', orgUnitId: org.zhongshan.id, departmentId: null, roles: [{ role: 'reporter', orgUnitId: org.zhongshan.id, departmentId: org.zs.health.id }] }));
      const attempts = [
        await patch(xigangOffice, `/api/users/${zs.id}`, { displayName: 'x', orgUnitId: org.xigang.id, departmentId: null, roles: [] }),
        await post(xigangOffice, `/api/users/${zs.id}/disable`),
        await post(xigangOffice, `/api/users/${zs.id}/reset-password`),
        await post(xigangOffice, '/api/users', newReporter({ orgUnitId: org.zhongshan.id, departmentId: null })),
        await post(xigangOffice, '/api/users', newReporter({ roles: [{ role: 'reporter', orgUnitId: org.zhongshan.id, departmentId: org.zs.health.id }] })),
        await post(xigangOffice, '/api/users', newReporter({ roles: [{ role: 'office', orgUnitId: org.city.id, departmentId: null }] })),
        await list(xigangOffice, `?orgUnitId=${org.zhongshan.id}`),
      ];
      for (const res of attempts) expect(res.json()).toEqual({ code: 'AUTH_OUT_OF_SCOPE', message: '该数据不在您的管辖范围内' });
      expect(await usernames(xigangOffice, '?keyword=zs')).toEqual([]);
      expect(await userCount()).toBe(3);
    });

    it('may not grant admin, nor manage an admin', async () => {
      const grant = await post(xigangOffice, '/api/users', newReporter({ roles: [{ role: 'admin', orgUnitId: null, departmentId: null }] }));
      expect(grant.statusCode).toBe(403);
      expect(grant.json()).toEqual({ code: 'AUTH_FORBIDDEN', message: '只有系统管理员可以授予系统管理员角色' });
      const reporter = await create(admin, newReporter());
      const promote = await patch(xigangOffice, `/api/users/${reporter.id}`, { displayName: '王芳', orgUnitId: org.xigang.id, departmentId: null, roles: [reporterGrant(), { role: 'admin', orgUnitId: null, departmentId: null }] });
      expect(promote.statusCode).toBe(403);
      const xgAdmin = await create(admin, newReporter({ username: 'xg-admin', departmentId: null, roles: [{ role: 'admin', orgUnitId: null, departmentId: null }] }));
      const disable = await post(xigangOffice, `/api/users/${xgAdmin.id}/disable`);
      expect(disable.json().code).toBe('AUTH_FORBIDDEN');
    });
  });

  it('keeps everyone else out with the policy’s reason, before saying whether a user exists', async () => {
    const reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id })).username);
    const attempts = [
      await list(reporter),
      await post(reporter, '/api/users', newReporter()),
      await post(reporter, `/api/users/${adminId}/reset-password`),
      await post(reporter, '/api/users/999999/disable'),
    ];
    for (const res of attempts) expect(res.json()).toEqual({ code: 'AUTH_FORBIDDEN', message: '没有权限管理用户' });
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('disabling ends the user’s sessions and stops sign-in; enabling lets them back', async () => {
    const user = await create(admin, newReporter());
    const session = await login(t.app, 'wangfang', 'Reporter-2024');
    const disabled = await post(admin, `/api/users/${user.id}/disable`);
    expect(disabled.json()).toMatchObject({ id: user.id, disabled: true });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(await t.db.kysely.selectFrom('sessions').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
    await expect(login(t.app, 'wangfang', 'Reporter-2024')).rejects.toThrow(/401/);

    expect((await post(admin, `/api/users/${user.id}/enable`)).json().disabled).toBe(false);
    await login(t.app, 'wangfang', 'Reporter-2024');
  });

  it('refuses a session of a disabled user even before it is deleted', async () => {
    const user = await create(admin, newReporter());
    const session = await login(t.app, 'wangfang', 'Reporter-2024');
    await t.db.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('resets a password to a generated one, shown once; the old one and the user’s sessions end', async () => {
    const user = await create(admin, newReporter());
    const session = await login(t.app, 'wangfang', 'Reporter-2024');
    const res = await post(admin, `/api/users/${user.id}/reset-password`);
    const { password } = res.json<{ password: string }>();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    await expect(login(t.app, 'wangfang', 'Reporter-2024')).rejects.toThrow(/401/);
    await login(t.app, 'wangfang', password);
  });

  it('keeps people from locking themselves out', async () => {
    const disableSelf = await post(admin, `/api/users/${adminId}/disable`);
    expect(disableSelf.statusCode).toBe(400);
    expect(disableSelf.json().message).toBe('不能停用自己的账号');
    const demote = await patch(admin, `/api/users/${adminId}`, { displayName: '管理员', orgUnitId: org.city.id, departmentId: null, roles: [{ role: 'office', orgUnitId: org.city.id, departmentId: null }] });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().details).toEqual([{ path: 'roles', message: '不能取消自己的系统管理员角色' }]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, TEST_PASSWORD, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';

describe(`changing one's own password (${testDialect()})`, () => {
  let t: TestApp;
  let session: Session;
  let username: string;

  beforeEach(async () => {
    t = await buildTestApp();
    username = (await buildUser(t.db, { role: 'reporter' })).username;
    session = await login(t.app, username);
  });
  afterEach(async () => t.close());

  const change = (payload: object, s: Session = session) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: authHeaders(s), payload });
  const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });

  it('takes the old and a new password; other sessions end, this one stays', async () => {
    const elsewhere = await login(t.app, username);
    const res = await change({ oldPassword: TEST_PASSWORD, newPassword: 'Brand-new-2024' });
    expect(res.statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    await expect(login(t.app, username)).rejects.toThrow(/401/);
    await login(t.app, username, 'Brand-new-2024');
  });

  it.each([
    ['a wrong old password', { oldPassword: 'wrong', newPassword: 'Brand-new-2024' }, 'oldPassword', '原密码不正确'],
    ['no old password', { oldPassword: '', newPassword: 'Brand-new-2024' }, 'oldPassword', '请输入原密码'],
    ['a short new password', { oldPassword: TEST_PASSWORD, newPassword: '1234567' }, 'newPassword', '新密码至少 8 位'],
    ['the same password again', { oldPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword', '新密码不能与原密码相同'],
  ])('refuses %s, naming the field', async (_case, payload, path, message) => {
    const res = await change(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path, message }]);
    await login(t.app, username);
  });

  it('needs a session and its CSRF token', async () => {
    const payload = { oldPassword: TEST_PASSWORD, newPassword: 'Brand-new-2024' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password', payload })).statusCode).toBe(401);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: session.cookie }, payload });
    expect(noToken.json().code).toBe('CSRF_INVALID');
  });

  it('limits guessing the old password', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await change({ oldPassword: `guess${i}`, newPassword: 'Brand-new-2024' })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

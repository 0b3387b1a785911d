import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import { authService } from './service';
import { verifyPassword } from './password';

describe(`auth (${testDialect()})`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  it('logs in with JSON, sets an HttpOnly SameSite session cookie, and knows the user', async () => {
    const user = await buildUser(t.db, { username: 'liming', role: 'office' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'liming', password: user.password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'halfsky_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({ username: 'liming', roles: [{ role: 'office' }] });

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `halfsky_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('liming');
  });

  it.each([
    ['a wrong password', 'liming', 'wrong'],
    ['an unknown user', 'nobody', 'whatever'],
  ])('refuses %s with 401 and one Chinese message', async (_case, username, password) => {
    await buildUser(t.db, { username: 'liming' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(res.cookies).toHaveLength(0);
  });

  it('asks for both fields in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请输入用户名');
  });

  it('requires a session for the API and the CSRF token for writes', async () => {
    const user = await buildUser(t.db, { role: 'office' });
    expect((await t.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    const session = await login(t.app, user.username);
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF_INVALID');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': 'x' } });
    expect(wrongToken.statusCode).toBe(403);
  });

  it('logout ends the session on the server', async () => {
    const user = await buildUser(t.db);
    const session = await login(t.app, user.username);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: authHeaders(session) });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('limits login attempts per account', async () => {
    await buildUser(t.db, { username: 'target' });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: `guess${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: 'x' } });
    expect(limited.json().message).toBe('尝试次数过多，请稍后再试');
    // Per account: a colleague behind the same address still gets in.
    const colleague = await buildUser(t.db, { username: 'colleague' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'colleague', password: colleague.password } });
    expect(ok.statusCode).toBe(200);
  });

  it('creates admin once on an empty database: with the given password, or a random one to print', async () => {
    const auth = authService(t.db.kysely);
    const first = await auth.ensureAdmin(undefined, null);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await t.db.kysely.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword(first.generatedPassword!, stored.password_hash)).toBe(true);
    expect(await auth.ensureAdmin('another', null)).toEqual({ created: false, generatedPassword: null });
  });
});

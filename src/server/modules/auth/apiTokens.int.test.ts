import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import { TOKEN_MAX_ACTIVE, type ApiTokenCreated, type ApiTokenDto } from '../../../shared/api/apiTokens';
import { ACCOUNT_MAX_FAILURES } from './loginLimit';
import { BASIC_FAILURES_PER_MINUTE } from './plugin';

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

describe(`API tokens and HTTP Basic (${testDialect()})`, () => {
  let t: TestApp;
  let unit: { id: number; name: string };
  let office: { id: number; username: string; password: string };
  let session: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    unit = await buildOrgUnit(t.db, { name: '西岗区' });
    office = await buildUser(t.db, { username: 'xg_office', role: 'office', orgUnitId: unit.id });
    session = await login(t.app, office.username);
  });
  afterEach(async () => t.close());

  const create = async (s: Session, payload: Record<string, unknown> = { name: '数据同步脚本', expiresInDays: 30 }) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: authHeaders(s), payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ApiTokenCreated>();
  };
  const me = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
  /** A write that needs the office role: adding a member department. */
  const addDepartment = (headers: Record<string, string>, name: string) =>
    t.app.inject({ method: 'POST', url: `/api/org-units/${unit.id}/departments`, headers, payload: { name, shortName: name.slice(-3) } });

  it('creates a token shown once, stored only as its hash, and lists it without the secret', async () => {
    const created = await create(session);
    expect(created.token).toMatch(/^hsk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: '数据同步脚本', status: 'active', lastUsedAt: null, owner: { username: 'xg_office' } });
    expect(created.prefix).toBe(created.token.slice(0, 12));
    expect(new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime()).toBe(30 * 24 * 3600_000);

    const stored = await t.db.kysely.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(created.token).digest('base64url'));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: session.cookie } });
    expect(list.json<ApiTokenDto[]>()).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix })]);
    expect(list.body).not.toContain(created.token);
  });

  it.each(['ApiToken', 'Bearer'])('acts as the owner with `Authorization: %s …`, writes without a CSRF token, and records the use', async (scheme) => {
    const { token, id } = await create(session);
    const res = await me(`${scheme} ${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'xg_office', roles: [{ role: 'office', orgUnitId: unit.id }] });
    expect((await addDepartment({ authorization: `${scheme} ${token}` }, '西岗区统计局')).statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it('still requires the CSRF token of a cookie session', async () => {
    const res = await addDepartment({ cookie: session.cookie }, '西岗区统计局');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });

  it('has no more rights than the owner', async () => {
    const reporter = await buildUser(t.db, { role: 'reporter', orgUnitId: unit.id });
    const { token } = await create(await login(t.app, reporter.username));
    const res = await addDepartment({ authorization: `Bearer ${token}` }, '西岗区统计局');
    expect(res.statusCode).toBe(403);
  });

  it('refuses a revoked, an expired, a made-up token and a disabled owner’s with 401 in Chinese', async () => {
    const revoked = await create(session);
    const out = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${revoked.id}`, headers: authHeaders(session) });
    expect(out.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await me(`Bearer ${revoked.token}`)).json()).toMatchObject({ code: 'API_TOKEN_REVOKED', message: '访问令牌已被撤销' });

    const old = new Date(Date.now() - 10 * 24 * 3600_000);
    const ctx = await t.app.services.auth.resolve(session.cookie.split('=')[1]!);
    const expired = await t.app.services.apiTokens.create(ctx, { name: '过期的', expiresInDays: 7 }, old);
    const res = await me(`ApiToken ${expired.token}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/^访问令牌已于 \d{4}-\d{2}-\d{2} 过期，请创建新令牌$/);

    expect((await me(`Bearer hsk_${'A'.repeat(43)}`)).json()).toMatchObject({ code: 'API_TOKEN_INVALID', message: '访问令牌无效' });
    expect((await me('Bearer nonsense')).statusCode).toBe(401);
    expect((await me('Digest abc')).json().code).toBe('AUTH_HEADER_INVALID');

    const live = await create(session);
    await t.db.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', office.id).execute();
    expect((await me(`Bearer ${live.token}`)).json().message).toBe('访问令牌所属的账号已停用');
  });

  it('insists on an expiry of at most a year and a name', async () => {
    for (const [payload, message] of [
      [{ name: '脚本', expiresInDays: 366 }, '有效期最长 365 天'],
      [{ name: '脚本' }, '请选择有效期'],
      [{ name: ' ', expiresInDays: 30 }, '请填写令牌名称'],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: authHeaders(session), payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(message);
    }
  });

  it('keeps at most the documented number of valid tokens per person', async () => {
    await t.db.kysely
      .insertInto('api_tokens')
      .values(Array.from({ length: TOKEN_MAX_ACTIVE }, (_, i) => ({ user_id: office.id, name: `令牌${i}`, token_hash: `hash${i}`, prefix: 'hsk_test', expires_at: '2099-01-01T00:00:00.000Z' })))
      .execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: authHeaders(session), payload: { name: '再来一个', expiresInDays: 30 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'API_TOKEN_LIMIT', message: `有效的访问令牌最多 ${TOKEN_MAX_ACTIVE} 个，请先撤销不再使用的令牌` });
    // Revoking one makes room.
    const first = await t.db.kysely.selectFrom('api_tokens').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${first.id}`, headers: authHeaders(session) });
    await create(session);
  });

  it('does not let a token create tokens', async () => {
    const { token } = await create(session);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: '再来一个', expiresInDays: 365 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('API_TOKEN_NEEDS_PASSWORD');
  });

  it('shows an administrator everyone’s tokens and lets them revoke any; others only their own', async () => {
    const mine = await create(session);
    const colleague = await buildUser(t.db, { role: 'office', orgUnitId: unit.id });
    const colleagueSession = await login(t.app, colleague.username);
    const admin = await login(t.app, (await buildUser(t.db, { role: 'admin' })).username);

    expect((await t.app.inject({ method: 'GET', url: '/api/auth/tokens?all=true', headers: { cookie: colleagueSession.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${mine.id}`, headers: authHeaders(colleagueSession) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: colleagueSession.cookie } })).json()).toEqual([]);

    const all = await t.app.inject({ method: 'GET', url: '/api/auth/tokens?all=true', headers: { cookie: admin.cookie } });
    expect(all.json<ApiTokenDto[]>().map((x) => x.owner.username)).toEqual(['xg_office']);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${mine.id}`, headers: authHeaders(admin) });
    expect(revoked.json().status).toBe('revoked');
    expect((await me(`Bearer ${mine.token}`)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/auth/tokens/999999', headers: authHeaders(admin) })).statusCode).toBe(404);
  });

  it('accepts HTTP Basic with the password on the API, without CSRF and without a browser prompt', async () => {
    const res = await me(basic('xg_office', office.password));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('xg_office');
    expect((await addDepartment({ authorization: basic('xg_office', office.password) }, '西岗区民政局')).statusCode).toBe(200);
    const wrong = await me(basic('xg_office', 'wrong'));
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(wrong.headers['www-authenticate']).toBeUndefined();
    expect((await me('Basic bm9jb2xvbg==')).json().code).toBe('AUTH_HEADER_INVALID');
    // A name longer than any account's is refused without being stored.
    expect((await me(basic('x'.repeat(100_000), 'pw'))).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await t.db.kysely.selectFrom('login_failures').select('username').execute()).toEqual([{ username: 'xg_office' }]);
  });

  it('limits wrong HTTP Basic passwords like the login form, and shares the account lock', async () => {
    const codes: string[] = [];
    for (let i = 0; i < BASIC_FAILURES_PER_MINUTE + 1; i++) codes.push((await me(basic('xg_office', `guess${i}`))).json().code);
    expect(codes.slice(0, BASIC_FAILURES_PER_MINUTE).every((c) => c === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // From elsewhere the account's own limit (shared with the login form) has been reached.
    expect(BASIC_FAILURES_PER_MINUTE).toBe(ACCOUNT_MAX_FAILURES);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: basic('xg_office', office.password) }, remoteAddress: '198.51.100.9' });
    expect(elsewhere.json().code).toBe('AUTH_LOCKED');
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xg_office', password: office.password }, remoteAddress: '198.51.100.10' });
    expect(form.json().code).toBe('AUTH_LOCKED');
  });
});

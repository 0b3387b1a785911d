import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { buildTestApp, buildUser, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import { ACCOUNT_MAX_FAILURES, ACCOUNT_WINDOW_MINUTES } from './loginLimit';
import { DEFAULT_SECURITY } from './securityConfig';

const attempt = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress });

describe(`login hardening and security headers (${testDialect()})`, () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('does not let a rotating X-Forwarded-For skip the login limit when no proxy is configured', async () => {
    t = await buildTestApp();
    await buildUser(t.db, { username: 'target' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await attempt(t, 'target', `guess${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      codes.push(`${res.statusCode} ${res.json().code}`);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('401 AUTH_INVALID_CREDENTIALS'));
    expect(codes.slice(10)).toEqual(['429 RATE_LIMITED', '429 RATE_LIMITED']);
  });

  it('takes the client address from X-Forwarded-For only from a configured proxy', async () => {
    // The test requests come from 127.0.0.1, the configured proxy.
    t = await buildTestApp({ security: { ...DEFAULT_SECURITY, trustProxy: ['127.0.0.1'] } });
    await buildUser(t.db, { username: 'target' });
    for (let i = 0; i < 10; i++) expect((await attempt(t, 'target', `guess${i}`, { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(401);
    // The same client again hits the per-address limit …
    expect((await attempt(t, 'target', 'x', { 'x-forwarded-for': '203.0.113.7' })).json().code).toBe('RATE_LIMITED');
    // … another client behind the proxy does not, but meets the account's own limit.
    expect((await attempt(t, 'target', 'x', { 'x-forwarded-for': '203.0.113.8' })).json().code).toBe('AUTH_LOCKED');
  });

  it('locks an account after too many failures from any address, with the time to retry in Chinese', async () => {
    t = await buildTestApp();
    const user = await buildUser(t.db, { username: 'target' });
    const other = await buildUser(t.db, { username: 'colleague' });
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      expect((await attempt(t, 'target', `guess${i}`, {}, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    // The right password too, from a fresh address: the lock is the account's.
    const locked = await attempt(t, 'target', user.password, {}, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('AUTH_LOCKED');
    expect(locked.json().message).toMatch(/^该账号连续登录失败次数过多，已暂时锁定，请于 \d{2}:\d{2}（约 1[45] 分钟后）再试$/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan((ACCOUNT_WINDOW_MINUTES - 1) * 60);
    expect(locked.cookies).toHaveLength(0);
    // Other accounts are not affected.
    expect((await attempt(t, 'colleague', other.password, {}, '198.51.100.200')).statusCode).toBe(200);

    // A second server on the same database (another process, or this one restarted) sees the lock.
    const second = await buildApp({ db: { ...t.db, close: async () => {} } });
    try {
      const res = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: user.password } });
      expect(res.json().code).toBe('AUTH_LOCKED');
    } finally {
      await second.close();
    }

    // When the window is over, the right password works and clears the count.
    const later = new Date(Date.now() + (ACCOUNT_WINDOW_MINUTES + 1) * 60_000);
    await expect(t.app.services.auth.checkPassword('target', user.password, later)).resolves.toMatchObject({ username: 'target' });
    expect(await t.db.kysely.selectFrom('login_failures').selectAll().where('username', '=', 'target').execute()).toEqual([]);
  });

  it('counts failures for unknown names the same, so the answer does not reveal accounts', async () => {
    t = await buildTestApp();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await attempt(t, 'nobody', `guess${i}`, {}, `198.51.100.${i + 1}`);
    expect((await attempt(t, 'nobody', 'x', {}, '198.51.100.99')).json().code).toBe('AUTH_LOCKED');
  });

  it('counts concurrent failures from two servers on one database without losing any', async () => {
    t = await buildTestApp();
    await buildUser(t.db, { username: 'target' });
    const second = await buildApp({ db: { ...t.db, close: async () => {} } });
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? second : t.app).inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: 'x' }, remoteAddress: `198.51.100.${i + 1}` }),
        ),
      );
    } finally {
      await second.close();
    }
    const row = await t.db.kysely.selectFrom('login_failures').select('failures').where('username', '=', 'target').executeTakeFirstOrThrow();
    expect(row.failures).toBe(8);
  });

  it('sends CSP, nosniff and no-framing headers on the API, the SPA and the API docs', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'halfsky-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    try {
      t = await buildTestApp({ webRoot });
      for (const url of ['/api/health', '/plans/3', '/api/docs/', '/api/docs/static/swagger-initializer.js']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("object-src 'none'");
        expect(csp, url).not.toContain('upgrade-insecure-requests');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['strict-transport-security'], url).toBeUndefined();
      }
    } finally {
      await rm(webRoot, { recursive: true, force: true });
    }
  });

  it('marks the session cookie Secure and sends HSTS only when configured for HTTPS', async () => {
    t = await buildTestApp();
    const user = await buildUser(t.db, { username: 'liming' });
    const plain = await attempt(t, 'liming', user.password);
    expect(plain.cookies.find((c) => c.name === 'halfsky_session')!.secure).toBeFalsy();
    await t.close();

    t = await buildTestApp({ security: { ...DEFAULT_SECURITY, cookieSecure: true } });
    const again = await buildUser(t.db, { username: 'liming' });
    const secure = await attempt(t, 'liming', again.password);
    expect(secure.cookies.find((c) => c.name === 'halfsky_session')!.secure).toBe(true);
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

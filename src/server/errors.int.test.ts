import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../shared/errors';
import { authHeaders, buildTestApp, buildUser, login, type Session, type TestApp } from '../../test/support/appHarness';
import { createTestDb, testDialect } from '../../test/support/testDb';
import { buildApp } from './app';

describe(`errors (${testDialect()})`, () => {
  it('logs a server error as JSON with the request id, and answers with the same id in body and header', async () => {
    const lines: string[] = [];
    const app = await buildApp({ db: await createTestDb(), logger: { stream: { write: (line) => void lines.push(line) } } });
    app.get('/api/test/boom', async () => {
      throw new Error('boom: 数据库连接中断');
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
      const body = res.json<{ code: string; message: string; requestId: string }>();
      expect([res.statusCode, body.code, body.message]).toEqual([500, 'INTERNAL', ERRORS.INTERNAL.message]);
      expect(body.requestId).toMatch(/^[0-9a-f]{12}$/);
      expect(res.headers['x-request-id']).toBe(body.requestId);
      // The error is logged with what support needs to find it: the id the user was shown and the cause.
      const logged = lines.map((l) => JSON.parse(l) as { level: number; reqId?: string; msg: string; err?: { message: string; stack: string } });
      const error = logged.find((l) => l.level === 50);
      expect(error).toMatchObject({ reqId: body.requestId, msg: 'server error', err: { message: 'boom: 数据库连接中断' } });
      expect(error!.err!.stack).toContain('errors.int.test.ts');
      // A client mistake is not logged as an error.
      await app.inject({ method: 'GET', url: '/api/plans/abc' });
      expect(lines.map((l) => JSON.parse(l) as { level: number }).filter((l) => l.level >= 50)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

interface Mistake {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: string;
  contentType?: string;
  status: number;
  code: string;
}

/** Client mistakes across the routes, each a 4xx with a catalogue code and a message in Chinese. */
const MISTAKES: Mistake[] = [
  { name: 'an empty JSON body', method: 'POST', url: '/api/org-units', body: '', contentType: 'application/json', status: 400, code: 'BODY_MISSING' },
  { name: 'broken JSON', method: 'POST', url: '/api/org-units', body: '{"name":', contentType: 'application/json', status: 400, code: 'BODY_INVALID_JSON' },
  { name: 'a body type the API does not take', method: 'POST', url: '/api/org-units', body: '<unit/>', contentType: 'application/xml', status: 415, code: 'MEDIA_TYPE_UNSUPPORTED' },
  { name: 'a body over the limit', method: 'POST', url: '/api/org-units', body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), contentType: 'application/json', status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'JSON where a file upload is expected', method: 'POST', url: '/api/plans/import', body: '{}', contentType: 'application/json', status: 400, code: 'UPLOAD_MISSING' },
  { name: 'JSON null as the body', method: 'POST', url: '/api/reporting/tasks', body: 'null', contentType: 'application/json', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an array as the body', method: 'PATCH', url: '/api/departments/1', body: '[]', contentType: 'application/json', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'wrong JSON types', method: 'POST', url: '/api/reporting/tasks', body: '{"orgUnitId":"一","year":[],"name":1,"indicatorIds":"a"}', contentType: 'application/json', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an id that is not a number', method: 'GET', url: '/api/plans/abc', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a negative id', method: 'DELETE', url: '/api/indicators/-1', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an id past any row', method: 'GET', url: '/api/plans/99999999999999999999', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a query parameter that is not a number', method: 'GET', url: '/api/analytics/overview?orgUnitId=abc&year=x', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a query parameter out of its choices', method: 'GET', url: '/api/dataValueSets?orgUnit=210200&period=2024&children=maybe', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an unknown API path', method: 'GET', url: '/api/no-such-thing', status: 404, code: 'NOT_FOUND' },
];

describe(`client mistakes get a 4xx from the catalogue, in Chinese (${testDialect()})`, () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, (await buildUser(t.db, { role: 'admin', orgUnitId: null })).username);
  });
  afterAll(async () => t.close());

  it.each(MISTAKES)('$name: $method $url → $status $code', async (m) => {
    const headers: Record<string, string> = authHeaders(admin);
    if (m.contentType) headers['content-type'] = m.contentType;
    const res = await t.app.inject({ method: m.method, url: m.url, payload: m.body, headers });
    const body = res.json<{ code: string; message: string }>();
    expect([res.statusCode, body.code]).toEqual([m.status, m.code]);
    expect(body.message).toMatch(/\p{Script=Han}/u);
    // Field names (“orgUnitId：”) and the allowed choices (“"true"”) stay as the API spells them; the words around them are Chinese.
    expect(body.message.replace(/"[^"]*"|[\w.]+：|JSON/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  });
});

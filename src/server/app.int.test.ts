import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/appHarness';
import { testDialect } from '../../test/support/testDb';

describe(`app shell (${testDialect()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('answers health checks', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });
  });

  it('documents every route in OpenAPI at /api/docs, with the zod schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/plans', '/api/plans/preview', '/api/plans/import', '/api/targets/{id}', '/api/org-units']),
    );
    expect(spec.paths['/api/targets/{id}'].patch.requestBody.content['application/json'].schema.properties.comparator.enum).toEqual([
      '>=', '<=', '=', '~', 'increase', 'decrease',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('answers unknown API routes with a Chinese 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '要找的内容不存在' });
  });
});

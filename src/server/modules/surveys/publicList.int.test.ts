import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenSurveyDto } from '../../../shared/api/surveys';
import { buildOrgUnit, buildTestApp, json, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';

describe(`public list of open surveys (${testDialect()})`, () => {
  let t: TestApp;
  let units: { city: number; xigang: number; zhongshan: number };

  const addSurvey = async (orgUnitId: number, title: string, set: { status?: string; accessMode?: string; opensAt?: string | null; closesAt?: string | null } = {}) => {
    const now = new Date().toISOString();
    await t.db.kysely.insertInto('surveys').values({
      org_unit_id: orgUnitId, title, description: null, definition: JSON.stringify({ sections: [] }), public_id: `pub-${title}`,
      status: set.status ?? 'open', access_mode: set.accessMode ?? 'open', opens_at: set.opensAt ?? null, closes_at: set.closesAt ?? null,
      created_at: now, updated_at: now, created_by: null, variant_of: null, is_demo: 0,
    }).execute();
  };
  const titles = async (orgUnitId: number) => {
    const res = await t.app.inject({ url: `/api/public/surveys?orgUnitId=${orgUnitId}` });
    expect(res.statusCode).toBe(200);
    return json<OpenSurveyDto[]>(res).map((s) => s.title).sort();
  };

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    const zhongshan = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
    units = { city: city.id, xigang: xigang.id, zhongshan: zhongshan.id };
    const past = '2020-01-01T00:00:00.000Z';
    const future = '2099-01-01T00:00:00.000Z';
    await addSurvey(xigang.id, '西岗开放');
    await addSurvey(xigang.id, '西岗访问码', { accessMode: 'code' });
    await addSurvey(xigang.id, '西岗草稿', { status: 'draft' });
    await addSurvey(xigang.id, '西岗已结束', { closesAt: past });
    await addSurvey(xigang.id, '西岗未开始', { opensAt: future });
    await addSurvey(zhongshan.id, '中山开放', { opensAt: past, closesAt: future });
    await addSurvey(city.id, '市级已关闭', { status: 'closed' });
  });
  afterEach(async () => t?.close());

  it('lists the link surveys open now at a unit and below, anonymously', async () => {
    expect(await titles(units.city)).toEqual(['中山开放', '西岗开放']);
    expect(await titles(units.xigang)).toEqual(['西岗开放']);
    const [one] = json<OpenSurveyDto[]>(await t.app.inject({ url: `/api/public/surveys?orgUnitId=${units.xigang}` }));
    expect(one).toMatchObject({ orgUnitName: '西岗区', url: '/s/pub-西岗开放', audience: 'adult', closesAt: null });
  });

  it('answers 404 for an unknown unit and 400 without one', async () => {
    expect((await t.app.inject({ url: '/api/public/surveys?orgUnitId=999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/public/surveys' })).statusCode).toBe(400);
  });
});

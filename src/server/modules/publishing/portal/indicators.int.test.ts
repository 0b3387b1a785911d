import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../../test/support/analyticsFixture';
import { buildTestApp, type TestApp } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import type { IndicatorAnalyticsDto, PublicAreasDto } from '../../../../shared/api/analytics';

describe(`public portal API (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let published: { id: number; numeratorId: number; denominatorId: number };
  let hidden: { id: number; numeratorId: number; denominatorId: number };

  /**
   * Two 卫健委 percentages, one published: 西岗区 2023 approved (published 20/100 = 20%, hidden
   * 5/10 = 50%), 西岗区 2024 and 中山区 2023 stored but not approved.
   */
  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    published = await f.percentIndicator({ name: '产前筛查率', code: 'W_SCREEN' });
    await f.setIndicator(published.id, { published: true, decimals: 1 });
    await f.linkToArea(published.id, { planTitle: '大连市妇女发展规划', no: 1, title: '妇女与健康' });
    await f.setTargets(published.id, [[2030, '>=', 40]]);
    hidden = await f.percentIndicator({ name: '内部指标', code: 'W_HIDDEN' });
    const y2023 = await f.openTask(2023, [published.id, hidden.id]);
    await f.openTask(2024, [published.id, hidden.id]);
    await f.write([
      ...f.ratio(published, f.xigang, 2023, 20, 100), ...f.ratio(hidden, f.xigang, 2023, 5, 10),
      ...f.ratio(published, f.zhongshan, 2023, 60, 100), ...f.ratio(hidden, f.zhongshan, 2023, 6, 10),
    ]);
    await f.approveHealth(y2023, 'xigang');
    await f.write([...f.ratio(published, f.xigang, 2024, 30, 100), ...f.ratio(hidden, f.xigang, 2024, 7, 10)]);
  });
  afterEach(async () => t.close());

  /** Without any cookie. */
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: (String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body) as T, res };
  };
  const indicatorsOf = (areas: PublicAreasDto) => areas.areas.flatMap((a) => a.indicators);

  it('lists the city and its districts, not streets', async () => {
    const units = await get<{ id: number; name: string; level: string }[]>('/api/public/units');
    expect(units.status).toBe(200);
    expect(units.body).toEqual([
      { id: f.city.id, name: '大连市', level: 'city' },
      { id: f.xigang.id, name: '西岗区', level: 'district' },
      { id: f.zhongshan.id, name: '中山区', level: 'district' },
    ]);
  });

  it('shows published indicators with their latest approved value only', async () => {
    const city = await get<PublicAreasDto>('/api/public/areas');
    expect(city.status).toBe(200);
    expect(city.body.orgUnit).toEqual({ id: f.city.id, name: '大连市' });
    // The city's approved figure is 西岗区's alone (中山区 is not approved); 2024 is not approved either.
    expect(indicatorsOf(city.body)).toEqual([
      {
        id: published.id, code: 'W_SCREEN', name: '产前筛查率', unit: '%', decimals: 1, latest: { year: 2023, value: 20 },
        series: [{ year: 2023, value: 20 }], status: 'insufficient_data', milestone: 2030, targetBasis: '本级规划目标',
      },
    ]);

    const xigang = await get<PublicAreasDto>(`/api/public/areas?orgUnitId=${f.xigang.id}`);
    expect(indicatorsOf(xigang.body).map((i) => [i.code, i.latest, i.series])).toEqual([['W_SCREEN', { year: 2023, value: 20 }, [{ year: 2023, value: 20 }]]]);
    const zhongshan = await get<PublicAreasDto>(`/api/public/areas?orgUnitId=${f.zhongshan.id}`);
    expect(indicatorsOf(zhongshan.body).map((i) => [i.code, i.latest])).toEqual([['W_SCREEN', null]]);

    const detail = await get<IndicatorAnalyticsDto>(`/api/public/indicators/${published.id}?orgUnitId=${f.xigang.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.scope).toBe('approved');
    expect(detail.body.series.find((s) => s.option === 'total')!.points).toEqual([{ year: 2023, value: 20, numerator: 20, denominator: 100, source: 'reported' }]);
  });

  it('groups indicators by plan area and leaves out published ones linked to no plan', async () => {
    const enrolment = await f.rateIndicator({ name: '学前教育毛入园率', code: 'W_ENROL' });
    const handMade = await f.rateIndicator({ name: '手工新增指标', code: 'W_HAND' });
    await f.linkToArea(enrolment.id, { planTitle: '大连市儿童发展规划', no: 3, title: '儿童与教育' });
    for (const ind of [enrolment, handMade]) await f.setIndicator(ind.id, { published: true });

    const city = await get<PublicAreasDto>('/api/public/areas');
    expect(city.body.areas.map((a) => [a.planTitle, a.no, a.title, a.indicators.map((i) => i.code)])).toEqual([
      ['大连市儿童发展规划', 3, '儿童与教育', ['W_ENROL']],
      ['大连市妇女发展规划', 1, '妇女与健康', ['W_SCREEN']],
    ]);
  });

  it('hides unpublished indicators and units outside the city and its districts', async () => {
    const hiddenDetail = await get<{ code: string; message: string }>(`/api/public/indicators/${hidden.id}`);
    expect(hiddenDetail.status).toBe(404);
    expect(hiddenDetail.body.message).toBe('该指标未公开');
    expect((await get(`/api/public/indicators/999999`)).status).toBe(404);

    for (const url of [
      `/api/public/areas?orgUnitId=${f.baiyun.id}`,
      `/api/public/areas?orgUnitId=999999`,
      `/api/public/indicators/${published.id}?orgUnitId=${f.baiyun.id}`,
      `/api/public/indicators/${published.id}?orgUnitId=999999`,
    ]) {
      const res = await get<{ code: string }>(url);
      expect([url, res.status, res.body.code]).toEqual([url, 404, 'NOT_FOUND']);
    }
  });

  it('exports the published, approved figures as SDMX-CSV and ADX', async () => {
    const csv = await get<string>('/api/public/data.sdmx.csv');
    expect(csv.status).toBe(200);
    expect(csv.res.headers['content-type']).toContain('application/vnd.sdmx.data+csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,SEX,URBANISATION,AGE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE');
    // The city's figure is aggregated from the approved 西岗区 value; nothing hidden, unapproved or of 2024.
    expect(lines.slice(1).sort()).toEqual([
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210200,W_SCREEN,_T,_T,_T,2023,20,%',
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210203,W_SCREEN,_T,_T,_T,2023,20,%',
    ]);
    expect(csv.body).not.toContain('W_HIDDEN');
    expect(csv.body).not.toContain('210202');

    const adx = await get<string>('/api/public/data.adx.xml');
    expect(adx.status).toBe(200);
    expect(adx.res.headers['content-type']).toContain('application/adx+xml');
    expect(adx.body).toContain('<group orgUnit="210203" period="2023-01-01/P1Y" dataSet="HALFSKY_WCDP">\n    <dataValue dataElement="W_SCREEN" value="20"/>\n  </group>');
    expect(adx.body.match(/<dataValue /g)).toHaveLength(2);
    expect(adx.body).not.toContain('W_HIDDEN');
    expect(adx.body).not.toContain('2024-01-01');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { authHeaders, buildTestApp, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { IndicatorAnalyticsDto } from '../../../shared/api/analytics';
import type { GridDto, TaskDto } from '../../../shared/api/reporting';

/** Age-group disaggregation (0–14岁, 15–59岁, 60岁及以上) end to end: entry grid, checks, DHIS2 import, analytics. */
describe(`age groups (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let ind: Awaited<ReturnType<AnalyticsFixture['percentIndicator']>>;
  let task: TaskDto;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    ind = await f.percentIndicator({ name: '医保参保率', categories: 'age' });
    task = await f.openTask(2024, [ind.id], { units: [f.xigang] });
  });
  afterEach(async () => t.close());

  const gridOf = async (s: Session) => {
    const seat = await f.seatOf(task, f.xigang, f.health.xigang);
    const res = await f.get<GridDto>(s, `/api/reporting/submissions/${seat.id}/grid`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const save = async (cells: [deId: number, option: string, value: number][]) => {
    const seat = await f.seatOf(task, f.xigang, f.health.xigang);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/reporting/submissions/${seat.id}/values`,
      payload: { cells: cells.map(([dataElementId, option, value]) => ({ dataElementId, option, value, expectedVersion: null })) },
      headers: authHeaders(f.xigangReporter),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ issues: GridDto['issues'] }>();
  };
  const byAge = (deId: number, total: number, ...parts: number[]): [number, string, number][] => [
    [deId, 'total', total],
    ...(['age0_14', 'age15_59', 'age60'] as const).map((o, i): [number, string, number] => [deId, o, parts[i]!]),
  ];

  it('gives an indicator by age group an entry grid with the three age columns and keeps a value per group', async () => {
    const empty = await gridOf(f.xigangReporter);
    expect(empty.options).toEqual([
      { code: 'total', name: '合计' },
      { code: 'age0_14', name: '0–14岁' },
      { code: 'age15_59', name: '15–59岁' },
      { code: 'age60', name: '60岁及以上' },
    ]);
    expect(empty.rows.map((r) => r.cells.map((c) => c.option))).toEqual([
      ['total', 'age0_14', 'age15_59', 'age60'],
      ['total', 'age0_14', 'age15_59', 'age60'],
    ]);

    const saved = await save([...byAge(ind.numeratorId, 90, 18, 54, 18), ...byAge(ind.denominatorId, 100, 20, 60, 20)]);
    expect(saved.issues).toEqual([]);
    const grid = await gridOf(f.xigangReporter);
    expect(grid.rows.map((r) => Object.fromEntries(r.cells.map((c) => [c.option, c.value])))).toEqual([
      { total: 90, age0_14: 18, age15_59: 54, age60: 18 },
      { total: 100, age0_14: 20, age15_59: 60, age60: 20 },
    ]);
    expect(grid.derived.map((d) => [d.option, d.value])).toEqual([['total', 90], ['age0_14', 90], ['age15_59', 90], ['age60', 90]]);
  });

  it('refuses age groups that do not add up to the total', async () => {
    const saved = await save(byAge(ind.denominatorId, 100, 20, 60, 30));
    expect(saved.issues.filter((i) => i.rule === 'parts').map((i) => [i.severity, i.message])).toEqual([
      ['error', '医保参保率分母：0–14岁（20）＋15–59岁（60）＋60岁及以上（30）＝110，与合计（100）不一致'],
    ]);
  });

  it('imports and exports DHIS2 values by age group, by code or Chinese label', async () => {
    const codeOf = async (id: number) => (await t.db.kysely.selectFrom('data_elements').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const [num, den] = [await codeOf(ind.numeratorId), await codeOf(ind.denominatorId)];
    const dv = (dataElement: string, categoryOptionCombo: string, value: string) => ({ dataElement, period: '2024', orgUnit: '210203', categoryOptionCombo, value });
    const res = await f.post<{ response: { status: string; importCount: { imported: number }; conflicts: { value: string }[] } }>(f.xigangReporter, '/api/dataValueSets?idScheme=code', {
      dataValues: [dv(num, 'age0_14', '18'), dv(den, 'age0_14', '20'), dv(den, '60岁及以上', '20')],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 3 }, conflicts: [] });

    const refused = await f.post<{ response: { conflicts: { value: string }[] } }>(f.xigangReporter, '/api/dataValueSets?idScheme=code', { dataValues: [dv(num, 'age0_6', '1')] });
    expect(refused.body.response.conflicts[0]!.value).toBe('分组“age0_6”不存在，应为 default、female、male、urban、rural、age0_14、age15_59 或 age60');

    const exported = await f.get<{ dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[] }>(
      f.xigangReporter,
      `/api/dataValueSets?orgUnit=210203&period=2024&dataElement=${den}&idScheme=code`,
    );
    expect(exported.body.dataValues.map((v) => [v.categoryOptionCombo, v.value]).sort()).toEqual([['age0_14', '20'], ['age60', '20']]);
  });

  it('makes the total of a ratio from its three age groups where only the groups are reported', async () => {
    await f.write([...f.ratio(ind, f.xigang, 2024, 10, 20, 'age0_14'), ...f.ratio(ind, f.xigang, 2024, 40, 60, 'age15_59'), ...f.ratio(ind, f.xigang, 2024, 10, 20, 'age60')]);
    const res = await f.get<IndicatorAnalyticsDto>(f.cityOffice, `/api/analytics/indicators/${ind.id}?orgUnitId=${f.city.id}&scope=all`);
    expect(res.status).toBe(200);
    const series = Object.fromEntries(res.body.series.map((s) => [s.option, s.points.map((p) => [p.value, p.numerator, p.denominator])]));
    expect(res.body.series.map((s) => [s.option, s.optionName])).toEqual([['total', '合计'], ['age0_14', '0–14岁'], ['age15_59', '15–59岁'], ['age60', '60岁及以上']]);
    // (10 + 40 + 10) / (20 + 60 + 20) × 100 = 60
    expect(series).toEqual({ total: [[60, 60, 100]], age0_14: [[50, 10, 20]], age15_59: [[40 / 60 * 100, 40, 60]], age60: [[50, 10, 20]] });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { authHeaders, buildTestApp, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { AchievementDto, IndicatorAnalyticsDto, OverviewDto, PublicAreasDto, ScorecardDto } from '../../../shared/api/analytics';

/*
 * Each unit is judged by its own plan's targets; where it has none, the nearest ancestor's stand in
 * and every view says whose they are. The example: 中山区 adopts a plan with
 * 孕产妇系统管理率 ≥ 96% and must be judged against 96%, not the city's 95%.
 */
describe(`own targets per unit (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let indicatorId: number;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    const ind = await f.percentIndicator({ name: '孕产妇系统管理率', code: 'W_MMR' });
    indicatorId = ind.id;
    await f.linkToArea(ind.id, { planTitle: '大连市妇女发展规划（2021—2030年）', no: 1, title: '妇女与健康' });
    await f.setIndicator(ind.id, { published: true });
    await f.setTargets(ind.id, [[2030, '>=', 95]]);
    // Both districts: 94% in 2023, 95.5% in 2024 — past the city's 95%, short of 96%. Approved, for the portal.
    for (const [year, num] of [[2023, 940], [2024, 955]] as const) {
      const task = await f.openTask(year, [ind.id]);
      await f.write([...f.ratio(ind, f.xigang, year, num, 1000), ...f.ratio(ind, f.zhongshan, year, num, 1000)]);
      await f.approveHealth(task, 'xigang');
      await f.approveHealth(task, 'zhongshan');
    }
  });
  afterEach(async () => t.close());

  const view = async (unit: { id: number }, base = '/api/analytics/indicators') => {
    const res = await f.get<IndicatorAnalyticsDto>(base.startsWith('/api/public') ? null : f.cityOffice, `${base}/${indicatorId}?orgUnitId=${unit.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const judged = (v: IndicatorAnalyticsDto) => ({
    targets: v.targets.map((x) => [x.year, x.comparator, x.value]),
    basis: v.targetBasis?.label ?? null,
    status: v.targets[0]?.assessment.status ?? null,
  });

  it('judges 中山区 by its own plan (96%) and 西岗区 by the city’s (95%), on every view and the portal', async () => {
    const plan = await f.unitPlan(f.zhongshan, [[indicatorId, '>=', 96, null]]);

    const zhongshan = await view(f.zhongshan);
    expect(judged(zhongshan)).toEqual({ targets: [[2030, '>=', 96]], basis: '本级规划目标', status: 'on_track' });
    expect(zhongshan.targetBasis).toEqual({ source: 'own', orgUnit: { id: f.zhongshan.id, name: '中山区' }, planTitle: plan.title, label: '本级规划目标' });
    expect(judged(await view(f.xigang))).toEqual({ targets: [[2030, '>=', 95]], basis: '沿用大连市规划目标', status: 'achieved' });
    // The city's page compares each district against its own targets.
    const city = await view(f.city);
    expect(judged(city).basis).toBe('本级规划目标');
    expect(city.children.map((c) => [c.orgUnit.name, c.targetBasis?.label, c.status])).toEqual([
      ['西岗区', '沿用大连市规划目标', 'achieved'],
      ['中山区', '本级规划目标', 'on_track'],
    ]);

    const overview = (await f.get<OverviewDto>(f.cityOffice, `/api/analytics/overview?orgUnitId=${f.zhongshan.id}`)).body;
    expect(overview.statusCounts.on_track).toBe(1);
    expect(overview.targetBases).toEqual([{ label: '本级规划目标', source: 'own', indicators: 1 }]);
    expect(overview.areas[0]!.indicators).toEqual([{ id: indicatorId, name: '孕产妇系统管理率', status: 'on_track', targetBasis: '本级规划目标' }]);
    const xigangOverview = (await f.get<OverviewDto>(f.cityOffice, `/api/analytics/overview?orgUnitId=${f.xigang.id}`)).body;
    expect(xigangOverview.targetBases).toEqual([{ label: '沿用大连市规划目标', source: 'inherited', indicators: 1 }]);

    // 达标率: 西岗区 met the city's 95%, 中山区 not yet its own 96%.
    const achievement = (await f.get<AchievementDto>(f.cityOffice, `/api/analytics/achievement?orgUnitId=${f.city.id}`)).body;
    expect(achievement.units.map((u) => [u.orgUnit.name, u.tally.achieved, u.tally.notAchieved])).toEqual([['西岗区', 1, 0], ['中山区', 0, 1]]);
    expect(achievement.units[1]!.tally.lists.notMet.map((i) => [i.target, i.targetBasis])).toEqual([['≥ 96.00%', '本级规划目标']]);
    expect(achievement.units[0]!.tally.lists.met.map((i) => [i.target, i.targetBasis])).toEqual([['≥ 95.00%', '沿用大连市规划目标']]);

    const scorecard = (await f.get<ScorecardDto>(f.cityOffice, `/api/analytics/scorecard?orgUnitId=${f.city.id}`)).body;
    expect(scorecard.rows[0]!.cells.map((c) => [c.orgUnitId, c.status, c.targetBasis])).toEqual([
      [f.city.id, 'achieved', '本级规划目标'],
      [f.xigang.id, 'achieved', '沿用大连市规划目标'],
      [f.zhongshan.id, 'on_track', '本级规划目标'],
    ]);

    // The portal (no sign-in) uses the same resolution.
    const areas = (await f.get<PublicAreasDto>(null, `/api/public/areas?orgUnitId=${f.zhongshan.id}`)).body;
    expect(areas.areas.flatMap((a) => a.indicators.map((i) => [i.code, i.status, i.targetBasis]))).toEqual([['W_MMR', 'on_track', '本级规划目标']]);
    expect(judged(await view(f.xigang, '/api/public/indicators'))).toEqual({ targets: [[2030, '>=', 95]], basis: '沿用大连市规划目标', status: 'achieved' });
    expect(judged(await view(f.zhongshan, '/api/public/indicators')).targets).toEqual([[2030, '>=', 96]]);
  });

  it('takes an edited target at once, and falls back to the parent when the plan is repealed or only a draft', async () => {
    const plan = await f.unitPlan(f.zhongshan, [[indicatorId, '>=', 96, null]]);
    expect(judged(await view(f.zhongshan)).status).toBe('on_track');

    const edited = await t.app.inject({
      method: 'PATCH', url: `/api/targets/${plan.targetIds[0]}`, headers: authHeaders(f.cityOffice),
      payload: { indicator: '孕产妇系统管理率', comparator: '>=', value: 95.5, unit: '%', year: 2030, baseYear: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(judged(await view(f.zhongshan))).toEqual({ targets: [[2030, '>=', 95.5]], basis: '本级规划目标', status: 'achieved' });

    for (const status of ['repealed', 'draft']) {
      await t.db.kysely.updateTable('plans').set({ status }).where('id', '=', plan.id).execute();
      expect(judged(await view(f.zhongshan)), status).toEqual({ targets: [[2030, '>=', 95]], basis: '沿用大连市规划目标', status: 'achieved' });
    }
  });

  it('lets a street borrow its district’s plan before the city’s, and ignores a plan of the other kind', async () => {
    await f.unitPlan(f.xigang, [[indicatorId, '>=', 97, 2030]]);
    await f.unitPlan(f.zhongshan, [[indicatorId, '>=', 99, 2030]], { kind: 'children' });
    const baiyun = await view(f.baiyun);
    expect(baiyun.targetBasis).toMatchObject({ source: 'inherited', orgUnit: { id: f.xigang.id, name: '西岗区' }, label: '沿用西岗区规划目标' });
    expect(baiyun.targets.map((x) => x.value)).toEqual([97]);
    // A children's plan does not set the targets of an indicator of the women's plan.
    expect(judged(await view(f.zhongshan)).basis).toBe('沿用大连市规划目标');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { AnalyticsContext } from '../modules/analytics/context';
import { factBaseLoader } from '../modules/analytics/facts';
import { targetBasisLabel } from '../../shared/analytics/targetBasis';
import { analyticsService } from '../modules/analytics/service';
import { COMMAND_LINE } from '../modules/auth/service';
import { orgsService } from '../modules/orgs/service';
import { reportsService } from '../modules/reports/service';
import { CHILDREN_CATALOGUE, XIGANG_CHILDREN_PLAN } from './childrenCatalogue';
import { seedDemo } from './seedDemo';
import { XIGANG_CHILDREN_TARGET_LINKS, XIGANG_TARGET_LINKS, XIGANG_WOMEN_PLAN } from './seedDemoTargetLinks';

describe(`demo: 西岗区 judged by its own plans (${testDialect()})`, () => {
  let db: TestDb;
  let ctx: AnalyticsContext;
  const unit = (name: string) => [...ctx.units.values()].find((u) => u.name === name)!;
  const judged = (code: string, unitName: string) => {
    const indicator = ctx.indicators.find((i) => i.code === code)!;
    const { targets, basis } = ctx.targetsOf(indicator, unit(unitName).id);
    return { basis: basis && targetBasisLabel(basis), plan: basis?.planTitle ?? null, targets: targets.map((t) => [t.year, t.comparator, t.value]) };
  };

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db, 'Demo-密码-2025');
    ctx = await AnalyticsContext.load(db.kysely, await factBaseLoader(db.kysely)(), 'approved');
  }, 600_000);
  afterAll(async () => db.dispose());

  const linkedTargets = () =>
    db.kysely
      .selectFrom('plan_targets as t')
      .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
      .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .innerJoin('indicators as i', 'i.id', 't.indicator_id')
      .select(['p.title', 'a.no as area_no', 'i.code'])
      .where('p.title', 'like', '西岗区%')
      .execute();
  const codes = (links: readonly (readonly [string, ...unknown[]])[]) => [...new Set(links.map(([code]) => code))].sort();

  it('links every listed district target to the city’s indicator, and only those', async () => {
    const linked = await linkedTargets();
    const linkedIn = (title: string) => codes(linked.filter((l) => l.title === title).map((l) => [l.code] as const));
    expect(linkedIn(XIGANG_WOMEN_PLAN)).toEqual(codes(XIGANG_TARGET_LINKS));
    expect(linkedIn(XIGANG_CHILDREN_PLAN)).toEqual(codes([...CHILDREN_CATALOGUE.map((e) => [e.code] as const), ...XIGANG_CHILDREN_TARGET_LINKS]));
  });

  it('links at least one indicator in every area of 西岗区’s children’s plan', async () => {
    const areas = await db.kysely
      .selectFrom('plan_areas as a').innerJoin('plans as p', 'p.id', 'a.plan_id').select(['a.no', 'a.title']).where('p.title', '=', XIGANG_CHILDREN_PLAN).orderBy('a.no').execute();
    expect(areas.map((a) => a.title)).toEqual(['儿童与健康', '儿童与安全', '儿童与教育', '儿童与福利', '儿童与家庭', '儿童与环境', '儿童与法律保护']);
    const linked = new Set((await linkedTargets()).filter((l) => l.title === XIGANG_CHILDREN_PLAN).map((l) => l.area_no));
    expect(areas.filter((a) => !linked.has(a.no))).toEqual([]);
  });

  it('judges 西岗区 by its children’s plan, its streets by it, and sets the city and other districts no target', () => {
    expect(judged('C01_032', '西岗区')).toEqual({ basis: '本级规划目标', plan: XIGANG_CHILDREN_PLAN, targets: [[2025, '<=', 3], [2030, '<=', 2.8]] });
    expect(judged('C01_032', '人民广场街道')).toMatchObject({ basis: '沿用西岗区规划目标', targets: [[2025, '<=', 3], [2030, '<=', 2.8]] });
    // 大连市 has no children's plan: its children's indicators are monitored without a target of its own.
    expect(judged('C01_032', '大连市')).toEqual({ basis: null, plan: null, targets: [] });
    expect(judged('C01_032', '中山区')).toEqual({ basis: null, plan: null, targets: [] });
    // A women's indicator the children's plan also sets: judged by the plan of its kind.
    expect(judged('W02_051', '西岗区')).toMatchObject({ basis: '本级规划目标', plan: XIGANG_WOMEN_PLAN });
  });

  it('leaves the children’s indicators out of the city’s 监测概览 and says how many are only monitored there', async () => {
    const analytics = analyticsService(db.kysely, orgsService(db.kysely));
    const overview = (name: string) => analytics.overview(COMMAND_LINE, { orgUnitId: unit(name).id, scope: 'approved' });
    const city = await overview('大连市');
    expect(city.untargeted).toBe(CHILDREN_CATALOGUE.length);
    expect(city.areas.map((a) => a.planTitle)).not.toContain(XIGANG_CHILDREN_PLAN);
    expect((await overview('中山区')).untargeted).toBe(CHILDREN_CATALOGUE.length);
    const xigang = await overview('西岗区');
    expect(xigang.untargeted).toBe(0);
    expect(xigang.areas.filter((a) => a.planTitle === XIGANG_CHILDREN_PLAN).map((a) => a.title)).toEqual([
      '儿童与健康', '儿童与安全', '儿童与教育', '儿童与福利', '儿童与家庭', '儿童与法律保护',
    ]);
  });

  it('reports 西岗区’s children’s plan area by area next to the women’s, and the city’s lack of one in words', async () => {
    const orgs = orgsService(db.kysely);
    const reports = reportsService(db.kysely, analyticsService(db.kysely, orgs), orgs);
    const report = await reports.annual(COMMAND_LINE, { unitId: unit('西岗区').id, year: 2024, plan: 'both' });
    // Named by its own plans; the women's one monitors the city's indicators.
    expect(report.plans.map((p) => [p.title, p.indicatorsFrom])).toEqual([[XIGANG_WOMEN_PLAN, '大连市妇女发展规划'], [XIGANG_CHILDREN_PLAN, null]]);
    const children = report.plans[1]!;
    expect(children.areas.map((a) => a.title)).toEqual(['儿童与健康', '儿童与安全', '儿童与教育', '儿童与福利', '儿童与家庭', '儿童与法律保护']);
    for (const area of children.areas) {
      expect(area.findings.length, area.title).toBeGreaterThan(0);
      expect(area.findings.every((f) => f.code.startsWith('C') && f.figures.latest?.year === 2024 && f.figures.target !== null), area.title).toBe(true);
    }
    // Some on track, some lagging: the warnings and 需要关注的问题 have something real to say.
    const statuses = new Set(children.areas.flatMap((a) => a.findings.map((f) => f.figures.target!.status)));
    expect(statuses).toContain('achieved');
    expect([...statuses].some((s) => s === 'limited' || s === 'deterioration')).toBe(true);
    await expect(reports.annual(COMMAND_LINE, { unitId: unit('大连市').id, year: 2024, plan: 'children' })).rejects.toMatchObject({
      code: 'REPORT_NO_PLAN', message: '大连市没有儿童发展规划，无法生成监测报告',
    });
  }, 120_000);

  it('judges 西岗区 by its plan, its streets by 西岗区’s, other districts by the city’s', () => {
    expect(judged('W01_022', '西岗区')).toEqual({ basis: '本级规划目标', plan: '西岗区妇女发展规划', targets: [[2025, '<=', 9], [2030, '<=', 8]] });
    expect(judged('W01_022', '人民广场街道')).toMatchObject({ basis: '沿用西岗区规划目标', targets: [[2025, '<=', 9], [2030, '<=', 8]] });
    expect(judged('W01_022', '中山区')).toMatchObject({ basis: '沿用大连市规划目标', plan: null });
    expect(judged('W01_022', '中山区').targets).toEqual(judged('W01_022', '大连市').targets);
    // An indicator the district plan does not set: the city's target stands in.
    expect(judged('W01_012', '西岗区')).toMatchObject({ basis: '沿用大连市规划目标' });
    expect(judged('W01_012', '大连市')).toMatchObject({ basis: '本级规划目标' });
  });
});

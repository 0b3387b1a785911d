import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { AnalyticsContext } from '../modules/analytics/context';
import { factBaseLoader } from '../modules/analytics/facts';
import { targetBasisLabel } from '../../shared/analytics/targetBasis';
import { seedDemo } from './seedDemo';
import { XIGANG_TARGET_LINKS } from './seedDemoTargetLinks';

describe(`demo: 西岗区 judged by its own plan (${testDialect()})`, () => {
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

  it('links every listed district target to the city’s indicator, and only those', async () => {
    const linked = await db.kysely
      .selectFrom('plan_targets as t')
      .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
      .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .innerJoin('indicators as i', 'i.id', 't.indicator_id')
      .select(['p.title', 'i.code'])
      .where('p.title', 'like', '西岗区%')
      .execute();
    expect(new Set(linked.map((l) => l.title))).toEqual(new Set(['西岗区妇女发展规划']));
    expect([...new Set(linked.map((l) => l.code))].sort()).toEqual(XIGANG_TARGET_LINKS.map(([code]) => code).sort());
  });

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

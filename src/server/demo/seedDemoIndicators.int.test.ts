import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoDictionary } from '../../../test/support/indicators';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { IndicatorInput, type IndicatorDto } from '../../shared/api/indicators';
import { canonicalInput, loadIndicatorDtos } from '../modules/indicators/dto';
import { indicatorsRepository } from '../modules/indicators/repository';
import { CHILDREN_CATALOGUE } from './childrenCatalogue';
import { CATALOGUE } from './indicatorCatalogue';
import { DEMO_DEPARTMENTS } from './orgData';
import { seedDemoIndicators } from './seedDemoIndicators';

describe(`demo indicator dictionary (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  const indicators = () => loadIndicatorDtos(indicatorsRepository(db.kysely));

  it('seeds at least 40 valid demo indicators of the city plan, each linked to the target it measures, and the children’s', async () => {
    await buildDemoDictionary(db);
    const all = await indicators();
    const women = all.filter((i) => !i.code.startsWith('C'));
    expect(women.length).toBeGreaterThanOrEqual(40);
    expect(women.every((i) => i.isDemo && i.source?.planTitle === '大连市妇女发展规划')).toBe(true);
    // The city has no children's plan: its children's indicators carry no target of the city's (西岗区's plan links them, seedDemoTargetLinks.int.test.ts).
    const children = all.filter((i) => i.code.startsWith('C'));
    expect(children.map((i) => i.code)).toEqual(CHILDREN_CATALOGUE.map((e) => e.code));
    expect(children.every((i) => i.isDemo && i.targets.length === 0)).toBe(true);
    for (const i of all) expect(IndicatorInput.safeParse(canonicalInput(i)).error?.issues ?? [], i.code).toEqual([]);
    const departments = new Set(DEMO_DEPARTMENTS.map(([, short]) => short));
    expect(all.filter((i) => i.responsibleDept !== null && !departments.has(i.responsibleDept))).toEqual([]);
    // Shares of people are ratios of counts, so districts add up as a ratio of sums.
    expect(all.filter((i) => i.formula.type === 'ratio').length).toBeGreaterThan(all.length / 2);

    const byName = new Map(all.map((i) => [i.name, i]));
    const brief = (i: IndicatorDto | undefined) => i && {
      direction: i.direction, formula: i.formula.type === 'ratio' ? [i.formula.numerator.name, i.formula.denominator.name, i.formula.factor] : i.formula.type,
      categories: i.categories, baseline: [i.baselineYear, i.baselineValue], targets: i.targets.map((t) => [t.year, t.comparator, t.value, t.baseYear]),
    };
    expect(brief(byName.get('孕产妇死亡率'))).toEqual({
      direction: 'lower', formula: ['孕产妇死亡人数', '活产数', 100_000], categories: '', baseline: [2020, 7.16], targets: [[2025, '<=', 9, null], [2030, '<=', 8, null]],
    });
    expect(brief(byName.get('农村自来水普及率'))?.targets).toEqual([[2025, '>=', 88, null], [2030, '>=', 90, null]]);
    expect(brief(byName.get('妇女营养健康知识知晓率'))?.targets).toEqual([[2025, '>=', 10, 2019], [2030, '>=', 10, 2022]]);
    expect(brief(byName.get('妇女经常参加体育锻炼的人数比例'))).toMatchObject({ direction: 'band', targets: [[2030, '~', 55, null]] });
    expect(brief(byName.get('九年义务教育巩固率'))).toMatchObject({ categories: 'sex', formula: ['初中毕业班学生数', '该届初中毕业生入小学一年级时的学生数', 100] });
    expect(brief(byName.get('先天梅毒报告发病率'))?.formula).toEqual(['先天梅毒报告病例数', '活产数', 100_000]);
    expect(brief(byName.get('婴儿死亡率'))).toMatchObject({ direction: 'lower', formula: ['婴儿死亡人数', '活产数', 1000], targets: [] });
    expect(brief(byName.get('儿童青少年总体近视率'))).toMatchObject({ categories: 'sex', formula: ['筛查性近视的6～18岁儿童青少年数', '接受视力筛查的6～18岁儿童青少年数', 100] });

    // Baselines only where the plan's preface states them.
    expect(all.filter((i) => i.baselineYear !== null).map((i) => [i.name, i.baselineYear, i.baselineValue])).toEqual([
      ['妇女人均预期寿命', 2020, 84.04],
      ['孕产妇死亡率', 2020, 7.16],
      ['人大代表中的女性比例', 2020, 30.09],
      ['政协委员中的女性比例', 2020, 28.82],
    ]);
  });

  it('gives every entry a demo level, with a denominator for ratios, and every area of 西岗区’s children’s plan an indicator but 儿童与环境', () => {
    const entries = [...CATALOGUE, ...CHILDREN_CATALOGUE];
    expect(entries.filter((e) => e.demoLevel.value === undefined || (e.formula.type === 'ratio') !== (e.demoLevel.denominator !== undefined))).toEqual([]);
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
    // 儿童与环境 sets only the drinking-water target, measured by the women's indicator (seedDemoTargetLinks.ts).
    expect([...new Set(CHILDREN_CATALOGUE.map((e) => e.target[0]))]).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it('seeds the indicators unlinked when the demo plan is absent', async () => {
    await seedDemoIndicators(db);
    const all = await indicators();
    expect(all).toHaveLength(CATALOGUE.length + CHILDREN_CATALOGUE.length);
    expect(all.every((i) => i.planTargetId === null && i.targets.length === 0)).toBe(true);
  });
});

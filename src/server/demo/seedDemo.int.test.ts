import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { plansRepository } from '../modules/plans/repository';
import { searchIndex } from '../modules/publishing/search/service';
import { seedDemo } from './seedDemo';

const DEMO_PASSWORD = 'Demo-密码-2025';

describe(`demo data (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('seeds 大连市, its districts (西岗区 with streets), committees, member departments and the seed plans, all labelled demo', async () => {
    await seedDemo(db, DEMO_PASSWORD);
    const units = await db.kysely.selectFrom('org_units').selectAll().orderBy('id').execute();
    const dalian = units.find((u) => u.name === '大连市')!;
    const xigang = units.find((u) => u.name === '西岗区')!;
    expect(dalian).toMatchObject({ code: '210200', level: 'city', parent_id: null });
    expect(xigang).toMatchObject({ code: '210203', level: 'district', parent_id: dalian.id });
    expect(units.filter((u) => u.parent_id === dalian.id)).toHaveLength(10);
    expect(units.filter((u) => u.parent_id === xigang.id).map((u) => u.name)).toContain('人民广场街道');
    expect(units.every((u) => u.is_demo === 1)).toBe(true);

    const committees = await db.kysely.selectFrom('committees').selectAll().execute();
    expect(committees).toHaveLength(units.length);
    const cityDepartments = await db.kysely
      .selectFrom('departments')
      .innerJoin('committees', 'committees.id', 'departments.committee_id')
      .select(['departments.name', 'departments.short_name'])
      .where('committees.org_unit_id', '=', dalian.id)
      .execute();
    expect(cityDepartments.map((d) => d.name)).toEqual(expect.arrayContaining(['大连市统计局', '大连市卫生健康委员会', '大连市教育局', '大连市妇女联合会']));

    const plans = await plansRepository(db.kysely).listPlans();
    expect(plans.map((p) => [p.title, p.org_unit_name, Number(p.goals), Number(p.measures), p.is_demo])).toEqual([
      ['大连市妇女发展规划', '大连市', 82, 96, 1],
      ['西岗区妇女发展规划', '西岗区', 75, 94, 1],
      ['西岗区儿童发展规划', '西岗区', 77, 92, 1],
    ]);
    const label = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'demo_data').executeTakeFirst();
    expect(label?.value).toBe('演示数据');

    // Six years of values for the city and every district; 2020–2024 approved, 2025 under way.
    const tasks = await db.kysely.selectFrom('reporting_tasks').select(['id', 'year', 'is_demo']).orderBy('year').execute();
    expect(tasks.map((x) => [x.year, x.is_demo])).toEqual([2020, 2021, 2022, 2023, 2024, 2025].map((y) => [y, 1]));
    const states = await db.kysely.selectFrom('submissions as s').innerJoin('reporting_tasks as t', 't.id', 's.task_id').select(['t.year', 's.state']).execute();
    expect(new Set(states.filter((x) => x.year < 2025).map((x) => x.state))).toEqual(new Set(['approved']));
    expect(new Set(states.filter((x) => x.year === 2025).map((x) => x.state))).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']));
    const districtIds = units.filter((u) => u.parent_id === dalian.id).map((u) => u.id);
    for (const year of [2021, 2025]) {
      const valuesByUnit = await db.kysely.selectFrom('data_values').select('org_unit_id').where('period', '=', year).execute();
      expect(new Set(valuesByUnit.map((v) => v.org_unit_id))).toEqual(new Set([dalian.id, ...districtIds]));
    }
    // Rules a statistics group sets, and the explanation a jump they flag comes with.
    const ruled = await db.kysely.selectFrom('indicators').select(['name', 'yoy_threshold', 'min_value', 'max_value']).where('yoy_threshold', 'is not', null).execute();
    expect(ruled.length).toBeGreaterThan(20);
    expect(ruled.find((r) => r.name === '妇女人均预期寿命')).toMatchObject({ yoy_threshold: 30, min_value: 50, max_value: 100 });
    const explained = await db.kysely.selectFrom('data_values').select('comment').where('comment', 'is not', null).execute();
    expect(explained.length).toBeGreaterThan(0);
    // Besides those, only the 知晓率 the demo survey wrote carries a note: its source and sample (seedDemoSurveys.int.test.ts).
    expect(new Set(explained.map((v) => v.comment).filter((c) => !c!.startsWith('问卷调查：')))).toEqual(new Set(['演示数据：当年统计口径调整，数值明显上升']));

    // The city's counts are the sums of its districts' (ratio of sums holds).
    const births = await db.kysely.selectFrom('data_elements').select('id').where('code', '=', 'LIVE_BIRTHS').executeTakeFirstOrThrow();
    const liveBirths = await db.kysely.selectFrom('data_values').select(['org_unit_id', 'value']).where('data_element_id', '=', births.id).where('period', '=', 2022).where('option_id', '=', 1).execute();
    const cityValue = liveBirths.find((v) => v.org_unit_id === dalian.id)!.value;
    expect(cityValue).toBe(liveBirths.filter((v) => districtIds.includes(v.org_unit_id)).reduce((a, v) => a + v.value, 0));

    const reporter = await db.kysely
      .selectFrom('users as u')
      .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
      .innerJoin('departments as d', 'd.id', 'r.department_id')
      .select(['r.role', 'd.short_name'])
      .where('u.username', '=', 'xigang_weijian')
      .executeTakeFirstOrThrow();
    expect(reporter).toEqual({ role: 'reporter', short_name: '卫健委' });

    // Publishing: seed 000's 20 events for the city, demo articles published and found by search.
    const events = await db.kysely.selectFrom('events').select(['no', 'date', 'org_unit_id', 'is_demo']).orderBy('no').execute();
    expect(events.map((e) => e.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events.every((e) => e.org_unit_id === dalian.id && e.is_demo === 1)).toBe(true);
    expect(events[0]!.date).toBe('2011-03');
    const articles = await db.kysely.selectFrom('articles').select(['title', 'status', 'is_demo', 'featured', 'org_unit_id']).execute();
    expect(articles.length).toBeGreaterThanOrEqual(5);
    expect(articles.every((a) => a.status === 'published' && a.is_demo === 1 && a.title.endsWith('（演示数据）'))).toBe(true);
    expect(articles.filter((a) => a.featured).map((a) => a.org_unit_id)).toEqual([xigang.id]);
    const found = await searchIndex(db.kysely, db.dialect).search('两癌');
    expect(found.results.map((r) => r.title)).toContain('我市农村妇女“两癌”免费检查覆盖面进一步扩大（演示数据）');

    // 责任分解: every goal of the three plans has a 牵头单位; a goal with a linked indicator is led by the department reporting it.
    const leads = await db.kysely.selectFrom('plan_responsibilities').select(['goal_id', 'department_id']).where('role', '=', 'lead').where('goal_id', 'is not', null).execute();
    const goals = await db.kysely.selectFrom('plan_goals').select('id').execute();
    expect(goals.filter((g) => !leads.some((l) => l.goal_id === g.id))).toEqual([]);
    const linked = await db.kysely
      .selectFrom('plan_targets as t').innerJoin('indicators as i', 'i.id', 't.indicator_id').innerJoin('plan_goals as g', 'g.id', 't.goal_id').innerJoin('plan_areas as a', 'a.id', 'g.area_id')
      .select(['t.goal_id', 'i.responsible_department_id']).where('a.plan_id', '=', plans[0]!.id).executeTakeFirstOrThrow();
    expect(leads.filter((l) => l.goal_id === linked.goal_id).map((l) => l.department_id)).toContain(linked.responsible_department_id);
    const filed = await db.kysely.selectFrom('implementation_plans').select('state').execute();
    expect(filed.map((f) => f.state).sort()).toEqual(['accepted', 'accepted', 'submitted', 'submitted']);
  });

  it('refuses to seed a database that already has an organisation', async () => {
    await seedDemo(db, DEMO_PASSWORD);
    await expect(seedDemo(db, DEMO_PASSWORD)).rejects.toThrow('演示数据只能写入空数据库');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { plansRepository } from '../modules/plans/repository';
import { seedDemo } from './seedDemo';

describe(`demo data (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('seeds 大连市, its districts (西岗区 with streets), committees, member departments and the seed plans, all labelled demo', async () => {
    await seedDemo(db);
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
  });

  it('refuses to seed a database that already has an organisation', async () => {
    await seedDemo(db);
    await expect(seedDemo(db)).rejects.toThrow('演示数据只能写入空数据库');
  });
});

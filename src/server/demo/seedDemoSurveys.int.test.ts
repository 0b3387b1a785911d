import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { seedDemo } from './seedDemo';
import { DEMO_SURVEY_REPORTER } from './seedDemoDepartmentSurveys';

describe(`demo surveys (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('an adult and a child version with generated answers; 知晓率 written into the indicator with its sample size', async () => {
    await seedDemo(db, 'Demo-密码-2025');
    const surveys = await db.kysely.selectFrom('surveys').select(['id', 'title', 'audience', 'variant_of', 'is_demo', 'status']).where('department_id', 'is', null).orderBy('id').execute();
    expect(surveys.map((s) => [s.audience, s.variant_of === surveys[0]!.id, s.is_demo, s.status])).toEqual([['adult', false, 1, 'open'], ['child', true, 1, 'open']]);
    const counts = await db.kysely.selectFrom('survey_responses').select(['survey_id', (e) => e.fn.countAll<number>().as('n')]).groupBy('survey_id').orderBy('survey_id').execute();
    expect(counts.map((c) => Number(c.n))).toEqual([2400, 1200, 360]);
    const fed = await db.kysely
      .selectFrom('survey_feed_values as f')
      .innerJoin('data_values as v', (j) => j.onRef('v.org_unit_id', '=', 'f.org_unit_id').on('v.period', '=', 2025))
      .innerJoin('indicators as i', (j) => j.onRef('i.value_de_id', '=', 'v.data_element_id').on('i.code', '=', 'W01_072'))
      .select(['f.value', 'f.sample_size', 'v.value as stored', 'v.comment'])
      .execute();
    expect(fed.length).toBeGreaterThan(0);
    for (const row of fed) {
      expect(row.stored).toBe(row.value);
      expect(row.comment).toBe(`问卷调查：《2025年妇女儿童健康知识知晓情况调查》，有效样本 ${row.sample_size} 份`);
    }

    // 西岗区教育局 is authorised (logged) and owns a closed survey; its demo reporter's grant carries the authorisation.
    const own = await db.kysely
      .selectFrom('surveys as s')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .innerJoin('role_assignments as r', 'r.department_id', 'd.id')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['s.title', 's.status', 'd.runs_surveys', 'd.id'])
      .where('u.username', '=', DEMO_SURVEY_REPORTER)
      .execute();
    expect(own).toEqual([{ title: '2025年西岗区中小学家长家庭教育知识调查', status: 'closed', runs_surveys: 1, id: expect.any(Number) }]);
    const logged = await db.kysely.selectFrom('change_log').select(['old_value', 'new_value']).where('entity', '=', 'department').where('entity_id', '=', own[0]!.id).where('field', '=', 'runsSurveys').execute();
    expect(logged).toEqual([{ old_value: '否', new_value: '是' }]);
  });
});

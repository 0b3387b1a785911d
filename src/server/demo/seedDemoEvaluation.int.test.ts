import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { seedDemo } from './seedDemo';

describe(`demo evaluation (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('a 2025 mid-term round of the city’s women’s plan in progress: submitted, returned, scored and draft forms', async () => {
    await seedDemo(db, 'Demo-密码-2025');
    const rounds = await db.kysely.selectFrom('evaluation_rounds').select(['title', 'milestone', 'kind', 'is_demo']).execute();
    expect(rounds).toEqual([{ title: '《大连市妇女发展规划》中期评估（2025 年）', milestone: 2025, kind: 'midterm', is_demo: 1 }]);
    const forms = await db.kysely.selectFrom('evaluation_forms').select(['state', 'attainment', 'review_scores']).execute();
    const count = (state: string) => forms.filter((f) => f.state === state).length;
    expect([count('returned'), count('reviewed')]).toEqual([1, 6]);
    expect(count('submitted')).toBeGreaterThan(3);
    expect(count('draft')).toBeGreaterThan(0);
    expect(forms.filter((f) => f.state === 'reviewed').every((f) => f.review_scores !== null)).toBe(true);
    // Each submitting department still has its last goal to fill in; 西岗区's committee takes part.
    const participants = await db.kysely.selectFrom('evaluation_participants as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id').select(['u.name', 'p.department_id']).execute();
    expect(participants.filter((p) => p.department_id === null).map((p) => p.name)).toEqual(['西岗区']);
    // 妇女与健康 weighs indicator attainment higher.
    const weights = await db.kysely.selectFrom('evaluation_weights as w').innerJoin('plan_areas as a', 'a.id', 'w.target_id').select(['w.scope', 'a.title', 'w.criteria', 'w.share']).execute();
    expect(weights).toEqual([{ scope: 'area', title: '妇女与健康', criteria: '{"indicators":70,"measures":20,"mechanisms":10}', share: null }]);
  });
});

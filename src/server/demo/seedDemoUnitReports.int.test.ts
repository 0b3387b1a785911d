import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormContentSchema } from '../../shared/api/unitreports';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { seedDemo } from './seedDemo';

describe(`demo annual reports (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('has 大连市’s 2025 round: most reports accepted, 教育局 returned, 应急局 overdue, 西岗区’s upward report waiting', async () => {
    await seedDemo(db, 'Demo-密码-2025');
    const rounds = await db.kysely.selectFrom('unit_report_rounds as r').innerJoin('org_units as u', 'u.id', 'r.org_unit_id').select(['r.id', 'u.name', 'r.year', 'r.due_on', 'r.is_demo']).execute();
    expect(rounds.map((r) => [r.name, r.year, r.due_on, r.is_demo])).toEqual([['大连市', 2025, '2026-01-31', 1]]);
    const forms = await db.kysely
      .selectFrom('unit_report_forms as f')
      .innerJoin('org_units as u', 'u.id', 'f.org_unit_id')
      .leftJoin('departments as d', 'd.id', 'f.department_id')
      .select(['d.short_name', 'u.name', 'f.state', 'f.content', 'f.returned_reason', 'f.accepted_items'])
      .execute();
    const state = (name: string) => forms.find((f) => (f.short_name ?? f.name) === name)?.state;
    expect([state('应急局'), state('教育局'), state('西岗区'), state('卫健委'), state('中山区')]).toEqual(['draft', 'returned', 'submitted', 'accepted', 'accepted']);
    expect(forms.filter((f) => f.state === 'accepted').length).toBe(forms.length - 3);
    // Accepted reports keep the figures their forms showed; the others have none frozen.
    expect(forms.every((f) => (f.state === 'accepted') === (f.accepted_items !== null))).toBe(true);
    // 卫健委's report speaks of its own indicators' figures.
    const health = FormContentSchema.parse(JSON.parse(forms.find((f) => f.short_name === '卫健委')!.content));
    const entries = Object.values(health.items);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.map((e) => e.figures).join('')).toMatch(/孕产妇死亡率为\d/);
    expect(health.sections.overview).toMatch(/^2025年，大连市卫生健康委员会认真贯彻/);
  });
});

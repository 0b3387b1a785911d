import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildUser } from '../../../../../test/support/appHarness';
import { createTestDb, testDialect, type TestDb } from '../../../../../test/support/testDb';
import { filingReminders } from './reminders';

describe(`备案 reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => { db = await createTestDb(); });
  afterEach(async () => { await db.dispose(); });

  const plan = async (unitId: number, title: string, o: { status?: string; releasedOn?: string | null } = {}) => {
    const now = new Date().toISOString();
    const row = await db.kysely.insertInto('plans').values({
      org_unit_id: unitId, kind: 'women', title, period_start: 2021, period_end: 2030, status: o.status ?? 'adopted', source_name: 'a.txt', source_text: '',
      source_hash: title, is_demo: 0, created_at: now, updated_at: now, released_on: o.releasedOn ?? null, archived_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const file = (planId: number, toUnit: number, state: 'submitted' | 'returned' | 'accepted') =>
    db.kysely.insertInto('plan_filings').values({ plan_id: planId, to_org_unit_id: toUnit, state, due_on: '2026-04-15', note: null, comparison: '{}', filed_by: null, filed_at: '2026-04-01T00:00:00Z' }).execute();

  it('reminds the filing unit’s office a week ahead and once overdue, not for filed, waiting, draft or top-level plans', async () => {
    const city = await buildOrgUnit(db, { name: '大连市', level: 'city' });
    const xg = await buildOrgUnit(db, { name: '西岗区', parentId: city.id });
    const office = await buildUser(db, { role: 'office', orgUnitId: xg.id });
    await buildUser(db, { role: 'statistics', orgUnitId: xg.id });
    const soon = await plan(xg.id, '西岗区妇女发展规划', { releasedOn: '2026-03-15' }); // due 2026-04-15
    const late = await plan(xg.id, '西岗区儿童发展规划', { releasedOn: '2026-02-01' }); // due 2026-03-01
    const returned = await plan(xg.id, '西岗区老规划', { releasedOn: '2026-03-12' }); // due 2026-04-12, returned
    await file(returned, city.id, 'returned');
    const waiting = await plan(xg.id, '已报送的规划', { releasedOn: '2026-02-01' });
    await file(waiting, city.id, 'submitted');
    await plan(xg.id, '已备案的规划', { status: 'filed', releasedOn: '2026-02-01' });
    await plan(xg.id, '草案', { status: 'draft' });
    await plan(city.id, '大连市妇女发展规划', { releasedOn: '2026-01-01' });

    // 2026-04-10 in Beijing.
    const reminders = await filingReminders(db.kysely, new Date('2026-04-10T01:00:00Z'));
    expect(reminders.map((r) => [r.key, r.userIds, r.title])).toEqual([
      [`plan-filing:${soon}:due-7d:2026-04-15`, [office.id], '规划备案即将到期：西岗区妇女发展规划'],
      [`plan-filing:${late}:overdue:2026-03-01`, [office.id], '规划备案已逾期：西岗区儿童发展规划'],
      [`plan-filing:${returned}:due-7d:2026-04-12`, [office.id], '规划备案即将到期：西岗区老规划'],
    ]);
    expect(reminders[0]!.body).toBe('《西岗区妇女发展规划》应于 2026-04-15 前报送上级妇儿工委办公室备案，还剩 5 天。');
    expect(reminders[1]!.body).toContain('现已逾期 40 天');
    expect(reminders[2]!.body).toContain('上次报送已被退回');
    expect(reminders[0]!.link).toBe(`/plans/${soon}`);
    // Earlier than a week ahead: nothing yet for the plan due on 2026-04-15.
    expect((await filingReminders(db.kysely, new Date('2026-04-07T01:00:00Z'))).map((r) => r.key)).not.toContain(`plan-filing:${soon}:due-7d:2026-04-15`);
  });
});

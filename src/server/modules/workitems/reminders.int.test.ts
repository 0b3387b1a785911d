import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildUser } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { createTestDb, testDialect, type TestDb } from '../../../../test/support/testDb';
import { workitemsReminders } from './reminders';

describe(`workitems reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('reminds the lead department before a milestone is due and once it is late, and of an overdue 督办', async () => {
    const unit = (await buildOrgUnit(db, { name: '大连市', level: 'city' })).id;
    const health = await buildDepartment(db, unit, '卫健委');
    const reporter = await buildUser(db, { role: 'reporter', orgUnitId: unit, departmentId: health });
    const item = await db.kysely.insertInto('key_items').values({ org_unit_id: unit, year: 2026, no: 1, name: '两癌检查', summary: '', source_name: 't.txt', created_by: null }).returning('id').executeTakeFirstOrThrow();
    await db.kysely.insertInto('key_item_units').values({ item_id: item.id, role: 'lead', name: '卫健委', department_id: health, sort: 0 }).execute();
    await db.kysely.insertInto('key_item_milestones').values([
      { item_id: item.id, period: 'H1', text: '完成10万人', value: 10, unit: '万人', comparator: '>=', due_on: '2026-06-30' },
      { item_id: item.id, period: 'H2', text: '完成12万人', value: 12, unit: '万人', comparator: '>=', due_on: '2026-12-31' },
    ]).execute();
    const at = '2026-12-01T00:00:00.000Z';
    await db.kysely.insertInto('supervisions').values({ org_unit_id: unit, department_id: health, item_id: item.id, indicator_id: null, subject: '进度滞后', request: '请说明', due_on: '2026-11-30', state: 'open', is_demo: 0, created_by: null, created_at: at, updated_at: at }).execute();

    // Five days before 30 June: the 上半年 milestone only (the 督办 is due in November).
    const early = await workitemsReminders(db.kysely, new Date('2026-06-25T00:00:00Z'));
    expect(early.map((r) => r.key)).toEqual([expect.stringMatching(/^key-item-milestone:\d+:due-7d$/)]);
    const late = await workitemsReminders(db.kysely, new Date('2026-12-28T00:00:00Z'));
    expect(late.map((r) => [r.key.replace(/\d+/, 'N'), r.userIds])).toEqual([
      ['key-item-milestone:N:overdue', [reporter.id]],
      ['key-item-milestone:N:due-7d', [reporter.id]],
      ['supervision:N:round-1:overdue', [reporter.id]],
    ]);
  });
});

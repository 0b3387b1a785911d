import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildUser } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { createTestDb, testDialect, type TestDb } from '../../../../test/support/testDb';
import { workPointsReminders } from './workPointsReminders';

describe(`work points reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('reminds the lead department a week before the deadline, and the office of a 实事项目 without 备案', async () => {
    const unit = (await buildOrgUnit(db, { name: '大连市', level: 'city' })).id;
    const health = await buildDepartment(db, unit, '卫健委');
    const reporter = await buildUser(db, { role: 'reporter', orgUnitId: unit, departmentId: health });
    const office = await buildUser(db, { role: 'office', orgUnitId: unit });
    const at = '2026-01-01T00:00:00.000Z';
    const point = async (title: string, due: string, practical: number) => {
      const row = await db.kysely.insertInto('work_points').values({ org_unit_id: unit, year: 2026, parent_id: null, sort: 0, title, body: '', due_on: due, practical, source_line: null, is_demo: 0, created_by: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await db.kysely.insertInto('work_point_units').values({ point_id: row.id, department_id: health, role: 'lead', sort: 0 }).execute();
      return row.id;
    };
    const meeting = await point('召开全体会议', '2026-06-30', 0);
    const checks = await point('两癌检查', '2026-07-20', 1);
    const filed = await point('新建儿童之家', '2026-07-10', 1);
    await db.kysely.insertInto('work_point_records').values({ point_id: filed, kind: 'filing', on_date: '2026-03-01', ref: '〔2026〕1号', text: '', is_demo: 0, actor_id: null, at }).execute();

    const june = await workPointsReminders(db.kysely, new Date('2026-06-25T00:00:00Z'));
    expect(june.map((r) => [r.key, r.userIds])).toEqual([
      [`work-point:${meeting}:due-7d`, [reporter.id]],
      [`work-point:${checks}:unfiled:due-30d`, [office.id]],
    ]);
    expect(june[1]!.link).toBe(`/workitems/points?orgUnitId=${unit}&year=2026`);
    const august = await workPointsReminders(db.kysely, new Date('2026-08-01T00:00:00Z'));
    expect(august.map((r) => r.key)).toEqual([`work-point:${checks}:unfiled:overdue`]);
    expect(await workPointsReminders(db.kysely, new Date('2026-09-01T00:00:00Z'))).toEqual([]);
  });
});

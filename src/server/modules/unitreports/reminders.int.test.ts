import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/api/unitreports';
import { buildOrgUnit, buildUser } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { createTestDb, testDialect, type TestDb } from '../../../../test/support/testDb';
import { unitReportsReminders } from './reminders';

describe(`unit report reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('reminds the units still owing a report 3 days before the due date and once it is overdue; not those who submitted', async () => {
    const city = await buildOrgUnit(db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(db, { name: '西岗区', level: 'district', parentId: city.id });
    const health = await buildDepartment(db, city.id, '卫健委');
    const education = await buildDepartment(db, city.id, '教育局');
    const reporter = await buildUser(db, { role: 'reporter', orgUnitId: city.id, departmentId: health });
    await buildUser(db, { role: 'reporter', orgUnitId: city.id, departmentId: education });
    const office = await buildUser(db, { role: 'office', orgUnitId: xigang.id });
    const round = await db.kysely.insertInto('unit_report_rounds').values({ org_unit_id: city.id, year: 2025, due_on: '2026-01-31', note: '', created_by: null, created_at: '2026-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    const content = JSON.stringify(emptyContent());
    const forms = await db.kysely.insertInto('unit_report_forms').values([
      { round_id: round.id, org_unit_id: city.id, department_id: health, state: 'returned', content },
      { round_id: round.id, org_unit_id: city.id, department_id: education, state: 'submitted', content },
      { round_id: round.id, org_unit_id: xigang.id, department_id: null, state: 'draft', content },
    ]).returning('id').execute();

    expect(await unitReportsReminders(db.kysely, new Date('2026-01-20T00:00:00Z'))).toEqual([]);
    const soon = await unitReportsReminders(db.kysely, new Date('2026-01-29T00:00:00Z'));
    expect(soon.map((r) => [r.key, r.userIds, r.title])).toEqual([
      [`unit-report:${forms[0]!.id}:due-3d`, [reporter.id], '2025年度报告将于 2026-01-31 截止'],
      [`unit-report:${forms[2]!.id}:due-3d`, [office.id], '2025年度报告将于 2026-01-31 截止'],
    ]);
    expect(soon[0]!.body).toContain('已被退回');
    const late = await unitReportsReminders(db.kysely, new Date('2026-02-02T00:00:00Z'));
    expect(late.map((r) => [r.key, r.title])).toEqual([
      [`unit-report:${forms[0]!.id}:overdue`, '2025年度报告已逾期未报：大连市妇儿工委'],
      [`unit-report:${forms[2]!.id}:overdue`, '2025年度报告已逾期未报：大连市妇儿工委'],
    ]);
    // Long past: no longer reminded by the scheduler (the office may still 催报 by hand).
    expect(await unitReportsReminders(db.kysely, new Date('2026-04-01T00:00:00Z'))).toEqual([]);
  });
});

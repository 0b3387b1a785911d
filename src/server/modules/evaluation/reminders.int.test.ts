import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildUser } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { createTestDb, testDialect, type TestDb } from '../../../../test/support/testDb';
import { evaluationReminders } from './reminders';

describe(`evaluation reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db.dispose());

  it('reminds participants with forms to submit before and after the self-evaluation deadline, and the 评估组 of forms to review', async () => {
    const k = db.kysely;
    const city = (await buildOrgUnit(db, { name: '大连市', level: 'city' })).id;
    const xigang = (await buildOrgUnit(db, { name: '西岗区', level: 'district', parentId: city })).id;
    const health = await buildDepartment(db, city, '卫健委');
    const education = await buildDepartment(db, city, '教育局');
    const reporter = await buildUser(db, { role: 'reporter', orgUnitId: city, departmentId: health });
    await buildUser(db, { role: 'reporter', orgUnitId: city, departmentId: education });
    const xigangOffice = await buildUser(db, { role: 'office', orgUnitId: xigang });
    const evaluator = await buildUser(db, { role: 'evaluation', orgUnitId: city });
    const at = '2025-07-01T00:00:00.000Z';
    const plan = await k.insertInto('plans').values({ org_unit_id: city, kind: 'women', title: '规划', period_start: 2021, period_end: 2030, status: 'adopted', source_name: 't', source_text: '', source_hash: 'h', is_demo: 0, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const area = await k.insertInto('plan_areas').values({ plan_id: plan.id, no: 1, title: '妇女与健康', line: 1 }).returning('id').executeTakeFirstOrThrow();
    const goal = await k.insertInto('plan_goals').values({ area_id: area.id, no: 1, text: '目标。', line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow();
    const round = await k.insertInto('evaluation_rounds').values({ plan_id: plan.id, org_unit_id: city, milestone: 2025, kind: 'midterm', title: '中期评估', criteria: '[]', self_due_on: '2025-09-30', review_due_on: '2025-11-30', created_by: null, created_at: at, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
    const participant = async (orgUnitId: number, departmentId: number | null, state: 'draft' | 'returned' | 'submitted') => {
      const p = await k.insertInto('evaluation_participants').values({ round_id: round.id, org_unit_id: orgUnitId, department_id: departmentId }).returning('id').executeTakeFirstOrThrow();
      await k.insertInto('evaluation_forms').values({ round_id: round.id, participant_id: p.id, goal_id: goal.id, state, updated_at: at, is_demo: 0 }).execute();
      return p.id;
    };
    const healthP = await participant(city, health, 'returned');
    await participant(city, education, 'submitted');
    const xigangP = await participant(xigang, null, 'draft');

    expect(await evaluationReminders(k, new Date('2025-09-01T00:00:00Z'))).toEqual([]);
    const soon = await evaluationReminders(k, new Date('2025-09-25T00:00:00Z'));
    // 教育局 has submitted: only 卫健委 (returned) and 西岗区's office (draft) are reminded.
    expect(soon.map((r) => [r.key, r.userIds])).toEqual([
      [`evaluation:${round.id}:participant-${healthP}:self-due-7d`, [reporter.id]],
      [`evaluation:${round.id}:participant-${xigangP}:self-due-7d`, [xigangOffice.id]],
    ]);
    expect(soon[1]!.body).toBe('西岗区妇儿工委尚有 1 份自评表未提交（自评截止 2025-09-30）。');
    const late = await evaluationReminders(k, new Date('2025-12-02T00:00:00Z'));
    expect(late.map((r) => [r.key.replace(/\d+/g, 'N'), r.userIds])).toEqual([
      ['evaluation:N:participant-N:self-overdue', [reporter.id]],
      ['evaluation:N:participant-N:self-overdue', [xigangOffice.id]],
      ['evaluation:N:review-overdue', [evaluator.id]],
    ]);
  });
});

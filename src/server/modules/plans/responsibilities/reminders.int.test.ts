import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildUser } from '../../../../../test/support/appHarness';
import { buildDepartment } from '../../../../../test/support/monitoringFactories';
import { createTestDb, testDialect, type TestDb } from '../../../../../test/support/testDb';
import { implementationReminders } from './reminders';

describe(`实施方案 reminders (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => { db = await createTestDb(); });
  afterEach(async () => { await db.dispose(); });

  it('reminds a department that owes a 实施方案 a week ahead and once overdue, not one that filed or has no part', async () => {
    const city = await buildOrgUnit(db, { name: '大连市', level: 'city' });
    const xg = await buildOrgUnit(db, { name: '西岗区', parentId: city.id });
    const [health, education, women, sports] = [
      await buildDepartment(db, xg.id, '卫健委'), await buildDepartment(db, xg.id, '教育局'), await buildDepartment(db, xg.id, '区妇联'), await buildDepartment(db, xg.id, '体育局'),
    ];
    const reporter = await buildUser(db, { role: 'reporter', orgUnitId: xg.id, departmentId: health });
    const reviewer = await buildUser(db, { role: 'dept_reviewer', orgUnitId: xg.id, departmentId: education });
    await buildUser(db, { role: 'reporter', orgUnitId: xg.id, departmentId: women });
    await buildUser(db, { role: 'reporter', orgUnitId: xg.id, departmentId: sports });
    const k = db.kysely;
    const now = new Date().toISOString();
    const planOf = async (title: string, dueOn: string) => {
      const plan = await k.insertInto('plans').values({
        org_unit_id: xg.id, kind: 'women', title, period_start: 2021, period_end: 2030, status: 'adopted', source_name: 'a.txt', source_text: '', source_hash: title, is_demo: 0, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const area = await k.insertInto('plan_areas').values({ plan_id: plan.id, no: 1, title: '妇女与健康', line: 1 }).returning('id').executeTakeFirstOrThrow();
      const goal = await k.insertInto('plan_goals').values({ area_id: area.id, no: 1, text: '目标', line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow();
      await k.insertInto('implementation_dues').values({ plan_id: plan.id, due_on: dueOn, set_by: null, set_at: now }).execute();
      return { id: plan.id, goal: goal.id };
    };
    const soon = await planOf('妇女规划', '2026-04-15');
    const late = await planOf('儿童规划', '2026-03-01');
    const role = (plan: { id: number; goal: number }, departmentId: number, r: 'lead' | 'partner') =>
      k.insertInto('plan_responsibilities').values({ plan_id: plan.id, goal_id: plan.goal, measure_id: null, department_id: departmentId, role: r }).execute();
    await role(soon, health, 'lead');
    await role(late, education, 'lead');
    await role(late, women, 'partner');
    // 区妇联 has filed the late plan's: no reminder; 体育局 has no part in either plan.
    await k.insertInto('implementation_plans').values({ plan_id: late.id, department_id: women, state: 'submitted', text: '方案', filed_by: null, filed_at: now, is_demo: 0 }).execute();

    // 2026-04-10 in Beijing.
    const reminders = await implementationReminders(k, new Date('2026-04-10T01:00:00Z'));
    expect(reminders.map((r) => [r.key, r.userIds, r.title])).toEqual([
      [`implementation:${soon.id}:${health}:due-7d:2026-04-15`, [reporter.id], '实施方案即将到期：妇女规划'],
      [`implementation:${late.id}:${education}:overdue:2026-03-01`, [reviewer.id], '实施方案已逾期：儿童规划'],
    ]);
    expect(reminders[0]!.body).toBe('卫健委应于 2026-04-15 前报送《妇女规划》的实施方案，还剩 5 天。');
    expect(reminders[1]!.link).toBe(`/my-responsibilities?departmentId=${education}`);
    expect((await implementationReminders(k, new Date('2026-04-01T01:00:00Z'))).map((r) => r.key)).toEqual([`implementation:${late.id}:${education}:overdue:2026-03-01`]);
  });
});

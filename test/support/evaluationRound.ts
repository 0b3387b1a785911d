import { DEFAULT_CRITERIA } from '../../src/shared/evaluation/scoring';
import type { Role } from '../../src/shared/roles';
import { buildOrgUnit, buildUser, login, type TestApp } from './appHarness';
import { buildDepartment } from './monitoringFactories';

/**
 * A 2025 mid-term round of the city's women's plan (two areas, one goal each), written directly:
 * the city's 卫健委 and 教育局 and 西岗区's committee take part; signed-in users of the city's office,
 * 评估组, both departments, and the offices of 西岗区 (taking part) and 中山区 (not). A second
 * round (the children's plan) shows what a round-bound account must not see.
 */
export async function buildEvaluationRound(t: TestApp) {
  const k = t.db.kysely;
  const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
  const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
  const zhongshan = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
  const dept = { health: await buildDepartment(t.db, city.id, '卫健委', '大连市卫生健康委员会'), education: await buildDepartment(t.db, city.id, '教育局', '大连市教育局') };
  const now = '2025-01-01T00:00:00Z';
  const round = async (kind: 'women' | 'children', title: string) => {
    const plan = await k.insertInto('plans').values({
      org_unit_id: city.id, kind, title, period_start: 2021, period_end: 2030, status: 'adopted', source_name: 't.txt', source_text: '', source_hash: `h-${kind}`, is_demo: 0, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const goals: number[] = [];
    for (const [no, areaTitle, text] of [[1, '妇女与健康', '住院分娩率保持在90%以上。'], [2, '妇女与教育', '巩固率达到95%。']] as const) {
      const area = await k.insertInto('plan_areas').values({ plan_id: plan.id, no, title: areaTitle, line: no }).returning('id').executeTakeFirstOrThrow();
      goals.push((await k.insertInto('plan_goals').values({ area_id: area.id, no: 1, text, line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow()).id);
    }
    const id = (await k.insertInto('evaluation_rounds').values({
      plan_id: plan.id, org_unit_id: city.id, milestone: 2025, kind: 'midterm', title: `${title}中期评估`, criteria: JSON.stringify(DEFAULT_CRITERIA), self_due_on: '2025-09-30', review_due_on: '2025-11-30', created_by: null, created_at: now, is_demo: 0,
    }).returning('id').executeTakeFirstOrThrow()).id;
    return { id, goals };
  };
  const women = await round('women', '大连市妇女发展规划');
  const children = await round('children', '大连市儿童发展规划');
  const participant = async (roundId: number, orgUnitId: number, departmentId: number | null) => (await k.insertInto('evaluation_participants').values({ round_id: roundId, org_unit_id: orgUnitId, department_id: departmentId }).returning('id').executeTakeFirstOrThrow()).id;
  const p = { health: await participant(women.id, city.id, dept.health), education: await participant(women.id, city.id, dept.education), xigang: await participant(women.id, xigang.id, null) };
  const form = (participantId: number, goalId: number, roundId = women.id) => k.insertInto('evaluation_forms').values({ round_id: roundId, participant_id: participantId, goal_id: goalId, updated_at: now, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
  const forms = { health: (await form(p.health, women.goals[0]!)).id, children: (await form(await participant(children.id, city.id, dept.health), children.goals[0]!, children.id)).id };
  const user = async (username: string, role: Role, orgUnitId: number, departmentId: number | null = null) => {
    await buildUser(t.db, { username, role, orgUnitId, departmentId });
    return login(t.app, username);
  };
  const s = {
    office: await user('dalian_office', 'office', city.id),
    evaluation: await user('dalian_pinggu', 'evaluation', city.id),
    health: await user('dalian_weijian', 'reporter', city.id, dept.health),
    education: await user('dalian_jiaoyu', 'reporter', city.id, dept.education),
    xigang: await user('xigang_office', 'office', xigang.id),
    zhongshan: await user('zhongshan_office', 'office', zhongshan.id),
  };
  return { roundId: women.id, goals: women.goals, other: children, forms, p, s, city };
}
export type EvaluationRound = Awaited<ReturnType<typeof buildEvaluationRound>>;

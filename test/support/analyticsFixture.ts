import { expect } from 'vitest';
import type { Role } from '../../src/shared/api/auth';
import type { SubmissionDto, TaskDto } from '../../src/shared/api/reporting';
import type { OptionCode } from '../../src/shared/monitoring/validation';
import { authHeaders, buildOrgUnit, buildUser, login, type Session, type TestApp } from './appHarness';
import { buildDepartment, buildDirectIndicator, buildRatioIndicator } from './monitoringFactories';

type Comparator = '>=' | '<=' | '=' | '~' | 'increase' | 'decrease';

/** One value to store: a data element at a unit in a year (and option). */
export interface ValueRow {
  de: number;
  unit: { id: number };
  year: number;
  value: number;
  option?: OptionCode;
}

/**
 * 大连市 → 西岗区 (with 白云街道), 中山区; each district committee with 卫健委 and 教育局; signed-in
 * users, and helpers that store values and move submissions only through the real API (tasks,
 * dataValueSets, the review workflow). The dictionary (indicators, targets, publishing) is set
 * up directly, as the other factories do.
 */
export async function buildAnalyticsFixture(t: TestApp) {
  const city = await buildOrgUnit(t.db, { name: '大连市', code: '210200', level: 'city' });
  const xigang = await buildOrgUnit(t.db, { name: '西岗区', code: '210203', level: 'district', parentId: city.id });
  const zhongshan = await buildOrgUnit(t.db, { name: '中山区', code: '210202', level: 'district', parentId: city.id });
  const baiyun = await buildOrgUnit(t.db, { name: '白云街道', code: '210203001', level: 'street', parentId: xigang.id });
  const health = { xigang: await buildDepartment(t.db, xigang.id, '卫健委', '西岗区卫生健康局'), zhongshan: await buildDepartment(t.db, zhongshan.id, '卫健委', '中山区卫生健康局') };
  const education = { xigang: await buildDepartment(t.db, xigang.id, '教育局', '西岗区教育局'), zhongshan: await buildDepartment(t.db, zhongshan.id, '教育局', '中山区教育局') };

  const user = async (username: string, role: Role, orgUnitId: number | null, departmentId: number | null = null) => {
    await buildUser(t.db, { username, role, orgUnitId, departmentId });
    return login(t.app, username);
  };
  const admin = await user('admin', 'admin', null);
  const cityOffice = await user('dalian_office', 'office', city.id);
  const xigangStatistics = await user('xigang_tongji', 'statistics', xigang.id);
  const xigangReporter = await user('xigang_weijian', 'reporter', xigang.id, health.xigang);
  const zhongshanStatistics = await user('zhongshan_tongji', 'statistics', zhongshan.id);
  const zhongshanReporter = await user('zhongshan_weijian', 'reporter', zhongshan.id, health.zhongshan);

  const get = async <T = unknown>(s: Session | null, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
    return { status: res.statusCode, body: (String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body) as T, res };
  };
  const post = async <T = unknown>(s: Session | null, url: string, payload: unknown) => {
    const res = await t.app.inject({ method: 'POST', url, payload: payload as object, headers: s ? authHeaders(s) : {} });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T, res };
  };

  /** A reporting task of the city for one year, for the districts unless told otherwise. */
  const openTask = async (year: number, indicatorIds: number[], o: { dueOn?: string; units?: { id: number }[] } = {}) => {
    const created = await post<TaskDto>(cityOffice, '/api/reporting/tasks', {
      orgUnitId: city.id, year, name: `${year}年度监测数据填报`, opensOn: '2020-01-01', dueOn: o.dueOn ?? '2099-12-31',
      indicatorIds, orgUnitIds: (o.units ?? [xigang, zhongshan]).map((u) => u.id),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  };

  /** Stores values through the DHIS2 dataValueSets API, as the administrator (any unit, same checks). */
  const write = async (rows: ValueRow[]) => {
    const res = await post<{ response: { conflicts: unknown[] } }>(admin, '/api/dataValueSets?idScheme=id', {
      dataValues: rows.map((r) => ({ dataElement: String(r.de), period: String(r.year), orgUnit: String(r.unit.id), categoryOptionCombo: r.option ?? 'default', value: String(r.value) })),
    });
    expect(res.body.response.conflicts, JSON.stringify(res.body)).toEqual([]);
    expect(res.status).toBe(200);
  };

  /** The numerator and denominator of a ratio indicator at a unit in a year. */
  const ratio = (ind: { numeratorId: number; denominatorId: number }, unit: { id: number }, year: number, num: number, den: number, option?: OptionCode): ValueRow[] => [
    { de: ind.numeratorId, unit, year, value: num, option },
    { de: ind.denominatorId, unit, year, value: den, option },
  ];

  const seatOf = async (task: TaskDto, unit: { id: number }, departmentId: number) => {
    const seats = (await get<SubmissionDto[]>(cityOffice, `/api/reporting/submissions?taskId=${task.id}`)).body;
    const seat = seats.find((s) => s.orgUnit.id === unit.id && s.department.id === departmentId);
    if (!seat) throw new Error(`no seat of unit ${unit.id} department ${departmentId} in task ${task.id}`);
    return seat;
  };

  const act = async (s: Session, seat: SubmissionDto, action: string) => {
    const res = await post<{ submission: SubmissionDto }>(s, `/api/reporting/submissions/${seat.id}/actions`, { action });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.submission.state;
  };

  /** The reporter submits the unit's 卫健委 seat and the unit's statistics group approves it. */
  const approveHealth = async (task: TaskDto, unit: 'xigang' | 'zhongshan') => {
    const seat = await seatOf(task, unit === 'xigang' ? xigang : zhongshan, health[unit]);
    expect(await act(unit === 'xigang' ? xigangReporter : zhongshanReporter, seat, 'submit')).toBe('submitted');
    expect(await act(unit === 'xigang' ? xigangStatistics : zhongshanStatistics, seat, 'approve')).toBe('approved');
  };

  /** A percentage computed as numerator ÷ denominator × 100, reported by 卫健委. */
  const percentIndicator = async (o: { name: string; code?: string; direction?: 'higher' | 'lower' | 'band'; categories?: string }) => {
    const ind = await buildRatioIndicator(t.db, {
      name: o.name, code: o.code, unit: '%', factor: 100, numerator: `${o.name}分子`, denominator: `${o.name}分母`, categories: o.categories, dept: '卫健委',
    });
    await setIndicator(ind.id, { direction: o.direction ?? 'higher' });
    return ind;
  };

  /** A directly reported rate (%) by 教育局, higher is better. */
  const rateIndicator = (o: { name: string; code?: string; categories?: string; yoyThreshold?: number | null }) =>
    buildDirectIndicator(t.db, { name: o.name, code: o.code, categories: o.categories, yoyThreshold: o.yoyThreshold ?? null, dept: '教育局' });

  const setIndicator = async (id: number, fields: { direction?: 'higher' | 'lower' | 'band'; published?: boolean; decimals?: number }) => {
    await t.db.kysely
      .updateTable('indicators')
      .set({
        ...(fields.direction && { direction: fields.direction }),
        ...(fields.published !== undefined && { published: fields.published ? 1 : 0 }),
        ...(fields.decimals !== undefined && { decimals: fields.decimals }),
      })
      .where('id', '=', id)
      .execute();
  };

  const setTargets = async (indicatorId: number, targets: [year: number, comparator: Comparator, value: number | null][]) => {
    await t.db.kysely
      .insertInto('indicator_targets')
      .values(targets.map(([year, comparator, value]) => ({ indicator_id: indicatorId, year, comparator, value, base_year: null })))
      .execute();
  };

  /** Links an indicator to a target of goal 1 in area `no` of the city's plan `planTitle` (made on first use). */
  const linkToArea = async (indicatorId: number, area: { planTitle: string; no: number; title: string }) => {
    const k = t.db.kysely;
    const plan =
      (await k.selectFrom('plans').select('id').where('title', '=', area.planTitle).executeTakeFirst()) ??
      (await k
        .insertInto('plans')
        .values({
          org_unit_id: city.id, kind: 'women', title: area.planTitle, period_start: 2021, period_end: 2030, source_name: 'test.txt',
          source_text: '', source_hash: area.planTitle, is_demo: 0, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    const areaRow = await k.insertInto('plan_areas').values({ plan_id: plan.id, no: area.no, title: area.title, line: 1 }).returning('id').executeTakeFirstOrThrow();
    const goal = await k
      .insertInto('plan_goals')
      .values({ area_id: areaRow.id, no: 1, text: '目标。', line_start: 1, line_end: 1, qualitative: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const target = await k
      .insertInto('plan_targets')
      .values({ goal_id: goal.id, seq: 1, indicator: '指标', comparator: '>=', value: 1, unit: '%', year: null, base_year: null, quote: '目标', edited_by: null, edited_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k.updateTable('indicators').set({ plan_target_id: target.id }).where('id', '=', indicatorId).execute();
  };

  /**
   * A unit's own plan (women's unless told) whose goal 1 sets these targets, each linked to its
   * indicator (plan_targets.indicator_id); returns the plan and target ids.
   */
  const unitPlan = async (
    unit: { id: number; name: string },
    targets: [indicatorId: number, comparator: Comparator, value: number | null, year: number | null][],
    o: { kind?: 'women' | 'children'; status?: string } = {},
  ) => {
    const k = t.db.kysely;
    const title = `${unit.name}${o.kind === 'children' ? '儿童' : '妇女'}发展规划（2021—2030年）`;
    const plan = await k
      .insertInto('plans')
      .values({
        org_unit_id: unit.id, kind: o.kind ?? 'women', title, period_start: 2021, period_end: 2030, status: o.status ?? 'adopted', source_name: 'test.txt',
        source_text: '', source_hash: title, is_demo: 0, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const area = await k.insertInto('plan_areas').values({ plan_id: plan.id, no: 1, title: '妇女与健康', line: 1 }).returning('id').executeTakeFirstOrThrow();
    const goal = await k
      .insertInto('plan_goals')
      .values({ area_id: area.id, no: 1, text: '目标。', line_start: 1, line_end: 1, qualitative: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [seq, [indicatorId, comparator, value, year]] of targets.entries()) {
      const row = await k
        .insertInto('plan_targets')
        .values({ goal_id: goal.id, seq: seq + 1, indicator: '指标', comparator, value, unit: '%', year, base_year: null, quote: '目标', edited_by: null, edited_at: null, indicator_id: indicatorId })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return { id: plan.id, title, targetIds: ids };
  };

  return {
    city, xigang, zhongshan, baiyun, health, education,
    admin, cityOffice, xigangStatistics, xigangReporter, zhongshanStatistics, zhongshanReporter,
    user, get, post, openTask, write, ratio, seatOf, act, approveHealth, percentIndicator, rateIndicator, setIndicator, setTargets, linkToArea, unitPlan,
  };
}
export type AnalyticsFixture = Awaited<ReturnType<typeof buildAnalyticsFixture>>;

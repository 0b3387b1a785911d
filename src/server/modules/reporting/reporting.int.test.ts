import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { GridDto, SubmissionDto } from '../../../shared/api/reporting';

describe(`reporting workflow (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
  });
  afterEach(async () => t.close());

  const get = <T>(s: Session, url: string) => f.get<T>(s, url);
  const send = <T>(s: Session, method: 'POST' | 'PUT', url: string, payload: unknown) => f.send<T>(s, method, url, payload);

  const mySubmission = async (s: Session) => (await get<SubmissionDto[]>(s, '/api/reporting/submissions?mine=true')).body[0]!;
  const save = (s: Session, id: number, cells: object[]) => send<{ saved: unknown[]; issues: GridDto['issues'] }>(s, 'PUT', `/api/reporting/submissions/${id}/values`, { cells });
  const act = (s: Session, id: number, action: string, reason?: string) => send<GridDto & { message?: string }>(s, 'POST', `/api/reporting/submissions/${id}/actions`, { action, reason });

  it('opens a task with one submission per unit and responsible department', async () => {
    expect(f.task.counts.submissions).toBe(3); // 西岗区 卫健委 + 教育局, 中山区 卫健委 (no 教育局 there)
    const mine = await get<SubmissionDto[]>(f.reporter, '/api/reporting/submissions?mine=true');
    expect(mine.body.map((s) => [s.orgUnit.name, s.department.shortName, s.state, s.expected, s.filled])).toEqual([['西岗区', '卫健委', 'draft', 2, 0]]);
  });

  it('enters values, keeps versions, refuses a stale save with the other person’s value', async () => {
    const sub = await mySubmission(f.reporter);
    const grid = (await get<GridDto>(f.reporter, `/api/reporting/submissions/${sub.id}/grid`)).body;
    expect(grid.rows.map((r) => [r.dataElementName, r.role])).toEqual([['孕产妇死亡数', 'numerator'], ['活产数', 'denominator']]);
    const first = await save(f.reporter, sub.id, [
      { dataElementId: f.mmr.numeratorId, option: 'total', value: 3, expectedVersion: null },
      { dataElementId: f.mmr.denominatorId, option: 'total', value: 40000, expectedVersion: null },
    ]);
    expect(first.status).toBe(200);
    const after = (await get<GridDto>(f.reporter, `/api/reporting/submissions/${sub.id}/grid`)).body;
    expect(after.derived).toEqual([{ indicatorId: f.mmr.id, option: 'total', value: 7.5, previous: null }]);
    expect(after.rows[0]!.cells[0]).toMatchObject({ value: 3, version: 1 });

    expect((await save(f.reporter, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 4, expectedVersion: 1 }])).status).toBe(200);
    const stale = await save(f.reporter2, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 5, expectedVersion: 1 }]);
    expect(stale.status).toBe(409);
    const body = stale.body as unknown as { code: string; message: string; details: { current: { value: number; by: string } }[] };
    expect(body.code).toBe('VALUE_CONFLICT');
    expect(body.message).toContain('已被他人修改为 4');
    expect(body.details[0]!.current).toMatchObject({ value: 4, by: '测试用户wangfang' });

    const audits = await t.db.kysely.selectFrom('data_value_audits').selectAll().execute();
    expect(audits.map((a) => [a.action, a.old_value, a.new_value, a.via])).toEqual([['update', 3, 4, 'ui']]);

    const history = await get<{ action: string; oldValue: number | null; newValue: number | null; by: string; via: string }[]>(
      f.reporter,
      `/api/reporting/audit?orgUnitId=${f.xigang.id}&period=2024&dataElementId=${f.mmr.numeratorId}&option=total`,
    );
    expect(history.body.map((h) => [h.action, h.oldValue, h.newValue, h.by, h.via])).toEqual([
      ['create', null, 3, '测试用户wangfang', 'ui'],
      ['update', 3, 4, '测试用户wangfang', 'ui'],
    ]);
    const unitWide = await get<unknown[]>(f.office, `/api/reporting/audit?orgUnitId=${f.xigang.id}&period=2024`);
    expect(unitWide.body).toHaveLength(3); // two creations and one change
    expect((await get(f.reporter, `/api/reporting/audit?orgUnitId=${f.xigang.id}&period=2024`)).status).toBe(403);
  });

  it('refuses garbage and other people’s seats; validates across cells', async () => {
    const sub = await mySubmission(f.reporter);
    const negative = await save(f.reporter, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: -1, expectedVersion: null }]);
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('孕产妇死亡数（合计）不能为负数（-1）');

    const wrongOption = await save(f.reporter, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'female', value: 1, expectedVersion: null }]);
    expect(wrongOption.status).toBe(400);
    expect(JSON.stringify(wrongOption.body)).toContain('不按“女”分组填报');

    const bigger = await save(f.reporter, sub.id, [
      { dataElementId: f.mmr.numeratorId, option: 'total', value: 9, expectedVersion: null },
      { dataElementId: f.mmr.denominatorId, option: 'total', value: 5, expectedVersion: null },
    ]);
    expect(bigger.status).toBe(200);
    expect(bigger.body.issues.map((i) => i.message)).toContain('孕产妇死亡数（9）不能大于活产数（5）');
    const submit = await act(f.reporter, sub.id, 'submit');
    expect(submit.status).toBe(409);
    expect(submit.body.message).toContain('数据未通过校验，不能提交');

    const others = (await get<SubmissionDto[]>(f.office, `/api/reporting/submissions?taskId=${f.task.id}`)).body;
    const zhongshanSeat = others.find((s) => s.orgUnit.name === '中山区')!;
    expect((await get(f.reporter, `/api/reporting/submissions/${zhongshanSeat.id}/grid`)).status).toBe(403);
    expect((await save(f.reporter, zhongshanSeat.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 1, expectedVersion: null }])).status).toBe(403);
  });

  it('runs submit → return with a reason → fix → resubmit → approve (locked) → reopen', async () => {
    const sub = await mySubmission(f.reporter);
    expect((await act(f.reporter, sub.id, 'submit')).body.message).toContain('还有 2 项数据未填写');
    await save(f.reporter, sub.id, [
      { dataElementId: f.mmr.numeratorId, option: 'total', value: 3, expectedVersion: null },
      { dataElementId: f.mmr.denominatorId, option: 'total', value: 40000, expectedVersion: null },
    ]);
    expect((await act(f.reporter, sub.id, 'submit')).body.submission.state).toBe('submitted');
    expect((await save(f.reporter, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 2, expectedVersion: 1 }])).body).toMatchObject({
      code: 'WORKFLOW_REFUSED',
      message: expect.stringContaining('已提交审核，不能修改'),
    });

    expect((await act(f.statistics, sub.id, 'return')).body.message).toBe('退回时必须填写原因');
    const returned = await act(f.statistics, sub.id, 'return', '活产数与卫健统计年报不一致');
    expect(returned.body.submission).toMatchObject({ state: 'returned', returnReason: '活产数与卫健统计年报不一致' });
    const notes = (await get<{ title: string; body: string }[]>(f.reporter, '/api/notifications')).body;
    expect(notes[0]).toMatchObject({ title: '西岗区卫健委2024年数据被退回', body: expect.stringContaining('活产数与卫健统计年报不一致') });

    expect((await save(f.reporter, sub.id, [{ dataElementId: f.mmr.denominatorId, option: 'total', value: 41000, expectedVersion: 1 }])).status).toBe(200);
    expect((await act(f.reporter, sub.id, 'approve')).status).toBe(403);
    expect((await act(f.reporter, sub.id, 'submit')).body.submission.state).toBe('submitted');
    expect((await act(f.statistics, sub.id, 'approve')).body).toMatchObject({ editable: false, submission: { state: 'approved' } });

    const locked = await save(f.reporter, sub.id, [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 2, expectedVersion: 1 }]);
    expect(locked.status).toBe(409);
    expect(JSON.stringify(locked.body)).toContain('已审核通过并锁定，不能修改');

    expect((await act(f.reporter, sub.id, 'reopen', '更正')).status).toBe(403);
    expect((await act(f.statistics, sub.id, 'reopen', '国家反馈口径调整')).body.submission.state).toBe('returned');
    const events = (await get<{ action: string; by: string; comment: string | null }[]>(f.statistics, `/api/reporting/submissions/${sub.id}/events`)).body;
    expect(events.map((e) => e.action)).toEqual(['submit', 'return', 'submit', 'approve', 'reopen']);
    expect(events[4]).toMatchObject({ by: '测试用户tongji', comment: '国家反馈口径调整' });
  });

  it('goes bottom-up: the department reviewer before the statistics group, and only the unit’s own group approves', async () => {
    const sub = await mySubmission(f.reporter);
    await save(f.reporter, sub.id, [
      { dataElementId: f.mmr.numeratorId, option: 'total', value: 3, expectedVersion: null },
      { dataElementId: f.mmr.denominatorId, option: 'total', value: 40000, expectedVersion: null },
    ]);
    const reviewer = await login(t.app, (await buildUser(t.db, { role: 'dept_reviewer', orgUnitId: f.xigang.id, departmentId: f.xigangHealth, username: 'shenhe' })).username);
    const cityStatistics = await login(t.app, (await buildUser(t.db, { role: 'statistics', orgUnitId: f.city.id, username: 'city_tongji' })).username);
    expect((await act(f.reporter, sub.id, 'submit')).body.submission.state).toBe('submitted');

    const early = await act(f.statistics, sub.id, 'approve');
    expect(early).toMatchObject({ status: 409, body: { message: '卫健委设有部门审核员，须经部门审核上报后才能审核通过' } });
    expect((await act(f.reporter, sub.id, 'review')).status).toBe(403);
    expect((await act(reviewer, sub.id, 'review')).body.submission.state).toBe('reviewed');
    expect((await get<{ title: string }[]>(f.statistics, '/api/notifications')).body[0]!.title).toBe('西岗区卫健委2024年数据已由部门审核上报');

    // The city sees and may send the district's data back, but approving it is the district's act.
    expect((await act(cityStatistics, sub.id, 'approve')).body).toMatchObject({ code: 'AUTH_FORBIDDEN', message: '审核通过须由西岗区妇儿工委统计监测组办理' });
    expect((await act(f.statistics, sub.id, 'approve')).body.submission.state).toBe('approved');
    expect((await act(cityStatistics, sub.id, 'reopen', '市级复核')).status).toBe(403);
    const events = (await get<{ action: string }[]>(f.statistics, `/api/reporting/submissions/${sub.id}/events`)).body;
    expect(events.map((e) => e.action)).toEqual(['submit', 'review', 'approve']);
  });

  it('shows completeness to the office and reminds the seats that have not submitted', async () => {
    const completeness = await get<{ cells: SubmissionDto[]; units: { name: string }[]; departments: string[] }>(f.office, `/api/reporting/tasks/${f.task.id}/completeness`);
    expect(completeness.body.units.map((u) => u.name)).toEqual(['西岗区', '中山区']);
    expect(completeness.body.departments.sort()).toEqual(['卫健委', '教育局']);
    expect(completeness.body.cells.every((c) => c.state === 'draft' && !c.overdue)).toBe(true);
    const reminded = await send<{ submissions: number; notified: number }>(f.office, 'POST', `/api/reporting/tasks/${f.task.id}/remind`, {});
    // 西岗区 卫健委 has two reporters; 西岗区 教育局 and 中山区 卫健委 have none.
    expect(reminded.body).toEqual({ submissions: 3, notified: 2, unstaffed: 2 });
    expect((await get<{ title: string }[]>(f.reporter2, '/api/notifications')).body[0]!.title).toBe('请尽快填报：2024年度妇女发展规划监测数据填报');
    expect((await send(f.reporter, 'POST', `/api/reporting/tasks/${f.task.id}/remind`, {})).status).toBe(403);
  });
});

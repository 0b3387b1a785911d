import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowupDetailDto, FollowupDto, FollowupWarningListDto } from '../../../shared/api/followup';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { buildTestApp, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import { addDays, beijingDate } from '../../services/reminders/dates';

describe(`follow-up of warnings (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let reporter: Session;
  let zhongshanEducation: Session;
  let overdueKey: string;
  let late: Awaited<ReturnType<AnalyticsFixture['rateIndicator']>>;
  let task: Awaited<ReturnType<AnalyticsFixture['openTask']>>;
  const deadline = addDays(beijingDate(new Date()), 5);

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    reporter = await f.user('xigang_jiaoyu', 'reporter', f.xigang.id, f.education.xigang);
    zhongshanEducation = await f.user('zhongshan_jiaoyu', 'reporter', f.zhongshan.id, f.education.zhongshan);
    late = await f.rateIndicator({ name: '逾期指标' });
    task = await f.openTask(2023, [late.id], { dueOn: '2024-01-31', units: [f.xigang] });
    const seat = await f.seatOf(task, f.xigang, f.education.xigang);
    overdueKey = `overdue:${seat.id}`;
  });
  afterEach(async () => t.close());

  const warnings = async (s: Session, query = '') => {
    const res = await f.get<FollowupWarningListDto>(s, `/api/followup/warnings?orgUnitId=${f.xigang.id}&scope=all${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const followups = async (s: Session, query = '') => (await f.get<FollowupDto[]>(s, `/api/followups${query}`)).body;
  const assign = () => f.post<{ assigned: number[] }>(f.cityOffice, '/api/followup/assign', { keys: [overdueKey], deadline, note: '请分析原因' });

  it('runs a warning through assignment, answer, return, answer, acceptance and closing, with its history', async () => {
    const before = await warnings(f.cityOffice);
    expect(before.items.find((w) => w.key === overdueKey)).toMatchObject({ departmentId: f.education.xigang, followup: null, department: '教育局' });
    expect(before.departments.map((d) => d.name)).toEqual(['卫健委', '教育局']);

    expect((await f.post(f.cityOffice, '/api/followup/assign', { keys: [overdueKey], deadline: '2020-01-01' })).body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('整改期限（2020-01-01）不能早于今天') });
    const assigned = await assign();
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const id = assigned.body.assigned[0]!;
    expect((await assign()).body).toMatchObject({ code: 'FOLLOWUP_EXISTS', message: expect.stringContaining('已在整改中') });

    // The department sees it (and was notified); another district's department does not.
    expect(await followups(reporter)).toEqual([expect.objectContaining({ id, state: 'assigned', department: { id: f.education.xigang, name: '教育局' }, deadline, actions: ['answer'], recovered: false, overdue: false })]);
    expect(await followups(zhongshanEducation)).toEqual([]);
    expect((await f.get(zhongshanEducation, `/api/followups/${id}`)).status).toBe(403);
    const notes = (await f.get<{ items: { kind: string; title: string; link: string }[] }>(reporter, '/api/notifications/centre?kind=followup')).body.items;
    expect(notes).toEqual([expect.objectContaining({ kind: 'followup', title: '预警整改：教育局2023年度数据填报', link: `/followups/${id}` })]);
    expect((await f.get<FollowupDto[]>(f.cityOffice, '/api/followups')).body[0]!.actions).toEqual(['close']);

    // Each side acts only in its turn.
    expect((await f.post(reporter, `/api/followups/${id}/accept`, {})).status).toBe(403);
    const answer = { cause: '学校统计口径调整，数据汇总延误', measures: '明确专人负责，本周内完成填报', expectedOn: addDays(deadline, 10) };
    const answered = await f.post<FollowupDetailDto>(reporter, `/api/followups/${id}/answer`, answer);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ state: 'answered', cause: answer.cause, measures: answer.measures, expectedOn: answer.expectedOn, actions: [] });
    expect((await f.post(reporter, `/api/followups/${id}/answer`, answer)).body).toMatchObject({ code: 'WORKFLOW_REFUSED', message: '整改待审核，不能答复' });
    expect((await f.post(f.cityOffice, `/api/followups/${id}/return`, {})).body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('退回时请填写意见') });
    expect((await f.post<FollowupDetailDto>(f.cityOffice, `/api/followups/${id}/return`, { comment: '措施不够具体' })).body.state).toBe('returned');
    expect((await f.post<FollowupDetailDto>(reporter, `/api/followups/${id}/answer`, { ...answer, measures: '12月10日前完成填报并提交' })).body.state).toBe('answered');
    expect((await f.post<FollowupDetailDto>(f.cityOffice, `/api/followups/${id}/accept`, {})).body.state).toBe('accepted');
    const closed = await f.post<FollowupDetailDto>(f.cityOffice, `/api/followups/${id}/close`, { comment: '已完成' });
    expect(closed.body).toMatchObject({ state: 'closed', recovered: false, actions: [] });
    expect(closed.body.events.map((e) => [e.action, e.from, e.to, e.comment?.slice(0, 6) ?? null])).toEqual([
      ['assign', null, 'assigned', '请分析原因'],
      ['answer', 'assigned', 'answered', '原因：学校统'],
      ['return', 'answered', 'returned', '措施不够具体'],
      ['answer', 'returned', 'answered', '原因：学校统'],
      ['accept', 'answered', 'accepted', null],
      ['close', 'accepted', 'closed', '已完成'],
    ]);
    expect(await followups(reporter)).toEqual([]);
    expect((await followups(reporter, '?status=all')).map((x) => x.state)).toEqual(['closed']);

    // Filters by follow-up state and department; a closed warning can be assigned again.
    expect((await warnings(f.cityOffice, '&followup=closed')).items.map((w) => w.key)).toEqual([overdueKey]);
    expect((await warnings(f.cityOffice, '&followup=none')).items.map((w) => w.key)).not.toContain(overdueKey);
    expect((await warnings(f.cityOffice, `&departmentId=${f.health.xigang}`)).items.map((w) => w.key)).not.toContain(overdueKey);
    expect((await assign()).status).toBe(200);
  });

  it('reminds the department before its deadline, and shows 指标已恢复 (no more reminders) once the warning no longer fires', async () => {
    const id = (await assign()).body.assigned[0]!;
    expect((await f.get<FollowupDetailDto>(f.cityOffice, `/api/followups/${id}`)).body).toMatchObject({ recovered: false });
    const at = (date: string) => new Date(`${date}T02:00:00Z`);
    // The overdue seat itself is reminded too (reporting's source); only the 整改 reminders count here.
    const reminders = async () =>
      (await f.get<{ items: { title: string; body: string }[] }>(reporter, '/api/notifications/centre?kind=reminder')).body.items.filter((n) => n.title.startsWith('整改提醒'));
    await t.app.runReminders(at(addDays(deadline, -2)));
    expect(await reminders()).toEqual([expect.objectContaining({ title: '整改提醒：教育局2023年度数据填报', body: expect.stringContaining(`预警整改将于 ${deadline} 到期`) })]);
    await f.write([{ de: late.valueId, unit: f.xigang, year: 2023, value: 60 }]);
    expect(await f.act(reporter, await f.seatOf(task, f.xigang, f.education.xigang), 'submit')).toBe('submitted');
    expect((await f.get<FollowupDetailDto>(f.cityOffice, `/api/followups/${id}`)).body).toMatchObject({ state: 'assigned', recovered: true, overdue: false });
    expect((await t.app.runReminders(at(addDays(deadline, 1)))).sent).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });

  it('assigns and acknowledges in bulk, all or nothing, and exports the filtered list as xlsx', async () => {
    const all = await warnings(f.cityOffice);
    const unknown = 'lagging:999999:1:2030:>=';
    expect((await f.post(f.cityOffice, '/api/followup/assign', { keys: [overdueKey, unknown], deadline })).status).toBe(404);
    expect(await t.db.kysely.selectFrom('followups').select('id').execute()).toEqual([]);
    expect((await f.post(f.xigangStatistics, '/api/followup/assign', { keys: [overdueKey], deadline })).status).toBe(403);
    expect((await f.post(f.cityOffice, '/api/followup/assign', { keys: [overdueKey], deadline, departmentId: f.health.zhongshan })).body).toMatchObject({ message: expect.stringContaining('所选成员单位不属于西岗区妇儿工委') });

    expect((await f.post(f.cityOffice, '/api/analytics/warnings/acknowledge', { keys: [overdueKey, unknown], comment: '已核实' })).status).toBe(404);
    expect((await warnings(f.cityOffice, '&acknowledged=yes')).items).toEqual([]);
    const ack = await f.post(f.cityOffice, '/api/analytics/warnings/acknowledge', { keys: all.items.map((w) => w.key), comment: '已核实' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(204);
    expect((await warnings(f.cityOffice, '&acknowledged=no')).items).toEqual([]);

    const res = await f.get<string>(f.cityOffice, `/api/followup/warnings.xlsx?orgUnitId=${f.xigang.id}&scope=all&kind=overdue`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.res.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('预警')!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1, 9));
    expect(rows).toEqual([['逾期未报', '西岗区', '', '教育局', 2023, expect.stringContaining('逾期未报（截止 2024-01-31）'), '教育局', '未整改']]);
  });
});

import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../../test/support/analyticsFixture';
import { authHeaders, buildTestApp, multipart, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { buildDepartment } from '../../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../../test/support/testDb';
import type { ApiError } from '../../../../shared/api/common';
import type {
  ImplementationOverviewDto, ImplementationPlanDto, MyResponsibilitiesDto, PlanResponsibilitiesDto, ResponsibilityImportResultDto,
} from '../../../../shared/api/responsibilities';
import { responsibilitiesOf } from './service';

describe(`plan responsibilities and 实施方案 (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let xgOffice: Session;
  let eduReporter: Session;
  let women: number;
  let plan: { id: number; goal: number; goal2: number; measure: number };

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    xgOffice = await f.user('xigang_office', 'office', f.xigang.id);
    eduReporter = await f.user('xigang_jiaoyu', 'reporter', f.xigang.id, f.education.xigang);
    women = await buildDepartment(t.db, f.xigang.id, '区妇联', '西岗区妇女联合会');
    const rate = await f.percentIndicator({ name: '孕产妇系统管理率' });
    const made = await f.unitPlan(f.xigang, [[rate.id, '>=', 90, 2030]]);
    const k = t.db.kysely;
    const area = await k.selectFrom('plan_areas').select('id').where('plan_id', '=', made.id).executeTakeFirstOrThrow();
    const goal = await k.selectFrom('plan_goals').select('id').where('area_id', '=', area.id).executeTakeFirstOrThrow();
    const goal2 = await k.insertInto('plan_goals').values({ area_id: area.id, no: 2, text: '妇女健康素养水平持续提升。', line_start: 2, line_end: 2, qualitative: 1 }).returning('id').executeTakeFirstOrThrow();
    const measure = await k.insertInto('plan_measures').values({ area_id: area.id, no: 1, text: '完善妇女健康服务体系。', line_start: 3, line_end: 3 }).returning('id').executeTakeFirstOrThrow();
    plan = { id: made.id, goal: goal.id, goal2: goal2.id, measure: measure.id };
    // An approved value of 西岗区 for the goal's indicator: 92% in 2024, on track for ≥ 90%.
    const task = await f.openTask(2024, [rate.id], { units: [f.xigang] });
    await f.write(f.ratio(rate, f.xigang, 2024, 92, 100));
    await f.approveHealth(task, 'xigang');
  });
  afterEach(async () => t.close());

  const call = async <T>(s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, payload, headers: authHeaders(s) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
  };
  const upload = async (s: Session, rows: string[][], name = 'table.xlsx') => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('责任分解');
    sheet.addRow(['西岗区妇女发展规划责任分解表']);
    sheet.addRow(['领域', '目标/措施编号', '牵头单位', '配合单位', '内容']);
    rows.forEach((r) => sheet.addRow(r));
    const body = multipart({ name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${plan.id}/responsibilities/import`, payload: body.payload, headers: { ...body.headers, ...authHeaders(s) } });
    return { status: res.statusCode, body: res.json() };
  };
  const stored = async () => (await call<PlanResponsibilitiesDto>(xgOffice, 'GET', `/api/plans/${plan.id}/responsibilities`)).body;

  it('sets 牵头 and 配合 of a goal, audited; refuses strangers, overlaps and other roles', async () => {
    const set = await call(xgOffice, 'PUT', `/api/plan-items/goal/${plan.goal}/responsibilities`, { leads: [f.health.xigang], partners: [f.education.xigang, women] });
    expect(set.status).toBe(200);
    expect((await stored()).items).toEqual([{ kind: 'goal', id: plan.goal, leads: [f.health.xigang], partners: [f.education.xigang, women] }]);
    await call(xgOffice, 'PUT', `/api/plan-items/goal/${plan.goal}/responsibilities`, { leads: [f.health.xigang, women], partners: [f.education.xigang] });
    const log = await t.db.kysely.selectFrom('change_log').select(['field', 'old_value', 'new_value']).where('entity', '=', 'plan_goal').where('entity_id', '=', plan.goal).orderBy('id').execute();
    expect(log).toEqual([
      { field: 'lead_departments', old_value: null, new_value: '卫健委' },
      { field: 'partner_departments', old_value: null, new_value: '教育局、区妇联' },
      { field: 'lead_departments', old_value: '卫健委', new_value: '卫健委、区妇联' },
      { field: 'partner_departments', old_value: '教育局、区妇联', new_value: '教育局' },
    ]);

    const zhongshanHealth = f.health.zhongshan;
    const stranger = await call<ApiError>(xgOffice, 'PUT', `/api/plan-items/goal/${plan.goal}/responsibilities`, { leads: [zhongshanHealth], partners: [] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details?.[0]).toEqual({ path: 'leads', message: `单位（编号 ${zhongshanHealth}）不是西岗区妇儿工委的成员单位` });
    const overlap = await call<ApiError>(xgOffice, 'PUT', `/api/plan-items/measure/${plan.measure}/responsibilities`, { leads: [women], partners: [women] });
    expect(overlap.body.details?.[0]?.message).toBe('“区妇联”已是牵头单位，不能同时作为配合单位');
    expect((await call(eduReporter, 'PUT', `/api/plan-items/measure/${plan.measure}/responsibilities`, { leads: [women], partners: [] })).status).toBe(403);
    expect((await call(f.cityOffice, 'PUT', `/api/plan-items/measure/${plan.measure}/responsibilities`, { leads: [women], partners: [] })).status).toBe(200);
    await expect(responsibilitiesOf(t.db.kysely, women)).resolves.toEqual({
      goals: [{ id: plan.goal, planId: plan.id, role: 'lead' }],
      measures: [{ id: plan.measure, planId: plan.id, role: 'lead' }],
    });
  });

  it('imports a 责任分解 table: bad rows refuse all of it, named by row and column; the template reads back', async () => {
    await call(xgOffice, 'PUT', `/api/plan-items/goal/${plan.goal}/responsibilities`, { leads: [women], partners: [] });
    const bad = await upload(xgOffice, [
      ['（一）妇女与健康', '目标1', '卫健委', '教育局'],
      ['（一）', '目标7', '卫健委', ''],
      ['（一）', '措施1', '西岗区民政局', ''],
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('RESPONSIBILITY_TABLE_INVALID');
    expect(bad.body.details.map((d: { message: string }) => d.message)).toEqual([
      '工作表“责任分解”第 4 行 B 列（目标/措施编号）：规划中没有（一）目标7',
      '工作表“责任分解”第 5 行 C 列（牵头单位）：“西岗区民政局”不是西岗区妇儿工委的成员单位（请填写成员单位的简称或全称）',
    ]);
    // Nothing written: goal 1 keeps 区妇联 alone.
    expect((await stored()).items).toEqual([{ kind: 'goal', id: plan.goal, leads: [women], partners: [] }]);
    expect((await upload(xgOffice, [['（一）', '目标1', '卫健委', '']], 'table.csv')).body.message).toContain('请上传 .xlsx');
    expect((await upload(eduReporter, [['（一）', '目标1', '卫健委', '']])).status).toBe(403);

    const good = await upload(xgOffice, [
      ['（一）妇女与健康', '目标1', '卫健委', '教育局、西岗区妇女联合会'],
      ['（一）', '目标2', '区妇联', ''],
      ['（一）', '措施1', '卫健委；区妇联', '教育局'],
    ]);
    expect(good.status).toBe(200);
    expect(good.body as ResponsibilityImportResultDto).toEqual({ items: 3, leads: 4, partners: 3 });

    // The template lists every goal and measure with what is set now; uploaded unchanged it changes nothing.
    const template = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/responsibilities/template.xlsx`, headers: authHeaders(xgOffice) });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('责任分解')!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1, 5));
    expect(rows).toEqual([
      ['（一）妇女与健康', '目标1', '卫健委', '教育局、区妇联'],
      ['（一）妇女与健康', '目标2', '区妇联', ''],
      ['（一）妇女与健康', '措施1', '卫健委、区妇联', '教育局'],
    ]);
    const before = await stored();
    const again = multipart({ name: '模板.xlsx', bytes: new Uint8Array(template.rawPayload) });
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${plan.id}/responsibilities/import`, payload: again.payload, headers: { ...again.headers, ...authHeaders(xgOffice) } });
    expect(res.statusCode).toBe(200);
    expect(await stored()).toEqual(before);
  });

  it('shows a department its own goals and measures with the linked indicators’ latest value and status', async () => {
    await upload(xgOffice, [['（一）', '目标1', '卫健委', '教育局'], ['（一）', '目标2', '区妇联', '卫健委'], ['（一）', '措施1', '区妇联', '']]);
    const health = await call<MyResponsibilitiesDto>(f.xigangReporter, 'GET', '/api/my-responsibilities');
    expect(health.status).toBe(200);
    expect(health.body.department).toMatchObject({ id: f.health.xigang, orgUnit: { id: f.xigang.id, name: '西岗区' } });
    const [p] = health.body.plans;
    expect(p!.plan.id).toBe(plan.id);
    expect(p!.areas.map((a) => [a.no, a.items.map((i) => [i.kind, i.no, i.role, i.leads, i.partners])])).toEqual([
      [1, [['goal', 1, 'lead', ['卫健委'], ['教育局']], ['goal', 2, 'partner', ['区妇联'], ['卫健委']]]],
    ]);
    expect(p!.areas[0]!.items[0]!.indicators).toEqual([
      expect.objectContaining({ name: '孕产妇系统管理率', latest: { year: 2024, value: 92 }, status: expect.any(String), targetBasis: '本级规划目标' }),
    ]);
    // 教育局 sees only goal 1, as a partner; it cannot look at 卫健委's page.
    const education = await call<MyResponsibilitiesDto>(eduReporter, 'GET', '/api/my-responsibilities');
    expect(education.body.plans[0]!.areas[0]!.items.map((i) => [i.no, i.role])).toEqual([[1, 'partner']]);
    expect((await call(eduReporter, 'GET', `/api/my-responsibilities?departmentId=${f.health.xigang}`)).status).toBe(403);
    // The committee's office may look at a department's page.
    expect((await call(xgOffice, 'GET', `/api/my-responsibilities?departmentId=${women}`)).body).toMatchObject({ department: { shortName: '区妇联' } });
  });

  it('files 实施方案 with a due date: overdue, returned with a reason, filed again, accepted', async () => {
    await upload(xgOffice, [['（一）', '目标1', '卫健委', '教育局']]);
    expect((await call(eduReporter, 'PUT', `/api/plans/${plan.id}/implementation-due`, { dueOn: '2020-01-01' })).status).toBe(403);
    expect((await call(xgOffice, 'PUT', `/api/plans/${plan.id}/implementation-due`, { dueOn: '2020-01-01' })).status).toBe(204);
    const overview = () => call<ImplementationOverviewDto>(xgOffice, 'GET', `/api/plans/${plan.id}/implementation-plans`);
    expect((await overview()).body.rows.map((r) => [r.department.shortName, r.standing])).toEqual([['卫健委', 'overdue'], ['教育局', 'overdue']]);

    // Files another department's, or for a plan it has no part in: refused.
    expect((await call(eduReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, { departmentId: f.health.xigang, text: '方案' })).status).toBe(403);
    expect((await call(f.xigangReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, { departmentId: women, text: '方案' })).status).toBe(403);

    const attachment = await t.app.inject({
      method: 'POST', url: '/api/attachments?ownerKind=implementation_plan', ...(() => {
        const b = multipart({ name: '实施方案.pdf', bytes: '%PDF-1.4\n%test\n' });
        return { payload: b.payload, headers: { ...b.headers, ...authHeaders(f.xigangReporter) } };
      })(),
    });
    expect(attachment.statusCode, attachment.body).toBe(200);
    const filed = await call<ImplementationPlanDto>(f.xigangReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, {
      departmentId: f.health.xigang, text: '一、工作目标……', attachmentIds: [attachment.json().id],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ state: 'submitted', late: true, department: { shortName: '卫健委' }, attachments: [{ name: '实施方案.pdf' }] });
    expect((await call(f.xigangReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, { departmentId: f.health.xigang, text: '再报' })).status).toBe(409);
    // Only the office reviews; 教育局 cannot read the file.
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${attachment.json().id}`, headers: authHeaders(eduReporter) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${attachment.json().id}`, headers: authHeaders(xgOffice) })).statusCode).toBe(200);
    expect((await call(f.xigangReporter, 'POST', `/api/implementation-plans/${filed.body.id}/accept`)).status).toBe(403);

    const returned = await call<ImplementationPlanDto>(xgOffice, 'POST', `/api/implementation-plans/${filed.body.id}/return`, { reason: '请补充年度工作安排' });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '请补充年度工作安排' });
    expect((await call(xgOffice, 'POST', `/api/implementation-plans/${filed.body.id}/accept`)).status).toBe(409);
    const my = await call<MyResponsibilitiesDto>(f.xigangReporter, 'GET', '/api/my-responsibilities');
    expect(my.body.plans[0]!.implementation).toMatchObject({ dueOn: '2020-01-01', standing: 'returned', canFile: true, latest: { returnReason: '请补充年度工作安排' } });

    const again = await call<ImplementationPlanDto>(f.xigangReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, { departmentId: f.health.xigang, text: '一、工作目标（已补充年度安排）' });
    expect((await call<ImplementationPlanDto>(xgOffice, 'POST', `/api/implementation-plans/${again.body.id}/accept`)).body.state).toBe('accepted');
    const after = (await overview()).body;
    expect(after.rows.map((r) => [r.department.shortName, r.standing])).toEqual([['卫健委', 'accepted'], ['教育局', 'overdue']]);
    expect(after.counts).toMatchObject({ accepted: 1, overdue: 1 });
    // Three filings at once (a double click, two colleagues): one gets in, on PostgreSQL too.
    const racing = await Promise.all([1, 2, 3].map((n) => call(eduReporter, 'POST', `/api/plans/${plan.id}/implementation-plans`, { departmentId: f.education.xigang, text: `方案${n}` })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await call(f.cityOffice, 'GET', `/api/plans/${plan.id}/implementation-plans`)).status).toBe(200);
    expect((await call(eduReporter, 'GET', `/api/plans/${plan.id}/implementation-plans`)).status).toBe(403);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp,
} from '../../../../../test/support/appHarness';
import { buildDirectIndicator, buildRatioIndicator } from '../../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../../test/support/testDb';
import type { FilingDto, FilingOverviewDto, PlanLifecycleDto } from '../../../../shared/api/planFiling';
import type { PlanImportDto, PlanSummaryDto } from '../../../../shared/api/plans';
import { beijingDate } from '../../../../shared/plans/filing';

const planText = (unit: string, goals: string[]) => `${unit}妇女发展规划
(2021-2030年)

一、指导思想和总体目标
(一)指导思想
坚持男女平等基本国策。

二、发展领域、主要目标和策略措施
(一)妇女与健康
主要目标:
${goals.map((g, i) => `${i + 1}.${g}`).join('\n')}
策略措施:
1.完善保障妇女健康的制度机制。

三、组织实施
(一)加强组织领导。政府负责规划实施工作。
`;

const CITY = planText('大连市', ['孕产妇死亡率下降到8/10万以下。', '适龄妇女宫颈癌人群筛查率达到70%以上。', '孕产妇系统管理率达到95%以上。']);
// Weaker on 孕产妇死亡率, stronger on 筛查率, silent on 系统管理率, and one target no indicator measures.
const XIGANG = planText('西岗区', ['孕产妇死亡率下降到9/10万以下。', '适龄妇女宫颈癌人群筛查率达到75%以上。', '妇女健康素养水平达到30%以上。']);

/** Today ± days as a Beijing calendar date, so the deadlines hold whatever day the test runs. */
const daysFromToday = (days: number) => beijingDate(new Date(Date.now() + days * 86_400_000));

describe(`plan lifecycle and 备案 (${testDialect()})`, () => {
  let t: TestApp;
  let cityOffice: Session;
  let xgOffice: Session;
  let zsOffice: Session;
  let city: { id: number; name: string };
  let xg: { id: number; name: string };
  let zs: { id: number; name: string };

  beforeEach(async () => {
    t = await buildTestApp();
    city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    xg = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    zs = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
    cityOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    xgOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: xg.id })).username);
    zsOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: zs.id })).username);
  });
  afterEach(async () => t.close());

  const call = <T>(session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: authHeaders(session) }).then((res) => ({ status: res.statusCode, body: res.statusCode === 204 ? (null as T) : res.json<T>() }));

  async function importPlan(session: Session, unitId: number, text: string): Promise<number> {
    const body = multipart({ name: 'plan.txt', bytes: text }, { orgUnitId: String(unitId) });
    const res = await t.app.inject({ method: 'POST', url: '/api/plans/import', payload: body.payload, headers: { ...body.headers, ...authHeaders(session) } });
    expect(res.statusCode).toBe(200);
    return res.json<PlanImportDto>().outcomes[0]!.planId!;
  }

  /** Links each target to an indicator of its name, as the indicator linking does. */
  async function linkTargets(names: Record<string, number>) {
    for (const [name, indicatorId] of Object.entries(names)) {
      await t.db.kysely.updateTable('plan_targets').set({ indicator_id: indicatorId }).where('indicator', '=', name).execute();
    }
  }

  async function world() {
    const cityPlan = await importPlan(cityOffice, city.id, CITY);
    const xgPlan = await importPlan(xgOffice, xg.id, XIGANG);
    const zsPlan = await importPlan(zsOffice, zs.id, planText('中山区', ['孕产妇死亡率下降到8/10万以下。']));
    const mmr = await buildRatioIndicator(t.db, { name: '孕产妇死亡率' });
    const screening = await buildDirectIndicator(t.db, { name: '适龄妇女宫颈癌人群筛查率' });
    const managed = await buildDirectIndicator(t.db, { name: '孕产妇系统管理率' });
    await linkTargets({ 孕产妇死亡率: mmr.id, 适龄妇女宫颈癌人群筛查率: screening.id, 孕产妇系统管理率: managed.id });
    return { cityPlan, xgPlan, zsPlan, mmr };
  }

  it('files a released plan within a month: due, overdue, compared with the city’s plan, returned with a reason, filed again and accepted', async () => {
    const { cityPlan, xgPlan, zsPlan } = await world();
    const fresh = await call<PlanLifecycleDto>(xgOffice, 'GET', `/api/plans/${xgPlan}/lifecycle`);
    expect(fresh.body).toMatchObject({ status: 'adopted', releasedOn: null, filesWith: { id: city.id, name: '大连市' }, standing: { status: 'not_released' } });
    expect(fresh.body.actions.file).toEqual({ ok: false, reason: '请先登记规划的印发日期' });
    expect((await call(xgOffice, 'POST', `/api/plans/${xgPlan}/filings`, { note: null })).status).toBe(409);

    expect((await call(xgOffice, 'POST', `/api/plans/${xgPlan}/release`, { releasedOn: '2026-02-30' })).status).toBe(400);
    const released = await call<PlanLifecycleDto>(xgOffice, 'POST', `/api/plans/${xgPlan}/release`, { releasedOn: daysFromToday(-5) });
    expect(released.body.standing).toMatchObject({ status: 'due', late: false });
    expect((await call(cityOffice, 'POST', `/api/plans/${cityPlan}/release`, { releasedOn: daysFromToday(-400) })).status).toBe(200);
    // 中山区 released two months ago and has not filed.
    await call(zsOffice, 'POST', `/api/plans/${zsPlan}/release`, { releasedOn: daysFromToday(-60) });

    const overview = await call<FilingOverviewDto>(cityOffice, 'GET', '/api/filings');
    expect(overview.body.unit).toEqual({ id: city.id, name: '大连市' });
    expect(overview.body.rows.map((r) => [r.unit.name, r.plans.map((p) => p.standing.status)])).toEqual([['西岗区', ['due']], ['中山区', ['overdue']]]);
    expect(overview.body.counts).toMatchObject({ due: 1, overdue: 1, accepted: 0 });
    // A district office reviews nothing at the city, and files nothing for another district.
    expect((await call(xgOffice, 'GET', `/api/filings?unitId=${city.id}`)).status).toBe(403);
    expect((await call(zsOffice, 'POST', `/api/plans/${xgPlan}/filings`, { note: null })).status).toBe(403);

    const filed = await call<FilingDto>(xgOffice, 'POST', `/api/plans/${xgPlan}/filings`, { note: '经区政府常务会议审议通过' });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ state: 'submitted', toOrgUnit: { name: '大连市' }, late: false, note: '经区政府常务会议审议通过' });
    const comparison = filed.body.comparison;
    expect(comparison.parentPlan).toEqual({ id: cityPlan, title: '大连市妇女发展规划' });
    expect(comparison.rows.map((r) => [r.indicator, r.verdict, r.reasons])).toEqual([
      ['孕产妇死亡率', 'weaker', ['lower_bar']],
      ['适龄妇女宫颈癌人群筛查率', 'meets', []],
      ['孕产妇系统管理率', 'weaker', ['missing']],
      ['妇女健康素养水平比例', 'unlinked', []],
    ]);
    expect(comparison.counts).toMatchObject({ weaker: 2, meets: 1, unlinked: 1 });
    expect((await call(xgOffice, 'POST', `/api/plans/${xgPlan}/filings`, { note: null })).status).toBe(409);

    // Only the city's office decides; a reason is required to return.
    expect((await call(xgOffice, 'POST', `/api/filings/${filed.body.id}/accept`)).status).toBe(403);
    expect((await call(cityOffice, 'POST', `/api/filings/${filed.body.id}/return`, { reason: ' ' })).status).toBe(400);
    const returned = await call<FilingDto>(cityOffice, 'POST', `/api/filings/${filed.body.id}/return`, { reason: '孕产妇死亡率目标低于市级规划，请调整后重新报送' });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '孕产妇死亡率目标低于市级规划，请调整后重新报送' });
    expect((await call(cityOffice, 'POST', `/api/filings/${filed.body.id}/accept`)).status).toBe(409);
    expect((await call<PlanLifecycleDto>(xgOffice, 'GET', `/api/plans/${xgPlan}/lifecycle`)).body.standing.status).toBe('returned');

    const again = await call<FilingDto>(xgOffice, 'POST', `/api/plans/${xgPlan}/filings`, { note: null });
    const accepted = await call<FilingDto>(cityOffice, 'POST', `/api/filings/${again.body.id}/accept`);
    expect(accepted.body).toMatchObject({ state: 'accepted', decidedBy: expect.any(String) });
    const after = await call<PlanLifecycleDto>(xgOffice, 'GET', `/api/plans/${xgPlan}/lifecycle`);
    expect(after.body).toMatchObject({ status: 'filed', standing: { status: 'accepted' } });
    expect(after.body.actions.file.ok).toBe(false);
    expect((await call<FilingDto[]>(xgOffice, 'GET', `/api/plans/${xgPlan}/filings`)).body.map((f) => f.state)).toEqual(['accepted', 'returned']);
    expect((await call<FilingOverviewDto>(cityOffice, 'GET', '/api/filings')).body.counts).toMatchObject({ accepted: 1, overdue: 1 });
    // 中山区 cannot read 西岗区's filing.
    expect((await call(zsOffice, 'GET', `/api/filings/${again.body.id}`)).status).toBe(403);
  });

  it('deletes a plan without history, archives one with history after repealing it, and hides archived plans from the list', async () => {
    const { xgPlan, zsPlan, mmr } = await world();
    // A value of a linked indicator at 西岗区 is history: no deleting.
    await t.db.kysely.insertInto('data_values').values({
      data_element_id: mmr.numeratorId, org_unit_id: xg.id, period: 2024, option_id: 1, value: 1, comment: null, department_id: null, submission_id: null,
      created_by: null, created_at: new Date().toISOString(), created_via: 'test', updated_by: null, updated_at: new Date().toISOString(),
    }).execute();
    const xgState = await call<PlanLifecycleDto>(xgOffice, 'GET', `/api/plans/${xgPlan}/lifecycle`);
    expect(xgState.body.actions.delete).toEqual({ ok: false, reason: '规划已有监测数据或备案记录，只能归档' });
    expect((await call(xgOffice, 'DELETE', `/api/plans/${xgPlan}`)).status).toBe(409);
    expect((await call(xgOffice, 'POST', `/api/plans/${xgPlan}/archive`)).body).toMatchObject({ code: 'PLAN_ACTION_REFUSED', message: '现行规划请先废止，再归档' });
    expect((await call<PlanLifecycleDto>(xgOffice, 'POST', `/api/plans/${xgPlan}/repeal`)).body.status).toBe('repealed');
    expect((await call<PlanLifecycleDto>(xgOffice, 'POST', `/api/plans/${xgPlan}/archive`)).body.archived).toBe(true);
    const listed = (await call<PlanSummaryDto[]>(xgOffice, 'GET', '/api/plans')).body.map((p) => p.id);
    expect(listed).not.toContain(xgPlan);
    const all = (await call<PlanSummaryDto[]>(xgOffice, 'GET', '/api/plans?archived=include')).body;
    expect(all.find((p) => p.id === xgPlan)).toMatchObject({ archived: true, status: 'repealed' });
    expect((await call(xgOffice, 'GET', `/api/plans/${xgPlan}`)).status).toBe(200);

    // 中山区's plan has no values: it can go, by its own office only.
    expect((await call(xgOffice, 'DELETE', `/api/plans/${zsPlan}`)).status).toBe(403);
    expect((await call(zsOffice, 'DELETE', `/api/plans/${zsPlan}`)).status).toBe(204);
    expect((await call(zsOffice, 'GET', `/api/plans/${zsPlan}`)).status).toBe(404);
    expect(await t.db.kysely.selectFrom('plan_targets').select('id').where('indicator', '=', '孕产妇死亡率').execute()).toHaveLength(2);
  });
});

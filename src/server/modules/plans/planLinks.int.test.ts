import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp,
} from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { CandidateDto, GenerateResultDto, IndicatorDto } from '../../../shared/api/indicators';
import type {
  IndicatorPlanTargetDto, LinkFlagDto, PlanDetailDto, PlanImportDto, PlanPreviewDto, PlanVersionDto,
} from '../../../shared/api/plans';
import { seedText } from '../../../shared/plan-text/testTexts';

const DALIAN = seedText('dalian');
const XIGANG = seedText('xigang');
const GOAL_2 = '2.孕产妇系统管理率达到 95%以上。';
const REVISED = DALIAN.replace(GOAL_2, '2.孕产妇系统管理率达到 96%以上。');

describe(`plan links across plans and revisions (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', code: '210200', level: 'city' });
    await buildOrgUnit(t.db, { name: '西岗区', code: '210203', parentId: city.id });
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
  });
  afterEach(async () => t.close());

  const upload = (url: string, text: string) => {
    const body = multipart({ name: 'plan.txt', bytes: text });
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...authHeaders(office) } });
  };
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json<T>();
  };
  const importText = async (text: string) => (await upload('/api/plans/import', text)).json<PlanImportDto>();
  const indicatorCount = async () => (await t.db.kysely.selectFrom('indicators').select('id').execute()).length;
  /** The city's plan with an indicator generated from every target. */
  const cityWithIndicators = async () => {
    const planId = (await importText(DALIAN)).outcomes[0]!.planId!;
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/indicators`, headers: authHeaders(office), payload: {} });
    expect(res.statusCode).toBe(200);
    return { planId, generated: res.json<GenerateResultDto>() };
  };
  const goal2Target = async (planId: number) => (await get<PlanDetailDto>(`/api/plans/${planId}`)).areas[0]!.goals[1]!.targets[0]!;
  const indicatorByName = async (name: string) => (await get<IndicatorDto[]>('/api/indicators')).find((i) => i.name === name)!;

  it('links a district plan to the city indicators instead of creating duplicates, and lists both plans per indicator', async () => {
    const { generated } = await cityWithIndicators();
    expect(generated.created.length).toBeGreaterThan(50);
    const before = await indicatorCount();

    const preview = (await upload('/api/plans/preview', XIGANG)).json<PlanPreviewDto>();
    const imported = await importText(XIGANG);
    const women = imported.outcomes.find((o) => o.title === '西岗区妇女发展规划')!;
    expect(women.outcome).toBe('created');
    expect(women.links.linked.map((l) => l.target)).toContain('孕产妇系统管理率');
    expect(women.links.linked.length).toBeGreaterThan(40);
    expect(preview.outcomes.map((o) => o.links)).toEqual(imported.outcomes.map((o) => o.links));
    expect(await indicatorCount()).toBe(before);

    // Generating from the district plan now links what matched and makes only the rest.
    const candidates = await get<CandidateDto[]>(`/api/plans/${women.planId}/indicator-candidates`);
    const linked = candidates.filter((c) => c.linked).length;
    expect(linked).toBe(women.links.linked.length);
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${women.planId}/indicators`, headers: authHeaders(office), payload: {} });
    const result = res.json<GenerateResultDto>();
    expect(result.created.length).toBe(candidates.filter((c) => !c.linked && c.match === 'new').length);
    expect(result.created.length).toBeLessThan(candidates.length - linked + 1);
    expect(result.skipped.length).toBe(candidates.filter((c) => c.linked || c.match === 'ambiguous').length);

    const indicator = await indicatorByName('孕产妇系统管理率');
    const targets = await get<IndicatorPlanTargetDto[]>(`/api/indicators/${indicator.id}/plan-targets`);
    expect(targets.map((x) => [x.orgUnit.name, x.planTitle, x.comparator, x.value, x.year])).toEqual([
      ['大连市', '大连市妇女发展规划', '>=', 95, 2030],
      ['西岗区', '西岗区妇女发展规划', '>=', 95, 2030],
    ]);
  });

  it('links a district target to a city indicator by one of its aliases', async () => {
    const { planId } = await cityWithIndicators();
    const indicator = await indicatorByName('孕产妇系统管理率');
    const dup = await t.app.inject({
      method: 'PUT', url: `/api/indicators/${indicator.id}`, headers: authHeaders(office),
      payload: { ...indicator, aliases: ['孕产妇系统管理覆盖率'] },
    });
    expect(dup.statusCode).toBe(200);
    expect(dup.json<IndicatorDto>().aliases).toEqual(['孕产妇系统管理覆盖率']);
    const text = XIGANG.replace('孕产妇系统管理率达到 95% 以上', '孕产妇系统管理覆盖率达到 95% 以上');
    const women = (await importText(text)).outcomes.find((o) => o.title === '西岗区妇女发展规划')!;
    expect(women.links.linked).toContainEqual({ target: '孕产妇系统管理覆盖率', indicator: { id: indicator.id, code: indicator.code, name: indicator.name } });
    expect(planId).toBeGreaterThan(0);
  });

  it('keeps every link through a revision, carries the changed value, shows it as before → after, and keeps a version history', async () => {
    const { planId } = await cityWithIndicators();
    const target = await goal2Target(planId);
    const indicator = await indicatorByName('孕产妇系统管理率');
    expect(target.indicatorId).toBe(indicator.id);

    const preview = (await upload('/api/plans/preview', REVISED)).json<PlanPreviewDto>();
    expect(preview.outcomes[0]!.changes.details).toEqual([
      { item: '（一）妇女与健康 目标2', what: '目标原文', before: expect.stringContaining('95%'), after: expect.stringContaining('96%') },
      { item: '（一）妇女与健康 目标2', what: '孕产妇系统管理率', before: '≥ 95%', after: '≥ 96%' },
    ]);
    const revised = (await importText(REVISED)).outcomes[0]!;
    expect(revised.changes).toEqual(preview.outcomes[0]!.changes);
    expect(revised.links.carried).toEqual([{ indicator: { id: indicator.id, code: indicator.code, name: indicator.name }, before: '≥ 95%', after: '≥ 96%' }]);

    const after = await goal2Target(planId);
    expect(after).toMatchObject({ id: target.id, value: 96, indicatorId: indicator.id });
    expect((await indicatorByName('孕产妇系统管理率')).targets).toEqual([{ year: 2030, comparator: '>=', value: 96, baseYear: null }]);
    const unlinked = await t.db.kysely.selectFrom('indicators').select('id').where('plan_target_id', 'is', null).execute();
    expect(unlinked).toEqual([]);

    const restored = (await importText(DALIAN)).outcomes[0]!;
    expect(restored.links.carried[0]).toMatchObject({ before: '≥ 96%', after: '≥ 95%' });
    const versions = await get<PlanVersionDto[]>(`/api/plans/${planId}/versions`);
    expect(versions.map((v) => [v.version, v.outcome, v.changes.changed])).toEqual([
      [3, 'updated', ['（一）妇女与健康 目标2']],
      [2, 'updated', ['（一）妇女与健康 目标2']],
      [1, 'created', []],
    ]);
    expect(versions[0]!.importedBy).not.toBeNull();
    expect(versions[0]!.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('flags a revision that meets a hand-edited target as a conflict, and takes the plan value when accepted', async () => {
    const { planId } = await cityWithIndicators();
    const target = await goal2Target(planId);
    const edit = await t.app.inject({
      method: 'PATCH', url: `/api/targets/${target.id}`, headers: authHeaders(office),
      payload: { indicator: '孕产妇系统管理率', comparator: '>=', value: 95.5, unit: '%', year: null, baseYear: null },
    });
    expect(edit.statusCode).toBe(200);

    const revised = (await importText(REVISED)).outcomes[0]!;
    expect(revised.links.flagged).toEqual([expect.objectContaining({ kind: 'conflict', item: '（一）妇女与健康 目标2', message: expect.stringContaining('已保留人工修改') })]);
    expect(await goal2Target(planId)).toMatchObject({ id: target.id, value: 95.5, edited: true });

    const flags = await get<LinkFlagDto[]>(`/api/plans/${planId}/link-flags`);
    expect(flags).toHaveLength(1);
    const resolve = await t.app.inject({ method: 'POST', url: `/api/plan-link-flags/${flags[0]!.id}/resolve`, headers: authHeaders(office), payload: { action: 'accept' } });
    expect(resolve.statusCode).toBe(204);
    expect(await goal2Target(planId)).toMatchObject({ id: target.id, value: 96, edited: false });
    expect((await indicatorByName('孕产妇系统管理率')).targets).toEqual([{ year: 2030, comparator: '>=', value: 96, baseYear: null }]);
    expect(await get<LinkFlagDto[]>(`/api/plans/${planId}/link-flags`)).toEqual([]);
  });

  it('flags the indicators of a removed goal instead of silently unlinking them, and re-importing the original restores the links', async () => {
    const { planId } = await cityWithIndicators();
    const target = await goal2Target(planId);
    const indicator = await indicatorByName('孕产妇系统管理率');
    // Goal 13 of area one is the last; removing goal 2 would renumber, so the revision drops goal 13.
    const detail = await get<PlanDetailDto>(`/api/plans/${planId}`);
    const last = detail.areas[0]!.goals.at(-1)!;
    expect(last.targets.length).toBeGreaterThan(0);
    const lastIndicator = await get<IndicatorDto>(`/api/indicators/${last.targets[0]!.indicatorId}`);
    const removedText = DALIAN.replace(/\n13\. 女性药品[^\n]*\n/, '\n');
    expect(removedText).not.toBe(DALIAN);

    const revised = (await importText(removedText)).outcomes[0]!;
    expect(revised.changes.removed).toContain('（一）妇女与健康 目标13');
    expect(revised.links.flagged.length).toBe(last.targets.length);
    expect(revised.links.flagged.every((f) => f.kind === 'removed' && f.item === '（一）妇女与健康 目标13')).toBe(true);
    expect(revised.links.flagged.map((f) => f.indicator.id)).toContain(lastIndicator.id);
    expect(await get<LinkFlagDto[]>(`/api/indicators/${lastIndicator.id}/link-flags`)).toHaveLength(1);
    expect((await get<IndicatorDto>(`/api/indicators/${lastIndicator.id}`)).source).toBeNull();

    const back = (await importText(DALIAN)).outcomes[0]!;
    expect(back.links.restored).toHaveLength(last.targets.length);
    expect(back.links.restored).toContainEqual({ item: '（一）妇女与健康 目标13', indicator: expect.objectContaining({ id: lastIndicator.id }) });
    const restored = await get<IndicatorDto>(`/api/indicators/${lastIndicator.id}`);
    expect(restored.source).toMatchObject({ planId, goalNo: 13 });
    expect(await get<LinkFlagDto[]>(`/api/indicators/${lastIndicator.id}/link-flags`)).toEqual([]);
    expect((await goal2Target(planId)).indicatorId).toBe(indicator.id);
    expect(target.id).toBe((await goal2Target(planId)).id);
  });
});

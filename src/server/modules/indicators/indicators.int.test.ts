import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp,
} from '../../../../test/support/appHarness';
import { buildCityWithDepartments } from '../../../../test/support/indicators';
import { testDialect } from '../../../../test/support/testDb';
import type { CandidateDto, GenerateResultDto, IndicatorDto, IndicatorInputDto, IndicatorMetaDto } from '../../../shared/api/indicators';
import type { PlanImportDto } from '../../../shared/api/plans';
import type { Role } from '../../../shared/roles';
import { seedText } from '../../../shared/plan-text/testTexts';

const element = (code: string, name: string) => ({ code, name, unit: '人', valueType: 'count' as const, categories: '' as const });

const MMR: IndicatorInputDto = {
  code: 'MMR',
  name: '孕产妇死亡率',
  unit: '/10万',
  direction: 'lower',
  definition: '孕产妇死亡人数与活产数之比',
  caliber: '按常住地统计',
  categories: '',
  formula: { type: 'ratio', numerator: element('MAT_DEATHS', '孕产妇死亡人数'), denominator: element('LIVE_BIRTHS', '活产数'), factor: 100_000 },
  responsibleDepartmentId: null,
  dataSource: '妇幼卫生年报',
  baselineYear: 2020,
  baselineValue: 7.16,
  minValue: 0,
  maxValue: null,
  yoyThreshold: 50,
  tolerance: null,
  decimals: 2,
  published: true,
  targets: [{ year: 2025, comparator: '<=', value: 9, baseYear: null }, { year: 2030, comparator: '<=', value: 8, baseYear: null }],
};

describe(`indicators (${testDialect()})`, () => {
  let t: TestApp;
  let city: { id: number; name: string };
  let district: { id: number; name: string };
  let office: Session;

  const as = async (role: Role, orgUnitId: number | null) => login(t.app, (await buildUser(t.db, { role, orgUnitId })).username);
  const get = <T>(url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } }).then((r) => r.json<T>());
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
    t.app.inject({ method, url, headers: authHeaders(s), payload });
  const importDalian = async () => {
    const body = multipart({ name: 'dalian.txt', bytes: seedText('dalian') });
    const res = await t.app.inject({ method: 'POST', url: '/api/plans/import', payload: body.payload, headers: { ...body.headers, ...authHeaders(office) } });
    return res.json<PlanImportDto>().outcomes[0]!.planId!;
  };

  beforeEach(async () => {
    t = await buildTestApp();
    city = await buildCityWithDepartments(t.db);
    district = await buildOrgUnit(t.db, { name: '西岗区', code: '210203', parentId: city.id });
    office = await as('office', city.id);
  });
  afterEach(async () => t.close());

  it('creates, reads, edits and deletes an indicator with its data elements', async () => {
    const created = await send('POST', '/api/indicators', office, MMR);
    expect(created.statusCode).toBe(200);
    const mmr = created.json<IndicatorDto>();
    expect(mmr).toMatchObject({ code: 'MMR', published: true, planTargetId: null, source: null, isDemo: false, targets: MMR.targets });
    expect(mmr.formula).toMatchObject({ type: 'ratio', factor: 100_000, numerator: { code: 'MAT_DEATHS' }, denominator: { code: 'LIVE_BIRTHS' } });

    // A second indicator shares the denominator by its code.
    const syphilis = { ...MMR, code: 'CONG_SYPH', name: '先天梅毒报告发病率', formula: { ...MMR.formula, numerator: element('CONG_SYPH', '先天梅毒报告病例数') } };
    expect((await send('POST', '/api/indicators', office, syphilis)).statusCode).toBe(200);
    const meta = await get<IndicatorMetaDto>('/api/indicators/meta', office);
    expect(meta.dataElements.map((e) => e.code)).toEqual(['CONG_SYPH', 'LIVE_BIRTHS', 'MAT_DEATHS']);
    expect(meta.departments.slice(0, 3).map((d) => d.shortName)).toEqual(['统计局', '卫健委', '教育局']);

    const direct = { ...MMR, name: '孕产妇死亡率（直报）', formula: { type: 'direct' as const, value: { ...element('MMR_RATE', '孕产妇死亡率'), unit: '/10万', valueType: 'rate' as const } } };
    const edited = await send('PUT', `/api/indicators/${mmr.id}`, office, direct);
    expect(edited.json<IndicatorDto>()).toMatchObject({ name: '孕产妇死亡率（直报）', formula: { type: 'direct', value: { code: 'MMR_RATE', valueType: 'rate' } } });
    const elements = await t.db.kysely.selectFrom('data_elements').select('code').orderBy('code').execute();
    expect(elements.map((e) => e.code)).toEqual(['CONG_SYPH', 'LIVE_BIRTHS', 'MMR_RATE']); // MAT_DEATHS went with its last use

    expect((await send('DELETE', `/api/indicators/${mmr.id}`, office)).statusCode).toBe(204);
    const list = await get<IndicatorDto[]>('/api/indicators', office);
    expect(list.map((i) => i.code)).toEqual(['CONG_SYPH']);
    expect((await t.app.inject({ method: 'GET', url: `/api/indicators/${mmr.id}`, headers: { cookie: office.cookie } })).json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each<[string, (i: IndicatorInputDto) => IndicatorInputDto, { path: string; message: string }[]]>([
    [
      'a department that is not the city’s',
      (i) => ({ ...i, code: 'MMR2', responsibleDepartmentId: 999_999 }),
      [{ path: 'responsibleDepartmentId', message: '责任单位（编号 999999）不是本级妇儿工委的成员单位（如 统计局、卫健委、教育局）' }],
    ],
    ['a lower-case code', (i) => ({ ...i, code: 'mmr' }), [{ path: 'code', message: '指标代码应以大写字母开头，只含大写字母、数字和下划线，共 2–32 位' }]],
    ['a code in use', (i) => i, [{ path: 'code', message: '指标代码“MMR”已被指标“孕产妇死亡率”使用' }]],
    [
      'a shared data element made a rate',
      (i) => ({ ...i, code: 'OTHER', formula: { type: 'direct', value: { ...element('LIVE_BIRTHS', '活产数'), valueType: 'rate' } } }),
      [{ path: 'formula.value.code', message: '数据元素“LIVE_BIRTHS”还用于指标 MMR（孕产妇死亡率），不能在此修改其类型或分组' }],
    ],
  ])('refuses %s with a Chinese message naming the field', async (_name, change, details) => {
    await send('POST', '/api/indicators', office, MMR);
    const res = await send('POST', '/api/indicators', office, change(MMR));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual(details);
  });

  it('lets everyone signed in read, and only office and statistics of the top unit (or admin) write', async () => {
    const id = (await send('POST', '/api/indicators', office, MMR)).json<IndicatorDto>().id;
    const leader = await as('leader', city.id);
    expect((await get<IndicatorDto[]>('/api/indicators', leader)).map((i) => i.code)).toEqual(['MMR']);
    expect((await t.app.inject({ method: 'GET', url: '/api/indicators' })).statusCode).toBe(401);

    const other = { ...MMR, code: 'MMR2' };
    const upload = multipart({ name: 'a.xlsx', bytes: 'x' });
    for (const [session, code] of [
      [leader, 'AUTH_FORBIDDEN'],
      [await as('reporter', city.id), 'AUTH_FORBIDDEN'],
      [await as('office', district.id), 'AUTH_OUT_OF_SCOPE'],
      [await as('statistics', district.id), 'AUTH_OUT_OF_SCOPE'],
    ] as const) {
      for (const res of [
        await send('POST', '/api/indicators', session, other),
        await send('PUT', `/api/indicators/${id}`, session, MMR),
        await send('DELETE', `/api/indicators/${id}`, session),
        await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { ...authHeaders(session), ...upload.headers }, payload: upload.payload }),
      ]) {
        expect([res.statusCode, res.json().code]).toEqual([403, code]);
      }
    }
    for (const session of [await as('statistics', city.id), await as('admin', null)]) {
      expect((await send('PUT', `/api/indicators/${id}`, session, { ...MMR, decimals: 1 })).statusCode).toBe(200);
    }
  });

  it('refuses to delete an indicator a reporting task uses', async () => {
    const id = (await send('POST', '/api/indicators', office, MMR)).json<IndicatorDto>().id;
    const task = await t.db.kysely
      .insertInto('reporting_tasks')
      .values({ org_unit_id: city.id, year: 2024, name: '2024年度监测', opens_on: '2025-01-01', due_on: '2025-03-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('reporting_task_indicators').values({ task_id: task.id, indicator_id: id }).execute();
    const res = await send('DELETE', `/api/indicators/${id}`, office);
    expect([res.statusCode, res.json().message]).toEqual([409, '指标“孕产妇死亡率”已列入填报任务，不能删除']);
  });

  it('generates indicators from a plan: one target, then all at once, skipping those made', async () => {
    const planId = await importDalian();
    const candidates = await get<CandidateDto[]>(`/api/plans/${planId}/indicator-candidates`, office);
    const mmr = candidates.find((c) => c.indicator === '孕产妇死亡率')!;
    expect(mmr).toMatchObject({ areaNo: 1, areaTitle: '妇女与健康', goalNo: 2, linked: null });
    expect(mmr.targetIds).toHaveLength(2);

    const one = await send('POST', `/api/targets/${mmr.targetIds[1]}/indicator`, office);
    expect(one.statusCode).toBe(200);
    expect(one.json<IndicatorDto>()).toMatchObject({
      code: 'W01_022', name: '孕产妇死亡率', unit: '/10万', direction: 'lower', responsibleDept: '卫健委', planTargetId: mmr.targetIds[0],
      formula: { type: 'direct', value: { code: 'W01_022', valueType: 'rate' } },
      targets: [{ year: 2025, comparator: '<=', value: 9, baseYear: null }, { year: 2030, comparator: '<=', value: 8, baseYear: null }],
      source: { planId, areaNo: 1, goalNo: 2, indicator: '孕产妇死亡率', quote: expect.stringContaining('9/10 万') },
    });
    const again = await send('POST', `/api/targets/${mmr.targetIds[0]}/indicator`, office);
    expect([again.statusCode, again.json().message]).toEqual([409, '“孕产妇死亡率”已关联指标 W01_022（孕产妇死亡率）']);

    const all = (await send('POST', `/api/plans/${planId}/indicators`, office, {})).json<GenerateResultDto>();
    expect(all.created).toHaveLength(candidates.length - 1);
    expect(all.skipped).toEqual([{ indicator: '孕产妇死亡率', reason: '已关联指标 W01_022（孕产妇死亡率）' }]);
    expect(all.linked).toEqual([]);
    const list = await get<IndicatorDto[]>('/api/indicators', office);
    const byName = (name: string) => list.find((i) => i.name === name)!;
    expect(byName('孕产妇系统管理率')).toMatchObject({ code: 'W01_021', direction: 'higher', targets: [{ year: 2030, comparator: '>=', value: 95 }] });
    expect(byName('妇女经常参加体育锻炼的人数比例')).toMatchObject({ direction: 'band', responsibleDept: '体育局', targets: [{ comparator: '~', value: 55 }] });
    expect(byName('妇女营养健康知识知晓率').targets).toEqual([{ year: 2025, comparator: '>=', value: 10, baseYear: 2019 }, { year: 2030, comparator: '>=', value: 10, baseYear: 2022 }]);
    expect(byName('村委会成员中女性比例')).toMatchObject({ code: 'W04_102', responsibleDept: '民政局' });
    expect(byName('各级各类事业单位领导班子成员中的女性比例').responsibleDept).toBeNull(); // 组织部 is no member department here

    const rest = (await send('POST', `/api/plans/${planId}/indicators`, office, { targetIds: candidates.flatMap((c) => c.targetIds) })).json<GenerateResultDto>();
    expect([rest.created, rest.skipped.length]).toEqual([[], candidates.length]);
    const after = await get<CandidateDto[]>(`/api/plans/${planId}/indicator-candidates`, office);
    expect(after.every((c) => c.linked !== null)).toBe(true);
  });

  it('lets only editors within the plan’s unit generate from it', async () => {
    const planId = await importDalian();
    for (const [session, code] of [[await as('office', district.id), 'AUTH_OUT_OF_SCOPE'], [await as('leader', city.id), 'AUTH_FORBIDDEN']] as const) {
      const res = await send('POST', `/api/plans/${planId}/indicators`, session, {});
      expect([res.statusCode, res.json().code]).toEqual([403, code]);
    }
    expect(await t.db.kysely.selectFrom('indicators').select('id').execute()).toEqual([]);
    const statistics = await as('statistics', city.id);
    expect((await send('POST', `/api/plans/${planId}/indicators`, statistics, {})).statusCode).toBe(200);
  });
});

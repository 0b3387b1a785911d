import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/appHarness';
import { runRbacMatrix, type Access, type Actor, type RouteCase } from '../../../../test/support/rbac';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { SubmissionDto } from '../../../shared/api/reporting';

const A: Access = 'allowed';
const F: Access = 'forbidden';
const S: Access = 'scoped';

describe(`RBAC matrix of monitoring data (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  let actors: Actor[];
  let xigangSeat: SubmissionDto;
  let zhongshanSeat: SubmissionDto;

  beforeAll(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    const zhongshanHealth = (await t.db.kysely
      .selectFrom('departments as d')
      .innerJoin('committees as c', 'c.id', 'd.committee_id')
      .select('d.id')
      .where('c.org_unit_id', '=', f.zhongshan.id)
      .executeTakeFirstOrThrow()).id;
    const seats = (await f.get<SubmissionDto[]>(f.office, `/api/reporting/submissions?taskId=${f.task.id}`)).body;
    xigangSeat = seats.find((s) => s.orgUnit.id === f.xigang.id && s.department.shortName === '卫健委')!;
    zhongshanSeat = seats.find((s) => s.orgUnit.id === f.zhongshan.id)!;
    const city = { id: f.city.id, name: '大连市' };
    const xigang = { id: f.xigang.id, name: '西岗区' };
    const zhongshan = { id: f.zhongshan.id, name: '中山区' };
    actors = [
      { role: 'admin', orgUnit: null },
      { role: 'office', orgUnit: city },
      { role: 'office', orgUnit: xigang },
      { role: 'statistics', orgUnit: xigang },
      { role: 'statistics', orgUnit: zhongshan },
      { role: 'leader', orgUnit: city },
      { role: 'evaluation', orgUnit: city },
      { role: 'reporter', orgUnit: xigang, departmentId: f.xigangHealth },
      { role: 'reporter', orgUnit: zhongshan, departmentId: zhongshanHealth },
      { role: 'dept_reviewer', orgUnit: xigang, departmentId: f.xigangHealth },
    ];
  });
  afterAll(async () => t.close());

  /** A save of the 西岗区 numerator that expects whatever version is stored now. */
  const saveCell = (seat: () => SubmissionDto) => async () => {
    const row = await t.db.kysely
      .selectFrom('data_values')
      .select('version')
      .where('data_element_id', '=', f.mmr.numeratorId)
      .where('org_unit_id', '=', seat().orgUnit.id)
      .executeTakeFirst();
    return { cells: [{ dataElementId: f.mmr.numeratorId, option: 'total', value: Math.floor(Math.random() * 5), expectedVersion: row?.version ?? null }] };
  };

  it('every role × route gets allowed, forbidden or scoped as the access policy says', async () => {
    let n = 0;
    //                                   admin office市 office西岗 统计西岗 统计中山 leader evaluation 填报西岗 填报中山 审核西岗
    const cases: RouteCase[] = [
      { method: 'GET', url: '/api/reporting/tasks', expect: [A, A, A, A, A, A, A, A, A, A] },
      {
        method: 'POST', url: '/api/reporting/tasks', name: 'create a city task',
        payload: () => ({ orgUnitId: f.city.id, year: 2030 + n++, name: '任务', opensOn: '2025-01-01', dueOn: '2099-01-01', indicatorIds: [f.mmr.id] }),
        expect: [A, A, S, F, F, F, F, F, F, F],
      },
      { method: 'GET', url: () => Promise.resolve(`/api/reporting/submissions/${xigangSeat.id}/grid`), name: 'read the 西岗区 卫健委 grid', expect: [A, A, A, A, S, A, A, A, S, A] },
      { method: 'GET', url: () => Promise.resolve(`/api/reporting/submissions/${zhongshanSeat.id}/grid`), name: 'read the 中山区 卫健委 grid', expect: [A, A, S, S, A, A, A, S, A, S] },
      {
        method: 'PUT', url: () => Promise.resolve(`/api/reporting/submissions/${xigangSeat.id}/values`), name: 'write a 西岗区 value',
        payload: saveCell(() => xigangSeat), expect: [A, F, F, A, S, F, F, A, S, F],
      },
      {
        method: 'PUT', url: () => Promise.resolve(`/api/reporting/submissions/${zhongshanSeat.id}/values`), name: 'write a 中山区 value',
        payload: saveCell(() => zhongshanSeat), expect: [A, F, S, S, A, F, F, S, A, S],
      },
      { method: 'POST', url: () => Promise.resolve(`/api/reporting/tasks/${f.task.id}/remind`), name: 'remind the city task', payload: {}, expect: [A, A, S, S, S, F, F, F, F, F] },
      {
        method: 'GET', url: () => Promise.resolve(`/api/reporting/audit?orgUnitId=${f.xigang.id}&period=2024`), name: 'the 西岗区 audit trail',
        expect: [A, A, A, A, S, A, A, S, S, S],
      },
      {
        method: 'GET', url: () => Promise.resolve(`/api/reporting/audit?orgUnitId=${f.xigang.id}&period=2024&dataElementId=${f.mmr.numeratorId}&option=total`),
        name: 'one 西岗区 value’s history', expect: [A, A, A, A, S, A, A, A, S, A],
      },
    ];
    const { actual, expected } = await runRbacMatrix(t, actors, cases);
    expect(actual).toEqual(expected);
  });
});

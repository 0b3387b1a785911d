import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { IndicatorDto, IndicatorMetaDto } from '../../../shared/api/indicators';
import type { DepartmentChangeDto } from '../../../shared/api/orgs';
import type { SubmissionDto } from '../../../shared/api/reporting';

/**
 * Departments are known by id (ARCHITECTURE.md, orgs): the probe swapped 卫健委 ↔ 教育局 and made
 * 教育局's drafts public and 卫健委's approved values writable by the 教育局 reporter.
 */
describe(`department identity (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
  });
  afterEach(async () => t.close());

  const patch = (s: Session, url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: authHeaders(s), payload });
  const put = (s: Session, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: authHeaders(s), payload });
  const xigangSeats = async () => (await f.get<SubmissionDto[]>(f.office, `/api/reporting/submissions?taskId=${f.task.id}`)).body.filter((s) => s.orgUnit.id === f.xigang.id);
  const dataVersion = async () => (await t.db.kysely.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow()).value;

  it('swapping two departments’ short names moves no indicator and no right, and each rename is logged', async () => {
    const educationReporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: f.xigang.id, departmentId: f.xigangEducation, username: 'zhaojing' })).username);
    for (const [id, name, shortName] of [
      [f.xigangHealth, '西岗区卫生健康局', '临时'],
      [f.xigangEducation, '西岗区教育局', '卫健委'],
      [f.xigangHealth, '西岗区卫生健康局', '教育局'],
    ] as const) {
      expect((await patch(f.office, `/api/departments/${id}`, { name, shortName })).statusCode).toBe(200);
    }

    const seats = await xigangSeats();
    const health = seats.find((s) => s.department.id === f.xigangHealth)!;
    const education = seats.find((s) => s.department.id === f.xigangEducation)!;
    // The labels swapped; the indicators each seat reports did not.
    expect([health.department.shortName, health.indicatorCount, education.department.shortName, education.indicatorCount]).toEqual(['教育局', 1, '卫健委', 1]);

    const cell = { cells: [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 3, expectedVersion: null }] };
    expect([403, 404]).toContain((await put(educationReporter, `/api/reporting/submissions/${health.id}/values`, cell)).statusCode);
    expect((await put(f.reporter, `/api/reporting/submissions/${health.id}/values`, cell)).statusCode).toBe(200);

    const history = await f.get<DepartmentChangeDto[]>(f.office, `/api/departments/${f.xigangHealth}/history`);
    expect(history.body.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['shortName', '临时', '教育局'],
      ['shortName', '卫健委', '临时'],
    ]);
  });

  it('a department reports along its counterpart, whatever it is called, and only one of the parent’s', async () => {
    const cityDepartments = (await f.get<IndicatorMetaDto>(f.office, '/api/indicators/meta')).body.departments;
    const cityEducation = cityDepartments.find((d) => d.shortName === '教育局')!;
    const refused = await patch(f.office, `/api/departments/${f.xigangHealth}`, { name: '西岗区卫生健康局', shortName: '卫健委', counterpartId: f.xigangEducation });
    expect([refused.statusCode, refused.json().message]).toEqual([400, `提交的数据不符合要求：对口成员单位（编号 ${f.xigangEducation}）不是上级妇儿工委的成员单位`]);

    const taken = await patch(f.office, `/api/departments/${f.xigangHealth}`, { name: '西岗区卫生健康局', shortName: '卫健委', counterpartId: cityEducation.id });
    expect([taken.statusCode, taken.json().message]).toEqual([400, '提交的数据不符合要求：上级成员单位“教育局”已是“西岗区教育局”的对口单位']);

    const released = await patch(f.office, `/api/departments/${f.xigangEducation}`, { name: '西岗区教育局', shortName: '教育局', counterpartId: null });
    const moved = await patch(f.office, `/api/departments/${f.xigangHealth}`, { name: '西岗区卫生健康局', shortName: '卫健委', counterpartId: cityEducation.id });
    expect([released.statusCode, moved.statusCode]).toEqual([200, 200]);
    const seats = await xigangSeats();
    // 西岗区卫健委 now answers to the city's 教育局: it reports that indicator and no longer MMR; 教育局 answers to nobody.
    expect(seats.map((s) => [s.department.id, s.indicatorCount])).toEqual([[f.xigangHealth, 1], [f.xigangEducation, 0]]);
    const history = await f.get<DepartmentChangeDto[]>(f.office, `/api/departments/${f.xigangHealth}/history`);
    expect(history.body.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([['counterpart', '卫健委', '教育局']]);
  });

  it('changing an indicator’s responsible department is logged and takes effect at once', async () => {
    const admin = await login(t.app, (await buildUser(t.db, { role: 'admin', orgUnitId: null })).username);
    const indicator = (await f.get<IndicatorDto>(admin, `/api/indicators/${f.mmr.id}`)).body;
    const cityEducation = (await f.get<IndicatorMetaDto>(admin, '/api/indicators/meta')).body.departments.find((d) => d.shortName === '教育局')!;
    const before = await dataVersion();

    const saved = await put(admin, `/api/indicators/${f.mmr.id}`, { ...indicator, responsibleDepartmentId: cityEducation.id });
    expect([saved.statusCode, saved.json<IndicatorDto>().responsibleDept]).toEqual([200, '教育局']);
    expect(await dataVersion()).not.toBe(before);
    const log = await t.db.kysely.selectFrom('change_log').select(['entity_id', 'field', 'old_value', 'new_value']).where('entity', '=', 'indicator').execute();
    expect(log).toEqual([{ entity_id: f.mmr.id, field: 'responsibleDepartment', old_value: '大连市卫健委', new_value: '大连市教育局' }]);

    const seats = await xigangSeats();
    expect(seats.find((s) => s.department.id === f.xigangHealth)!.indicatorCount).toBe(0);
    expect(seats.find((s) => s.department.id === f.xigangEducation)!.indicatorCount).toBe(2);
  });
});

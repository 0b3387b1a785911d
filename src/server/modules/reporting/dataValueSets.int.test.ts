import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import type { SubmissionDto } from '../../../shared/api/reporting';

interface WebMessage {
  httpStatusCode: number;
  status: string;
  response: { status: string; importCount: { imported: number; updated: number; ignored: number; deleted: number }; conflicts: { object: string; value: string; errorCode: string; indexes: number[] }[] };
}

describe(`DHIS2 dataValueSets API (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  let numerator: string;
  let denominator: string;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    const codes = await t.db.kysely.selectFrom('data_elements').select(['id', 'code']).execute();
    numerator = codes.find((c) => c.id === f.mmr.numeratorId)!.code;
    denominator = codes.find((c) => c.id === f.mmr.denominatorId)!.code;
  });
  afterEach(async () => t.close());

  const post = async (s: Session, body: string | object, query = '', contentType = 'application/json') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/dataValueSets${query}`,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { ...authHeaders(s), 'content-type': contentType },
    });
    return { status: res.statusCode, body: res.json<WebMessage>() };
  };
  const storedCount = async () => (await t.db.kysely.selectFrom('data_values').select('value').execute()).length;
  const dv = (dataElement: string, value: string, extra: object = {}) => ({ dataElement, period: '2024', orgUnit: '210203', value, ...extra });

  it('imports JSON with idScheme=code, then reports updates, ignores and deletions like DHIS2', async () => {
    const first = await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] }, '?idScheme=code');
    expect(first.status).toBe(200);
    expect(first.body.response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 }, conflicts: [] });

    const second = await post(f.reporter, { dataValues: [dv(numerator, '4', { comment: '补报1例' }), dv(denominator, '40000'), dv(numerator, '', { deleted: true, period: '2024', orgUnit: '210203', dataElement: numerator })] });
    expect(second.body.response.conflicts[0]).toMatchObject({ errorCode: 'DUPLICATE', indexes: [2] });
    expect(await storedCount()).toBe(2); // atomic: nothing written

    const third = await post(f.reporter, { dataValues: [dv(numerator, '4', { comment: '补报1例' }), dv(denominator, '40000')] });
    expect(third.body.response.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 });
    const deleted = await post(f.reporter, { dataValues: [dv(numerator, '')] }, '?importStrategy=DELETE');
    expect(deleted.body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 1 });
    const audits = await t.db.kysely.selectFrom('data_value_audits').select(['action', 'via']).orderBy('id').execute();
    expect(audits).toEqual([{ action: 'update', via: 'api' }, { action: 'delete', via: 'api' }]);
  });

  it('reads and writes DHIS2 CSV, with and without a header row', async () => {
    const csv = `dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n${numerator},2024,210203,default,default,3,,,"含1例外地户籍, 已核实",false\n`;
    const imported = await post(f.reporter, csv, '', 'text/csv');
    expect(imported.body.response.importCount.imported).toBe(1);
    expect((await post(f.reporter, `${denominator},2024,210203,default,default,40000\n`, '', 'text/csv')).body.response.importCount.imported).toBe(1);

    const res = await t.app.inject({ method: 'GET', url: '/api/dataValueSets.csv?orgUnit=210203&period=2024', headers: { cookie: f.reporter.cookie } });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted');
    expect(res.body).toContain('"含1例外地户籍, 已核实"');
    const json = await t.app.inject({ method: 'GET', url: `/api/dataValueSets?orgUnit=210200&children=true&period=2024&dataElement=${numerator}`, headers: { cookie: f.office.cookie } });
    expect(json.json().dataValues).toEqual([expect.objectContaining({ dataElement: numerator, orgUnit: '210203', period: '2024', categoryOptionCombo: 'default', value: '3' })]);
  });

  it('dryRun checks everything and writes nothing', async () => {
    const res = await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] }, '?dryRun=true');
    expect(res.body.response.importCount.imported).toBe(2);
    expect(await storedCount()).toBe(0);
  });

  it.each([
    ['an unknown data element', () => ({ dataValues: [dv('NOPE', '1')] }), 'E7607', '数据元“NOPE”不存在'],
    ['an unknown unit', (n: string) => ({ dataValues: [{ ...dv(n, '1'), orgUnit: '999' }] }), 'E7608', '单位“999”不存在'],
    ['a monthly period', (n: string) => ({ dataValues: [{ ...dv(n, '1'), period: '202401' }] }), 'E7609', '本系统按年度填报'],
    ['text as a value', (n: string) => ({ dataValues: [dv(n, '约3')] }), 'E7619', '值“约3”不是有效数字'],
    ['an option the element does not use', (n: string) => ({ dataValues: [dv(n, '1', { categoryOptionCombo: 'female' })] }), 'UNKNOWN_OPTION', '不按“女”分组填报'],
    ['a negative count', (n: string) => ({ dataValues: [dv(n, '-2')] }), 'INVALID', '不能为负数'],
  ])('refuses %s with a conflict and writes nothing', async (_name, body, errorCode, message) => {
    const res = await post(f.reporter, body(numerator));
    expect(res.status).toBe(409);
    expect(res.body.response.status).toBe('ERROR');
    expect(res.body.response.conflicts[0]).toMatchObject({ errorCode, indexes: [0] });
    expect(res.body.response.conflicts[0]!.value).toContain(message);
    expect(await storedCount()).toBe(0);
  });

  it('applies the scope, lock and validation of the entry grid; atomicMode=NONE imports the rest', async () => {
    const otherDistrict = await post(f.reporter, { dataValues: [{ ...dv(numerator, '1'), orgUnit: '210202' }] });
    expect(otherDistrict.body.response.conflicts[0]!.value).toContain('没有填报中山区“孕产妇死亡数”的权限');

    const mixed = await post(f.reporter, { dataValues: [dv(numerator, '9'), dv(denominator, '5'), { ...dv(numerator, '1'), period: '2023' }] }, '?atomicMode=NONE');
    expect(mixed.body.response.conflicts.map((c) => c.errorCode)).toEqual(['INVALID', 'NO_TASK']);
    expect(mixed.body.response.conflicts[0]!.value).toContain('孕产妇死亡数（9）不能大于活产数（5）');
    expect(mixed.body.response.importCount).toEqual({ imported: 1, updated: 0, ignored: 2, deleted: 0 });
    expect(mixed.body.response.status).toBe('WARNING');

    const sub = (await f.get<SubmissionDto[]>(f.reporter, '/api/reporting/submissions?mine=true')).body[0]!;
    await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] });
    await f.send(f.reporter, 'POST', `/api/reporting/submissions/${sub.id}/actions`, { action: 'submit' });
    await f.send(f.statistics, 'POST', `/api/reporting/submissions/${sub.id}/actions`, { action: 'approve' });
    const locked = await post(f.statistics, { dataValues: [dv(numerator, '4')] });
    expect(locked.body.response.conflicts[0]).toMatchObject({ errorCode: 'LOCKED', value: expect.stringContaining('已审核通过并锁定') });
  });
});

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
  let retention: string;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    const codes = await t.db.kysely.selectFrom('data_elements').select(['id', 'code']).execute();
    numerator = codes.find((c) => c.id === f.mmr.numeratorId)!.code;
    denominator = codes.find((c) => c.id === f.mmr.denominatorId)!.code;
    retention = codes.find((c) => c.id === f.retention.valueId)!.code;
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
  const exported = async (s: Session, query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dataValueSets${query}`, headers: { cookie: s.cookie } });
    return { status: res.statusCode, body: String(res.headers['content-type']).includes('json') ? res.json() : null, text: res.body };
  };
  const storedCount = async () => (await t.db.kysely.selectFrom('data_values').select('value').execute()).length;
  const dv = (dataElement: string, value: string, extra: object = {}) => ({ dataElement, period: '2024', orgUnit: '210203', value, ...extra });

  it('imports JSON with idScheme=code, then reports updates, ignores and deletions like DHIS2', async () => {
    const first = await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] }, '?idScheme=code');
    expect(first.status).toBe(200);
    expect(first.body.response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 }, conflicts: [] });

    const second = await post(f.reporter, { dataValues: [dv(numerator, '4', { comment: '补报1例' }), dv(denominator, '40000'), dv(numerator, '', { deleted: true, period: '2024', orgUnit: '210203', dataElement: numerator })] });
    expect(second.body.response.conflicts[0]).toMatchObject({ errorCode: 'E5004', indexes: [2] });
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
    ['an unknown data element', () => ({ dataValues: [dv('NOPE', '1')] }), 'E7610', '数据元“NOPE”不存在'],
    ['an unknown unit', (n: string) => ({ dataValues: [{ ...dv(n, '1'), orgUnit: '999' }] }), 'E7612', '单位“999”不存在'],
    ['a monthly period', (n: string) => ({ dataValues: [{ ...dv(n, '1'), period: '202401' }] }), 'E7611', '本系统按年度填报'],
    ['a year out of range', (n: string) => ({ dataValues: [{ ...dv(n, '1'), period: '1066' }] }), 'E7611', '期间“1066”无效'],
    ['an unknown option', (n: string) => ({ dataValues: [dv(n, '1', { categoryOptionCombo: 'elderly' })] }), 'E7613', '分组“elderly”不存在'],
    ['text as a value', (n: string) => ({ dataValues: [dv(n, '约3')] }), 'E7619', '值“约3”不是有效数字'],
    ['an option the element does not use', (n: string) => ({ dataValues: [dv(n, '1', { categoryOptionCombo: 'female' })] }), 'E7634', '不按“女”分组填报'],
    ['a negative count', (n: string) => ({ dataValues: [dv(n, '-2')] }), 'E7619', '不能为负数'],
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
    expect(otherDistrict.body.response.conflicts[0]).toMatchObject({ errorCode: 'E7617', value: expect.stringContaining('没有填报中山区“孕产妇死亡数”的权限') });

    const mixed = await post(f.reporter, { dataValues: [dv(numerator, '9'), dv(denominator, '5'), { ...dv(numerator, '1'), period: '2023' }] }, '?atomicMode=NONE');
    expect(mixed.body.response.conflicts.map((c) => c.errorCode)).toEqual(['E7619', 'E7636']);
    expect(mixed.body.response.conflicts[0]!.value).toContain('孕产妇死亡数（9）不能大于活产数（5）');
    expect(mixed.body.response.importCount).toEqual({ imported: 1, updated: 0, ignored: 2, deleted: 0 });
    expect(mixed.body.response.status).toBe('WARNING');

    const sub = (await f.get<SubmissionDto[]>(f.reporter, '/api/reporting/submissions?mine=true')).body[0]!;
    await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] });
    await f.send(f.reporter, 'POST', `/api/reporting/submissions/${sub.id}/actions`, { action: 'submit' });
    await f.send(f.statistics, 'POST', `/api/reporting/submissions/${sub.id}/actions`, { action: 'approve' });
    const locked = await post(f.statistics, { dataValues: [dv(numerator, '4')] });
    expect(locked.body.response.conflicts[0]).toMatchObject({ errorCode: 'E7642', value: expect.stringContaining('已审核通过并锁定') });
  });

  it('refuses to export a unit the user may read nothing of, and exports only what they may read of the rest', async () => {
    await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] });
    // 西岗区 statistics report for every department there, here 教育局's indicator.
    expect((await post(f.statistics, { dataValues: [dv(retention, '98.5', { categoryOptionCombo: 'female' })] })).status).toBe(200);

    for (const [session, query, unit] of [
      [f.reporter, '?orgUnit=210202&period=2024', '中山区'],
      [f.reporter, '.csv?orgUnit=210200&children=true&period=2024', '大连市'],
      [f.statistics, '?orgUnit=210203,210200&period=2024', '大连市'],
    ] as const) {
      const refused = await exported(session, query);
      expect({ status: refused.status, body: refused.body }).toEqual({ status: 403, body: { code: 'AUTH_OUT_OF_SCOPE', message: `${unit}的数据不在您的管辖范围内` } });
    }

    const own = await exported(f.reporter, '?orgUnit=210203&period=2024');
    expect(own.status).toBe(200);
    expect(own.body.dataValues.map((v: { dataElement: string }) => v.dataElement).sort()).toEqual([numerator, denominator].sort());
    expect((await exported(f.statistics, '?orgUnit=210203&period=2024')).body.dataValues).toHaveLength(3);
    expect((await exported(f.office, '?orgUnit=210200&children=true&period=2024')).body.dataValues).toHaveLength(3);
  });

  it('exports who changed each value last as storedBy, empty for values the system wrote, with created and lastUpdated', async () => {
    await post(f.reporter, { dataValues: [dv(numerator, '3'), dv(denominator, '40000')] });
    await post(f.reporter2, { dataValues: [dv(numerator, '4')] });
    const option = await t.db.kysely.selectFrom('category_options').select('id').where('code', '=', 'total').executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('data_values')
      .values({
        data_element_id: f.mmr.numeratorId, org_unit_id: f.xigang.id, period: 2023, option_id: option.id, value: 2, comment: null, department_id: null,
        version: 1, created_by: null, created_at: '2024-02-01T00:00:00.000Z', created_via: 'system', updated_by: null, updated_at: '2024-02-01T00:00:00.000Z',
      })
      .execute();

    const json = await exported(f.office, `?orgUnit=210203&period=2023,2024&dataElement=${numerator}`);
    const byPeriod = Object.fromEntries(json.body.dataValues.map((v: { period: string }) => [v.period, v]));
    expect(byPeriod['2024']).toMatchObject({ value: '4', storedBy: 'lijun', created: expect.any(String), lastUpdated: expect.any(String) });
    expect(byPeriod['2024'].lastUpdated >= byPeriod['2024'].created).toBe(true);
    expect(byPeriod['2023']).toMatchObject({ value: '2', storedBy: '', created: '2024-02-01T00:00:00.000Z', lastUpdated: '2024-02-01T00:00:00.000Z' });

    const csv = await exported(f.office, '.csv?orgUnit=210203&period=2024');
    const rows = csv.text.trim().split('\r\n').map((line) => line.split(','));
    const storedBy = rows[0]!.indexOf('storedby');
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], r[storedBy]]))).toEqual({ [numerator]: 'lijun', [denominator]: 'wangfang' });
  });
});

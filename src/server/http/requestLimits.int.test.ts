/**
 * Issue 10 point 4: no request can exhaust the server. Rights are checked before an upload is read,
 * zip uploads are measured before they are unpacked, bodies are counted before they are parsed,
 * and a refusal writes nothing while /api/health keeps answering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildUser, login, multipart, type Session, type TestApp, buildTestApp } from '../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../test/support/reportingFixture';
import { testDialect } from '../../../test/support/testDb';
import { writeZip } from '../../../test/support/zipFiles';
import { DATA_VALUE_SET_LIMITS } from '../modules/reporting/dataValueSetsBody';
import { PLAN_TEXT_LIMITS } from '../../shared/plan-text';

const MB = 1024 * 1024;
/** 60 MB of zeros behind a directory that claims 1 KB: a bomb the central directory does not show. */
const liar = (name: string) => writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name, data: Buffer.alloc(60 * MB), declaredSize: 1024 }]);
/** 60 MB of zeros, honestly declared. */
const bomb = (name: string) => writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name, data: Buffer.alloc(60 * MB) }]);

describe(`request limits (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  let indicatorEditor: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    indicatorEditor = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: null })).username);
  });
  afterEach(async () => t.close());

  const upload = (url: string, s: Session, file: { name: string; bytes: Uint8Array | string }) => {
    const body = multipart(file);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...authHeaders(s) } });
  };
  const health = () => t.app.inject({ method: 'GET', url: '/api/health' }).then((r) => r.statusCode);
  const counts = async () => ({
    plans: (await t.db.kysely.selectFrom('plans').select('id').execute()).length,
    values: (await t.db.kysely.selectFrom('data_values').select('value').execute()).length,
    indicators: (await t.db.kysely.selectFrom('indicators').select('id').execute()).length,
  });
  const postValues = (s: Session, body: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/dataValueSets', payload: body, headers: { ...authHeaders(s), 'content-type': contentType } });

  it('refuses a reporter’s upload to plan preview with 403 before reading it: a broken file is not even noticed', async () => {
    const garbage = { name: '规划.docx', bytes: 'not a zip at all' };
    const asReporter = await upload('/api/plans/preview', f.reporter, garbage);
    expect([asReporter.statusCode, asReporter.json().code]).toEqual([403, 'AUTH_FORBIDDEN']);
    // The same bytes from an editor are read, and refused as unreadable: so the 403 came first.
    expect((await upload('/api/plans/preview', f.office, garbage)).statusCode).toBe(400);
    const [bombed, probe] = await Promise.all([upload('/api/plans/import', f.reporter, { name: '规划.docx', bytes: bomb('word/document.xml') }), health()]);
    expect([bombed.statusCode, probe]).toEqual([403, 200]);
  });

  it.each([
    ['an honest bomb', bomb, '压缩比'],
    ['a directory that lies about sizes', liar, '解压后大于文件中登记的大小'],
  ])('refuses %s in .docx and .xlsx uploads with 413 in Chinese, writing nothing', async (_name, make, reason) => {
    const before = await counts();
    const [plan, probe] = await Promise.all([upload('/api/plans/preview', f.office, { name: '规划.docx', bytes: make('word/document.xml') }), health()]);
    expect(probe).toBe(200);
    const indicators = await upload('/api/indicators/import', indicatorEditor, { name: '指标.xlsx', bytes: make('xl/sharedStrings.xml') });
    const template = await upload(`/api/reporting/tasks/${f.task.id}/upload`, f.reporter, { name: '模板.xlsx', bytes: make('xl/worksheets/sheet1.xml') });
    for (const res of [plan, indicators, template]) {
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json()).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining(reason) });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses plan text past the character limit before the parser runs', async () => {
    const res = await upload('/api/plans/preview', f.office, { name: '规划.txt', bytes: '一'.repeat(PLAN_TEXT_LIMITS.characters + 1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('文本过长：共 500,001 字，规划文本最多 500,000 字');
  });

  it('checks the right to write values before a dataValueSets body is parsed', async () => {
    // The office may read but not write: its malformed body is refused for the right, not the syntax.
    const res = await postValues(f.office, '{"dataValues": [ this is no json');
    expect([res.statusCode, res.json().code]).toEqual([403, 'AUTH_FORBIDDEN']);
    expect((await postValues(f.reporter, '{"dataValues": [ this is no json')).statusCode).toBe(400);
  });

  it('refuses a body of more than a million entries with 413 while it streams in, JSON or CSV', async () => {
    const n = DATA_VALUE_SET_LIMITS.entries + 1;
    const [json, probe] = await Promise.all([postValues(f.reporter, `{"dataValues":[${'{},'.repeat(n - 1)}{}]}`), health()]);
    expect(probe).toBe(200);
    expect([json.statusCode, json.json().code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    expect(json.json().message).toContain('一次最多导入 1,000,000 条数据');
    // A flood of bare values in place of entries is counted too.
    expect((await postValues(f.reporter, `{"dataValues":[${'0,'.repeat(DATA_VALUE_SET_LIMITS.entries * 16 + 1)}0]}`)).statusCode).toBe(413);
    const csv = await postValues(f.reporter, `dataelement,period,orgunit,value\n${'X,2024,210203,1\n'.repeat(n)}`, 'text/csv');
    expect([csv.statusCode, csv.json().code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    expect((await counts()).values).toBe(0);
  });

  it('lists the first 1,000 conflicts of an import and counts them all', async () => {
    const entries = Array.from({ length: 1_500 }, (_, i) => ({ dataElement: `NOPE${i}`, period: '2024', orgUnit: '210203', value: '1' }));
    const res = await postValues(f.reporter, JSON.stringify({ dataValues: entries }));
    expect(res.statusCode).toBe(409);
    const summary = res.json().response;
    expect([summary.conflicts.length, summary.conflictCount, summary.importCount.ignored]).toEqual([1_000, 1_500, 1_500]);
    expect(summary.conflicts[999]).toMatchObject({ object: 'NOPE999', indexes: [999] });
  });

  it.each([
    ['null entries', [null], '第 1 条（dataValues.0）应为对象'],
    ['a comment that is not text', [{ dataElement: 'X', period: '2024', orgUnit: '210203', value: '1', comment: { text: '说明' } }], '第 1 条（dataValues.0）的 comment 应为文本，实为对象'],
    ['a value that is an array', [{}, { dataElement: 'X', value: [1] }], '第 2 条（dataValues.1）的 value 应为数字或文本，实为数组'],
    ['a data element that is a boolean', [{ dataElement: true }], '第 1 条（dataValues.0）的 dataElement 应为文本，实为布尔值'],
    ['deleted as a number', [{ deleted: 1 }], '第 1 条（dataValues.0）的 deleted 应为 true 或 false，实为数字'],
  ])('refuses %s with a 400 naming the entry and field, writing nothing', async (_name, dataValues, message) => {
    const res = await postValues(f.reporter, JSON.stringify({ dataValues }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(message) });
    expect((await counts()).values).toBe(0);
  });
});

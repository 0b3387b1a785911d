/**
 * Issue 10 point 6: exports can't carry formulas. A comment that starts like a formula leaves the
 * CSV export and the xlsx template neutralised, and the template comes back unchanged.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, multipart, type TestApp } from '../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../test/support/reportingFixture';
import { testDialect } from '../../../test/support/testDb';

const FORMULA = '=HYPERLINK("http://evil.example","点击核实")';

describe(`formula-safe exports (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  let code: string;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    code = (await t.db.kysely.selectFrom('data_elements').select('code').where('id', '=', f.retention.valueId).executeTakeFirstOrThrow()).code;
    const saved = await t.app.inject({
      method: 'POST', url: '/api/dataValueSets', headers: { ...authHeaders(f.statistics), 'content-type': 'application/json' },
      payload: { dataValues: [{ dataElement: code, period: '2024', orgUnit: '210203', value: '96.5', comment: FORMULA }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterEach(async () => t.close());

  it('neutralises the comment in /api/dataValueSets.csv and keeps the value a number', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/dataValueSets.csv?orgUnit=210203&period=2024', headers: { cookie: f.statistics.cookie } });
    expect(res.body).toContain(`"'${FORMULA.replaceAll('"', '""')}"`);
    expect(res.body).not.toMatch(/,"?=HYPERLINK/);
    expect(res.body).toContain(',96.5,');
  });

  it('neutralises the comment cell of the xlsx template, and an untouched template changes nothing', async () => {
    const submission = (await t.db.kysely.selectFrom('submissions').select('id').where('org_unit_id', '=', f.xigang.id).where('department_id', '=', f.xigangEducation).executeTakeFirstOrThrow()).id;
    const download = await t.app.inject({ method: 'GET', url: `/api/reporting/submissions/${submission}/template.xlsx`, headers: { cookie: f.office.cookie } });
    expect(download.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets.filter((s) => s.state !== 'veryHidden').forEach((s) => s.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
    expect(texts).toContain(`'${FORMULA}`);
    expect(texts.filter((x) => x.startsWith('='))).toEqual([]);

    // Uploaded back as it is, by a statistics user who may write there: the comment is not changed to the quoted text.
    const form = multipart({ name: '模板.xlsx', bytes: download.rawPayload });
    const upload = await t.app.inject({ method: 'POST', url: `/api/reporting/submissions/${submission}/upload`, payload: form.payload, headers: { ...form.headers, ...authHeaders(f.statistics) } });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toMatchObject({ imported: 0, updated: 0, deleted: 0 });
    const stored = await t.db.kysely.selectFrom('data_values').select('comment').where('data_element_id', '=', f.retention.valueId).execute();
    expect(stored.map((s) => s.comment)).toEqual([FORMULA]);
  });
});

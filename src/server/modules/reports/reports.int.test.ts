import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../../../test/support/zipFiles';
import { createTestDb, testDialect, type TestDb } from '../../../../test/support/testDb';
import { seedDemo } from '../../demo/seedDemo';
import { analyticsService } from '../analytics/service';
import { COMMAND_LINE } from '../auth/service';
import { orgsService } from '../orgs/service';
import type { AnnualReport } from './annual/collect';
import { annualReportDocument } from './annual/document';
import { reportsService, type ReportsService } from './service';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** Text of the document's body, without the XML. */
const bodyText = (docx: Buffer) => readZip(docx).find((p) => p.name === 'word/document.xml')!.data.toString('utf8').replace(/<[^>]+>/g, '');
const findingsOf = (r: AnnualReport) => r.plans.flatMap((p) => p.areas.flatMap((a) => a.findings));

describe(`annual report and compilation of the demo data (${testDialect()})`, () => {
  let db: TestDb;
  let reports: ReportsService;
  let analytics: ReturnType<typeof analyticsService>;
  let city: number;
  let xigang: number;

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db, 'Demo-密码-2025');
    const orgs = orgsService(db.kysely);
    analytics = analyticsService(db.kysely, orgs);
    reports = reportsService(db.kysely, analytics, orgs);
    city = await reports.unitIdOfCode('210200');
    xigang = await reports.unitIdOfCode('210203');
  }, 300_000);
  afterAll(async () => db?.dispose());

  it.each([
    // 西岗区 reports on the city's women's plan and its own children's plan (大连市 has none).
    ['大连市', () => city, '妇女'],
    ['西岗区', () => xigang, '妇女儿童'],
  ])('the %s report has every area of its plan, the overview’s 达标率 and a chart per finding with data', async (name, unit, kinds) => {
    const { bytes, report } = await reports.annualDocx(COMMAND_LINE, { unitId: unit(), year: 2024, plan: 'both' });
    const overview = await analytics.overview(COMMAND_LINE, { orgUnitId: unit(), scope: 'approved' });

    const planAreas = overview.areas.filter((a) => report.plans.some((p) => (p.indicatorsFrom ?? p.title) === a.planTitle) && a.indicators.length > 0);
    // Each kind is named by the unit's own plan: 西岗区's women's part by 西岗区's plan, monitoring the city's indicators.
    expect(report.plans.map((p) => [p.title, p.indicatorsFrom])).toEqual(
      name === '大连市'
        ? [['大连市妇女发展规划', null]]
        : [['西岗区妇女发展规划', '大连市妇女发展规划'], ['西岗区儿童发展规划', null]],
    );
    expect(planAreas.length).toBeGreaterThan(3);
    expect(report.plans.flatMap((p) => p.areas.map((a) => a.title))).toEqual(planAreas.map((a) => a.title));
    // Every indicator of the overview is in the report: the demo links all of them to the plan.
    expect(overview.areas.every((a) => a.planTitle !== null)).toBe(true);
    expect(findingsOf(report).map((f) => f.indicatorId).sort()).toEqual(overview.areas.flatMap((a) => a.indicators.map((i) => i.id)).sort());
    expect({ achieved: report.overall.achieved, assessable: report.overall.assessable, rate: report.overall.rate }).toEqual(overview.achievement);

    const text = bodyText(bytes);
    expect(text).toContain(`${name}2024年${kinds}发展规划统计监测报告`);
    for (const area of planAreas) expect(text).toContain(area.title.replace(/^（[一二三四五六七八九十]+）/, ''));
    expect(text).toContain('达标率');
    expect(text).toContain('附表');
    const withData = findingsOf(report).filter((f) => f.view.series.some((s) => s.points.length > 0));
    expect(withData.length).toBeGreaterThan(40);
    // Pictures placed in the body (identical charts share one file in word/media).
    const xml = readZip(bytes).find((p) => p.name === 'word/document.xml')!.data.toString('utf8');
    expect(xml.match(/<pic:pic\b/g)).toHaveLength(withData.length);
    for (const f of withData) expect(text).toContain(f.text.headline);
    // The districts are ranked; 西岗区's streets report no values in the demo, so they get a sentence, not a table of dashes.
    if (name === '大连市') expect(text).toContain('各区（县）达标率排名');
    else expect(text).toMatch(/各街道（乡镇）尚无可评估的监测数据（.*香炉礁街道.*），暂不排名/);
  }, 300_000);

  it('builds one figure per finding with data, right after its sentences', async () => {
    const report = await reports.annual(COMMAND_LINE, { unitId: city, year: 2024, plan: 'women' });
    const drawn: number[] = [];
    const spec = annualReportDocument(report, (f) => {
      drawn.push(f.indicatorId);
      return { kind: 'figure', png: new Uint8Array([1]), pixelWidth: 1, pixelHeight: 1, caption: f.figures.name };
    });
    expect(drawn).toEqual(findingsOf(report).map((f) => f.indicatorId));
    const figures = spec.blocks.filter((b) => b.kind === 'figure');
    expect(figures).toHaveLength(drawn.length);
    spec.blocks.forEach((b, i) => {
      if (b.kind === 'figure') expect(spec.blocks[i - 1]!.kind).toBe('paragraph');
    });
  });

  it('refuses a plan the unit does not have, a year without data and an unknown code, in Chinese', async () => {
    await expect(reports.annual(COMMAND_LINE, { unitId: city, year: 2024, plan: 'children' })).rejects.toMatchObject({ code: 'REPORT_NO_PLAN' });
    await expect(reports.annual(COMMAND_LINE, { unitId: city, year: 2018, plan: 'both' })).rejects.toMatchObject({ code: 'REPORT_NO_DATA', message: expect.stringContaining('大连市2018年') });
    await expect(reports.unitIdOfCode('999999')).rejects.toMatchObject({ code: 'REPORT_UNIT_UNKNOWN', message: '单位代码“999999”不存在' });
  });

  it('compiles every indicator × unit × year on a sheet per area, with the analytics’ figures and a note where the 口径 changed', async () => {
    const overview = await analytics.overview(COMMAND_LINE, { orgUnitId: city, scope: 'approved' });
    const indicatorId = overview.areas[0]!.indicators[0]!.id;
    await db.kysely.updateTable('indicators').set({ caliber: '自2022年起按常住人口统计' }).where('id', '=', indicatorId).execute();
    const view = await analytics.indicator(COMMAND_LINE, indicatorId, { orgUnitId: xigang, scope: 'approved' });

    const { bytes, fileName } = await reports.compilationXlsx(COMMAND_LINE, { unitId: city, from: 2020, to: 2024 });
    expect(fileName).toBe('大连市妇女儿童统计资料汇编（2020—2024年）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [index, ...sheets] = book.worksheets;
    expect(index!.name).toBe('目录');
    // Every indicator is compiled, the children's too, which set no target of the city's (under the areas of 西岗区's plan they come from).
    const areas = await db.kysely
      .selectFrom('indicators as i').innerJoin('plan_targets as t', 't.id', 'i.plan_target_id').innerJoin('plan_goals as g', 'g.id', 't.goal_id')
      .select('g.area_id').distinct().execute();
    expect(overview.areas.length).toBeLessThan(areas.length);
    expect(sheets).toHaveLength(areas.length);

    const sheet = sheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, '指标代码', '指标', '计量单位', '单位', '分组', '2020年', '2021年', '2022年', '2023年', '2024年', '资料来源']);
    const rows = (sheet.getSheetValues() as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
    const row = rows.find((r) => r[1] === view.indicator.code && String(r[4]).trim() === '西岗区' && r[5] === '合计')!;
    const expected = view.series.find((s) => s.option === 'total')!.points.filter((p) => p.year <= 2024);
    expect(expected.length).toBeGreaterThan(0);
    for (const p of expected) expect(row[6 + p.year - 2020]).toBeCloseTo(p.value, 9);
    expect(String(row[2])).toContain('（注1）');
    expect(rows.some((r) => String(r[1]).startsWith(`1. ${view.indicator.name}：统计口径自2022年起调整`))).toBe(true);
    // Every unit of the tree has a 合计 row for every indicator of the sheet.
    const units = await db.kysely.selectFrom('org_units').select('id').execute();
    const indicatorsOnSheet = new Set(rows.slice(2).map((r) => r[1]).filter((c) => typeof c === 'string' && /^[A-Z]/.test(c)));
    expect(rows.filter((r) => r[5] === '合计')).toHaveLength(indicatorsOnSheet.size * units.length);
  });

  it('the command line exits 2 with a Chinese message for an unknown unit (SQLite file of its own)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-report-cli-'));
    const res = spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), 'report', 'annual', '--unit', '999999', '--year', '2024', '--out', join(dir, 'never.docx')], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALFSKY_DATABASE_URL: `file:${join(dir, 'cli.db')}` },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('单位代码“999999”不存在');
  }, 60_000);
});

/**
 * `halfsky report annual --unit CODE --year YYYY [--plan women|children|both] --out FILE.docx` and
 * `halfsky report compilation --unit CODE [--from YYYY --to YYYY] --out FILE.xlsx`: the documents
 * of the web, made by the same service, as the command line (all rights). Bad arguments, an unknown
 * unit or a year without data are an AppError: the command line prints it in Chinese and exits 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../db/connection';
import { AppError } from '../../errors';
import { analyticsService } from '../analytics/service';
import { COMMAND_LINE } from '../auth/service';
import { orgsService } from '../orgs/service';
import { PLAN_CHOICES, type PlanChoice } from './annual/collect';
import { reportsService, type ReportsService } from './service';
import { evaluationReportCommand } from '../evaluation/report/command';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

function year(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw invalid(`--${option} 应为四位年份，而不是“${text}”`);
  return Number(text);
}

function outFile(out: string | undefined, ext: string): string {
  if (!out) throw invalid(`请用 --out 给出输出文件（.${ext}）`);
  if (!out.toLowerCase().endsWith(`.${ext}`)) throw invalid(`输出文件应为 .${ext}：${out}`);
  return out;
}

async function withReports<T>(run: (reports: ReportsService) => Promise<T>): Promise<T> {
  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const orgs = orgsService(db.kysely);
    return await run(reportsService(db.kysely, analyticsService(db.kysely, orgs), orgs));
  } finally {
    await db.close();
  }
}

export async function reportCommand(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  if (kind === 'evaluation') return evaluationReportCommand(rest);
  const { values } = parseArgs({
    args: rest,
    options: { unit: { type: 'string' }, year: { type: 'string' }, plan: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.unit) throw invalid('请用 --unit 给出单位代码，例如 --unit 210200');
  const unitCode = values.unit;

  if (kind === 'annual') {
    const reportYear = year(values.year, 'year');
    if (reportYear === undefined) throw invalid('请用 --year 给出报告年度，例如 --year 2024');
    const plan = (values.plan ?? 'both') as PlanChoice;
    if (!PLAN_CHOICES.includes(plan)) throw invalid(`--plan 应为 women（妇女）、children（儿童）或 both（两者），而不是“${values.plan}”`);
    const out = outFile(values.out, 'docx');
    const done = await withReports(async (reports) => {
      const unitId = await reports.unitIdOfCode(unitCode);
      return reports.annualDocx(COMMAND_LINE, { unitId, year: reportYear, plan });
    });
    writeFileSync(out, done.bytes);
    const findings = done.report.plans.reduce((s, p) => s + p.areas.reduce((n, a) => n + a.findings.length, 0), 0);
    console.log(`已生成《${done.fileName.replace(/\.docx$/, '')}》：${findings} 项指标，${done.bytes.length.toLocaleString('en')} 字节 → ${out}`);
    return;
  }
  if (kind === 'compilation') {
    const out = outFile(values.out, 'xlsx');
    const from = year(values.from, 'from');
    const to = year(values.to, 'to');
    const done = await withReports(async (reports) => reports.compilationXlsx(COMMAND_LINE, { unitId: await reports.unitIdOfCode(unitCode), from, to }));
    writeFileSync(out, done.bytes);
    console.log(`已生成《${done.fileName.replace(/\.xlsx$/, '')}》：${done.bytes.length.toLocaleString('en')} 字节 → ${out}`);
    return;
  }
  throw invalid('用法：halfsky report annual --unit 代码 --year 年份 [--plan women|children|both] --out 文件.docx，或 halfsky report compilation --unit 代码 [--from 年份 --to 年份] --out 文件.xlsx，或 halfsky report evaluation --unit 代码 --milestone 2025|2030 --out 文件.docx');
}

/**
 * `halfsky workitems import-points FILE [--dry-run] [--json] [--org CODE] [--year YYYY]`: reads a
 * year's 工作要点 (.txt in UTF-8/GB18030, .docx, or .xlsx as exported or made by hand) into a committee (the top unit by default; the
 * year from the title unless given). The text is parsed before the database is opened; bad input is
 * an AppError — the command line prints it and exits 2 — and nothing is written. Unit names the
 * text uses are matched to the committee's member departments and saved by id; names that match
 * none are kept as a hint for a person to pick in the browser.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParsedWorkPoint } from '../../../shared/workitems/parseWorkPoints';
import { pointToSave } from '../../../shared/workitems/workPoints';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../db/connection';
import { AppError } from '../../errors';
import { COMMAND_LINE } from '../auth/service';
import { orgsService } from '../orgs/service';
import { workitemsRepository } from './repository';
import { readWorkPointsFile } from './workPointsFile';
import { workPointsService } from './workPointsService';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

interface Printed {
  label: string;
  title: string;
  due: string | null;
  practical: boolean;
  units: string[];
  children: Printed[];
}

export async function importPointsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, org: { type: 'string' }, year: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw invalid('请给出一个工作要点文件：halfsky workitems import-points <文件>');
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) throw invalid(`年度“${values.year}”无效：应为四位年份，如 2015`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw invalid(`无法读取文件：${file}`);
  }
  const fileName = basename(file);
  const parsed = await readWorkPointsFile(fileName, bytes, { year });
  if (parsed.year === null) throw invalid('文中没有“某年工作要点”这样的标题，请用 --year 指定年度，如 --year 2015');
  const json = !!values.json;

  if (values['dry-run']) {
    const summary = `${parsed.title ?? fileName}：共 ${count(parsed.points)} 条（试运行，未写入）`;
    const printed = (p: ParsedWorkPoint): Printed => ({ label: p.label, title: p.title, due: p.due, practical: p.practical, units: [...p.leads, ...p.partners, ...p.mentioned], children: p.children.map(printed) });
    if (json) printJson({ title: parsed.title, year: parsed.year, points: parsed.points, warnings: parsed.warnings });
    else printText(parsed.points.map(printed), summary, parsed.warnings);
    return;
  }
  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const unit = values.org ? await workitemsRepository(db.kysely).unitByCode(values.org) : await workitemsRepository(db.kysely).topUnit();
    if (!unit) throw invalid(values.org ? `找不到单位代码“${values.org}”` : '数据库中还没有单位：请先建立组织机构（或执行 seed-demo）');
    const service = workPointsService(db.kysely, orgsService(db.kysely));
    const preview = await service.preview(COMMAND_LINE, { fileName, bytes, orgUnitId: unit.id, year });
    const result = await service.import(COMMAND_LINE, { orgUnitId: unit.id, year: parsed.year, points: preview.points.map(pointToSave) });
    const summary = `${preview.orgUnit.name} ${parsed.year} 年工作要点：已保存 ${result.saved} 条${result.replaced ? `，替换原有 ${result.replaced} 条` : ''}`;
    if (json) printJson({ orgUnit: preview.orgUnit, year: parsed.year, ...result, points: preview.points, warnings: preview.warnings });
    else {
      const printed = (p: (typeof preview.points)[number]): Printed => ({
        label: p.label, title: p.title, due: p.dueOn, practical: p.practical,
        units: [...p.leads, ...p.partners, ...p.mentioned].flatMap((u) => (u.departmentName ? [u.departmentName] : [])), children: p.children.map(printed),
      });
      printText(preview.points.map(printed), summary, preview.warnings);
    }
  } finally {
    await db.close();
  }
}

const count = (points: ParsedWorkPoint[]): number => points.reduce((n, p) => n + 1 + count(p.children), 0);

const printJson = (result: object) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

function printText(points: Printed[], summary: string, warnings: { line: number; message: string }[]) {
  const lines: string[] = [];
  const walk = (ps: Printed[], depth: number) => {
    for (const p of ps) {
      const notes = [p.practical ? '实事项目' : '', p.due ? `${p.due}前` : '', p.units.join('、')].filter(Boolean);
      lines.push(`${'  '.repeat(depth)}${p.label}${p.title}${notes.length ? `  〔${notes.join('；')}〕` : ''}`);
      walk(p.children, depth + 1);
    }
  };
  walk(points, 0);
  lines.push(summary);
  for (const w of warnings) lines.push(`提示（第 ${w.line} 行）：${w.message}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

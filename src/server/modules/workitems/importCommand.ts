/**
 * `halfsky workitems import FILE [--dry-run] [--json] [--org CODE] [--year YYYY]`: reads a key-items
 * table (tab-separated .txt in UTF-8/GB18030, or .xlsx) into a committee's year (the top unit by
 * default, the year from the table's title unless given). The file is parsed before the database is
 * opened; bad input is an AppError — the command line prints it and exits 2 — and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportResultDto } from '../../../shared/api/workitems';
import { PERIOD_LABELS } from '../../../shared/workitems/milestones';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../db/connection';
import { AppError } from '../../errors';
import { attachmentStore } from '../../services/attachments/store';
import { COMMAND_LINE } from '../auth/service';
import { orgsService } from '../orgs/service';
import { readKeyItemsFile } from './keyItemsFile';
import { workitemsRepository } from './repository';
import { keyItemsService } from './service';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

export async function importKeyItemsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, org: { type: 'string' }, year: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw invalid('请给出一个重要事项表文件：halfsky workitems import <文件>');
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) throw invalid(`年度“${values.year}”无效：应为四位年份，如 2023`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw invalid(`无法读取文件：${file}`);
  }
  const fileName = basename(file);
  const parsed = await readKeyItemsFile(fileName, bytes, { year });
  if (parsed.year === null) throw invalid('表格标题中没有年度，请用 --year 指定，如 --year 2023');

  if (values['dry-run']) {
    const items = parsed.items.map((i) => ({ no: i.no, name: i.name, summary: i.summary, leads: i.leads, partners: i.partners, milestones: i.milestones.map(({ period, text, value, unit, due }) => ({ period, text, value, unit, due })) }));
    print({ items, warnings: parsed.warnings }, `${parsed.title ?? fileName}（${parsed.year} 年）：共 ${items.length} 项（试运行，未写入）`, !!values.json);
    return;
  }
  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const repo = workitemsRepository(db.kysely);
    const unit = values.org ? await repo.unitByCode(values.org) : await repo.topUnit();
    if (!unit) throw invalid(values.org ? `找不到单位代码“${values.org}”` : '数据库中还没有单位：请先建立组织机构（或执行 seed-demo）');
    const service = keyItemsService(db.kysely, orgsService(db.kysely), attachmentStore(db.kysely));
    const result = await service.import(COMMAND_LINE, { fileName, bytes, orgUnitId: unit.id, year, dryRun: false });
    const names = (refs: ImportResultDto['items'][number]['leads']) => refs.map((u) => u.name);
    const items = result.items.map((i) => ({ ...i, leads: names(i.leads), partners: names(i.partners) }));
    print({ items, warnings: result.warnings, saved: true, orgUnit: result.orgUnit, year: result.year, replaced: result.replaced }, `${result.orgUnit.name} ${result.year} 年重要事项：已保存 ${items.length} 项${result.replaced ? `，替换原有 ${result.replaced} 项` : ''}`, !!values.json);
  } finally {
    await db.close();
  }
}

interface Printed {
  items: { no: number; name: string; leads: string[]; milestones: { period: keyof typeof PERIOD_LABELS; value: number | null; unit: string | null; due: string | null }[] }[];
  warnings: { line: number; message: string }[];
}

function print(result: Printed & Record<string, unknown>, summary: string, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = result.items.map((i) => {
    const figures = i.milestones.filter((m) => m.value !== null).map((m) => `${PERIOD_LABELS[m.period]} ${m.value}${m.unit ?? ''}${m.due ? `（${m.due}前）` : ''}`);
    return `${String(i.no).padStart(3)}. ${i.name}  牵头：${i.leads.join('、') || '—'}${figures.length ? `  ${figures.join('；')}` : ''}`;
  });
  lines.push(summary);
  for (const w of result.warnings) lines.push(`提示${w.line ? `（第 ${w.line} 行）` : ''}：${w.message}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

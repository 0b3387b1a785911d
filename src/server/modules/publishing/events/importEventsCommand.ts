/**
 * `halfsky publish import-events FILE [--dry-run] [--json] [--org CODE]`: reads a 大事记 text
 * (.txt UTF-8/GB18030 or .docx) in the form of seed 000 into the timeline of a unit (the top unit
 * by default). Bad input is an AppError — the command line prints it and exits 2 — and nothing is
 * written; events already there are matched by number, so importing again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../../db/connection';
import { AppError } from '../../../errors';
import { COMMAND_LINE } from '../../auth/service';
import { orgsRepository } from '../../orgs/repository';
import { orgsService } from '../../orgs/service';
import { documentText } from '../../plans/documentText';
import { eventsService, parseEventsOrThrow } from './service';
import type { ParsedEvents } from '../../../../shared/events/parseEventsText';
import { attachmentStore } from '../../../services/attachments/store';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

export async function importEventsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, org: { type: 'string' } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw invalid('请给出一个大事记文本文件：halfsky publish import-events <文件>');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw invalid(`无法读取文件：${file}`);
  }
  const text = await documentText(basename(file), bytes);

  // Parsed before the database is opened: bad input is reported first and touches nothing.
  const parsed = parseEventsOrThrow(text);
  if (values['dry-run']) {
    print(parsed, null, !!values.json);
    return;
  }
  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const orgs = orgsService(db.kysely);
    const units = await orgsRepository(db.kysely).listUnits();
    const unit = values.org ? units.find((u) => u.code === values.org) : units.find((u) => u.parent_id === null);
    if (!unit) throw invalid(values.org ? `找不到单位代码“${values.org}”` : '数据库中还没有单位：请先建立组织机构（或执行 seed-demo）');
    const result = await eventsService(db.kysely, orgs, attachmentStore(db.kysely)).import(COMMAND_LINE, unit.id, text, { dryRun: false });
    print(result, result.outcome, !!values.json);
  } finally {
    await db.close();
  }
}

function print(parsed: ParsedEvents, outcome: { added: number; updated: number } | null, json: boolean) {
  if (json) {
    const events = parsed.events.map(({ no, title, date, text }) => ({ no, title, date, text }));
    process.stdout.write(`${JSON.stringify({ events, warnings: parsed.warnings, ...(outcome && { outcome }) }, null, 2)}\n`);
    return;
  }
  const lines = parsed.events.map((e) => `${String(e.no).padStart(3)}. ${e.date ?? '（无日期）'}  ${e.title}`);
  lines.push(`共 ${parsed.events.length} 条大事${outcome ? `：新增 ${outcome.added} 条，更新 ${outcome.updated} 条` : '（试运行，未写入）'}`);
  for (const w of parsed.warnings) lines.push(`提示：${w}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

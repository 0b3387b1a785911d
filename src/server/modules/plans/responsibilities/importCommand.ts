/**
 * `halfsky plan responsibilities import --plan ID --file X.xlsx [--json]`: imports a 责任分解 table
 * into a plan as the command line (the administrator). Bad rows refuse the whole file; each is
 * printed on stderr (sheet, row, column) and the command exits 2 with nothing written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../../db/connection';
import { AppError } from '../../../errors';
import { COMMAND_LINE } from '../../auth/service';
import { orgsService } from '../../orgs/service';
import { responsibilitiesService } from './service';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

export async function importResponsibilitiesCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { plan: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } } });
  const planId = Number(values.plan);
  if (!values.plan || !Number.isInteger(planId) || planId <= 0) throw invalid('请用 --plan 给出规划编号，如 --plan 3');
  if (!values.file) throw invalid('请用 --file 给出责任分解表（.xlsx）');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(values.file);
  } catch {
    throw invalid(`无法读取文件：${values.file}`);
  }
  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const service = responsibilitiesService(db.kysely, orgsService(db.kysely));
    try {
      const result = await service.import(COMMAND_LINE, planId, { fileName: basename(values.file), bytes });
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `已导入 ${result.items} 条目标、措施的责任单位（牵头 ${result.leads} 个，配合 ${result.partners} 个）\n`);
    } catch (e) {
      if (e instanceof AppError && e.details?.length) for (const d of e.details) process.stderr.write(`${d.message}\n`);
      throw e;
    }
  } finally {
    await db.close();
  }
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlanText, PlanTextError } from '../shared/plan-text';
import { BackupError, backupDatabase, backupFilesDir, restoreDatabase } from './db/backup';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from './db/connection';
import { AppError } from './errors';
import { SecurityConfigError } from './modules/auth/securityConfig';
import { documentText } from './modules/plans/documentText';
import { planImportSummary } from './modules/plans/importReport';

// Each command imports what it needs when it runs: the whole app takes seconds to load, and
// `halfsky backup` or `halfsky assess` should not wait for it.

const USAGE = `用法：halfsky <命令>
  serve                                   启动服务（PORT 默认 8080，HOST 默认 127.0.0.1）
  migrate                                 执行数据库迁移
  seed-demo                               向空数据库写入演示数据
  plan import <文件> [--dry-run] [--json] [--org <单位代码>]
                                          导入规划文本（.txt UTF-8/GB18030 或 .docx）
  plan responsibilities import --plan <规划编号> --file <文件.xlsx> [--json]
                                          导入责任分解表（有错误的行逐条列出，整表不导入）
  assess --json < cases.json              对进度测算用例（JSON 数组）逐条评估
  backup <文件>                           备份数据库（服务运行中也可执行）及附件目录（存到“<文件>.files”）
  restore <文件>                          把备份恢复到空数据库（目标数据库不空则拒绝）
  publish import-events <文件> [--dry-run] [--json] [--org <单位代码>]
                                          导入大事记文本（编号标题＋正文，.txt 或 .docx）
  report annual --unit <单位代码> --year <年份> [--plan women|children|both] --out <文件.docx>
                                          生成年度统计监测报告（默认包含该单位的全部规划）
  report compilation --unit <单位代码> [--from <年份> --to <年份>] --out <文件.xlsx>
                                          编制统计资料汇编（每个指标 × 单位 × 年份）
  report evaluation --unit <单位代码> --milestone 2025|2030 [--plan women|children] --out <文件.docx>
                                          生成规划中期（终期）评估报告
  workitems import <文件> [--dry-run] [--json] [--org <单位代码>] [--year <年度>]
                                          导入重要事项推进计划表（制表符分隔的 .txt 或 .xlsx）
  workitems import-points <文件> [--dry-run] [--json] [--org <单位代码>] [--year <年度>]
                                          导入年度工作要点（.txt、.docx 或 .xlsx；文中单位按成员单位匹配）
环境变量：HALFSKY_DATABASE_URL（postgres://… 或 file:路径，默认 data/halfsky.db）、HALFSKY_ADMIN_PASSWORD、
  HALFSKY_FILES_DIR（附件目录，默认 data/files）、HALFSKY_TRUST_PROXY、HALFSKY_COOKIE_SECURE、HALFSKY_PUBLIC_URL（见 README）`;

/** Exit codes: 0 success, 1 unexpected failure, 2 bad input (message on stderr, nothing written). */
class UsageError extends Error {}

async function planImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, org: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('请给出一个规划文件：halfsky plan import <文件>');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`无法读取文件：${file}`);
  }
  const fileName = basename(file);

  if (values['dry-run']) {
    const result = parsePlanText(await documentText(fileName, bytes));
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : planImportSummary(result, null));
    return;
  }

  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const [{ plansService }, { orgsService }, { COMMAND_LINE }] = await Promise.all([
      import('./modules/plans/service'),
      import('./modules/orgs/service'),
      import('./modules/auth/service'),
    ]);
    const plans = plansService(db.kysely, orgsService(db.kysely));
    const { result, outcomes } = await plans.import(COMMAND_LINE, { fileName, bytes, orgUnitCode: values.org });
    process.stdout.write(values.json ? `${JSON.stringify({ ...result, outcomes }, null, 2)}\n` : planImportSummary(result, outcomes));
  } finally {
    await db.close();
  }
}

/** The one file argument of `backup` / `restore`. */
function fileArgument(command: string, args: string[]): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError(`请给出一个备份文件：halfsky ${command} <文件>`);
  return positionals[0]!;
}

async function backupCommand(args: string[]): Promise<void> {
  const file = fileArgument('backup', args);
  const result = await backupDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL), file);
  const files = result.files === null ? '' : `，附件 ${result.files} 个（${backupFilesDir(file)}）`;
  console.log(`已备份（${result.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}）：${file}，${result.bytes.toLocaleString('en')} 字节${files}`);
}

async function restoreCommand(args: string[]): Promise<void> {
  const file = fileArgument('restore', args);
  const target = parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL);
  const result = await restoreDatabase(target, file);
  const files = result.files === null ? '' : `，附件 ${result.files} 个`;
  console.log(`已恢复：${file} → ${target.dialect === 'sqlite' ? target.file : 'PostgreSQL'}${files}`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const port = Number(process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`PORT 无效：${process.env.PORT}`);
      const { serve } = await import('./server');
      const app = await serve({
        databaseUrl: process.env.HALFSKY_DATABASE_URL,
        port,
        host: process.env.HOST ?? '127.0.0.1',
        adminPassword: process.env.HALFSKY_ADMIN_PASSWORD || undefined,
      });
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
      return;
    }
    case 'migrate': {
      const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : `数据库已是最新（${db.describe}）`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'seed-demo': {
      const { prepareDatabase } = await import('./server');
      const { db, seeded } = await prepareDatabase(process.env.HALFSKY_DATABASE_URL, process.env.HALFSKY_ADMIN_PASSWORD || undefined, (l) => console.log(l));
      await db.close();
      if (!seeded) console.log('数据库中已有组织机构，未写入演示数据（演示数据只写入空数据库）');
      return;
    }
    case 'plan':
      if (rest[0] === 'responsibilities' && rest[1] === 'import') {
        return (await import('./modules/plans/responsibilities/importCommand')).importResponsibilitiesCommand(rest.slice(2));
      }
      if (rest[0] !== 'import') throw new UsageError(USAGE);
      return planImport(rest.slice(1));
    case 'assess':
      return (await import('./assessCommand')).assessCommand(rest);
    case 'backup':
      return backupCommand(rest);
    case 'restore':
      return restoreCommand(rest);
    case 'publish':
      if (rest[0] !== 'import-events') throw new UsageError(USAGE);
      return (await import('./modules/publishing/events/importEventsCommand')).importEventsCommand(rest.slice(1));
    case 'report':
      return (await import('./modules/reports/reportCommand')).reportCommand(rest);
    case 'workitems':
      if (rest[0] === 'import-points') return (await import('./modules/workitems/importPointsCommand')).importPointsCommand(rest.slice(1));
      if (rest[0] !== 'import') throw new UsageError(USAGE);
      return (await import('./modules/workitems/importCommand')).importKeyItemsCommand(rest.slice(1));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`未知命令“${command}”\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof PlanTextError || e instanceof AppError || e instanceof BackupError || e instanceof SecurityConfigError) {
    process.stderr.write(`错误：${e.message}\n`);
    process.exit(2);
  }
  if (e instanceof Error && e.name === 'TypeError' && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`错误：${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

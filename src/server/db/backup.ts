import { spawnSync } from 'node:child_process';
import { filesDirFromEnv } from '../services/attachments/store';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './connection';

/**
 * `halfsky backup` / `halfsky restore`. A backup is one file: an SQLite database (made with
 * SQLite's online backup API, so the server may keep writing) or a `pg_dump --format=custom`
 * archive; restore tells them apart by their first bytes. The attachment store (immutable,
 * content-addressed files) travels beside it in `FILE.files/`.
 */

/** A refused backup or restore: bad input, nothing was written. The CLI exits 2 with the message. */
export class BackupError extends Error {}

export type BackupKind = 'sqlite' | 'postgres';


/** Where the attachment files of backup `file` are kept. */
export const backupFilesDir = (file: string) => `${file}.files`;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PG_DUMP_MAGIC = Buffer.from('PGDMP', 'latin1');
const KIND_LABEL: Record<BackupKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Which kind of backup `file` holds, from its first bytes; refuses anything else. */
export function backupKind(file: string): BackupKind {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(SQLITE_MAGIC.length);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new BackupError(`无法读取备份文件：${file}`);
  }
  if (head.equals(SQLITE_MAGIC)) return 'sqlite';
  if (head.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return 'postgres';
  throw new BackupError(`无法识别的备份文件：${file}（应为 halfsky backup 生成的 SQLite 数据库或 pg_dump 自定义格式文件）`);
}

export interface BackupResult {
  kind: BackupKind;
  bytes: number;
  /** Attachment files copied beside the backup; null when there is no attachment store. */
  files: number | null;
}

/** Writes a consistent backup of `target` to `file` (which must not exist yet). */
export async function backupDatabase(target: DatabaseTarget, file: string, attachments = filesDirFromEnv()): Promise<BackupResult> {
  const out = resolve(file);
  for (const path of [out, backupFilesDir(out)]) {
    if (existsSync(path)) throw new BackupError(`${path} 已存在：备份不覆盖已有文件，请换一个文件名`);
  }
  if (!existsSync(dirname(out))) throw new BackupError(`目录不存在：${dirname(out)}`);
  // Written under a temporary name and renamed, so FILE only ever holds a complete backup.
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    if (target.dialect === 'sqlite') await backupSqlite(target.file, partial);
    else dumpPostgres(target.url, partial);
    syncFile(partial);
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
  // After the database snapshot: every file it refers to was written before it (files are
  // immutable and stored before the row naming them), so the copy holds all of them.
  const files = existsSync(attachments) ? await copyTree(attachments, backupFilesDir(out), true) : null;
  return { kind: target.dialect, bytes: statSync(out).size, files };
}

async function backupSqlite(source: string, partial: string): Promise<void> {
  if (!existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: one read transaction, so a snapshot that includes every commit
    // still in the -wal file, and no restarts while the server keeps writing.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // A self-contained single file (no -wal beside it), ready to be copied anywhere.
  const copy = new SQLite(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function dumpPostgres(url: string, partial: string): void {
  const { dbname, env } = pgConnection(url);
  runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], env);
}

export interface RestoreResult {
  kind: BackupKind;
  files: number | null;
}

/** Loads backup `file` into `target`, which must be empty; refuses a non-empty one before writing. */
export async function restoreDatabase(target: DatabaseTarget, file: string, attachments = filesDirFromEnv()): Promise<RestoreResult> {
  const source = resolve(file);
  const kind = backupKind(source);
  if (kind !== target.dialect) {
    throw new BackupError(`备份文件是 ${KIND_LABEL[kind]} 备份，目标数据库是 ${KIND_LABEL[target.dialect]}：只能恢复到同一种数据库`);
  }
  if (kind === 'sqlite') checkSqliteBackup(source);
  else checkPgDump(source);
  const tables = target.dialect === 'sqlite' ? sqliteTables(target.file) : await pgTables(target.url);
  if (tables > 0) {
    throw new BackupError(`目标数据库不是空的（已有 ${tables} 张表）：恢复只写入空数据库，未做任何修改。请指定一个新的数据库${target.dialect === 'sqlite' ? '文件' : '（createdb 新建）'}后重试`);
  }
  // Files before the database: once the database is there, every file it names is too.
  const filesSource = backupFilesDir(source);
  const files = existsSync(filesSource) ? await copyTree(filesSource, attachments, false) : null;
  if (target.dialect === 'sqlite') await restoreSqlite(source, target.file);
  else restorePostgres(source, target.url);
  return { kind, files };
}

function checkSqliteBackup(file: string): void {
  let problem: string | null;
  try {
    const db = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const check = db.pragma('quick_check', { simple: true });
      const migrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get() as { n: number };
      problem = check !== 'ok' ? `完整性检查未通过（${String(check)}）` : migrations.n === 0 ? '其中没有半边天的数据表' : null;
    } finally {
      db.close();
    }
  } catch (error) {
    problem = `无法打开（${error instanceof Error ? error.message : String(error)}）`;
  }
  if (problem) throw new BackupError(`备份文件不可用：${file} ${problem}`);
}

function checkPgDump(file: string): void {
  const list = runPgTool('pg_restore', ['--list', file], process.env, `备份文件不可用：${file}`);
  if (!/ TABLE \S+ kysely_migration /.test(list)) throw new BackupError(`备份文件不可用：${file} 其中没有半边天的数据表`);
}

/** Number of tables in the SQLite file; 0 when it does not exist yet. */
function sqliteTables(file: string): number {
  if (!existsSync(file) || statSync(file).size === 0) return 0;
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function pgTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`无法连接目标数据库：${error instanceof Error ? error.message : String(error)}（恢复前请先用 createdb 新建空数据库）`);
  }
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function restoreSqlite(source: string, file: string): Promise<void> {
  const out = resolve(file);
  await mkdir(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  try {
    await copyFile(source, partial);
    syncFile(partial);
    // Journal files of the empty database being replaced must not be replayed into the restored one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(out + suffix, { force: true });
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }
}

function restorePostgres(source: string, url: string): void {
  const { dbname, env } = pgConnection(url);
  // One transaction: a failure part-way leaves the target database as empty as it was.
  runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, source], env);
}

/** The URL without its password (which goes in PGPASSWORD, out of the process list). */
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** pg_dump / pg_restore from PATH, else the newest under /usr/lib/postgresql/<version>/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', name))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new BackupError(`找不到 ${name}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）`);
  return join(root, newest, 'bin', name);
}

function runPgTool(name: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv, failure = `${name} 失败`): string {
  const result = spawnSync(pgTool(name), args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new BackupError(`${failure}：${result.error.message}`);
  if (result.status !== 0) throw new BackupError(`${failure}：${result.stderr.trim() || `退出码 ${result.status}`}`);
  return result.stdout;
}

/**
 * Copies the files under `from` into `to`; returns how many. Each file is written under a
 * temporary name and renamed, so no name ever holds a partial file. `exclusive`: `to` must be
 * new (a backup); otherwise files already present are kept (same name, same content).
 */
async function copyTree(from: string, to: string, exclusive: boolean): Promise<number> {
  const staging = exclusive ? `${to}.partial` : to;
  if (exclusive) await rm(staging, { recursive: true, force: true });
  let count = 0;
  const walk = async (dir: string): Promise<void> => {
    const target = join(staging, dir.slice(from.length));
    await mkdir(target, { recursive: true });
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
      } else if (entry.isFile()) {
        const dest = join(target, entry.name);
        if (existsSync(dest)) continue;
        await copyFile(path, `${dest}.partial`);
        await rename(`${dest}.partial`, dest);
        count += 1;
      }
    }
  };
  await walk(from);
  if (exclusive) await rename(staging, to);
  return count;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

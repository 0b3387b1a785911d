import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyTarget, createTestDb, testDialect, type EmptyTarget, type TestDb } from '../../../test/support/testDb';
import { openDatabase, type DatabaseTarget } from './connection';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const urlOf = (target: DatabaseTarget) => (target.dialect === 'sqlite' ? `file:${target.file}` : target.url);

/** Runs the CLI without blocking this process, so a writer here keeps committing meanwhile. */
function halfsky(args: string[], target: DatabaseTarget, filesDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, HALFSKY_DATABASE_URL: urlOf(target), HALFSKY_FILES_DIR: filesDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The writer's rows (org units W1, W2, …) in a database, as their numbers in ascending order. */
async function writerRows(target: DatabaseTarget): Promise<number[]> {
  const db = openDatabase(target);
  try {
    const rows = await db.kysely.selectFrom('org_units').select('code').where('code', 'like', 'W%').execute();
    return rows.map((r) => Number(r.code.slice(1))).sort((a, b) => a - b);
  } finally {
    await db.close();
  }
}

/** The trap: the writer's rows found in a copy of the main SQLite file made without its -wal. */
function rowsInMainFileAlone(file: string, copy: string): number {
  copyFileSync(file, copy);
  const db = new SQLite(copy, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'org_units'").get();
    return table ? (db.prepare("SELECT count(*) AS n FROM org_units WHERE code LIKE 'W%'").get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

const insertUnit = (db: TestDb, n: number) =>
  db.kysely.insertInto('org_units').values({ code: `W${n}`, name: `写入${n}`, level: 'city', parent_id: null, sort: n, is_demo: 0 }).execute();

describe(`halfsky backup / restore (${testDialect()})`, () => {
  let db: TestDb;
  let dir: string;
  let filesDir: string;
  const targets: EmptyTarget[] = [];

  beforeEach(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'halfsky-backup-'));
    // The attachment store: immutable files named by their content's hash, in subfolders.
    filesDir = join(dir, 'files');
    mkdirSync(join(filesDir, 'ab'), { recursive: true });
    writeFileSync(join(filesDir, 'ab', 'abcdef0123'), '附件内容一');
    writeFileSync(join(filesDir, 'cd0123'), '附件内容二');
  });
  afterEach(async () => {
    await db.dispose();
    for (const t of targets.splice(0)) await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function emptyTarget(): Promise<EmptyTarget> {
    const t = await createEmptyTarget();
    targets.push(t);
    return t;
  }

  it('backs up while a writer keeps committing: one consistent snapshot with every row committed before it began, files included, restored into an empty database', async () => {
    // Keep committed rows in the -wal file: a copy of the main file alone would miss them.
    if (db.dialect === 'sqlite') await sql`PRAGMA wal_autocheckpoint = 0`.execute(db.kysely);
    let written = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        await insertUnit(db, written + 1);
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = join(dir, 'halfsky.backup');
    let committedBefore: number;
    let committedAfter: number;
    let backup: Awaited<ReturnType<typeof halfsky>>;
    try {
      while (written < 300) await new Promise((r) => setTimeout(r, 10));
      if (db.target.dialect === 'sqlite') {
        expect(statSync(`${db.target.file}-wal`).size).toBeGreaterThan(0);
        expect(rowsInMainFileAlone(db.target.file, join(dir, 'naive.db'))).toBeLessThan(300);
      }
      committedBefore = written;
      backup = await halfsky(['backup', file], db.target, filesDir);
      committedAfter = written;
    } finally {
      stop = true;
      await writer;
    }
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('附件 2 个');
    expect(committedAfter).toBeGreaterThan(committedBefore); // the writer really ran during the backup
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const restoredFiles = join(dir, 'restored-files');
    const empty = await emptyTarget();
    const restore = await halfsky(['restore', file], empty.target, restoredFiles);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const rows = await writerRows(empty.target);
    expect(rows.length).toBeGreaterThanOrEqual(committedBefore);
    expect(rows.length).toBeLessThanOrEqual(committedAfter);
    // Consistent: the rows of one moment, W1 … Wn without a gap.
    expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(readFileSync(join(restoredFiles, 'ab', 'abcdef0123'), 'utf8')).toBe('附件内容一');
    expect(readFileSync(join(restoredFiles, 'cd0123'), 'utf8')).toBe('附件内容二');

    const restored = openDatabase(empty.target);
    try {
      const migrations = await restored.kysely.selectFrom('kysely_migration' as never).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(migrations.n)).toBeGreaterThanOrEqual(5);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to restore into a database that is not empty, in Chinese, with exit code 2, writing nothing', async () => {
    await insertUnit(db, 1);
    const file = join(dir, 'halfsky.backup');
    expect((await halfsky(['backup', file], db.target, filesDir)).code).toBe(0);

    const other = await createTestDb();
    try {
      await insertUnit(other, 42);
      const before = other.target.dialect === 'sqlite' ? readFileSync(other.target.file) : null;
      const restoredFiles = join(dir, 'other-files');
      const out = await halfsky(['restore', file], other.target, restoredFiles);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('目标数据库不是空的');
      expect(out.stdout).toBe('');
      expect(await writerRows(other.target)).toEqual([42]);
      if (before && other.target.dialect === 'sqlite') expect(readFileSync(other.target.file).equals(before)).toBe(true);
      expect(existsSync(restoredFiles)).toBe(false);
    } finally {
      await other.dispose();
    }
  }, 120_000);

  it('exits 2 with a Chinese message for a missing argument, an existing backup file, an unreadable, unknown or other-dialect backup', async () => {
    const existing = join(dir, 'existing.backup');
    writeFileSync(existing, 'x');
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, 'not a backup at all');
    const otherKind = join(dir, 'other-kind.backup');
    writeFileSync(otherKind, db.dialect === 'sqlite' ? 'PGDMP\u0001\u000e' : 'SQLite format 3\u0000');
    const empty = await emptyTarget();
    const cases: [string[], DatabaseTarget, string][] = [
      [['backup'], db.target, '请给出一个备份文件'],
      [['backup', existing], db.target, '已存在'],
      [['restore', join(dir, 'nope.backup')], empty.target, '无法读取备份文件'],
      [['restore', garbage], empty.target, '无法识别的备份文件'],
      [['restore', otherKind], empty.target, '只能恢复到同一种数据库'],
    ];
    for (const [args, target, message] of cases) {
      const out = await halfsky(args, target, filesDir);
      expect({ args, code: out.code, stderr: out.stderr.includes(message) }).toEqual({ args, code: 2, stderr: true });
    }
    expect(readFileSync(existing, 'utf8')).toBe('x');
    expect(await writerRows(db.target)).toEqual([]);
  }, 300_000);
});

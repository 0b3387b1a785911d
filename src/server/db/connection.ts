import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { walFlusher } from './groupCommit';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export interface Db {
  kysely: Kysely<Database>;
  dialect: DatabaseTarget['dialect'];
  /** Human-readable location without credentials, for logs. */
  describe: string;
  /**
   * Resolves once every commit so far is on disk: a request that changed data awaits it before it
   * is answered (SQLite's group commit, ./groupCommit.ts; PostgreSQL's commits are on disk already).
   */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'data/halfsky.db';

/** `postgres://…` / `postgresql://…` → PostgreSQL; `file:path` or nothing → SQLite. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (!url) return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (!file) throw new Error('HALFSKY_DATABASE_URL=file: 需要给出 SQLite 文件路径');
    return { dialect: 'sqlite', file };
  }
  throw new Error(`HALFSKY_DATABASE_URL 无法识别：应为 postgres://… 或 file:路径，收到 “${url}”`);
}

// PostgreSQL returns counts as strings, numerics as strings and timestamps as Date; the app
// works with numbers and ISO strings on both dialects, so convert once here.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_TIMESTAMPTZ = 1184;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    if (oid === PG_TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export interface OpenOptions {
  /**
   * false: SQLite skips fsync (synchronous=OFF), for throwaway test databases only, like the test
   * PostgreSQL cluster's fsync=off; a crash of the machine may corrupt such a file.
   */
  durable?: boolean;
}

export function openDatabase(target: DatabaseTarget, { durable = true }: OpenOptions = {}): Db {
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, types: pgTypes, max: 10 });
    // An idle connection the server drops (restart, admin command) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', (error) => console.warn(`PostgreSQL 空闲连接已断开：${error.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(target.url);
    return {
      kysely,
      dialect: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      flush: async () => {},
      close: () => kysely.destroy(),
    };
  }
  const file = target.file === ':memory:' ? ':memory:' : resolve(target.file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: a commit writes the WAL without flushing it; `flush` (group commit, ./groupCommit.ts)
  // puts it on disk before the change is acknowledged. Checkpoints still flush as they go.
  const inMemory = file === ':memory:';
  sqlite.pragma(durable ? 'synchronous = NORMAL' : 'synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const flush = durable && !inMemory ? walFlusher(`${file}-wal`) : async () => {};
  return { kysely, dialect: 'sqlite', describe: `SQLite ${file}`, flush, close: () => kysely.destroy() };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; SQLite's parse and plan are a large share of a small query's
 * cost, and of a batched insert's. Reusing statements by their SQL text (least recently used
 * evicted) is safe because Kysely runs one query at a time on this connection and never streams.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
    } else {
      stmt = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  return new Proxy(sqlite, { get: (target, prop, receiver) => (prop === 'prepare' ? prepare : Reflect.get(target, prop, receiver)) });
}

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseTarget, type Db } from '../../src/server/db/connection';

export interface TestDb extends Db {
  /** Where the database is, for tools that open it themselves (backup, the CLI). */
  target: DatabaseTarget;
  /** Closes the connection and deletes the database. */
  dispose(): Promise<void>;
  /** Another handle on the same database, with connections of its own (close it before `dispose`). */
  openAnother(): Db;
}

/** A database location of the dialect under test with nothing in it, not even migrations. */
export interface EmptyTarget {
  target: DatabaseTarget;
  /** Deletes the database. */
  dispose(): Promise<void>;
}

/**
 * The dialect integration tests run against: PostgreSQL when `HALFSKY_TEST_PG_URL` holds an admin
 * URL (scripts/test.mjs starts a throwaway cluster and sets it), SQLite otherwise.
 */
export function testDialect(): Db['dialect'] {
  return process.env.HALFSKY_TEST_PG_URL ? 'postgres' : 'sqlite';
}

/** A fresh, fully migrated database of the dialect under test; call `dispose()` when done. */
export async function createTestDb(): Promise<TestDb> {
  return migrated(await createEmptyTarget());
}

/** An empty database of the dialect under test (SQLite: a path in a fresh directory). */
export async function createEmptyTarget(): Promise<EmptyTarget> {
  const adminUrl = process.env.HALFSKY_TEST_PG_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'halfsky-db-'));
    return { target: { dialect: 'sqlite', file: join(dir, 'test.db') }, dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `halfsky_t_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // FORCE: a test that leaked a connection must not leave its database behind.
  return { target: { dialect: 'postgres', url: url.toString() }, dispose: () => runAdminStatement(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`) };
}

async function migrated({ target, dispose: removeDatabase }: EmptyTarget): Promise<TestDb> {
  // Throwaway: no fsync per commit (the server's synchronous=FULL is checked in connection.int.test.ts).
  const db = openDatabase(target, { durable: false });
  const dispose = async () => {
    try {
      await db.close();
    } finally {
      await removeDatabase();
    }
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { ...db, target, dispose, openAnother: () => openDatabase(target, { durable: false }) };
}

async function runAdminStatement(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

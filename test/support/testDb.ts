import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../../src/server/db/connection';

export interface TestDb extends Db {
  /** Closes the connection and deletes the database. */
  dispose(): Promise<void>;
  /** Another handle on the same database, with connections of its own (close it before `dispose`). */
  openAnother(): Db;
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
  const adminUrl = process.env.HALFSKY_TEST_PG_URL;
  return adminUrl ? createPostgresDb(adminUrl) : createSqliteDb();
}

async function createSqliteDb(): Promise<TestDb> {
  const dir = await mkdtemp(join(tmpdir(), 'halfsky-db-'));
  const target = { dialect: 'sqlite', file: join(dir, 'test.db') } as const;
  return migrated(openDatabase(target), () => openDatabase(target), () => rm(dir, { recursive: true, force: true }));
}

async function createPostgresDb(adminUrl: string): Promise<TestDb> {
  const name = `halfsky_t_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { dialect: 'postgres', url: url.toString() } as const;
  // FORCE: a test that leaked a connection must not leave its database behind.
  return migrated(openDatabase(target), () => openDatabase(target), () => runAdminStatement(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`));
}

async function migrated(db: Db, openAnother: () => Db, removeDatabase: () => Promise<void>): Promise<TestDb> {
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
  return { ...db, dispose, openAnother };
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

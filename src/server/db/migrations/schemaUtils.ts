import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Migrations see the database as it was when they were written, not as the app's types say now,
 * hence an untyped handle.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/**
 * The one place where SQLite and PostgreSQL DDL differ. Migrations describe tables with these
 * helpers and never write dialect-specific SQL themselves.
 */
export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Integer surrogate key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function withId<T extends string>(db: MigrationDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * A table stored in its primary key's order (SQLite's WITHOUT ROWID): one b-tree instead of a rowid
 * table plus a key index. PostgreSQL keeps every table as a heap, so there it is a plain table.
 */
export function clusteredByKey<T extends string>(db: MigrationDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db) ? table : table.modifyEnd(sql`without rowid`);
}

/** Column types whose names differ between the two dialects. */
export function types(db: MigrationDb) {
  const pg = isPostgres(db);
  return {
    /** ISO-8601 instant: timestamptz on PostgreSQL, text on SQLite (the connection returns ISO strings for both). */
    timestamp: pg ? sql`timestamptz` : sql`text`,
    float: pg ? sql`double precision` : sql`real`,
    /** Long text; `text` on both, named for intent. */
    text: sql`text`,
  } as const;
}

/** Default value "now" for a timestamp column, in the representation of `types().timestamp`. */
export function nowDefault(db: MigrationDb) {
  return isPostgres(db) ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
}


/**
 * A full-text index over `table.column`, a text of space-separated tokens that the app has already
 * cut (CJK as bigrams, see shared/search/tokens.ts), so neither database's own parser is involved:
 * SQLite gets an FTS5 table `<table>_fts` kept in step by triggers; PostgreSQL a GIN index on the
 * tokens as a tsvector, built with `array_to_tsvector` (no parser, no locale). The query side of
 * the same split lives in modules/publishing/search/repository.ts.
 */
export async function createTokenIndex(db: MigrationDb, table: string, column: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index ${sql.id(`${table}_${column}_gin`)} on ${sql.table(table)} using gin (array_to_tsvector(string_to_array(${sql.ref(column)}, ' ')))`.execute(db);
    return;
  }
  const fts = `${table}_fts`;
  await sql`create virtual table ${sql.table(fts)} using fts5(${sql.ref(column)}, content=${sql.lit(table)}, content_rowid='id')`.execute(db);
  const row = (prefix: string) => sql.raw(`${prefix}.${column}`);
  await sql`create trigger ${sql.id(`${fts}_ai`)} after insert on ${sql.table(table)} begin
    insert into ${sql.table(fts)}(rowid, ${sql.ref(column)}) values (new.id, ${row('new')}); end`.execute(db);
  await sql`create trigger ${sql.id(`${fts}_ad`)} after delete on ${sql.table(table)} begin
    insert into ${sql.table(fts)}(${sql.table(fts)}, rowid, ${sql.ref(column)}) values ('delete', old.id, ${row('old')}); end`.execute(db);
  await sql`create trigger ${sql.id(`${fts}_au`)} after update on ${sql.table(table)} begin
    insert into ${sql.table(fts)}(${sql.table(fts)}, rowid, ${sql.ref(column)}) values ('delete', old.id, ${row('old')});
    insert into ${sql.table(fts)}(rowid, ${sql.ref(column)}) values (new.id, ${row('new')}); end`.execute(db);
}

/** Drops what `createTokenIndex` made (the PostgreSQL index goes with its table). */
export async function dropTokenIndex(db: MigrationDb, table: string): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists ${sql.table(`${table}_fts`)}`.execute(db);
}

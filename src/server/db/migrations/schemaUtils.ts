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


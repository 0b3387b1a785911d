import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The one place where SQLite and PostgreSQL DDL differ. Migrations describe tables with these
 * helpers and never write dialect-specific SQL themselves.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Integer surrogate key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Column types whose names differ between the two dialects. */
export function types(db: Kysely<any>) {
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
export function nowDefault(db: Kysely<any>) {
  return isPostgres(db) ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
}

export type ColumnBuilder = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

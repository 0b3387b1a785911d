import type { ColumnType } from 'kysely';

/** ISO-8601 string on both dialects (see connection.ts). */
export type Timestamp = ColumnType<string, string | undefined, string>;
/** 0/1 on both dialects: SQLite has no boolean type. */
export type Flag = ColumnType<number, number | undefined, number>;

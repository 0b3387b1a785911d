import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * The one runtime check of which server the app talks to, for the few statements whose SQL differs
 * (row locks); tables and types differ only in migrations/schemaUtils.ts.
 */
export function runsOnPostgres(db: Kysely<Database> | Transaction<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

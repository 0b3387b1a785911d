import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation';

/** Migrations live in code, in order; names are permanent once released. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

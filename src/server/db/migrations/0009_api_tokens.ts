import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Signing in without a browser, and limits on guessing passwords:
 * - api_tokens: personal access tokens, stored as the SHA-256 of the secret; a revoked one stays
 *   listed with who revoked it and when.
 * - login_failures: failed sign-ins per account name in the current window, in the database so the
 *   limit holds across restarts and across several server processes.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
  await db.schema.dropTable('api_tokens').execute();
}

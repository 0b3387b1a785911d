import { types, type MigrationDb } from './schemaUtils';

/**
 * Analytics: acknowledgements of early warnings (the warnings themselves are computed on read),
 * and the data version that tells analytics caches, in any process, that values or their
 * approval changed.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('warning_acks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('comment', t.text, (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.insertInto('meta').values({ key: 'data_version', value: '0' }).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('warning_acks').execute();
  await db.deleteFrom('meta').where('key', '=', 'data_version').execute();
}

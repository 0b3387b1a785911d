import { types, type MigrationDb } from './schemaUtils';

/**
 * - Closing an evaluation round (结束评估): who closed it and when. A closed round is read-only
 *   everywhere (forms, site checks, third-party scoring); the closer is kept when the user goes (set null).
 * - An accepted unit report keeps the figures its form showed when the office accepted it
 *   (`unit_report_forms.accepted_items`, JSON of the form's item groups); null before acceptance.
 */
export async function up(db: MigrationDb): Promise<void> {
  // One column per statement: SQLite adds columns one at a time.
  await db.schema.alterTable('evaluation_rounds').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('evaluation_rounds').addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('unit_report_forms').addColumn('accepted_items', types(db).text).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('unit_report_forms').dropColumn('accepted_items').execute();
  await db.schema.alterTable('evaluation_rounds').dropColumn('closed_by').execute();
  await db.schema.alterTable('evaluation_rounds').dropColumn('closed_at').execute();
}

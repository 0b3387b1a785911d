import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * A plan's lifecycle and its 备案 with the committee above:
 * - plans.released_on: the 印发 date (YYYY-MM-DD), from which the one month for filing runs;
 *   plans.archived_at: archived plans are kept for history and hidden from lists by default.
 * - plan_filings: each time a unit files a plan with the unit above, one row: submitted, then
 *   accepted (the plan becomes 已备案) or returned with a reason (the unit files again, a new row).
 *   `comparison` is the JSON of the target comparison made at filing time, what the office reviewed.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('plans').addColumn('released_on', 'text').execute();
  await db.schema.alterTable('plans').addColumn('archived_at', t.timestamp).execute();

  await withId(db, db.schema.createTable('plan_filings'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('to_org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', t.text)
    .addColumn('comparison', t.text, (c) => c.notNull())
    .addColumn('filed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('filed_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', t.timestamp)
    .addColumn('return_reason', t.text)
    .execute();
  await db.schema.createIndex('plan_filings_plan').on('plan_filings').column('plan_id').execute();
  await db.schema.createIndex('plan_filings_to_unit').on('plan_filings').column('to_org_unit_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('plan_filings').execute();
  await db.schema.alterTable('plans').dropColumn('archived_at').execute();
  await db.schema.alterTable('plans').dropColumn('released_on').execute();
}

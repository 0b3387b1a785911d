import { types, withId, type MigrationDb } from './schemaUtils';

/**
 * Member units' annual reports (成员单位年度报告): a committee's round of a year, one form per member
 * department and per lower committee reporting about its area, and every step of each form.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('unit_report_rounds'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('unit_report_rounds_unit_year', ['org_unit_id', 'year'])
    .execute();

  // department_id null: the committee of org_unit_id (a unit below the round's) reports about its area.
  await withId(db, db.schema.createTable('unit_report_forms'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('unit_report_rounds.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft')) // draft | submitted | returned | accepted
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content', t.text, (c) => c.notNull())
    .addColumn('submitted_at', t.timestamp)
    .addColumn('first_submitted_at', t.timestamp)
    .addColumn('accepted_at', t.timestamp)
    .addColumn('returned_reason', t.text)
    .addColumn('reminded_at', t.timestamp)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', t.timestamp)
    .addUniqueConstraint('unit_report_forms_seat', ['round_id', 'org_unit_id', 'department_id'])
    .execute();
  await db.schema.createIndex('unit_report_forms_unit').on('unit_report_forms').columns(['org_unit_id', 'department_id']).execute();

  await withId(db, db.schema.createTable('unit_report_events'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('unit_report_forms.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull()) // submit | accept | return | remind
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_report_events_form').on('unit_report_events').column('form_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['unit_report_events', 'unit_report_forms', 'unit_report_rounds']) await db.schema.dropTable(table).execute();
}

import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * The question bank of surveys: questions a committee saved to reuse, one bank per unit. A
 * question is kept as JSON without its code and skip rules, which belong to the survey it is
 * inserted into.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('survey_bank_questions'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull()) // the question's wording, searched
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('question', t.text, (c) => c.notNull()) // JSON: the question without code and showIf
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('survey_bank_questions_unit').on('survey_bank_questions').columns(['org_unit_id', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('survey_bank_questions').execute();
}

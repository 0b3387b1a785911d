import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Questionnaire surveys: the questionnaire (its questions as JSON, versioned by the app), the
 * anonymous responses, one-time access codes, and mappings of a question to an indicator with
 * the figures they wrote and the sample size behind each.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('surveys'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', t.text)
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('adult')) // adult | child
    .addColumn('definition', t.text, (c) => c.notNull()) // JSON: sections and questions
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | open | closed
    .addColumn('public_id', 'text', (c) => c.notNull().unique()) // the unguessable part of the public link
    .addColumn('opens_at', t.timestamp)
    .addColumn('closes_at', t.timestamp)
    .addColumn('access_mode', 'text', (c) => c.notNull().defaultTo('open')) // open | code
    .addColumn('variant_of', 'integer', (c) => c.references('surveys.id').onDelete('set null'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await withId(db, db.schema.createTable('survey_access_codes'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text') // e.g. the school it was handed to
    .addColumn('used_at', t.timestamp)
    .addUniqueConstraint('survey_access_codes_code', ['survey_id', 'code'])
    .execute();

  // Anonymous: no address, no account. The browser token is stored hashed, only to refuse a second answer.
  await withId(db, db.schema.createTable('survey_responses'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('answers', t.text, (c) => c.notNull()) // JSON: { values, other }
    .addColumn('browser_hash', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('access_code_id', 'integer', (c) => c.references('survey_access_codes.id').onDelete('set null'))
    .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('survey_responses_idempotency', ['survey_id', 'idempotency_key'])
    .addUniqueConstraint('survey_responses_browser', ['survey_id', 'browser_hash'])
    .execute();

  await withId(db, db.schema.createTable('survey_feeds'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('question_code', 'text', (c) => c.notNull())
    .addColumn('option_keys', 'text', (c) => c.notNull()) // JSON array of the answers that count (知道 …)
    .addColumn('region_question_code', 'text')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('min_sample', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await db.schema
    .createTable('survey_feed_values')
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('survey_feeds.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('value', t.float, (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    .addColumn('sample_size', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // 问卷调查
    .addColumn('written_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('written_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_feed_values_pk', ['feed_id', 'org_unit_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['survey_feed_values', 'survey_feeds', 'survey_responses', 'survey_access_codes', 'surveys']) await db.schema.dropTable(table).execute();
}

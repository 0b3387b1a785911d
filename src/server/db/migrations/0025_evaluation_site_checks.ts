import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Site checks of an evaluation round (督导检查):
 * - evaluation_site_checks: one visit of the 评估组 / office to a participant of the round (a member
 *   department or a lower committee): the date, the people who went (JSON array of names), findings;
 * - evaluation_rectifications: the check's rectification requests (整改要求), each with a deadline,
 *   and the unit's answer (what was done, when);
 * - evaluation_evaluators: third-party and expert evaluator accounts, each bound to one round (its
 *   `evaluator` role grant at the round's unit; the round, organisation, expiry date, revocation here);
 * - evaluation_third_party_scores: an evaluator's score per criterion (JSON) and comment per goal.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('evaluation_site_checks'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('evaluation_participants.id').onDelete('cascade'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('inspectors', t.text, (c) => c.notNull())
    .addColumn('findings', t.text, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('evaluation_site_checks_round').on('evaluation_site_checks').column('round_id').execute();

  await withId(db, db.schema.createTable('evaluation_rectifications'))
    .addColumn('check_id', 'integer', (c) => c.notNull().references('evaluation_site_checks.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('requirement', t.text, (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('answer', t.text)
    .addColumn('done_on', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', t.timestamp)
    .execute();
  await db.schema.createIndex('evaluation_rectifications_check').on('evaluation_rectifications').column('check_id').execute();

  await withId(db, db.schema.createTable('evaluation_evaluators'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('evaluation_evaluators_round').on('evaluation_evaluators').column('round_id').execute();

  await withId(db, db.schema.createTable('evaluation_third_party_scores'))
    .addColumn('evaluator_id', 'integer', (c) => c.notNull().references('evaluation_evaluators.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('plan_goals.id').onDelete('cascade'))
    .addColumn('scores', t.text, (c) => c.notNull())
    .addColumn('comment', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('evaluation_third_party_scores_goal', ['evaluator_id', 'goal_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['evaluation_third_party_scores', 'evaluation_evaluators', 'evaluation_rectifications', 'evaluation_site_checks']) await db.schema.dropTable(table).execute();
}

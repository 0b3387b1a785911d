import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Mid-term and final evaluation of a plan (中期 / 终期评估):
 * - evaluation_rounds: one round per plan and milestone year, its criteria and weights (JSON
 *   `[{key,label,weight}]`), timetable and state;
 * - evaluation_participants: who self-evaluates — a member department of the plan's committee, or
 *   the committee of a unit below (department_id null);
 * - evaluation_forms: one per participant × goal it leads: the self-evaluation (attainment,
 *   evidence, problems and 整改 commitment, scores per criterion as JSON) and the 评估组's review;
 * - evaluation_form_events: every step on a form (save, submit, return, review), kept.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('evaluation_rounds'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('milestone', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // midterm | final
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('criteria', t.text, (c) => c.notNull())
    .addColumn('self_due_on', 'text', (c) => c.notNull())
    .addColumn('review_due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open')) // open | closed
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('evaluation_rounds_plan_milestone', ['plan_id', 'milestone'])
    .execute();

  await withId(db, db.schema.createTable('evaluation_participants'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('evaluation_participants_round').on('evaluation_participants').column('round_id').execute();

  await withId(db, db.schema.createTable('evaluation_forms'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('evaluation_participants.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('plan_goals.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft')) // draft | submitted | returned | reviewed
    .addColumn('suggested', 'text') // the attainment the data suggested when submitted
    .addColumn('attainment', 'text')
    .addColumn('attainment_reason', t.text)
    .addColumn('evidence', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('problems', t.text, (c) => c.notNull().defaultTo('')) // 存在问题及原因
    .addColumn('rectification', t.text, (c) => c.notNull().defaultTo('')) // 整改措施及承诺
    .addColumn('self_scores', t.text)
    .addColumn('review_scores', t.text)
    .addColumn('review_comment', t.text)
    .addColumn('return_reason', t.text)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('evaluation_forms_participant_goal', ['participant_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('evaluation_forms_round').on('evaluation_forms').column('round_id').execute();

  await withId(db, db.schema.createTable('evaluation_form_events'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('evaluation_forms.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull()) // save | submit | return | review
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_form_events_form').on('evaluation_form_events').column('form_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['evaluation_form_events', 'evaluation_forms', 'evaluation_participants', 'evaluation_rounds']) await db.schema.dropTable(table).execute();
}

import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Monitoring data: indicator dictionary, data elements, disaggregation options, data values
 * with their audit trail, reporting tasks with per-unit-and-department submissions, notifications.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);

  // Disaggregation options, DHIS2's “category option combos” restricted to one category each:
  // the total, and the parts of sex, urban/rural or age group that must add up to it.
  await withId(db, db.schema.createTable('category_options'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull()) // total | sex | area | age
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('category_options')
    .values([
      { code: 'total', category: 'total', name: '合计', sort: 0 },
      { code: 'female', category: 'sex', name: '女', sort: 1 },
      { code: 'male', category: 'sex', name: '男', sort: 2 },
      { code: 'urban', category: 'area', name: '城镇', sort: 3 },
      { code: 'rural', category: 'area', name: '乡村', sort: 4 },
    ])
    .execute();

  await withId(db, db.schema.createTable('data_elements'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('value_type', 'text', (c) => c.notNull().defaultTo('amount')) // count | amount | rate (rates do not add up)
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('')) // '', 'sex', 'area', 'sex,area'
    .execute();

  await withId(db, db.schema.createTable('indicators'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('direction', 'text', (c) => c.notNull()) // higher | lower | band
    .addColumn('definition', t.text)
    .addColumn('caliber', t.text) // 统计口径
    .addColumn('formula_type', 'text', (c) => c.notNull()) // direct | ratio
    .addColumn('value_de_id', 'integer', (c) => c.references('data_elements.id'))
    .addColumn('numerator_de_id', 'integer', (c) => c.references('data_elements.id'))
    .addColumn('denominator_de_id', 'integer', (c) => c.references('data_elements.id'))
    .addColumn('factor', t.float, (c) => c.notNull().defaultTo(1))
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_dept', 'text') // department short name, the same at every level (卫健委 …)
    .addColumn('data_source', t.text)
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', t.float)
    .addColumn('min_value', t.float)
    .addColumn('max_value', t.float)
    .addColumn('yoy_threshold', t.float) // relative year-on-year change (%) above which a value needs a comment
    .addColumn('tolerance', t.float) // band half-width for ~ targets, % of the target value
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plan_target_id', 'integer', (c) => c.references('plan_targets.id').onDelete('set null'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await withId(db, db.schema.createTable('indicator_targets'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('value', t.float)
    .addColumn('base_year', 'integer')
    .addUniqueConstraint('indicator_targets_year', ['indicator_id', 'year'])
    .execute();

  // One row per (data element, unit, year, option). Who created a value is kept on the row; every
  // later change or deletion is a row in data_value_audits, so a bulk first import writes once.
  await db.schema
    .createTable('data_values')
    .addColumn('data_element_id', 'integer', (c) => c.notNull().references('data_elements.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('option_id', 'integer', (c) => c.notNull().references('category_options.id'))
    .addColumn('value', t.float, (c) => c.notNull())
    .addColumn('comment', t.text)
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_via', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('data_values_pk', ['data_element_id', 'org_unit_id', 'period', 'option_id'])
    .execute();
  await db.schema.createIndex('data_values_unit_period').on('data_values').columns(['org_unit_id', 'period']).execute();

  await withId(db, db.schema.createTable('data_value_audits'))
    .addColumn('data_element_id', 'integer', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('option_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // update | delete
    .addColumn('old_value', t.float)
    .addColumn('new_value', t.float)
    .addColumn('old_comment', t.text)
    .addColumn('new_comment', t.text)
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull()) // ui | xlsx | api | system
    .execute();
  await db.schema
    .createIndex('data_value_audits_value')
    .on('data_value_audits')
    .columns(['data_element_id', 'org_unit_id', 'period', 'option_id'])
    .execute();
  await db.schema.createIndex('data_value_audits_unit').on('data_value_audits').columns(['org_unit_id', 'changed_at']).execute();

  await withId(db, db.schema.createTable('reporting_tasks'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id')) // the committee that runs it
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('reporting_task_indicators')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('reporting_tasks.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addPrimaryKeyConstraint('reporting_task_indicators_pk', ['task_id', 'indicator_id'])
    .execute();

  // A submission is one department's share of a task at one unit; it carries the review state.
  await withId(db, db.schema.createTable('submissions'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('reporting_tasks.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft')) // draft | submitted | reviewed | returned | approved
    .addColumn('return_reason', t.text)
    .addColumn('reminded_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('submissions_task_unit_dept', ['task_id', 'org_unit_id', 'department_id'])
    .execute();

  await withId(db, db.schema.createTable('submission_events'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull()) // submit | review | approve | return | reopen | remind
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('comment', t.text)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_events_submission').on('submission_events').column('submission_id').execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'notifications', 'submission_events', 'submissions', 'reporting_task_indicators', 'reporting_tasks',
    'data_value_audits', 'data_values', 'indicator_targets', 'indicators', 'data_elements', 'category_options',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

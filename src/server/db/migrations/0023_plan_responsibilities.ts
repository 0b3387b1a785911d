import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Who carries out a plan (issue 11, point 5):
 * - plan_responsibilities: one row per goal or measure × member department, its role 牵头 (lead) or
 *   配合 (partner). Exactly one of goal_id / measure_id is set; both cascade with the plan's items.
 * - implementation_dues: the date by which the office wants each member unit's 实施方案 for a plan.
 * - implementation_plans: each time a department files its 实施方案, one row: submitted, then
 *   accepted or returned with a reason (the department files again, a new row). Files in attachments.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('plan_responsibilities'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('plan_goals.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.references('plan_measures.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_responsibilities_plan').on('plan_responsibilities').column('plan_id').execute();
  await db.schema.createIndex('plan_responsibilities_department').on('plan_responsibilities').column('department_id').execute();
  await db.schema.createIndex('plan_responsibilities_goal').on('plan_responsibilities').columns(['goal_id', 'department_id']).unique().execute();
  await db.schema.createIndex('plan_responsibilities_measure').on('plan_responsibilities').columns(['measure_id', 'department_id']).unique().execute();

  await db.schema
    .createTable('implementation_dues')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plans.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('set_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await withId(db, db.schema.createTable('implementation_plans'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('filed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('filed_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', t.timestamp)
    .addColumn('return_reason', t.text)
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('implementation_plans_plan').on('implementation_plans').columns(['plan_id', 'department_id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('implementation_plans').execute();
  await db.schema.dropTable('implementation_dues').execute();
  await db.schema.dropTable('plan_responsibilities').execute();
}

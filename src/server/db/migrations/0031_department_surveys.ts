import type { MigrationDb } from './schemaUtils';

/**
 * Surveys built by member departments (issue 15): the office authorises a department to run
 * surveys (可发起问卷调查), and a survey records the department that owns it (null: the office's).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('departments').addColumn('runs_surveys', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('surveys').addColumn('department_id', 'integer', (c) => c.references('departments.id')).execute();
  await db.schema.createIndex('surveys_department').on('surveys').column('department_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('surveys_department').execute();
  await db.schema.alterTable('surveys').dropColumn('department_id').execute();
  await db.schema.alterTable('departments').dropColumn('runs_surveys').execute();
}

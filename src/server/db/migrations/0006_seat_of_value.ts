import { sql } from 'kysely';
import { types, type MigrationDb } from './schemaUtils';

/**
 * Approval follows the value: each value records the submission (seat) that wrote its current
 * version, and a value counts as approved only while that seat is approved. Tasks can be closed.
 *
 * Existing values get the seat of their unit, department and year; where a second task of that
 * year gave the cell another seat, the one not approved is taken, so that no value a later seat
 * may have changed stays public by an older approval.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('data_values').addColumn('submission_id', 'integer').execute();
  await sql`
    update data_values set submission_id = (
      select s.id from submissions s join reporting_tasks t on t.id = s.task_id
      where s.org_unit_id = data_values.org_unit_id and s.department_id = data_values.department_id and t.year = data_values.period
      order by case when s.state = 'approved' then 1 else 0 end, s.id desc
      limit 1)
  `.execute(db);
  await db.schema.alterTable('reporting_tasks').addColumn('closed_at', types(db).timestamp).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('reporting_tasks').dropColumn('closed_at').execute();
  await db.schema.alterTable('data_values').dropColumn('submission_id').execute();
}

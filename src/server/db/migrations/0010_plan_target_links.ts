import { sql } from 'kysely';
import type { MigrationDb } from './schemaUtils';

/**
 * One indicator across plans: each plan target names the indicator it measures
 * (`plan_targets.indicator_id`), so the city's and every district's plans can set targets for the
 * same indicator. Filled from the link each indicator already had (`indicators.plan_target_id`,
 * the target it was made from, which stays as that record).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('plan_targets')
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
    .execute();
  await sql`UPDATE plan_targets SET indicator_id = (SELECT i.id FROM indicators i WHERE i.plan_target_id = plan_targets.id)`.execute(db);
  await db.schema.createIndex('plan_targets_indicator').on('plan_targets').column('indicator_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('plan_targets_indicator').execute();
  await db.schema.alterTable('plan_targets').dropColumn('indicator_id').execute();
}

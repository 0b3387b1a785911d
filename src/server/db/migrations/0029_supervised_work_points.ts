import { type MigrationDb } from './schemaUtils';

/**
 * 督办 on a 工作要点 point (besides a key item or an indicator), and a version on each point so that
 * two people editing it cannot overwrite each other's save unseen.
 */
export async function up(db: MigrationDb): Promise<void> {
  // No cascade: a point under 督办 cannot be deleted (the service refuses), so the history stays whole.
  await db.schema.alterTable('supervisions').addColumn('work_point_id', 'integer', (c) => c.references('work_points.id')).execute();
  await db.schema.createIndex('supervisions_work_point').on('supervisions').column('work_point_id').execute();
  await db.schema.alterTable('work_points').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('work_points').addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('work_points').dropColumn('updated_by').execute();
  await db.schema.alterTable('work_points').dropColumn('version').execute();
  await db.schema.dropIndex('supervisions_work_point').execute();
  await db.schema.alterTable('supervisions').dropColumn('work_point_id').execute();
}

import { sql } from 'kysely';
import type { MigrationDb } from './schemaUtils';

/**
 * At most one 实施方案 of a department for a plan is waiting for review or accepted: the database
 * holds this, so two filings racing on PostgreSQL cannot both get in (ARCHITECTURE.md, plans).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('implementation_plans_one_open')
    .on('implementation_plans')
    .columns(['plan_id', 'department_id'])
    .unique()
    .where(sql<boolean>`state in ('submitted', 'accepted')`)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('implementation_plans_one_open').execute();
}

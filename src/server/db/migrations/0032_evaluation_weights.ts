import { sql } from 'kysely';
import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * evaluation_weights: an evaluation round's weights for one area (领域) or goal, overriding the
 * round's criteria: criterion weights (JSON `{criterionKey: weight}`, null to inherit) and the
 * area's weight in the plan's total or the goal's in its area (null for the default). One row per
 * round, scope and target; scores stay raw, so changing a row recomputes the results on reading.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('evaluation_weights'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('area', 'goal')`))
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('criteria', t.text)
    .addColumn('share', 'integer')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('evaluation_weights_target', ['round_id', 'scope', 'target_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('evaluation_weights').execute();
}

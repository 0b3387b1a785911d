import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * One indicator across plans and revisions that keep their links:
 * - `indicators.aliases`: other names plans use for the indicator (one per line), so a plan's
 *   target can be matched to it instead of becoming a duplicate;
 * - `plan_versions`: every import that created or changed a plan (who, when, source hash, changes);
 * - `plan_link_flags`: what a revision could not carry on its own — a hand-edited target the text
 *   now sets differently (`conflict`), or a removed goal whose target an indicator measured
 *   (`removed`). A flag stays open until a person resolves it or the goal comes back.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('indicators').addColumn('aliases', t.text, (c) => c.notNull().defaultTo('')).execute();

  await withId(db, db.schema.createTable('plan_versions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('changes', t.text, (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('plan_versions_plan_version', ['plan_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('plan_link_flags'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.references('plan_targets.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('target_indicator', 'text', (c) => c.notNull())
    .addColumn('was_source', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('detail', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('resolved_at', t.timestamp)
    .execute();
  await db.schema.createIndex('plan_link_flags_plan').on('plan_link_flags').column('plan_id').execute();
  await db.schema.createIndex('plan_link_flags_indicator').on('plan_link_flags').column('indicator_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('plan_link_flags').execute();
  await db.schema.dropTable('plan_versions').execute();
  await db.schema.alterTable('indicators').dropColumn('aliases').execute();
}

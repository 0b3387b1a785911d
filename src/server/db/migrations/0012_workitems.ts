import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Key items (重要事项) of a committee's year with their lead and partner units and milestones, the
 * progress units report on them, and 督办 (supervision) with every step kept.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('key_items'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('key_items_unit_year_no', ['org_unit_id', 'year', 'no'])
    .execute();

  // A unit as the table names it; the member department it resolved to, when one matched.
  await withId(db, db.schema.createTable('key_item_units'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('key_items.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | partner
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_item_units_item').on('key_item_units').column('item_id').execute();
  await db.schema.createIndex('key_item_units_department').on('key_item_units').column('department_id').execute();

  await withId(db, db.schema.createTable('key_item_milestones'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('key_items.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull()) // annual | H1 | H2
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('value', t.float)
    .addColumn('unit', 'text')
    .addColumn('comparator', 'text', (c) => c.notNull()) // >= | <=
    .addColumn('due_on', 'text')
    .addUniqueConstraint('key_item_milestones_period', ['item_id', 'period'])
    .execute();

  await withId(db, db.schema.createTable('key_item_reports'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('key_item_milestones.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | partner, as the unit stood on the item when it reported
    .addColumn('value', t.float)
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reported_at', t.timestamp, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('key_item_reports_milestone').on('key_item_reports').column('milestone_id').execute();

  await withId(db, db.schema.createTable('supervisions'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('item_id', 'integer', (c) => c.references('key_items.id').onDelete('set null'))
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('request', t.text, (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open')) // open | replied | closed
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervisions_department').on('supervisions').columns(['department_id', 'state']).execute();

  await withId(db, db.schema.createTable('supervision_events'))
    .addColumn('supervision_id', 'integer', (c) => c.notNull().references('supervisions.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull()) // issue | reply | press | close
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_events_supervision').on('supervision_events').column('supervision_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['supervision_events', 'supervisions', 'key_item_reports', 'key_item_milestones', 'key_item_units', 'key_items']) await db.schema.dropTable(table).execute();
}

import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * A committee's 工作要点 of a year as a tree (sections → items → sub-items), the member departments
 * responsible for each point, the 备案 and 通报 records of its 实事项目, and the key items a point is
 * carried out by.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('work_points'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('work_points.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('practical', 'integer', (c) => c.notNull().defaultTo(0))
    // Unit names the imported text mentions, joined by 、: a hint for the person who picks the departments.
    .addColumn('mentioned', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_line', 'integer')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('work_points_unit_year').on('work_points').columns(['org_unit_id', 'year']).execute();
  await db.schema.createIndex('work_points_parent').on('work_points').column('parent_id').execute();

  await withId(db, db.schema.createTable('work_point_units'))
    .addColumn('point_id', 'integer', (c) => c.notNull().references('work_points.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | partner
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addUniqueConstraint('work_point_units_point_department', ['point_id', 'department_id'])
    .execute();
  await db.schema.createIndex('work_point_units_department').on('work_point_units').column('department_id').execute();

  // Append-only: a later record of the same kind supersedes an earlier one, which stays as history.
  await withId(db, db.schema.createTable('work_point_records'))
    .addColumn('point_id', 'integer', (c) => c.notNull().references('work_points.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // filing (备案) | notice (通报)
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull()) // 文号 or file name of a 备案; empty for a 通报
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_point_records_point').on('work_point_records').column('point_id').execute();

  await withId(db, db.schema.createTable('work_point_links'))
    .addColumn('point_id', 'integer', (c) => c.notNull().references('work_points.id').onDelete('cascade'))
    .addColumn('key_item_id', 'integer', (c) => c.notNull().references('key_items.id').onDelete('cascade'))
    .addUniqueConstraint('work_point_links_pair', ['point_id', 'key_item_id'])
    .execute();
  await db.schema.createIndex('work_point_links_key_item').on('work_point_links').column('key_item_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['work_point_links', 'work_point_records', 'work_point_units', 'work_points']) await db.schema.dropTable(table).execute();
}

import { sql } from 'kysely';
import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Departments are known by id, never by their short name (a label anyone may edit):
 * - `departments.counterpart_id`: the department of the parent unit's committee this one reports
 *   along (西岗区卫健局 → 大连市卫健委); null at the top.
 * - `indicators.responsible_department_id` replaces the short name in `responsible_dept`: a
 *   department of the top committee; at every unit the department whose counterparts lead to it
 *   reports the indicator.
 * - `change_log`: renames of departments and changes of an indicator's responsible department,
 *   with the old and the new label, who and when.
 * Both links are filled from today's short-name matching, so nothing changes hands on upgrade.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('departments').addColumn('counterpart_id', 'integer', (c) => c.references('departments.id').onDelete('set null')).execute();
  await sql`
    update departments set counterpart_id = (
      select p.id from departments p
      join committees pc on pc.id = p.committee_id
      join org_units u on u.parent_id = pc.org_unit_id
      join committees c on c.org_unit_id = u.id
      where c.id = departments.committee_id and p.short_name = departments.short_name
    )`.execute(db);
  await db.schema.alterTable('indicators').addColumn('responsible_department_id', 'integer', (c) => c.references('departments.id').onDelete('set null')).execute();
  await sql`
    update indicators set responsible_department_id = (
      select d.id from departments d
      join committees c on c.id = d.committee_id
      join org_units u on u.id = c.org_unit_id
      where u.parent_id is null and d.short_name = indicators.responsible_dept
      order by u.sort, u.id limit 1
    )`.execute(db);
  await db.schema.alterTable('indicators').dropColumn('responsible_dept').execute();

  await withId(db, db.schema.createTable('change_log'))
    .addColumn('entity', 'text', (c) => c.notNull()) // department | indicator
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('change_log_entity').on('change_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('change_log').execute();
  await db.schema.alterTable('indicators').addColumn('responsible_dept', 'text').execute();
  await sql`update indicators set responsible_dept = (select d.short_name from departments d where d.id = indicators.responsible_department_id)`.execute(db);
  await db.schema.alterTable('indicators').dropColumn('responsible_department_id').execute();
  await db.schema.alterTable('departments').dropColumn('counterpart_id').execute();
}

import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('org_units'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // city | district | street
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await withId(db, db.schema.createTable('committees'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().unique().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('departments'))
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('departments_committee_name', ['committee_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await withId(db, db.schema.createTable('role_assignments'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .execute();
  await db.schema.createIndex('role_assignments_user').on('role_assignments').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('plans'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // women | children
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('adopted'))
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_text', t.text, (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('plans_org_title', ['org_unit_id', 'title'])
    .execute();

  await withId(db, db.schema.createTable('plan_areas'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('plan_areas_plan_no', ['plan_id', 'no'])
    .execute();

  await withId(db, db.schema.createTable('plan_goals'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('plan_areas.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('line_start', 'integer', (c) => c.notNull())
    .addColumn('line_end', 'integer', (c) => c.notNull())
    .addColumn('qualitative', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('plan_goals_area_no', ['area_id', 'no'])
    .execute();

  await withId(db, db.schema.createTable('plan_measures'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('plan_areas.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('line_start', 'integer', (c) => c.notNull())
    .addColumn('line_end', 'integer', (c) => c.notNull())
    .addUniqueConstraint('plan_measures_area_no', ['area_id', 'no'])
    .execute();

  await withId(db, db.schema.createTable('plan_targets'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('plan_goals.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('value', t.float)
    .addColumn('unit', 'text')
    .addColumn('year', 'integer')
    .addColumn('base_year', 'integer')
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer', (c) => c.references('users.id'))
    .addColumn('edited_at', t.timestamp)
    .execute();
  await db.schema.createIndex('plan_targets_goal').on('plan_targets').column('goal_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'plan_targets', 'plan_measures', 'plan_goals', 'plan_areas', 'plans', 'sessions',
    'role_assignments', 'users', 'departments', 'committees', 'org_units', 'meta',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

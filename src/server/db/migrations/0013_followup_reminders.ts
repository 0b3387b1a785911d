import { sql } from 'kysely';
import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * 整改 of warnings and reminders that run by themselves:
 * - followups: one warning assigned to one member department; `open_key` holds the warning key while
 *   the follow-up is open (null once closed), so a unique index allows one open follow-up per warning.
 * - followup_events: every step with its comment, for the history.
 * - reminder_deliveries: one row per reminder key × user, inserted before anything is sent, so the
 *   insert that wins (primary key) decides which process sends it, across restarts and processes.
 * - notification_settings: a user's e-mail address and whether reminders go there too.
 * - notifications.kind: what a notification is about, for the notification centre's filter.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('followups'))
    .addColumn('warning_key', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('year', 'integer')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cause', t.text)
    .addColumn('measures', t.text)
    .addColumn('expected_on', 'text')
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('followups_department').on('followups').columns(['department_id', 'state']).execute();
  await db.schema.createIndex('followups_unit').on('followups').columns(['org_unit_id', 'state']).execute();
  await db.schema.createIndex('followups_warning').on('followups').column('warning_key').execute();

  await withId(db, db.schema.createTable('followup_events'))
    .addColumn('followup_id', 'integer', (c) => c.notNull().references('followups.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('comment', t.text)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followup_events_followup').on('followup_events').column('followup_id').execute();

  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sent_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('emailed_at', t.timestamp)
    .addColumn('email_error', 'text')
    .addPrimaryKeyConstraint('reminder_deliveries_pk', ['key', 'user_id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.alterTable('notifications').addColumn('kind', 'text', (c) => c.notNull().defaultTo(sql`'workflow'`)).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('kind').execute();
  for (const table of ['notification_settings', 'reminder_deliveries', 'followup_events', 'followups']) await db.schema.dropTable(table).execute();
}

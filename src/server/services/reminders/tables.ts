import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

/** One reminder key × user, written before it is sent: the primary key decides who sends it. */
export interface ReminderDeliveriesTable {
  key: string;
  user_id: number;
  sent_at: Timestamp;
  emailed_at: string | null;
  email_error: string | null;
}

export interface NotificationSettingsTable {
  user_id: number;
  email: string | null;
  email_enabled: Flag;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  /** workflow (review steps, 催报), reminder (sent by the scheduler), followup (整改). */
  kind: ColumnType<string, string | undefined, string>;
}

export interface RemindersTables {
  notifications: NotificationsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  notification_settings: NotificationSettingsTable;
}

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

export interface RemindersTables {
  reminder_deliveries: ReminderDeliveriesTable;
  notification_settings: NotificationSettingsTable;
}

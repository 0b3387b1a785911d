import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * One reminder a module wants sent: to whom, what, and a key that names this very occasion
 * (e.g. `task:12:due-3d`), so the scheduler sends it once per user however often it runs.
 */
export interface DueReminder {
  key: string;
  userIds: readonly number[];
  title: string;
  body: string;
  /** The in-app page to open, e.g. `/reporting/tasks/12`. */
  link: string | null;
}

/** What a module registers with the reminder scheduler: the reminders due at `now`. */
export type ReminderSource = (db: Kysely<Database>, now: Date) => Promise<DueReminder[]>;

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Mailer } from './mailer';
import { notificationsRepository } from './notificationsRepository';
import type { DueReminder, ReminderSource } from './types';

export interface NamedSource {
  /** Shown in the log when the source fails. */
  name: string;
  source: ReminderSource;
}

export interface RunSummary {
  /** Reminders the sources asked for (key × user), sent before or now. */
  due: number;
  /** Notifications this run created. */
  sent: number;
  emailed: number;
  emailFailed: number;
  /** Sources that threw, by name; the others still ran. */
  failedSources: string[];
}

export interface RunOptions {
  sources: readonly NamedSource[];
  mailer?: Mailer | null;
  log?: (message: string, error?: unknown) => void;
}

/**
 * One pass: asks every source what is due at `now` and sends what was not sent before. The delivery
 * row (key × user, primary key) is inserted in the same transaction as the in-app notification, and
 * only the transaction whose insert took the row sends: a rerun, a restart or a second server
 * process racing on the same reminder finds the row taken and sends nothing. E-mail follows after the
 * commit, at most once (a crash between the commit and the mail loses the mail, never doubles it).
 */
export async function runReminders(db: Kysely<Database>, now: Date, options: RunOptions): Promise<RunSummary> {
  const summary: RunSummary = { due: 0, sent: 0, emailed: 0, emailFailed: 0, failedSources: [] };
  const mails: { key: string; userId: number; reminder: DueReminder }[] = [];
  for (const { name, source } of options.sources) {
    let reminders: DueReminder[];
    try {
      reminders = await source(db, now);
    } catch (error) {
      summary.failedSources.push(name);
      options.log?.(`提醒来源 ${name} 出错`, error);
      continue;
    }
    for (const reminder of reminders) {
      const userIds = [...new Set(reminder.userIds)];
      if (!userIds.length) continue;
      summary.due += userIds.length;
      const taken = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('reminder_deliveries')
          .values(userIds.map((user_id) => ({ key: reminder.key, user_id, sent_at: now.toISOString() })))
          .onConflict((oc) => oc.columns(['key', 'user_id']).doNothing())
          .returning('user_id')
          .execute();
        const ids = rows.map((r) => r.user_id);
        await notificationsRepository(trx).notify(ids, { kind: 'reminder', title: reminder.title, body: reminder.body, link: reminder.link }, now.toISOString());
        return ids;
      });
      summary.sent += taken.length;
      for (const userId of taken) mails.push({ key: reminder.key, userId, reminder });
    }
  }
  if (options.mailer && mails.length) await sendMails(db, options.mailer, mails, summary, options.log);
  return summary;
}

async function sendMails(
  db: Kysely<Database>,
  mailer: Mailer,
  mails: { key: string; userId: number; reminder: DueReminder }[],
  summary: RunSummary,
  log: RunOptions['log'],
) {
  const userIds = [...new Set(mails.map((m) => m.userId))];
  const addresses = new Map<number, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('notification_settings')
      .select(['user_id', 'email'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('email_enabled', '=', 1)
      .where('email', 'is not', null)
      .execute();
    for (const r of rows) if (r.email) addresses.set(r.user_id, r.email);
  }
  for (const m of mails) {
    const to = addresses.get(m.userId);
    if (!to) continue;
    const text = `${m.reminder.body}${m.reminder.link ? `\n\n在平台中查看：${m.reminder.link}` : ''}\n\n（半边天平台自动提醒，可在「通知设置」中关闭邮件提醒。）`;
    let error: string | null = null;
    try {
      await mailer.send({ to, subject: `【半边天】${m.reminder.title}`, text });
      summary.emailed++;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : String(e);
      summary.emailFailed++;
      log?.(`提醒邮件发送失败（${to}）`, e);
    }
    await db
      .updateTable('reminder_deliveries')
      .set(error ? { email_error: error } : { emailed_at: new Date().toISOString() })
      .where('key', '=', m.key)
      .where('user_id', '=', m.userId)
      .execute();
  }
}

export interface SchedulerOptions extends RunOptions {
  intervalMinutes: number;
  /** Time source, for tests. */
  now?: () => Date;
}

/**
 * Runs `runReminders` at start and then every `intervalMinutes` inside the server process; a pass
 * still running when the next is due is not doubled. `stop()` clears the timer and waits for a pass
 * in progress.
 */
export function startReminderScheduler(db: Kysely<Database>, options: SchedulerOptions) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runReminders(db, (options.now ?? (() => new Date()))(), options)
      .catch((error) => options.log?.('自动提醒执行失败', error))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, options.intervalMinutes * 60_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

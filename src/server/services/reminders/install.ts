import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection';
import type { RemindersConfig } from './config';
import { smtpMailer, type Mailer } from './mailer';
import { runReminders, startReminderScheduler, type RunSummary } from './scheduler';
import { REMINDER_SOURCES } from './sources';

declare module 'fastify' {
  interface FastifyInstance {
    /** One pass of the reminder scheduler now, with this app's sources and mailer (CLI, tests). */
    runReminders(now?: Date): Promise<RunSummary>;
  }
}

/** The scheduler runs while the app listens (when configured with an interval) and stops before the database closes. */
export function installReminders(app: FastifyInstance, db: Db, config: RemindersConfig | undefined): void {
  const mailer: Mailer | null = config?.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
  const log = (message: string, error?: unknown) => app.log.error({ err: error }, message);
  app.decorate('runReminders', (now: Date = new Date()) => runReminders(db.kysely, now, { sources: REMINDER_SOURCES, mailer, log }));
  if (!config || config.intervalMinutes === 0) {
    app.addHook('onClose', async () => mailer?.close());
    return;
  }
  let scheduler: ReturnType<typeof startReminderScheduler> | null = null;
  app.addHook('onReady', async () => {
    scheduler = startReminderScheduler(db.kysely, { sources: REMINDER_SOURCES, mailer, log, intervalMinutes: config.intervalMinutes });
  });
  app.addHook('preClose', async () => {
    await scheduler?.stop();
    mailer?.close();
  });
}

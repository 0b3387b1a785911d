import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { buildTestApp, type TestApp } from '../../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import { startReminderScheduler } from './scheduler';
import { REMINDER_SOURCES } from './sources';

/** The fixture's task is due 2099-03-31 (Beijing); these instants fall on the days before, on and after it. */
const THREE_DAYS_BEFORE = new Date('2099-03-28T02:00:00Z');
const DUE_DAY = new Date('2099-03-31T02:00:00Z');
const DAY_AFTER = new Date('2099-04-01T02:00:00Z');

interface ReceivedMail { to: string[]; text: string }

/** The text body of a single-part mail, undoing its transfer encoding (base64 or quoted-printable). */
function mailBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** An SMTP server in this process that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe(`reminder scheduler (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  const others: FastifyInstance[] = [];

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
  });
  afterEach(async () => {
    for (const app of others.splice(0)) await app.close();
    await t.close();
  });

  const notificationsOf = (username: string) =>
    t.db.kysely.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').select(['n.title', 'n.body', 'n.kind']).where('u.username', '=', username).where('n.kind', '=', 'reminder').orderBy('n.id').execute();

  it('sends each reminder once per user: again, after a restart, and from two server processes at once', async () => {
    const first = await t.app.runReminders(THREE_DAYS_BEFORE);
    // The 西岗区 卫健委 seat has two reporters; the other seats have nobody to remind.
    expect(first).toEqual({ due: 2, sent: 2, emailed: 0, emailFailed: 0, failedSources: [] });
    expect(await notificationsOf('wangfang')).toEqual([
      { kind: 'reminder', title: `填报提醒：${f.task.name}`, body: '西岗区卫健委的数据尚未提交，填报将于 2099-03-31 到期，请尽快填报并提交。' },
    ]);
    expect((await t.app.runReminders(THREE_DAYS_BEFORE)).sent).toBe(0);

    // A restart: a new app instance over the same database remembers what was sent.
    const restarted = await buildApp({ db: t.db.openAnother() });
    others.push(restarted);
    expect(await restarted.runReminders(new Date(THREE_DAYS_BEFORE.getTime() + 3600_000))).toMatchObject({ due: 2, sent: 0 });

    // Two processes on the due day: on PostgreSQL both race (pools of their own); SQLite has one writer, so in turn.
    const runs = testDialect() === 'postgres'
      ? await Promise.all([t.app.runReminders(DUE_DAY), restarted.runReminders(DUE_DAY)])
      : [await t.app.runReminders(DUE_DAY), await restarted.runReminders(DUE_DAY)];
    expect(runs.map((r) => r.due)).toEqual([2, 2]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(2);
    for (const user of ['wangfang', 'lijun']) expect((await notificationsOf(user)).map((n) => n.body.match(/填报(.*?)，请/)![1])).toEqual(['将于 2099-03-31 到期', '今天（2099-03-31）到期']);
    expect(await t.db.kysely.selectFrom('reminder_deliveries').select('key').distinct().orderBy('key').execute()).toHaveLength(2);
  });

  it('stops reminding a seat once its data is submitted', async () => {
    await t.app.runReminders(THREE_DAYS_BEFORE);
    const seat = (await f.get<{ id: number }[]>(f.reporter, '/api/reporting/submissions?mine=true')).body[0]!;
    await t.db.kysely.updateTable('submissions').set({ state: 'submitted' }).where('id', '=', seat.id).execute();
    expect(await t.app.runReminders(DAY_AFTER)).toMatchObject({ due: 0, sent: 0 });
  });

  it('e-mails those with an address who have not turned e-mail off, through SMTP', async () => {
    const smtp = await startSmtp();
    try {
      const app = await buildApp({ db: t.db.openAnother(), reminders: { intervalMinutes: 0, smtpUrl: smtp.url, smtpFrom: '半边天平台 <noreply@halfsky.local>' } });
      others.push(app);
      const put = (s: typeof f.reporter, payload: object) => app.inject({ method: 'PUT', url: '/api/notifications/settings', payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken } });
      expect((await put(f.reporter, { email: 'not-an-address', emailEnabled: true })).json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('邮箱地址格式不正确') });
      expect((await put(f.reporter, { email: 'wangfang@example.cn', emailEnabled: true })).json()).toEqual({ email: 'wangfang@example.cn', emailEnabled: true, smtpConfigured: true });
      expect((await put(f.reporter2, { email: 'lijun@example.cn', emailEnabled: false })).statusCode).toBe(200);

      expect(await app.runReminders(THREE_DAYS_BEFORE)).toMatchObject({ sent: 2, emailed: 1, emailFailed: 0 });
      expect(smtp.mails.map((m) => m.to)).toEqual([['wangfang@example.cn']]);
      expect(smtp.mails[0]!.text).toMatch(/Subject: =\?UTF-8\?/);
      expect(mailBody(smtp.mails[0]!.text)).toMatch(/^西岗区卫健委的数据尚未提交，填报将于 2099-03-31 到期，请尽快填报并提交。\s+在平台中查看：\/reporting\/submissions\/\d+/);
      const delivery = await t.db.kysely.selectFrom('reminder_deliveries as d').innerJoin('users as u', 'u.id', 'd.user_id').select(['u.username', 'd.emailed_at']).orderBy('u.username').execute();
      expect(delivery.map((d) => [d.username, d.emailed_at !== null])).toEqual([['lijun', false], ['wangfang', true]]);
      // Sent once: not again by e-mail either.
      expect(await app.runReminders(THREE_DAYS_BEFORE)).toMatchObject({ sent: 0, emailed: 0 });
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('runs by itself every interval inside the process until stopped', async () => {
    const scheduler = startReminderScheduler(t.db.kysely, { sources: REMINDER_SOURCES, intervalMinutes: 5, now: () => THREE_DAYS_BEFORE });
    try {
      for (let i = 0; i < 100 && (await notificationsOf('wangfang')).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await scheduler.stop();
    }
    expect(await notificationsOf('wangfang')).toHaveLength(1);
  });
});

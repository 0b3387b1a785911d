import { describe, expect, it } from 'vitest';
import { remindersConfigFromEnv } from './config';

describe('reminders config', () => {
  it('defaults to every 10 minutes without e-mail', () => {
    expect(remindersConfigFromEnv({})).toEqual({ intervalMinutes: 10, smtpUrl: null, smtpFrom: '半边天平台 <noreply@halfsky.local>' });
  });
  it('reads the interval, 0 for off, and the SMTP URL', () => {
    expect(remindersConfigFromEnv({ HALFSKY_REMINDER_INTERVAL_MINUTES: '0', HALFSKY_SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({ intervalMinutes: 0, smtpUrl: 'smtp://127.0.0.1:2525' });
  });
  it.each(['abc', '-1', '1.5', '2000'])('refuses the interval %s in Chinese', (value) => {
    expect(() => remindersConfigFromEnv({ HALFSKY_REMINDER_INTERVAL_MINUTES: value })).toThrow(/HALFSKY_REMINDER_INTERVAL_MINUTES 应为 0 到 1440 之间的整数/);
  });
  it('refuses an SMTP URL of another scheme without printing its password', () => {
    expect(() => remindersConfigFromEnv({ HALFSKY_SMTP_URL: 'http://u:secret@host' })).toThrow(/u:\*\*\*@host/);
  });
});

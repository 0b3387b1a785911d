/** How reminders run in a server process: every `intervalMinutes` (0: never), e-mail when `smtpUrl` is set. */
export interface RemindersConfig {
  intervalMinutes: number;
  smtpUrl: string | null;
  smtpFrom: string;
}

export const DEFAULT_REMINDER_INTERVAL_MINUTES = 10;
const MAX_INTERVAL_MINUTES = 24 * 60;

/** From `HALFSKY_REMINDER_INTERVAL_MINUTES`, `HALFSKY_SMTP_URL`, `HALFSKY_SMTP_FROM`; a mistyped value stops the start. */
export function remindersConfigFromEnv(env: NodeJS.ProcessEnv): RemindersConfig {
  const raw = env.HALFSKY_REMINDER_INTERVAL_MINUTES?.trim();
  const intervalMinutes = raw ? Number(raw) : DEFAULT_REMINDER_INTERVAL_MINUTES;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 0 || intervalMinutes > MAX_INTERVAL_MINUTES) {
    throw new Error(`HALFSKY_REMINDER_INTERVAL_MINUTES 应为 0 到 ${MAX_INTERVAL_MINUTES} 之间的整数（分钟，0 表示不自动提醒），而不是「${raw}」`);
  }
  const smtpUrl = env.HALFSKY_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error(`HALFSKY_SMTP_URL 应以 smtp:// 或 smtps:// 开头，而不是「${smtpUrl.replace(/:[^:@/]*@/, ':***@')}」`);
  return { intervalMinutes, smtpUrl, smtpFrom: env.HALFSKY_SMTP_FROM?.trim() || '半边天平台 <noreply@halfsky.local>' };
}

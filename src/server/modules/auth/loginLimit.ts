import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors';

/**
 * Failed sign-ins allowed per account name in a window; then the account refuses every password,
 * the right one too, until the window ends. Counted for unknown names as well, so the answer does
 * not tell which accounts exist. Every attempt is counted before the password is checked (and the
 * count cleared on success), so parallel guesses cannot slip past the limit.
 */
export const ACCOUNT_MAX_FAILURES = 10;
export const ACCOUNT_WINDOW_MINUTES = 15;
const WINDOW_MS = ACCOUNT_WINDOW_MINUTES * 60_000;

/** The start a window must be later than to still count at `now`. */
export const windowStartAfter = (now: Date) => new Date(now.getTime() - WINDOW_MS).toISOString();

/** After counting an attempt: when the account opens again, or null when the attempt may go on. */
export function lockedUntil(row: { failures: number; window_start: string }, now: Date): Date | null {
  if (row.failures <= ACCOUNT_MAX_FAILURES) return null;
  const until = new Date(new Date(row.window_start).getTime() + WINDOW_MS);
  return until > now ? until : null;
}

const CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 429 naming the time (Beijing time, the users' clock) the account may try again. */
export class AccountLockedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(until: Date, now: Date) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    super('AUTH_LOCKED', `该账号连续登录失败次数过多，已暂时锁定，请于 ${CLOCK.format(until)}（约 ${Math.ceil(seconds / 60)} 分钟后）再试`);
    this.retryAfterSeconds = seconds;
  }
}

/** Rethrows, telling clients by the standard header how long a locked account waits. */
export const withRetryAfter = (reply: FastifyReply) => (error: unknown): never => {
  if (error instanceof AccountLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
  throw error;
};

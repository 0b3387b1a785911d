/** The calendar date in Beijing (UTC+8, no daylight saving) at `now`, `YYYY-MM-DD`: due dates are Beijing dates. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Which reminder a due date calls for today, or null: three days before (`before-3d`), on the day
 * (`due`), the day after (`after-1d`) and a week after (`after-7d`). Each is its own key, so each is
 * sent once; a server down on the day sends the latest one that still applies when it comes back.
 */
export function dueOccasion(dueOn: string, today: string): { key: string; label: string } | null {
  if (today < addDays(dueOn, -3)) return null;
  if (today < dueOn) return { key: 'before-3d', label: `将于 ${dueOn} 到期` };
  if (today === dueOn) return { key: 'due', label: `今天（${dueOn}）到期` };
  if (today < addDays(dueOn, 7)) return { key: 'after-1d', label: `已于 ${dueOn} 到期` };
  return { key: 'after-7d', label: `已逾期一周以上（${dueOn} 到期）` };
}

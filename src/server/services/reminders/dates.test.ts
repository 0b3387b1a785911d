import { describe, expect, it } from 'vitest';
import { addDays, beijingDate, dueOccasion } from './dates';

describe('reminder dates', () => {
  it.each([
    ['2026-12-01', null],
    ['2026-12-06', null],
    ['2026-12-07', 'before-3d'],
    ['2026-12-09', 'before-3d'],
    ['2026-12-10', 'due'],
    ['2026-12-11', 'after-1d'],
    ['2026-12-16', 'after-1d'],
    ['2026-12-17', 'after-7d'],
    ['2027-03-01', 'after-7d'],
  ])('due 2026-12-10, today %s → %s', (today, key) => {
    expect(dueOccasion('2026-12-10', today)?.key ?? null).toBe(key);
  });

  it('counts days in Beijing', () => {
    expect(beijingDate(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(beijingDate(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

import { describe, expect, it } from 'vitest';
import { implementationStanding } from './implementation';

describe('implementationStanding', () => {
  it.each([
    [null, null, '2026-05-01', 'not_due'],
    ['2026-05-01', null, '2026-05-01', 'due'],
    ['2026-05-01', null, '2026-05-02', 'overdue'],
    ['2026-05-01', { state: 'submitted' as const }, '2026-06-01', 'submitted'],
    ['2026-05-01', { state: 'returned' as const }, '2026-06-01', 'returned'],
    [null, { state: 'accepted' as const }, '2026-06-01', 'accepted'],
  ])('due %s, latest %j, today %s → %s', (due, latest, today, standing) => {
    expect(implementationStanding(due, latest, today)).toBe(standing);
  });
});

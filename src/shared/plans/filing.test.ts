import { describe, expect, it } from 'vitest';
import { beijingDate, filingDueOn, filingStanding, isCalendarDate } from './filing';

describe('filingDueOn: one calendar month after release', () => {
  it.each([
    ['2026-03-15', '2026-04-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-12-10', '2027-01-10'],
    ['2026-08-31', '2026-09-30'],
  ])('%s → %s', (released, due) => expect(filingDueOn(released)).toBe(due));
});

describe('isCalendarDate', () => {
  it.each([['2026-02-28', true], ['2026-02-30', false], ['2026-2-3', false], ['昨天', false]])('%s → %s', (text, ok) => expect(isCalendarDate(text)).toBe(ok));
});

describe('beijingDate', () => {
  it('is a day ahead of UTC from 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-03-15T15:59:00Z'))).toBe('2026-03-15');
    expect(beijingDate(new Date('2026-03-15T16:00:00Z'))).toBe('2026-03-16');
  });
});

describe('filingStanding', () => {
  const released = { status: 'adopted' as const, releasedOn: '2026-03-15' };
  it.each([
    ['a draft has no deadline', { status: 'draft' as const, releasedOn: null }, null, '2026-05-01', 'not_released', false],
    ['released without a date', { status: 'adopted' as const, releasedOn: null }, null, '2026-05-01', 'not_released', false],
    ['due on the last day', released, null, '2026-04-15', 'due', false],
    ['overdue the day after', released, null, '2026-04-16', 'overdue', true],
    ['submitted in time', released, { state: 'submitted' as const, filedAt: '2026-04-10T02:00:00Z' }, '2026-05-01', 'submitted', false],
    ['submitted late (Beijing date counts)', released, { state: 'submitted' as const, filedAt: '2026-04-15T17:00:00Z' }, '2026-05-01', 'submitted', true],
    ['returned, still in time', released, { state: 'returned' as const, filedAt: '2026-04-01T02:00:00Z' }, '2026-04-10', 'returned', false],
    ['returned, now past due', released, { state: 'returned' as const, filedAt: '2026-04-01T02:00:00Z' }, '2026-04-20', 'returned', true],
    ['accepted', { status: 'filed' as const, releasedOn: '2026-03-15' }, { state: 'accepted' as const, filedAt: '2026-04-01T02:00:00Z' }, '2026-05-01', 'accepted', false],
  ])('%s', (_name, plan, latest, today, status, late) => {
    expect(filingStanding(plan, latest, today)).toMatchObject({ status, late });
  });
});

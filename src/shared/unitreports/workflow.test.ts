import { describe, expect, it } from 'vitest';
import { nextState, overdueDays, type FormAction, type FormActor, type FormState } from './workflow';

describe('unit report workflow', () => {
  it.each<[FormState, FormAction, FormActor, FormState | null]>([
    ['draft', 'submit', 'reporter', 'submitted'],
    ['returned', 'submit', 'reporter', 'submitted'],
    ['submitted', 'submit', 'reporter', null],
    ['accepted', 'submit', 'reporter', null],
    ['submitted', 'accept', 'office', 'accepted'],
    ['submitted', 'return', 'office', 'returned'],
    ['draft', 'accept', 'office', null],
    ['returned', 'return', 'office', null],
    ['accepted', 'return', 'office', null],
    ['submitted', 'accept', 'reporter', null],
    ['draft', 'submit', 'office', null],
  ])('%s --%s by %s--> %s', (state, action, actor, expected) => {
    expect(nextState(state, action, actor)).toBe(expected);
  });
});

describe('overdue days', () => {
  it.each<[string, FormState, string | null, string, number]>([
    ['2026-01-31', 'draft', null, '2026-01-31', 0],
    ['2026-01-31', 'draft', null, '2026-02-10', 10],
    ['2026-01-31', 'returned', '2026-01-20', '2026-02-03', 3],
    ['2026-01-31', 'submitted', '2026-01-20', '2026-03-01', 0],
    ['2026-01-31', 'accepted', '2026-02-05', '2026-03-01', 5],
    ['2026-02-28', 'draft', null, '2026-03-01', 1],
    ['2026-01-31', 'draft', null, '2026-01-01', 0],
  ])('due %s, %s, submitted %s, today %s: %i days', (due, state, submitted, today, days) => {
    expect(overdueDays(due, state, submitted, today)).toBe(days);
  });
});

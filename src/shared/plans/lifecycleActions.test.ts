import { describe, expect, it } from 'vitest';
import { LIFECYCLE_ACTIONS, lifecycleDecisions, type LifecycleFacts } from './lifecycleActions';

const base: LifecycleFacts = { status: 'adopted', releasedOn: '2026-03-15', archived: false, hasData: false, filing: null, hasParentUnit: true };

/* One letter per action, in the order release file repeal archive unarchive delete: Y allowed, n refused. */
const TABLE: [string, Partial<LifecycleFacts>, string][] = [
  ['draft', { status: 'draft', releasedOn: null }, 'Y n n Y n Y'],
  ['released, no date yet', { releasedOn: null }, 'Y n Y n n Y'],
  ['released', {}, 'Y Y Y n n Y'],
  ['released, at the top', { hasParentUnit: false }, 'Y n Y n n Y'],
  ['released with data', { hasData: true }, 'Y Y Y n n n'],
  ['filed with the unit above, waiting', { filing: 'submitted', hasData: true }, 'n n Y n n n'],
  ['returned', { filing: 'returned', hasData: true }, 'Y Y Y n n n'],
  ['已备案', { status: 'filed', filing: 'accepted', hasData: true }, 'n n Y n n n'],
  ['已废止', { status: 'repealed', hasData: true }, 'n n n Y n n'],
  ['archived', { status: 'repealed', archived: true, hasData: true }, 'n n n n Y n'],
  ['archived draft without data', { status: 'draft', archived: true }, 'n n n n Y Y'],
];

describe('lifecycleDecisions', () => {
  it.each(TABLE)('%s', (_name, facts, expected) => {
    const got = lifecycleDecisions({ ...base, ...facts });
    expect(LIFECYCLE_ACTIONS.map((a) => (got[a].ok ? 'Y' : 'n')).join(' ')).toBe(expected);
    for (const a of LIFECYCLE_ACTIONS) if (!got[a].ok) expect(got[a].reason).toMatch(/[\u4e00-\u9fff]/);
  });
});

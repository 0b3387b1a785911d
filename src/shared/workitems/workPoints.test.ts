import { describe, expect, it } from 'vitest';
import { pointLabel, practicalState } from './workPoints';

describe('work point labels', () => {
  it.each([
    [1, 0, '一、'], [1, 9, '十、'], [1, 10, '十一、'], [2, 0, '1.'], [2, 11, '12.'], [3, 1, '（2）'],
  ])('level %i, index %i → %s', (level, index, label) => {
    expect(pointLabel(level, index)).toBe(label);
  });
});

describe('the state of a 实事项目', () => {
  it.each([
    ['nothing recorded', [], 'unfiled'],
    ['a 通报 without a 备案', [{ kind: 'notice', onDate: '2015-03-01' }], 'unfiled'],
    ['filed', [{ kind: 'filing', onDate: '2015-03-01' }], 'filed'],
    ['filed, then notified', [{ kind: 'filing', onDate: '2015-03-01' }, { kind: 'notice', onDate: '2015-07-01' }], 'notified'],
    ['notified, then filed again', [{ kind: 'filing', onDate: '2015-03-01' }, { kind: 'notice', onDate: '2015-07-01' }, { kind: 'filing', onDate: '2015-08-01' }], 'filed'],
  ] as const)('%s → %s', (_what, records, state) => {
    expect(practicalState(records)).toBe(state);
  });
});

import { describe, expect, it } from 'vitest';
import { pointLabel, pointToSave, practicalState } from './workPoints';

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

describe('a previewed point as saved', () => {
  it('keeps matched departments by id: 牵头 leads, 配合 and mentioned ones are partners, unmatched names only as a hint', () => {
    const unit = (departmentId: number | null, name = '') => ({ name, departmentId });
    const saved = pointToSave({
      line: 3, title: '甲', text: '', dueOn: null, practical: true, leads: [unit(1), unit(null)], partners: [unit(2), unit(1)], mentioned: [unit(3, '市财政局'), unit(null, '市残联')],
      children: [{ line: 4, title: '乙', text: '', dueOn: '2024-06-30', practical: false, leads: [], partners: [], mentioned: [], children: [] }],
    });
    expect(saved).toEqual({
      title: '甲', text: '', dueOn: null, practical: true, line: 3, leadIds: [1], partnerIds: [2, 3], mentioned: ['市财政局', '市残联'],
      children: [{ title: '乙', text: '', dueOn: '2024-06-30', practical: false, line: 4, leadIds: [], partnerIds: [], mentioned: [], children: [] }],
    });
  });
});

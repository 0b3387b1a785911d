import { describe, expect, it } from 'vitest';
import type { GridDto } from '../../../../shared/api/reporting';
import { currentValues, entryReducer, initialState, pendingCells, submitBlockReason, type EntryState } from './entryState';
import { saveStatusText } from './SaveStatus';

const grid: GridDto = {
  submission: {
    id: 7, taskId: 2, taskName: '2025年度填报', year: 2025, dueOn: '2099-03-31', orgUnit: { id: 3, name: '西岗区' },
    department: { id: 48, name: '西岗区卫生健康委员会', shortName: '卫健委' }, state: 'draft', returnReason: null, overdue: false,
    indicatorCount: 1, filled: 1, expected: 2, updatedAt: '2026-01-05T00:00:00Z',
  },
  editable: true,
  lockedReason: null,
  options: [{ code: 'total', name: '合计' }],
  rows: [
    {
      indicatorId: 1, indicatorCode: 'MMR', indicatorName: '孕产妇死亡率', dataElementId: 10, dataElementCode: 'DEATHS', dataElementName: '孕产妇死亡数',
      role: 'numerator', unit: '人', valueType: 'count',
      cells: [{ option: 'total', value: 3, comment: null, version: 1, previous: 2, updatedAt: '2026-01-06T00:00:00Z' }],
    },
    {
      indicatorId: 1, indicatorCode: 'MMR', indicatorName: '孕产妇死亡率', dataElementId: 11, dataElementCode: 'BIRTHS', dataElementName: '活产数',
      role: 'denominator', unit: '人', valueType: 'count',
      cells: [{ option: 'total', value: null, comment: null, version: null, previous: 3210, updatedAt: null }],
    },
  ],
  derived: [],
  issues: [],
};

const run = (state: EntryState, ...actions: Parameters<typeof entryReducer>[1][]) => actions.reduce(entryReducer, state);
const AT = '2026-01-07T08:30:00Z';

describe('entry state', () => {
  it('starts from the grid with labels and the stored values as text', () => {
    const state = initialState(grid);
    expect(state.cells['10:total']).toMatchObject({ label: '孕产妇死亡数（合计）', text: '3', value: 3, version: 1, previous: 2, dirty: false });
    expect(state.cells['11:total']).toMatchObject({ text: '', value: null, version: null });
  });

  it('marks typed cells dirty and sends them with the version seen', () => {
    const state = run(initialState(grid), { type: 'edit', key: '11:total', text: '3,300' });
    expect(state.cells['11:total']!.dirty).toBe(true);
    expect(pendingCells(state)).toEqual([{ key: '11:total', text: '3,300', value: 3300, comment: null, expectedVersion: null }]);
    expect(currentValues(state.cells).get('11:total')).toBe(3300);
    expect(saveStatusText(state)).toEqual({ kind: 'pending', text: '1 项待保存' });
  });

  it('does not send text that is not a number, and says so', () => {
    const state = run(initialState(grid), { type: 'edit', key: '11:total', text: '三千' });
    expect(pendingCells(state)).toEqual([]);
    expect(state.cells['11:total']!.error).toEqual({ text: '三千', message: '请输入数字' });
    expect(saveStatusText(state)).toEqual({ kind: 'error', text: '1 项不是有效数字，未保存' });
  });

  it('typing the stored value back makes the cell clean again', () => {
    const state = run(initialState(grid), { type: 'edit', key: '10:total', text: '4' }, { type: 'edit', key: '10:total', text: '3' });
    expect(state.cells['10:total']!.dirty).toBe(false);
  });

  it('takes the new version from the save, and keeps a cell dirty that was typed into meanwhile', () => {
    let state = run(initialState(grid), { type: 'edit', key: '11:total', text: '3300' });
    const sent = pendingCells(state);
    state = run(state, { type: 'saving', sent }, { type: 'edit', key: '11:total', text: '33000' });
    expect(saveStatusText(state).kind).toBe('saving');
    state = run(state, {
      type: 'saved', sent, at: AT,
      result: { saved: [{ dataElementId: 11, option: 'total', value: 3300, version: 1 }], issues: [] },
    });
    expect(state.cells['11:total']).toMatchObject({ value: 3300, version: 1, dirty: true, saving: false });
    expect(pendingCells(state)).toEqual([{ key: '11:total', text: '33000', value: 33000, comment: null, expectedVersion: 1 }]);
  });

  it('shows the save time once everything is saved', () => {
    let state = run(initialState(grid), { type: 'edit', key: '11:total', text: '3300' });
    const sent = pendingCells(state);
    state = run(state, { type: 'saving', sent }, { type: 'saved', sent, at: AT, result: { saved: [{ dataElementId: 11, option: 'total', value: 3300, version: 1 }], issues: [] } });
    expect(saveStatusText(state)).toEqual({ kind: 'saved', text: '已保存 08:30' });
  });

  it('keeps a refused value out of the queue until it is changed, with the server’s reason', () => {
    let state = run(initialState(grid), { type: 'edit', key: '11:total', text: '-1' });
    const sent = pendingCells(state);
    state = run(state, { type: 'saving', sent }, { type: 'failed', sent, message: '活产数（合计）不能为负数（-1）' });
    expect(pendingCells(state)).toEqual([]);
    expect(saveStatusText(state)).toEqual({ kind: 'error', text: '保存失败：活产数（合计）不能为负数（-1）' });
    state = run(state, { type: 'edit', key: '11:total', text: '1' });
    expect(pendingCells(state)).toHaveLength(1);
  });

  describe('a conflict with someone else’s save', () => {
    const conflicted = () => {
      let state = run(initialState(grid), { type: 'edit', key: '10:total', text: '5' });
      const [sent] = pendingCells(state);
      state = run(state, { type: 'saving', sent: [sent!] }, {
        type: 'conflict', sent: sent!, message: '“孕产妇死亡数”已被他人修改为 4，请核对后再保存',
        current: { value: 4, comment: null, version: 2, by: '李军', at: '2026-01-07T08:00:00Z' },
      });
      return state;
    };

    it('holds the cell and names what the other person saved', () => {
      const state = conflicted();
      expect(state.cells['10:total']!.conflict).toMatchObject({ mine: '5', value: 4, by: '李军', version: 2 });
      expect(pendingCells(state)).toEqual([]);
      expect(saveStatusText(state).text).toContain('保存失败：“孕产妇死亡数”已被他人修改为 4');
    });

    it('taking theirs shows their value, clean', () => {
      const state = run(conflicted(), { type: 'resolve', key: '10:total', take: 'theirs' });
      expect(state.cells['10:total']).toMatchObject({ text: '4', value: 4, version: 2, dirty: false, conflict: null });
    });

    it('keeping mine sends it again over their version', () => {
      const state = run(conflicted(), { type: 'resolve', key: '10:total', take: 'mine' });
      expect(pendingCells(state)).toEqual([{ key: '10:total', text: '5', value: 5, comment: null, expectedVersion: 2 }]);
    });
  });

  it('explains what stands in the way of submitting', () => {
    const state = run(initialState(grid), {
      type: 'saved', sent: [], at: AT,
      result: {
        saved: [],
        issues: [
          { severity: 'error', rule: 'ratio', dataElementId: 10, option: 'total', message: 'x' },
          { severity: 'warning', rule: 'yoy', dataElementId: 10, option: 'total', message: 'y', commented: false },
          { severity: 'warning', rule: 'yoy', dataElementId: 11, option: 'total', message: 'z', commented: true },
        ],
      },
    });
    expect(submitBlockReason(state)).toBe('暂不能提交：还有 1 项数据未填写；1 个错误须修改；1 个提示需填写说明');
    const filled = run(initialState(grid), { type: 'load', grid: { ...grid, rows: grid.rows.slice(0, 1) } });
    expect(submitBlockReason(filled)).toBeNull();
  });
});

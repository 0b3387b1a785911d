import { describe, expect, it } from 'vitest';
import type { GridDto } from '../../../../shared/api/reporting';
import { buildSections, cellKey, liveValue, moveForKey, moveFrom, navMatrix, type IndicatorMeta } from './gridModel';

type Row = GridDto['rows'][number];

const row = (indicatorId: number, dataElementId: number, role: Row['role'], options: Row['cells'][number]['option'][], name = `DE${dataElementId}`): Row => ({
  indicatorId,
  indicatorCode: `IND${indicatorId}`,
  indicatorName: `指标${indicatorId}`,
  dataElementId,
  dataElementCode: `DE${dataElementId}`,
  dataElementName: name,
  role,
  unit: null,
  valueType: 'count',
  cells: options.map((option) => ({ option, value: null, comment: null, version: null, previous: null, updatedAt: null })),
});

const meta = (id: number, num: number, den: number, factor: number): IndicatorMeta => ({
  id,
  unit: null,
  decimals: 2,
  options: ['total'],
  rules: { name: `指标${id}`, unit: null, formulaType: 'ratio', valueDeId: null, numeratorDeId: num, denominatorDeId: den, factor, minValue: null, maxValue: null, yoyThreshold: null },
});

// 孕产妇死亡率 (1: deaths 10 / births 11), 婴儿死亡率 (2: infant deaths 12 / the same births), 管理率 by area, 生长迟缓率 by sex.
const rows: Row[] = [
  row(1, 10, 'numerator', ['total']),
  row(1, 11, 'denominator', ['total'], '活产数'),
  row(2, 12, 'numerator', ['total']),
  row(3, 13, 'value', ['total', 'urban', 'rural']),
  row(4, 14, 'value', ['total', 'female', 'male']),
];
const options = ['total', 'female', 'male', 'urban', 'rural'] as const;
const matrix = navMatrix(rows, options);

describe('navMatrix and moveFrom', () => {
  it('lays out cells by row and option, with holes where a row is not broken down', () => {
    expect(matrix[3]).toEqual(['13:total', null, null, '13:urban', '13:rural']);
  });

  it('moves down and up a column, skipping rows without that option', () => {
    expect(moveFrom(matrix, '10:total', 'down')).toBe('11:total');
    expect(moveFrom(matrix, '14:total', 'up')).toBe('13:total');
    expect(moveFrom(matrix, '14:female', 'up')).toBeNull();
    expect(moveFrom(matrix, '13:urban', 'down')).toBeNull();
  });

  it('moves left and right within a row across holes, stopping at the edges', () => {
    expect(moveFrom(matrix, '13:total', 'right')).toBe('13:urban');
    expect(moveFrom(matrix, '13:rural', 'right')).toBeNull();
    expect(moveFrom(matrix, '13:urban', 'left')).toBe('13:total');
  });

  it('runs Tab and Shift+Tab through every cell row by row', () => {
    expect(moveFrom(matrix, '12:total', 'next')).toBe('13:total');
    expect(moveFrom(matrix, '13:rural', 'next')).toBe('14:total');
    expect(moveFrom(matrix, '13:total', 'prev')).toBe('12:total');
    expect(moveFrom(matrix, '14:male', 'next')).toBeNull();
    expect(moveFrom(matrix, 'nowhere', 'next')).toBeNull();
  });
});

describe('moveForKey', () => {
  const keys = { shiftKey: false, altKey: false, ctrlKey: false, metaKey: false };
  const caret = (start: number, end: number, length: number) => ({ start, end, length });

  it('maps Enter, Tab and the vertical arrows', () => {
    expect(moveForKey({ ...keys, key: 'Enter' }, caret(0, 0, 0))).toBe('down');
    expect(moveForKey({ ...keys, key: 'Enter', shiftKey: true }, caret(0, 0, 0))).toBe('up');
    expect(moveForKey({ ...keys, key: 'Tab' }, caret(0, 0, 0))).toBe('next');
    expect(moveForKey({ ...keys, key: 'Tab', shiftKey: true }, caret(0, 0, 0))).toBe('prev');
    expect(moveForKey({ ...keys, key: 'ArrowDown' }, caret(1, 1, 3))).toBe('down');
  });

  it('leaves left and right to the text unless the caret is at its edge', () => {
    expect(moveForKey({ ...keys, key: 'ArrowLeft' }, caret(1, 1, 3))).toBeNull();
    expect(moveForKey({ ...keys, key: 'ArrowLeft' }, caret(0, 0, 3))).toBe('left');
    expect(moveForKey({ ...keys, key: 'ArrowRight' }, caret(3, 3, 3))).toBe('right');
    expect(moveForKey({ ...keys, key: 'ArrowRight' }, caret(0, 3, 3))).toBeNull();
  });

  it('ignores other keys and modified ones', () => {
    expect(moveForKey({ ...keys, key: '5' }, caret(0, 0, 0))).toBeNull();
    expect(moveForKey({ ...keys, key: 'Enter', ctrlKey: true }, caret(0, 0, 0))).toBeNull();
  });
});

describe('buildSections', () => {
  const metas = new Map([
    [1, meta(1, 10, 11, 100_000)],
    [2, meta(2, 12, 11, 1000)],
  ]);

  it('groups rows by indicator and notes a denominator entered in another block', () => {
    const sections = buildSections({ rows, derived: [] }, metas);
    expect(sections.map((s) => [s.indicatorId, s.rows.length, s.isRatio])).toEqual([
      [1, 2, true],
      [2, 1, true],
      [3, 1, false],
      [4, 1, false],
    ]);
    expect(sections[1]!.sharedParts).toEqual([{ role: 'denominator', name: '活产数', inIndicator: '指标1' }]);
    expect(sections[0]!.sharedParts).toEqual([]);
  });

  it('without formulas, shows ratios for the options the server computed', () => {
    const sections = buildSections({ rows, derived: [{ indicatorId: 1, option: 'total', value: 7.5, previous: null }] }, new Map());
    expect(sections[0]!.derivedOptions).toEqual(['total']);
    expect(sections[0]!.meta).toBeNull();
  });
});

describe('liveValue', () => {
  it('computes numerator × factor / denominator from what is typed, across blocks', () => {
    const values = new Map<string, number | null>([
      [cellKey(10, 'total'), 5],
      [cellKey(11, 'total'), 3300],
      [cellKey(12, 'total'), 8],
    ]);
    expect(liveValue(meta(1, 10, 11, 100_000), values, 'total')).toBeCloseTo(151.515, 3);
    expect(liveValue(meta(2, 12, 11, 1000), values, 'total')).toBeCloseTo(2.424, 3);
  });

  it('has no value while a part is missing or the denominator is zero', () => {
    expect(liveValue(meta(1, 10, 11, 100_000), new Map([[cellKey(10, 'total'), 5]]), 'total')).toBeNull();
    expect(liveValue(meta(1, 10, 11, 100_000), new Map([[cellKey(10, 'total'), 5], [cellKey(11, 'total'), 0]]), 'total')).toBeNull();
  });
});

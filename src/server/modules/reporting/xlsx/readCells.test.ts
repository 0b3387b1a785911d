import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetNames } from './layout';
import { readText, readValue, type ValueRead } from './readCells';

const cellWith = (value: ExcelJS.CellValue, numFmt?: string) => {
  const cell = new ExcelJS.Workbook().addWorksheet('t').getCell('A1');
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
};

describe('reading a value cell', () => {
  const rate = { count: false, percentUnit: true };
  const count = { count: true, percentUnit: false };
  const cases: [string, ExcelJS.CellValue, typeof rate, ValueRead, string?][] = [
    ['a number', 95.5, rate, { kind: 'number', value: 95.5 }],
    ['nothing', null, rate, { kind: 'empty' }],
    ['blank text', '  ', rate, { kind: 'empty' }],
    ['the delete word', ' 删除 ', rate, { kind: 'delete' }],
    ['digits typed as text', ' 1,234 ', count, { kind: 'number', value: 1234 }],
    ['words', '约300', rate, { kind: 'invalid', reason: '应为数字，实为“约300”' }],
    ['a negative number', -3, rate, { kind: 'invalid', reason: '不能为负数，实为 -3' }],
    ['a negative number typed as text', '-3', rate, { kind: 'invalid', reason: '不能为负数，实为 -3' }],
    ['a fraction for a count', 2.5, count, { kind: 'invalid', reason: '应为整数，实为 2.5' }],
    ['a percentage where the unit is %', 0.953, rate, { kind: 'number', value: 95.3 }, '0.0%'],
    ['a percentage where the unit is not %', 0.95, count, { kind: 'invalid', reason: '请直接填写数字，不要使用百分比格式' }, '0%'],
    ['a formula’s result', { formula: 'A2+A3', result: 7 }, count, { kind: 'number', value: 7 }],
    ['a formula never calculated', { formula: 'A2+A3', result: undefined }, count, { kind: 'invalid', reason: '应为数字，实为“=A2+A3”' }],
    ['rich text', { richText: [{ text: '1' }, { text: '2' }] }, count, { kind: 'number', value: 12 }],
    ['an error value', { error: '#DIV/0!' } as ExcelJS.CellErrorValue, rate, { kind: 'invalid', reason: '应为数字，实为“#DIV/0!”' }],
    ['a date', new Date('2024-12-31T00:00:00Z'), rate, { kind: 'invalid', reason: '应为数字，实为“2024-12-31”' }],
    ['a boolean', true, rate, { kind: 'invalid', reason: '应为数字，实为“TRUE”' }],
  ];
  it.each(cases)('%s', (_name, value, rules, expected, numFmt) => {
    expect(readValue(cellWith(value, numFmt), rules)).toEqual(expected);
  });

  it('reads comments as trimmed text', () => {
    expect(readText(cellWith('  口径调整 '))).toBe('口径调整');
    expect(readText(cellWith(' '))).toBeNull();
    expect(readText(cellWith(12))).toBe('12');
  });
});

describe('sheet names', () => {
  it('are valid in Excel and unique regardless of case', () => {
    expect(sheetNames(['西岗区', '西岗区', 'a/b:c', 'x'.repeat(40), '_HALFSKY'])).toEqual(['西岗区', '西岗区（2）', 'a_b_c', 'x'.repeat(31), '_HALFSKY（2）']);
  });
});

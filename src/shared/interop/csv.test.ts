import { describe, expect, it } from 'vitest';
import { neutraliseCell, parseCsv, restoreNeutralised, toCsv } from './csv';

describe('CSV', () => {
  it.each([
    ['plain rows, LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF and no trailing newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted comma, quote and newline', '"x,y","say ""hi""","line1\nline2"\n', [['x,y', 'say "hi"', 'line1\nline2']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['a BOM and Chinese text', '\uFEFF数据元,值\nW01,说明，含全角逗号\n', [['数据元', '值'], ['W01', '说明，含全角逗号']]],
    ['blank lines are skipped', 'a\n\nb\n', [['a'], ['b']]],
  ])('parses %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('writes what it reads', () => {
    const rows = [['de', 'value', 'comment'], ['W01', '3.5', '口径调整, "国家"反馈'], ['W02', '', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(toCsv([[1, null, true]])).toBe('1,,true\r\n');
  });

  it.each([
    ['a formula', '=HYPERLINK("http://x","点击")', `'=HYPERLINK("http://x","点击")`],
    ['plus', '+1+cmd|/C calc', `'+1+cmd|/C calc`],
    ['minus with an expression', '-2+3', `'-2+3`],
    ['at', '@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['tab', '\t=1', `'\t=1`],
    ['carriage return', '\r=1', `'\r=1`],
    ['a negative number as text', '-12.5', '-12.5'],
    ['a signed exponent', '+1e-3', '+1e-3'],
    ['plain Chinese text', '已核实', '已核实'],
    ['a formula character later on', '说明=原值', '说明=原值'],
    ['empty', '', ''],
  ])('neutralises %s', (_name, input, output) => {
    expect(neutraliseCell(input)).toBe(output);
    expect(restoreNeutralised(output)).toBe(input);
  });

  it('leaves numbers, booleans and null alone, and neutralises every text field it writes', () => {
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(null)).toBe(null);
    expect(neutraliseCell(true)).toBe(true);
    expect(toCsv([['=1+1', -4, '-4', '@x']])).toBe(`'=1+1,-4,-4,'@x\r\n`);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

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
});

import { describe, expect, it } from 'vitest';
import { optionsFromLines } from './starter';

describe('optionsFromLines', () => {
  const before = [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }];
  it.each<[string, string, { code: string; label: string; other?: boolean }[]]>([
    ['unchanged lines keep their codes', '知道\n不知道', before],
    ['reordered lines keep their codes', '不知道\n知道', [{ code: '2', label: '不知道' }, { code: '1', label: '知道' }]],
    ['a new line gets the next free code', '知道\n不知道\n说不清', [...before, { code: '3', label: '说不清' }]],
    ['a removed line frees nothing: its code is not reused', '知道\n听说过', [{ code: '1', label: '知道' }, { code: '3', label: '听说过' }]],
    ['请注明 marks “other”; blank lines are dropped', '知道\n\n其他（请注明）', [{ code: '1', label: '知道' }, { code: '3', label: '其他（请注明）', other: true }]],
  ])('%s', (_n, text, expected) => {
    expect(optionsFromLines(text, before)).toEqual(expected);
  });
});

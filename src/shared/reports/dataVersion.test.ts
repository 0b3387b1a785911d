import { describe, expect, it } from 'vitest';
import { dataVersionTime, dataVersionToken } from './dataVersion';

describe('data version tokens', () => {
  it('reads back the moment a token was made', () => {
    const at = new Date('2026-12-05T06:02:11.345Z');
    expect(dataVersionTime(dataVersionToken(at, '9f3a0c1b'))).toEqual(at);
  });

  it.each([
    ['0', null],
    ['', null],
    ['mi0abc12', null],
    ['zzzzzzzzzz-00ff', null],
    ['1-00ff', null],
    ['miabcdef-Z!', null],
  ])('%j has no time', (token, expected) => {
    expect(dataVersionTime(token)).toBe(expected);
  });
});

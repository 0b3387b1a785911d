import { describe, expect, it } from 'vitest';
import { chineseNumeral, HeadingCounter } from './numbering';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it.each([0, 100, 1.5, -1])('refuses %s', (n) => expect(() => chineseNumeral(n)).toThrow(RangeError));
});

describe('HeadingCounter', () => {
  it('numbers 一、（一）1. and restarts the lower levels under a new heading', () => {
    const counter = new HeadingCounter();
    const levels = [1, 2, 3, 3, 2, 3, 1, 2, 1] as const;
    expect(levels.map((l) => counter.next(l))).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）', '三、']);
  });

  it.each([
    ['5岁以下儿童死亡率下降', '2．5岁以下儿童死亡率下降'],
    ['０—６岁儿童眼保健覆盖率', '2．０—６岁儿童眼保健覆盖率'],
    ['婴儿死亡率下降', '2.婴儿死亡率下降'],
  ])('keeps a third-level number apart from a text that starts with a digit: %s', (text, numbered) => {
    const counter = new HeadingCounter();
    counter.next(3, '新生儿死亡率');
    expect(counter.next(3, text)).toBe(numbered);
  });

  it('counts past ten in Chinese', () => {
    const counter = new HeadingCounter();
    const prefixes = Array.from({ length: 12 }, () => counter.next(1));
    expect(prefixes.slice(9)).toEqual(['十、', '十一、', '十二、']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkKeyLimits, elementOptionKey, ValueMap, yearKey, type ValueKey } from './keys';

const key = (dataElementId: number, orgUnitId: number, period: number, optionId: number): ValueKey => ({ dataElementId, orgUnitId, period, optionId });

describe('ValueMap', () => {
  it('keeps keys that differ in any one part apart, up to the limits', () => {
    const keys = [
      key(1, 1, 2024, 1),
      key(2, 1, 2024, 1),
      key(1, 2, 2024, 1),
      key(1, 1, 2025, 1),
      key(1, 1, 2024, 2),
      key(65_535, 2_097_151, 2155, 15),
      key(65_535, 2_097_151, 1900, 15),
      key(0, 0, 1900, 0),
    ];
    const map = new ValueMap<number>();
    keys.forEach((k, i) => map.set(k, i));
    expect(map.size).toBe(keys.length);
    keys.forEach((k, i) => {
      expect(map.get({ ...k })).toBe(i);
      expect(map.has({ ...k })).toBe(true);
    });
    expect(map.has(key(3, 1, 2024, 1))).toBe(false);
    expect(map.get(key(1, 1, 2023, 1))).toBeUndefined();
  });

  it('counts a key once when it is set again, and the last value wins', () => {
    const map = new ValueMap<string>().set(key(1, 1, 2024, 1), 'a').set(key(1, 1, 2024, 1), 'b');
    expect(map.size).toBe(1);
    expect(map.get(key(1, 1, 2024, 1))).toBe('b');
  });

  it('hands out one unit-year by element-option key', () => {
    const values = [{ ...key(7, 3, 2024, 2), value: 1 }, { ...key(8, 3, 2024, 1), value: 2 }, { ...key(7, 3, 2023, 2), value: 3 }];
    const row = ValueMap.of(values).at(3, 2024);
    expect([...row!.entries()].map(([k, v]) => [k, v.value])).toEqual([
      [elementOptionKey(7, 2), 1],
      [elementOptionKey(8, 1), 2],
    ]);
    expect(ValueMap.of(values).at(4, 2024)).toBeUndefined();
  });

  it('lists values in the value table key order: unit, year, data element, option', () => {
    const shuffled = [key(2, 10, 2024, 1), key(1, 2, 2025, 1), key(1, 10, 2023, 2), key(3, 2, 2025, 1), key(1, 10, 2023, 1), key(9, 1, 2030, 3)];
    expect(ValueMap.of(shuffled).inKeyOrder()).toEqual([
      key(9, 1, 2030, 3),
      key(1, 2, 2025, 1),
      key(3, 2, 2025, 1),
      key(1, 10, 2023, 1),
      key(1, 10, 2023, 2),
      key(2, 10, 2024, 1),
    ]);
  });

  it('keeps its inner keys small integers, which V8 does not box', () => {
    expect(yearKey(2_097_151, 2155)).toBeLessThan(2 ** 30);
    expect(elementOptionKey(65_535, 15)).toBeLessThan(2 ** 30);
  });
});

describe('checkKeyLimits', () => {
  it.each([
    [65_535, 2_097_151, 15, false],
    [65_536, 1, 1, true],
    [1, 2_097_152, 1, true],
    [1, 1, 16, true],
  ])('data element %i, unit %i, option %i → refused: %s', (de, unit, option, refused) => {
    const check = () => checkKeyLimits(de, unit, option);
    if (refused) expect(check).toThrow(/数据规模超出设计上限/);
    else expect(check).not.toThrow();
  });
});

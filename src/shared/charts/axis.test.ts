import { describe, expect, it } from 'vitest';
import { niceStep, valueAxisBounds } from './axis';

describe('niceStep', () => {
  it.each([
    [10, 2], [7, 2], [25, 5], [100, 20], [0.7, 0.2], [3, 1], [0, 1], [Number.NaN, 1],
  ])('span %s → %s', (span, step) => expect(niceStep(span)).toBeCloseTo(step, 10));
});

describe('valueAxisBounds', () => {
  it.each([
    ['a target above the data (70 over 55–62)', [55, 58, 62, 70], {}, { min: 50, max: 75 }],
    ['a target below the data', [12.5, 13, 14, 10], {}, { min: 9, max: 15 }],
    ['percentages near 100 stop at 100', [96, 98, 99.5, 100], { percent: true }, { min: 95, max: 100 }],
    ['non-negative data stays at 0 or above', [0, 1, 2], {}, { min: 0, max: 2.5 }],
    ['negative values go below 0', [-3, 2], {}, { min: -4, max: 4 }],
    ['one value', [42], {}, { min: 39, max: 45 }],
    ['zero alone', [0], {}, { min: 0, max: 1 }],
  ])('%s', (_, values, options, bounds) => expect(valueAxisBounds(values, options)).toEqual(bounds));

  it('has nothing to fit without values', () => {
    expect(valueAxisBounds([])).toBeNull();
    expect(valueAxisBounds([Number.NaN])).toBeNull();
  });

  it('always contains every value', () => {
    for (const values of [[0.12, 0.5, 0.31], [1234, 5678], [99.9, 100], [5, 5, 5], [-0.5, 0.5]]) {
      const { min, max } = valueAxisBounds(values, { percent: true })!;
      for (const v of values) expect(v >= min && v <= max).toBe(true);
    }
  });
});

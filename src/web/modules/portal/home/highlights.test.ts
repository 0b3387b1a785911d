import { describe, expect, it } from 'vitest';
import type { PublicAreasDto } from '../api';
import { highlightsOf } from './highlights';

const ind = (id: number, withData = true) => ({ id, latest: withData ? { year: 2024, value: 1 } : null, status: withData ? 'on_track' : null }) as unknown as PublicAreasDto['areas'][number]['indicators'][number];
const areas = (...lists: ReturnType<typeof ind>[][]): PublicAreasDto => ({ orgUnit: { id: 1, name: '大连市' }, areas: lists.map((indicators, no) => ({ planTitle: 'p', no, title: `a${no}`, indicators })) });

describe('indicator highlights', () => {
  it.each([
    ['one per area first, then the next of each', areas([ind(1), ind(2), ind(3)], [ind(4)], [ind(5), ind(6)]), 4, [1, 4, 5, 2]],
    ['skips indicators without data or status', areas([ind(1, false), ind(2)], [ind(3, false)]), 6, [2]],
    ['fewer than asked when there are few', areas([ind(1)]), 6, [1]],
    ['an indicator in two areas once', areas([ind(1)], [ind(1), ind(2)]), 6, [1, 2]],
  ])('%s', (_name, data, count, ids) => {
    expect(highlightsOf(data, count).map((i) => i.id)).toEqual(ids);
  });
});

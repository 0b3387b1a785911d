import { describe, expect, it } from 'vitest';
import { eventsByYear } from './eventsByYear';

const ev = (no: number, date: string | null) => ({ id: no, no, date, title: `事${no}`, text: '', indicatorId: null, linkUrl: null, pictures: [] });

describe('大事记 by year', () => {
  it('puts the newest year first, each year in date order, a year without month before its months, undated last', () => {
    const years = eventsByYear([ev(1, '2011-03'), ev(2, '2012'), ev(3, '2011-01'), ev(4, null), ev(5, '2012-07'), ev(6, '2011-03')]);
    expect(years.map((y) => [y.year, y.events.map((e) => e.no)])).toEqual([
      ['2012', [2, 5]],
      ['2011', [3, 1, 6]],
      ['', [4]],
    ]);
  });

  it('has no years without events', () => {
    expect(eventsByYear([])).toEqual([]);
  });
});

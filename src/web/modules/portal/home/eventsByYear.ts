import type { EventDto } from '../../../../shared/api/publishing';

export interface EventYear { year: string; events: EventDto[] }

/**
 * Events grouped by the year of their date, the newest year first and each year in date order
 * (then by number); undated events last, under the year ''.
 */
export function eventsByYear(events: readonly EventDto[]): EventYear[] {
  const groups = new Map<string, EventDto[]>();
  for (const e of events) {
    const year = e.date?.slice(0, 4) ?? '';
    groups.set(year, [...(groups.get(year) ?? []), e]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : b.localeCompare(a)))
    .map(([year, list]) => ({ year, events: list.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.no - b.no) }));
}

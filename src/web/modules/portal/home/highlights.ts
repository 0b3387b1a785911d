import type { PublicAreasDto } from '../api';

export const HIGHLIGHTS = 6;

type Indicator = PublicAreasDto['areas'][number]['indicators'][number];

/**
 * The indicators the home page shows: one per plan area (its first with data and a status), so
 * every area is represented, then more from the areas in order until there are `HIGHLIGHTS`.
 */
export function highlightsOf(data: PublicAreasDto, count = HIGHLIGHTS): Indicator[] {
  const candidates = data.areas.map((a) => a.indicators.filter((i) => i.latest && i.status));
  const chosen: Indicator[] = [];
  for (let round = 0; chosen.length < count && candidates.some((c) => c.length > round); round++) {
    for (const list of candidates) {
      const next = list[round];
      if (next && chosen.length < count && !chosen.some((c) => c.id === next.id)) chosen.push(next);
    }
  }
  return chosen;
}

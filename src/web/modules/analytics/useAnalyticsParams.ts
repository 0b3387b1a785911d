import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AnalyticsParams, DataScope } from './api';

const positiveInt = (text: string | null): number | undefined => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The unit, scope, milestone and data year of an analytics page, kept in the address so a view can be
 * bookmarked or sent; absent values let the server choose (the user's unit, the next milestone).
 */
export function useAnalyticsParams() {
  const [search, setSearch] = useSearchParams();
  const orgUnitId = positiveInt(search.get('orgUnitId'));
  const milestone = positiveInt(search.get('milestone'));
  const year = positiveInt(search.get('year'));
  const scope: DataScope = search.get('scope') === 'all' ? 'all' : 'approved';
  const params = useMemo<AnalyticsParams>(() => ({ orgUnitId, scope, milestone, year }), [orgUnitId, scope, milestone, year]);

  const update = useCallback(
    (change: Partial<Record<'orgUnitId' | 'milestone' | 'year' | 'scope' | 'kind' | 'acknowledged' | 'unitId' | 'indicatorId' | 'departmentId' | 'followup', string | number | undefined>>) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined || value === '' || (key === 'scope' && value === 'approved')) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return { params, search, update };
}

/** `?orgUnitId=…&scope=…` to carry the current view onto a linked page. */
export function carryQuery(p: AnalyticsParams, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  if (p.orgUnitId !== undefined) params.set('orgUnitId', String(p.orgUnitId));
  if (p.scope !== 'approved') params.set('scope', p.scope);
  if (p.milestone !== undefined) params.set('milestone', String(p.milestone));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

import type { z } from 'zod';
import type {
  AchievementDto, DataScope, IndicatorAnalyticsDto, OverviewDto, PublicAreasDto, ScorecardDto, WarningCountsSchema, WarningDto, WarningListSchema, WARNING_KINDS,
} from '../../../shared/api/analytics';
import { api } from '../../http/client';

export type { AchievementDto, DataScope, IndicatorAnalyticsDto, OverviewDto, PublicAreasDto, ScorecardDto, WarningDto };
export type WarningCountsDto = z.infer<typeof WarningCountsSchema>;
export type WarningKind = (typeof WARNING_KINDS)[number];
export type WarningListDto = z.infer<typeof WarningListSchema>;

/** What every analytics view is asked for: a unit (default: the user's own), which data, which milestone. */
export interface AnalyticsParams {
  orgUnitId?: number;
  scope: DataScope;
  milestone?: number;
  /** Data year, for the scorecard. */
  year?: number;
}

export interface WarningFilters {
  kind?: WarningKind;
  acknowledged?: 'yes' | 'no';
}

/** `?a=1&b=2` of the defined values, or '' when there are none. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const analyticsQuery = (p: AnalyticsParams) => queryString({ orgUnitId: p.orgUnitId, scope: p.scope, milestone: p.milestone });
const scorecardQuery = (p: AnalyticsParams) => queryString({ orgUnitId: p.orgUnitId, scope: p.scope, milestone: p.milestone, year: p.year });

/** Read endpoints, for useApiGet and download links. */
export const analyticsUrls = {
  overview: (p: AnalyticsParams) => `/api/analytics/overview${analyticsQuery(p)}`,
  indicator: (id: number, p: AnalyticsParams) => `/api/analytics/indicators/${id}${analyticsQuery(p)}`,
  indicatorTable: (id: number, p: AnalyticsParams) => `/api/analytics/indicators/${id}/table.xlsx${queryString({ orgUnitId: p.orgUnitId, scope: p.scope })}`,
  scorecard: (p: AnalyticsParams) => `/api/analytics/scorecard${scorecardQuery(p)}`,
  scorecardXlsx: (p: AnalyticsParams) => `/api/analytics/scorecard.xlsx${scorecardQuery(p)}`,
  warnings: (p: AnalyticsParams, f: WarningFilters) =>
    `/api/analytics/warnings${queryString({ orgUnitId: p.orgUnitId, scope: p.scope, milestone: p.milestone, kind: f.kind, acknowledged: f.acknowledged })}`,
  achievement: (p: AnalyticsParams) => `/api/analytics/achievement${analyticsQuery(p)}`,
  achievementXlsx: (p: AnalyticsParams) => `/api/analytics/achievement.xlsx${analyticsQuery(p)}`,
  orgUnits: '/api/org-units',
};

export const analyticsApi = {
  acknowledge: (keys: string[], comment: string) => api.post<void>('/api/analytics/warnings/acknowledge', { keys, comment }),
};

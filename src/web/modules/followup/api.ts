import type { FollowupDetailDto, FollowupDto, FollowupWarningListDto, WarningRowDto } from '../../../shared/api/followup';
import { api } from '../../http/client';
import { queryString, type AnalyticsParams } from '../analytics/api';

export type { FollowupDetailDto, FollowupDto, FollowupWarningListDto, WarningRowDto };

export interface WarningRowFilters {
  kind?: string;
  acknowledged?: string;
  unitId?: number;
  indicatorId?: number;
  departmentId?: number;
  followup?: string;
}

const warningsQuery = (p: AnalyticsParams, f: WarningRowFilters) =>
  queryString({ orgUnitId: p.orgUnitId, scope: p.scope, milestone: p.milestone, kind: f.kind, acknowledged: f.acknowledged, unitId: f.unitId, indicatorId: f.indicatorId, departmentId: f.departmentId, followup: f.followup });

export const followupUrls = {
  warnings: (p: AnalyticsParams, f: WarningRowFilters) => `/api/followup/warnings${warningsQuery(p, f)}`,
  warningsXlsx: (p: AnalyticsParams, f: WarningRowFilters) => `/api/followup/warnings.xlsx${warningsQuery(p, f)}`,
  list: (status: 'open' | 'all') => `/api/followups?status=${status}`,
  detail: (id: number) => `/api/followups/${id}`,
};

export const followupApi = {
  assign: (keys: string[], deadline: string, departmentId?: number, note?: string) =>
    api.post<{ assigned: number[] }>('/api/followup/assign', { keys, deadline, ...(departmentId && { departmentId }), ...(note && { note }) }),
  answer: (id: number, body: { cause: string; measures: string; expectedOn: string }) => api.post<FollowupDetailDto>(`/api/followups/${id}/answer`, body),
  review: (id: number, action: 'accept' | 'return' | 'close', comment?: string) => api.post<FollowupDetailDto>(`/api/followups/${id}/${action}`, comment ? { comment } : {}),
};

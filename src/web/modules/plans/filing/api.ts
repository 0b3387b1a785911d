import type { FilingDto, PlanLifecycleDto } from '../../../../shared/api/planFiling';
import { api } from '../../../http/client';

/** Plan lifecycle and 备案 endpoints. */
export const filingUrls = {
  lifecycle: (planId: number) => `/api/plans/${planId}/lifecycle`,
  ofPlan: (planId: number) => `/api/plans/${planId}/filings`,
  overview: (unitId: number | null) => (unitId === null ? '/api/filings' : `/api/filings?unitId=${unitId}`),
  filing: (id: number) => `/api/filings/${id}`,
};

export const lifecycleApi = {
  release: (planId: number, releasedOn: string) => api.post<PlanLifecycleDto>(`/api/plans/${planId}/release`, { releasedOn }),
  repeal: (planId: number) => api.post<PlanLifecycleDto>(`/api/plans/${planId}/repeal`),
  archive: (planId: number) => api.post<PlanLifecycleDto>(`/api/plans/${planId}/archive`),
  unarchive: (planId: number) => api.post<PlanLifecycleDto>(`/api/plans/${planId}/unarchive`),
  remove: (planId: number) => api.delete(`/api/plans/${planId}`),
  file: (planId: number, note: string | null) => api.post<FilingDto>(`/api/plans/${planId}/filings`, { note }),
  accept: (id: number) => api.post<FilingDto>(`/api/filings/${id}/accept`),
  return: (id: number, reason: string) => api.post<FilingDto>(`/api/filings/${id}/return`, { reason }),
};

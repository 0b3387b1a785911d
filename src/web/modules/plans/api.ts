import type {
  GoalDto,
  PlanImportDto,
  PlanPreviewDto,
  TargetDto,
  TargetInputDto,
} from '../../../shared/api/plans';
import { api } from '../../http/client';

export interface PlanSource {
  name: string;
  text: string;
}

function planFileForm(file: File, orgUnitId: number | null): FormData {
  const form = new FormData();
  // The org unit goes first so the server knows it before it reads the file stream.
  if (orgUnitId !== null) form.append('orgUnitId', String(orgUnitId));
  form.append('file', file, file.name);
  return form;
}

/** Read endpoints, for useApiGet. */
export const plansUrls = {
  list: '/api/plans',
  detail: (id: number) => `/api/plans/${id}`,
  source: (id: number) => `/api/plans/${id}/source`,
  versions: (id: number) => `/api/plans/${id}/versions`,
  linkFlags: (id: number) => `/api/plans/${id}/link-flags`,
};

export const plansApi = {
  preview: (file: File, orgUnitId: number | null) =>
    api.upload<PlanPreviewDto>('/api/plans/preview', planFileForm(file, orgUnitId)),
  import: (file: File, orgUnitId: number | null) =>
    api.upload<PlanImportDto>('/api/plans/import', planFileForm(file, orgUnitId)),
  updateTarget: (id: number, input: TargetInputDto) => api.patch<TargetDto>(`/api/targets/${id}`, input),
  addTarget: (goalId: number, input: TargetInputDto) => api.post<TargetDto>(`/api/goals/${goalId}/targets`, input),
  deleteTarget: (id: number) => api.delete(`/api/targets/${id}`),
  setGoalQualitative: (goalId: number, qualitative: boolean) =>
    api.patch<GoalDto>(`/api/goals/${goalId}`, { qualitative }),
  resolveFlag: (flagId: number, action: 'keep' | 'accept') => api.post<null>(`/api/plan-link-flags/${flagId}/resolve`, { action }),
};

import type {
  GenerateBodyDto, GenerateResultDto, ImportResultDto, IndicatorDto, IndicatorInputDto,
} from '../../../shared/api/indicators';
import { api } from '../../http/client';

/** Read endpoints, for useApiGet. */
export const indicatorUrls = {
  list: '/api/indicators',
  meta: '/api/indicators/meta',
  detail: (id: number) => `/api/indicators/${id}`,
  candidates: (planId: number) => `/api/plans/${planId}/indicator-candidates`,
  planTargets: (id: number) => `/api/indicators/${id}/plan-targets`,
  linkFlags: (id: number) => `/api/indicators/${id}/link-flags`,
  exportXlsx: '/api/indicators/export.xlsx',
};

export const indicatorsApi = {
  create: (input: IndicatorInputDto) => api.post<IndicatorDto>('/api/indicators', input),
  update: (id: number, input: IndicatorInputDto) => api.put<IndicatorDto>(`/api/indicators/${id}`, input),
  remove: (id: number) => api.delete(`/api/indicators/${id}`),
  generate: (planId: number, body: GenerateBodyDto) => api.post<GenerateResultDto>(`/api/plans/${planId}/indicators`, body),
  importXlsx: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportResultDto>('/api/indicators/import', form);
  },
};

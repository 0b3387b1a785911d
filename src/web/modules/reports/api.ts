import type { EvaluationAdviceInputDto, FindingEditInputDto, ReportDocumentDto } from '../../../shared/api/reports';
import type { ReportAction } from '../../../shared/reports/workflow';
import { api } from '../../http/client';

/** Report endpoints: annual monitoring reports and evaluation reports (src/server/modules/reports/routes.ts). */
export const reportUrls = {
  list: '/api/reports',
  report: (id: number) => `/api/reports/${id}`,
  docx: (id: number) => `/api/reports/${id}/report.docx`,
  pdf: (id: number) => `/api/reports/${id}/report.pdf`,
  compilation: (orgUnitId: number, from: number, to: number) => `/api/reports/compilation.xlsx?orgUnitId=${orgUnitId}&from=${from}&to=${to}`,
  published: (orgUnitId?: number) => (orgUnitId === undefined ? '/api/public/reports' : `/api/public/reports?orgUnitId=${orgUnitId}`),
};

export const reportsApi = {
  create: (orgUnitId: number, year: number, plan: 'women' | 'children' | 'both') => api.post<ReportDocumentDto>(reportUrls.list, { orgUnitId, year, plan }),
  createEvaluation: (roundId: number) => api.post<ReportDocumentDto>('/api/reports/evaluation', { roundId }),
  saveAdvice: (id: number, input: EvaluationAdviceInputDto) => api.put<ReportDocumentDto>(`/api/reports/${id}/advice`, input),
  saveFinding: (id: number, indicatorId: number, input: FindingEditInputDto) => api.put<ReportDocumentDto>(`/api/reports/${id}/findings/${indicatorId}`, input),
  regenerate: (id: number) => api.post<{ document: ReportDocumentDto; restored: string[] }>(`/api/reports/${id}/regenerate`),
  act: (id: number, action: ReportAction, comment: string | null = null) => api.post<ReportDocumentDto>(`/api/reports/${id}/steps`, { action, comment }),
  remove: (id: number) => api.delete(reportUrls.report(id)),
};

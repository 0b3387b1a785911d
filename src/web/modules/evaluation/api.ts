import type { AttachmentDto } from '../../../shared/api/attachments';
import type { CandidatesDto, CreateRoundInput, FormDto, FormSummaryDto, ResultsDto, ReviewFormInput, RoundDetailDto, RoundSummaryDto, SaveFormInput } from '../../../shared/api/evaluation';
import type { AnswerRectificationInput, SiteCheckDto, SiteCheckInput } from '../../../shared/api/evaluationChecks';
import { api } from '../../http/client';

export type { CandidatesDto, FormDto, FormSummaryDto, ResultsDto, RoundDetailDto, RoundSummaryDto };

export const evaluationUrls = {
  rounds: '/api/evaluation/rounds',
  round: (id: number) => `/api/evaluation/rounds/${id}`,
  results: (id: number) => `/api/evaluation/rounds/${id}/results`,
  report: (id: number) => `/api/evaluation/rounds/${id}/report.docx`,
  form: (id: number) => `/api/evaluation/forms/${id}`,
  candidates: (planId: number) => `/api/evaluation/candidates?planId=${planId}`,
  siteChecks: (roundId: number) => `/api/evaluation/rounds/${roundId}/site-checks`,
};

export const evaluationApi = {
  create: (input: CreateRoundInput) => api.post<RoundDetailDto>('/api/evaluation/rounds', input),
  save: (id: number, input: SaveFormInput) => api.put<FormDto>(`/api/evaluation/forms/${id}`, input),
  review: (id: number, input: ReviewFormInput) => api.post<FormDto>(`/api/evaluation/forms/${id}/review`, input),
  uploadEvidence: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<AttachmentDto>('/api/attachments?ownerKind=evaluation_form', form);
  },
  recordCheck: (roundId: number, input: SiteCheckInput) => api.post<SiteCheckDto>(`/api/evaluation/rounds/${roundId}/site-checks`, input),
  updateCheck: (id: number, input: SiteCheckInput) => api.put<SiteCheckDto>(`/api/evaluation/site-checks/${id}`, input),
  deleteCheck: (id: number) => api.delete(`/api/evaluation/site-checks/${id}`),
  answerRectification: (id: number, input: AnswerRectificationInput) => api.put<SiteCheckDto>(`/api/evaluation/rectifications/${id}/answer`, input),
};

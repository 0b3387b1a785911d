import type { AttachmentDto } from '../../../shared/api/attachments';
import type { CandidatesDto, CreateRoundInput, FormDto, FormSummaryDto, ResultsDto, ReviewFormInput, RoundDetailDto, RoundSummaryDto, SaveFormInput, SetWeightsInput, WeightsDto } from '../../../shared/api/evaluation';
import type { AnswerRectificationInput, SiteCheckDto, SiteCheckInput } from '../../../shared/api/evaluationChecks';
import type { CreateEvaluatorInput, EvaluatorAuditDto, EvaluatorCreatedDto, EvaluatorDto, ExtendEvaluatorInput, ThirdPartyScoreInput, ThirdPartySheetDto } from '../../../shared/api/evaluationEvaluators';
import { api } from '../../http/client';

export type { CandidatesDto, FormDto, FormSummaryDto, ResultsDto, RoundDetailDto, RoundSummaryDto, WeightsDto };

export const evaluationUrls = {
  rounds: '/api/evaluation/rounds',
  round: (id: number) => `/api/evaluation/rounds/${id}`,
  results: (id: number) => `/api/evaluation/rounds/${id}/results`,
  report: (id: number) => `/api/evaluation/rounds/${id}/report.docx`,
  form: (id: number) => `/api/evaluation/forms/${id}`,
  candidates: (planId: number) => `/api/evaluation/candidates?planId=${planId}`,
  siteChecks: (roundId: number) => `/api/evaluation/rounds/${roundId}/site-checks`,
  evaluators: (roundId: number) => `/api/evaluation/rounds/${roundId}/evaluators`,
  thirdParty: (roundId: number) => `/api/evaluation/rounds/${roundId}/third-party`,
  weights: (roundId: number) => `/api/evaluation/rounds/${roundId}/weights`,
};

export const evaluationApi = {
  create: (input: CreateRoundInput) => api.post<RoundDetailDto>('/api/evaluation/rounds', input),
  close: (id: number) => api.post<RoundDetailDto>(`/api/evaluation/rounds/${id}/close`),
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
  addEvaluator: (roundId: number, input: CreateEvaluatorInput) => api.post<EvaluatorCreatedDto>(`/api/evaluation/rounds/${roundId}/evaluators`, input),
  extendEvaluator: (id: number, input: ExtendEvaluatorInput) => api.put<EvaluatorDto>(`/api/evaluation/evaluators/${id}`, input),
  revokeEvaluator: (id: number) => api.post<EvaluatorDto>(`/api/evaluation/evaluators/${id}/revoke`),
  evaluatorAudit: (id: number) => api.get<EvaluatorAuditDto>(`/api/evaluation/evaluators/${id}/audit`),
  setWeights: (roundId: number, input: SetWeightsInput) => api.put<WeightsDto>(`/api/evaluation/rounds/${roundId}/weights`, input),
  resetWeights: (roundId: number, scope: SetWeightsInput['scope'], targetId: number) => api.delete(`/api/evaluation/rounds/${roundId}/weights?scope=${scope}&targetId=${targetId}`),
  scoreThirdParty: (roundId: number, goalId: number, input: ThirdPartyScoreInput) => api.put<ThirdPartySheetDto>(`/api/evaluation/rounds/${roundId}/third-party/${goalId}`, input),
};

import type { AccessCodeDto, BankQuestionDto, FeedDto, FeedInput, SurveyDto, SurveyInput, SurveySummary } from '../../../shared/api/surveys';
import type { ChoiceChart } from '../../../shared/charts/surveys';
import type { Question } from '../../../shared/surveys/model';
import type { CrossTab, QuestionStats } from '../../../shared/surveys/stats';
import { api } from '../../http/client';

export type { AccessCodeDto, BankQuestionDto, FeedDto, FeedInput, SurveyDto, SurveyInput, SurveySummary };

export interface StatsDto {
  total: number;
  responses: number;
  questions: QuestionStats[];
  crossTab: CrossTab | null;
}

export interface StatsParams {
  filter?: string;
  rows?: string;
  columns?: string;
}

/** `Q1:pie;Q4:bar`: the charts picked on the statistics page, for the report. */
export const chartsParam = (charts: Record<string, ChoiceChart>) => Object.entries(charts).map(([code, chart]) => `${code}:${chart}`).join(';') || undefined;

const base = (id: number) => `/api/surveys/${id}`;
const query = (p: StatsParams) => {
  const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();
  return q ? `?${q}` : '';
};

export const surveyUrls = {
  list: '/api/surveys',
  one: base,
  rights: (id: number) => `${base(id)}/rights`,
  stats: (id: number, p: StatsParams) => `${base(id)}/stats${query(p)}`,
  codes: (id: number) => `${base(id)}/codes`,
  feeds: (id: number) => `${base(id)}/feeds`,
  qr: (id: number, format: 'png' | 'svg') => `${base(id)}/qr.${format}`,
  responses: (id: number, format: 'xlsx' | 'csv', as: 'labels' | 'codes' = 'labels') => `${base(id)}/responses.${format}?as=${as}`,
  summary: (id: number, p: StatsParams) => `${base(id)}/summary.xlsx${query(p)}`,
  report: (id: number, p: StatsParams & { charts?: string }) => `${base(id)}/report.docx${query(p)}`,
  bank: (orgUnitId: number, text: string) => `/api/survey-bank?${new URLSearchParams({ orgUnitId: String(orgUnitId), ...(text ? { q: text } : {}) }).toString()}`,
  publicLink: (publicId: string) => `${location.origin}/s/${publicId}`,
};

export const surveysApi = {
  create: (input: SurveyInput) => api.post<SurveyDto>(surveyUrls.list, input),
  update: (id: number, input: SurveyInput) => api.put<SurveyDto>(base(id), input),
  remove: (id: number) => api.delete(base(id)),
  copy: (id: number, body: { audience?: 'adult' | 'child'; asVariant?: boolean }) => api.post<SurveyDto>(`${base(id)}/copy`, body),
  publish: (id: number) => api.post<SurveyDto>(`${base(id)}/publish`),
  close: (id: number) => api.post<SurveyDto>(`${base(id)}/close`),
  addCodes: (id: number, body: { count: number; label: string | null }) => api.post<AccessCodeDto[]>(surveyUrls.codes(id), body),
  addFeed: (id: number, body: FeedInput) => api.post<FeedDto[]>(surveyUrls.feeds(id), body),
  removeFeed: (id: number, feedId: number) => api.delete(`${surveyUrls.feeds(id)}/${feedId}`),
  saveToBank: (orgUnitId: number, question: Question) => api.post<BankQuestionDto>('/api/survey-bank', { orgUnitId, question }),
  writeFeed: (id: number, feedId: number) => api.post<FeedDto>(`${surveyUrls.feeds(id)}/${feedId}/write`),
};

/** The editable part of a survey, as the form sends it back. */
export const inputOf = (s: SurveyDto): SurveyInput => ({
  orgUnitId: s.orgUnit.id, title: s.title, description: s.description, audience: s.audience, definition: s.definition, opensAt: s.opensAt, closesAt: s.closesAt, accessMode: s.accessMode,
});

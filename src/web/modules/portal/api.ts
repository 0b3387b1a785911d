import type { IndicatorAnalyticsDto, PublicAreasDto } from '../../../shared/api/analytics';
import type { ArticleCategory, ArticlePage, EventDto, SearchResultDto } from '../../../shared/api/publishing';
import type { OpenSurveyDto } from '../../../shared/api/surveys';
import { queryString } from '../analytics/api';

export type { ArticlePage, EventDto, IndicatorAnalyticsDto, OpenSurveyDto, PublicAreasDto, SearchResultDto };
export type PublicIndicatorSummary = PublicAreasDto['areas'][number]['indicators'][number] & {
  /** The total's series for a sparkline, when the server sends it. */
  series?: { year: number; value: number }[];
};

export interface PublicUnit {
  id: number;
  name: string;
  level: string;
}

/** The public portal's endpoints: no login, approved data of published indicators only. */
export const publicUrls = {
  units: '/api/public/units',
  areas: (orgUnitId?: number) => `/api/public/areas${queryString({ orgUnitId })}`,
  indicator: (id: number, orgUnitId?: number) => `/api/public/indicators/${id}${queryString({ orgUnitId })}`,
  sdmx: '/api/public/data.sdmx.csv',
  adx: '/api/public/data.adx.xml',
  articles: (q: { orgUnitId?: number; category?: ArticleCategory; page: number; pageSize: number }) => `/api/public/articles${queryString(q)}`,
  events: (orgUnitId?: number) => `/api/public/events${queryString({ orgUnitId })}`,
  surveys: (orgUnitId: number) => `/api/public/surveys${queryString({ orgUnitId })}`,
  search: (q: string) => `/api/public/search${queryString({ q })}`,
  /** Server-rendered pages: plain links, outside this app. */
  articlePage: (id: number) => `/portal/articles/${id}`,
  feed: '/feed.xml',
};

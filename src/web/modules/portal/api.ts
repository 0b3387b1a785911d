import type { IndicatorAnalyticsDto, PublicAreasDto } from '../../../shared/api/analytics';
import { queryString } from '../analytics/api';

export type { IndicatorAnalyticsDto, PublicAreasDto };
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
};

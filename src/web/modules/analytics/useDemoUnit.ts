import type { OrgUnitDto } from '../../../shared/api/orgs';
import { useDemoData } from '../../components/DemoData';
import { useApiGet } from '../../http/useApiGet';
import { analyticsUrls } from './api';

/** Marks the page as showing demo data when the unit analysed is a demo unit. */
export function useDemoUnit(orgUnitId: number | undefined): void {
  const { data } = useApiGet<OrgUnitDto[]>(analyticsUrls.orgUnits);
  useDemoData(orgUnitId !== undefined && (data?.find((u) => u.id === orgUnitId)?.isDemo ?? false));
}

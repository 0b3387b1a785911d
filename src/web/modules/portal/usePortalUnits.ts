import { useSearchParams } from 'react-router-dom';
import { useApiGet } from '../../http/useApiGet';
import { publicUrls, type PublicUnit } from './api';

const positiveInt = (text: string | null) => (text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/** The committee whose name heads the portal: the top unit's. */
export const committeeName = (units: readonly PublicUnit[] | undefined) => (units?.[0] ? `${units[0].name}妇女儿童工作委员会` : '妇女儿童工作委员会');

/**
 * The public units and the one the visitor is looking at (`?orgUnitId=`, the city when absent):
 * a district has its own section of the portal.
 */
export function usePortalUnits() {
  const [search] = useSearchParams();
  const requested = positiveInt(search.get('orgUnitId'));
  const { data: units, error, reload } = useApiGet<PublicUnit[]>(publicUrls.units);
  const unit = units ? (requested === undefined ? units[0] : units.find((u) => u.id === requested)) : undefined;
  return { units, unit, isTop: !!units && unit === units[0], requested, error, reload, name: committeeName(units) };
}

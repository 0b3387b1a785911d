import type { Me } from '../../../shared/api/auth';
import type { SurveySummary } from '../../../shared/api/surveys';
import { can } from '../../../shared/policy';
import { allows } from '../auth/permissions';

/** 发起单位: the owning member department, or the unit's office. */
export const ownerName = (s: Pick<SurveySummary, 'orgUnit' | 'department'>): string => s.department?.name ?? `${s.orgUnit.name}妇儿工委办公室`;

/** The key a list filters owners by: a department's id, or the office of a unit. */
export const ownerKey = (s: Pick<SurveySummary, 'orgUnit' | 'department'>): string => (s.department ? `d${s.department.id}` : `u${s.orgUnit.id}`);

/**
 * Where a user builds new surveys: as an office (or admin) for a unit it picks; otherwise as the
 * member department the office authorised (可发起问卷调查), at that department's unit. Null: nowhere.
 */
export function builderSeat(user: Me): { kind: 'office' } | { kind: 'department'; orgUnitId: number; departmentId: number } | null {
  if (allows(user, 'surveys.manage')) return { kind: 'office' };
  const seat = user.roles.find((r) => r.orgUnitId !== null && r.departmentId !== null && can({ roles: [r] }, 'surveys.manageOwn', { orgUnitId: r.orgUnitId, departmentId: r.departmentId }));
  return seat ? { kind: 'department', orgUnitId: seat.orgUnitId!, departmentId: seat.departmentId! } : null;
}

/** 问卷调查 in the menu: the committee roles, the reporters of an authorised department, and of one that owns surveys (authorisation withdrawn: read only). */
export const seesSurveys = (user: Me): boolean => allows(user, 'surveys.read') || allows(user, 'surveys.manageOwn') || allows(user, 'surveys.readOwn');

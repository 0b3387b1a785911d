import { can } from '../../../shared/policy';
import type { AuthContext } from '../auth/service';
import { reportingDepartment, type ReportingDictionary } from './dictionary';

/**
 * Who may see one value (src/shared/policy.ts): a reader of a seat responsible for its data
 * element at that unit, or a reader of the whole unit. The same rule for the audit trail and the
 * dataValueSets export.
 */
export function canReadValue(auth: AuthContext, dict: ReportingDictionary, dataElementId: number, orgUnitId: number): boolean {
  for (const indicator of dict.indicatorsByDataElement.get(dataElementId) ?? []) {
    const departmentId = reportingDepartment(dict, indicator, orgUnitId);
    if (departmentId !== undefined && can(auth, 'data.read', { orgUnitId, departmentId, tree: dict.tree })) return true;
  }
  return can(auth, 'data.readUnit', { orgUnitId, tree: dict.tree });
}

import type { Me } from '../../../../shared/api/auth';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { isAdmin } from '../permissions';

type Seat = Pick<SubmissionDto, 'orgUnit' | 'department'>;

/**
 * Whether to offer uploading a template: the server stores values from the seat's reporters and
 * from the statistics group (whose unit scope it checks itself). Without a seat, for a task's
 * department template that may span units, only the statistics group. Others only download.
 */
export function mayUpload(user: Me, seat: Seat | null): boolean {
  if (isAdmin(user) || user.roles.some((r) => r.role === 'statistics')) return true;
  return seat !== null && user.roles.some((r) => r.role === 'reporter' && r.orgUnitId === seat.orgUnit.id && r.departmentId === seat.department.id);
}

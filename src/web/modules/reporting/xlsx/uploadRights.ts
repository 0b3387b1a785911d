import type { Me } from '../../../../shared/api/auth';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { grantScope } from '../../../../shared/policy';
import { allows } from '../../auth/permissions';

type Seat = Pick<SubmissionDto, 'orgUnit' | 'department'>;

/**
 * Whether to offer uploading a template: the server stores values from the seat's reporters and
 * from the statistics group (whose unit scope it checks itself). Without a seat, for a task's
 * department template that may span units, only the statistics group. Others only download.
 */
export function mayUpload(user: Me, seat: Seat | null): boolean {
  if (seat) return allows(user, 'data.write', { orgUnitId: seat.orgUnit.id, departmentId: seat.department.id });
  // A task's template spans units: for those who write for whole units, not for one seat.
  return user.roles.some((g) => {
    const scope = grantScope('data.write', g.role);
    return scope !== undefined && scope !== 'seat';
  });
}

import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/schema';
import type { NotificationKind } from './notifications';

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Who to tell and the telling, for every module that notifies (reporting, unit reports, follow-ups,
 * report documents, the reminder scheduler): pass the transaction to notify inside it.
 */
export function notificationsRepository(db: Kysely<Database>) {
  return {
    /** Active users holding one of `roles` at the unit; for some of its departments when `departmentIds` are given. */
    async holders(roles: readonly Role[], orgUnitId: number, departmentIds?: readonly number[]): Promise<number[]> {
      if (!roles.length || departmentIds?.length === 0) return [];
      const rows = await db
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.user_id')
        .distinct()
        .where('r.role', 'in', roles)
        .where('r.org_unit_id', '=', orgUnitId)
        .$if(departmentIds !== undefined, (q) => q.where('r.department_id', 'in', [...departmentIds!]))
        .where('u.disabled', '=', 0)
        .orderBy('r.user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },

    async notify(userIds: readonly number[], n: NewNotification, at: string): Promise<void> {
      const to = [...new Set(userIds)];
      if (to.length) await db.insertInto('notifications').values(to.map((user_id) => ({ user_id, ...n, created_at: at, read_at: null }))).execute();
    },
  };
}

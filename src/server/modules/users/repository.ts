import { sql, type Kysely } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/schema';

interface UserQuery {
  /** Users whose unit is one of these; null: every user. */
  orgUnitIds: readonly number[] | null;
  role?: Role;
  keyword?: string;
}

interface UserRecord {
  displayName: string;
  orgUnitId: number;
  departmentId: number | null;
}

interface GrantRecord {
  role: Role;
  orgUnitId: number | null;
  departmentId: number | null;
}

/** LIKE pattern matching `text` anywhere, with the pattern characters in it taken literally. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Users and their role assignments, for user administration. No access checks here: services decide. */
export function usersRepository(db: Kysely<Database>) {
  const users = () =>
    db
      .selectFrom('users as u')
      .leftJoin('org_units as o', 'o.id', 'u.org_unit_id')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select([
        'u.id', 'u.username', 'u.display_name', 'u.org_unit_id', 'u.department_id', 'u.disabled', 'u.created_at',
        'o.name as org_unit_name', 'd.name as department_name',
      ]);

  return {
    list(query: UserQuery) {
      let q = users();
      if (query.orgUnitIds !== null) {
        if (query.orgUnitIds.length === 0) return Promise.resolve([]);
        q = q.where('u.org_unit_id', 'in', query.orgUnitIds);
      }
      if (query.role) {
        const role = query.role;
        q = q.where((eb) => eb.exists(eb.selectFrom('role_assignments as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role)));
      }
      if (query.keyword) {
        const pattern = containing(query.keyword);
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(${sql.ref('u.username')})`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(${sql.ref('u.display_name')})`, 'like', sql`${pattern} escape '\\'`),
          ]),
        );
      }
      return q.orderBy('u.org_unit_id').orderBy('u.username').execute();
    },

    find(id: number) {
      return users().where('u.id', '=', id).executeTakeFirst();
    },

    findByUsername(username: string) {
      return db.selectFrom('users').select(['id']).where('username', '=', username).executeTakeFirst();
    },

    rolesOf(userIds: readonly number[]) {
      if (userIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('role_assignments as r')
        .leftJoin('org_units as o', 'o.id', 'r.org_unit_id')
        .leftJoin('departments as d', 'd.id', 'r.department_id')
        .select(['r.user_id', 'r.role', 'r.org_unit_id', 'o.name as org_unit_name', 'r.department_id', 'd.name as department_name'])
        .where('r.user_id', 'in', userIds)
        .orderBy('r.id')
        .execute();
    },

    update(id: number, user: UserRecord) {
      return db
        .updateTable('users')
        .set({ display_name: user.displayName, org_unit_id: user.orgUnitId, department_id: user.departmentId })
        .where('id', '=', id)
        .execute();
    },

    setDisabled(id: number, disabled: boolean) {
      return db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
    },

    async replaceRoles(userId: number, grants: readonly GrantRecord[]) {
      await db.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
      if (grants.length === 0) return;
      await db
        .insertInto('role_assignments')
        .values(grants.map((g) => ({ user_id: userId, role: g.role, org_unit_id: g.orgUnitId, department_id: g.departmentId })))
        .execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;

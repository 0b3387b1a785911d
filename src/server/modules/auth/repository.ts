import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Users, role assignments and sessions. No access checks here: callers decide. */
export function authRepository(db: Kysely<Database>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    async adminExists() {
      const row = await db
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.id')
        .where('r.role', '=', 'admin')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async createUser(user: { username: string; displayName: string; passwordHash: string; orgUnitId: number | null; departmentId?: number | null }) {
      const row = await db
        .insertInto('users')
        .values({
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          org_unit_id: user.orgUnitId,
          department_id: user.departmentId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    addRole(userId: number, role: string, orgUnitId: number | null, departmentId: number | null = null) {
      return db
        .insertInto('role_assignments')
        .values({ user_id: userId, role, org_unit_id: orgUnitId, department_id: departmentId })
        .execute();
    },

    rolesOf(userId: number) {
      return db
        .selectFrom('role_assignments as r')
        .leftJoin('org_units as o', 'o.id', 'r.org_unit_id')
        // A third-party evaluator's grant is bound to one round, until a date (evaluation module).
        .leftJoin('evaluation_evaluators as e', (j) => j.onRef('e.user_id', '=', 'r.user_id').on('r.role', '=', 'evaluator'))
        // What the office authorised the grant's department for (可发起问卷调查).
        .leftJoin('departments as d', 'd.id', 'r.department_id')
        .select(['r.role', 'r.org_unit_id', 'o.name as org_unit_name', 'r.department_id', 'e.round_id', 'e.expires_on', 'e.revoked_at', 'd.runs_surveys'])
        // Whether it owns a survey, whose results it reads even after a withdrawal (one row of the department's index).
        .select((eb) => eb.selectFrom('surveys as s').select('s.id').whereRef('s.department_id', '=', 'd.id').limit(1).as('owned_survey_id'))
        .where('r.user_id', '=', userId)
        .orderBy('r.id')
        .execute();
    },

    createSession(session: { tokenHash: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string }) {
      return db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    findSession(tokenHash: string, now: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.token_hash', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.username', 'u.display_name'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .where('u.disabled', '=', 0)
        .executeTakeFirst();
    },

    findUserById(id: number) {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    setPasswordHash(userId: number, passwordHash: string) {
      return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },

    /** Ends the user's sessions, all of them or all but `keepTokenHash`. */
    deleteSessionsOf(userId: number, keepTokenHash?: string) {
      const query = db.deleteFrom('sessions').where('user_id', '=', userId);
      return (keepTokenHash === undefined ? query : query.where('token_hash', '!=', keepTokenHash)).execute();
    },

    deleteSession(tokenHash: string) {
      return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    deleteExpiredSessions(now: string) {
      return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },

    /**
     * Counts one sign-in attempt in one statement, so that concurrent attempts (other processes too)
     * each count: a window that started before `windowStartAfter` starts anew at `now`. Rows of
     * other names whose window has ended go, which keeps the table to the current window.
     */
    async countLoginAttempt(username: string, now: string, windowStartAfter: string) {
      await db.deleteFrom('login_failures').where('window_start', '<=', windowStartAfter).where('username', '!=', username).execute();
      const ended = sql<boolean>`login_failures.window_start <= ${windowStartAfter}`;
      return db
        .insertInto('login_failures')
        .values({ username, failures: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('username').doUpdateSet({
            failures: sql<number>`case when ${ended} then 1 else login_failures.failures + 1 end`,
            window_start: sql<string>`case when ${ended} then ${now} else login_failures.window_start end`,
          }),
        )
        .returning(['failures', 'window_start'])
        .executeTakeFirstOrThrow();
    },

    /** A successful sign-in: its own attempt and the failures before it no longer count. */
    clearLoginAttempts(username: string) {
      return db.deleteFrom('login_failures').where('username', '=', username).execute();
    },
  };
}
export type AuthRepository = ReturnType<typeof authRepository>;

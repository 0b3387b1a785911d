import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LOGIN_USERNAME_MAX, type PasswordChangeInput, type Role } from '../../../shared/api/auth';
import type { DepartmentAuthorisation } from '../../../shared/policy';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { requireAuth } from './access';
import { AccountLockedError, lockedUntil, windowStartAfter } from './loginLimit';
import { hashPassword, randomPassword, verifyPassword } from './password';
import { changeLogRepository } from '../../services/changeLog/repository';
import { authRepository } from './repository';

export const SESSION_COOKIE = 'halfsky_session';
export const SESSION_HOURS = 12;

export interface RoleGrant {
  role: Role;
  orgUnitId: number | null;
  orgUnitName: string | null;
  departmentId: number | null;
  /** The evaluation round of a third-party evaluator's grant. */
  roundId?: number | null;
  /** What the grant's department is authorised for (policy scope `authorised`). */
  authorisations?: DepartmentAuthorisation[];
}

/** Who is asking: attached to every request that carries a valid session cookie. */
export interface AuthContext {
  userId: number;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  csrfToken: string;
  tokenHash: string;
  /** How the request proved who it is when not by a session cookie; CSRF tokens belong to cookie sessions only. */
  via?: 'apiToken' | 'basic';
}

/** Who the `halfsky` command line acts as: the administrator of the database it was pointed at. */
export const COMMAND_LINE: AuthContext = {
  userId: 0,
  username: 'cli',
  displayName: '命令行',
  roles: [{ role: 'admin', orgUnitId: null, orgUnitName: null, departmentId: null }],
  csrfToken: '',
  tokenHash: '',
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What a grant's department is authorised for (policy.ts `DEPARTMENT_AUTHORISATIONS`). */
function departmentAuthorisations(r: { runs_surveys: number | null; owned_survey_id: number | null }): DepartmentAuthorisation[] {
  const held: DepartmentAuthorisation[] = [];
  if (r.runs_surveys === 1) held.push('surveys');
  if (r.owned_survey_id !== null) held.push('surveyResults');
  return held;
}

/**
 * The user's role grants as every request sees them, read anew each time so changes apply at once.
 * A third-party evaluator past its expiry date (Beijing) or revoked is refused here, so on every
 * request and at sign-in, whichever way it proves who it is.
 */
export async function loadRoles(db: Kysely<Database>, userId: number, now = new Date()): Promise<RoleGrant[]> {
  const rows = await authRepository(db).rolesOf(userId);
  for (const r of rows.filter((x) => x.role === 'evaluator')) {
    if (r.revoked_at) throw appError('AUTH_ACCOUNT_EXPIRED', '第三方评估账号已被撤销，如有疑问请联系妇儿工委办公室');
    if (r.expires_on && r.expires_on < new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)) {
      throw appError('AUTH_ACCOUNT_EXPIRED', `第三方评估账号已于 ${r.expires_on} 到期，如需继续评估请联系妇儿工委办公室延期`);
    }
  }
  return rows.map((r) => ({
    role: r.role as Role,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name ?? null,
    departmentId: r.department_id,
    ...(r.role === 'evaluator' ? { roundId: r.round_id ?? null } : {}),
    ...(r.department_id !== null ? { authorisations: departmentAuthorisations(r) } : {}),
  }));
}

export function authService(db: Kysely<Database>) {
  const repo = authRepository(db);

  /** The active user with this name and password, within the per-account limit of attempts; a wrong name or password gives one message. */
  async function checkPassword(username: string, password: string, now: Date) {
    // No such account can exist; not counted, so made-up names of any length are never stored.
    if (username.length > LOGIN_USERNAME_MAX) throw appError('AUTH_INVALID_CREDENTIALS');
    const attempts = await repo.countLoginAttempt(username, now.toISOString(), windowStartAfter(now));
    const until = lockedUntil(attempts, now);
    if (until) throw new AccountLockedError(until, now);
    const user = await repo.findUserByUsername(username);
    // Verify against a dummy hash when the user is unknown so timing does not reveal names.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) throw appError('AUTH_INVALID_CREDENTIALS');
    await repo.clearLoginAttempts(username);
    return user;
  }

  return {
    checkPassword,

    /** The context of a request that sent the user's password itself (HTTP Basic): no session, no CSRF token. */
    async contextOf(user: { id: number; username: string; display_name: string }, via: 'basic'): Promise<AuthContext> {
      return { userId: user.id, username: user.username, displayName: user.display_name, roles: await loadRoles(db, user.id), csrfToken: '', tokenHash: '', via };
    },

    /** Returns the new session's cookie token and its context. */
    async login(username: string, password: string, now = new Date()) {
      const user = await checkPassword(username, password, now);
      // Before any session exists: an expired evaluator is refused at sign-in.
      const roles = await loadRoles(db, user.id, now);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      await repo.deleteExpiredSessions(now.toISOString());
      await repo.createSession({
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt: expires.toISOString(),
      });
      const context: AuthContext = {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        roles,
        csrfToken,
        tokenHash: hashToken(token),
      };
      if (roles.some((g) => g.role === 'evaluator')) {
        await changeLogRepository(db).record([{ entity: 'evaluator', entityId: user.id, field: 'sign_in', oldValue: null, newValue: '登录' }], user.id, now.toISOString());
      }
      return { token, expires, context };
    },

    async resolve(token: string, now = new Date()): Promise<AuthContext | null> {
      const tokenHash = hashToken(token);
      const row = await repo.findSession(tokenHash, now.toISOString());
      if (!row) return null;
      return {
        userId: row.user_id,
        username: row.username,
        displayName: row.display_name,
        roles: await loadRoles(db, row.user_id),
        csrfToken: row.csrf_token,
        tokenHash,
      };
    },

    logout(context: AuthContext) {
      return repo.deleteSession(context.tokenHash);
    },

    /** The signed-in user's own password; their other sessions end, this one stays. */
    async changePassword(auth: AuthContext | null, input: PasswordChangeInput): Promise<void> {
      const me = requireAuth(auth);
      const user = await repo.findUserById(me.userId);
      if (!user || !(await verifyPassword(input.oldPassword, user.password_hash))) throw invalidField('oldPassword', '原密码不正确');
      if (input.newPassword === input.oldPassword) throw invalidField('newPassword', '新密码不能与原密码相同');
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        const r = authRepository(trx);
        await r.setPasswordHash(me.userId, hash);
        await r.deleteSessionsOf(me.userId, me.tokenHash);
      });
    },

    /**
     * When no administrator exists (a new database; the demo's accounts are not administrators), creates `admin` with the given password or a random one.
     * `generatedPassword` is set only when a random password was made, to be printed once.
     */
    async ensureAdmin(password: string | undefined, rootOrgUnitId: number | null): Promise<{ created: boolean; generatedPassword: string | null }> {
      if (await repo.adminExists()) return { created: false, generatedPassword: null };
      const plain = password ?? randomPassword();
      const userId = await repo.createUser({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(plain),
        orgUnitId: rootOrgUnitId,
      });
      await repo.addRole(userId, 'admin', null);
      return { created: true, generatedPassword: password ? null : plain };
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

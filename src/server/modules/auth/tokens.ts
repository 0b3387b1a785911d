import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TOKEN_MAX_ACTIVE, type ApiTokenCreateInput, type ApiTokenCreated, type ApiTokenDto, type ApiTokenStatus } from '../../../shared/api/apiTokens';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { requireAuth } from './access';
import { hashToken, loadRoles, type AuthContext } from './service';
import { tokensRepository } from './tokensRepository';

/** Who may do what with tokens beyond their own (moves to the shared policy table with the rest). */
const TOKEN_RULES = {
  /** See and revoke anyone's tokens. */
  manageAll: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** `hsk_` and 32 random bytes: recognisable in logs and secret scanners, unguessable. */
const TOKEN_PREFIX = 'hsk_';
const TOKEN_SHAPE = /^hsk_[A-Za-z0-9_-]{43}$/;
/** Characters kept in clear to tell tokens apart in lists. */
const SHOWN_CHARS = 12;
/** last_used_at is written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 24 * 3600_000;

const mayManageAll = (auth: AuthContext) => auth.roles.some((g) => (TOKEN_RULES.manageAll as readonly Role[]).includes(g.role));

type ListedRow = Awaited<ReturnType<ReturnType<typeof tokensRepository>['list']>>[number];

function statusOf(row: { expires_at: string; revoked_at: string | null }, now: Date): ApiTokenStatus {
  if (row.revoked_at) return 'revoked';
  return new Date(row.expires_at) <= now ? 'expired' : 'active';
}

function toDto(row: ListedRow, now: Date): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: { id: row.user_id, username: row.username, displayName: row.display_name },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    status: statusOf(row, now),
  };
}

/** 2026-12-07 in Beijing time, for messages. */
const dateOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Personal access tokens: scripts and other systems act as their owner without a browser. */
export function apiTokensService(db: Kysely<Database>) {
  const repo = tokensRepository(db);

  return {
    async list(auth: AuthContext | null, all: boolean, now = new Date()): Promise<ApiTokenDto[]> {
      const me = requireAuth(auth);
      if (all && !mayManageAll(me)) throw appError('AUTH_FORBIDDEN');
      return (await repo.list(all ? null : me.userId)).map((r) => toDto(r, now));
    },

    /** The secret is returned this once; only its SHA-256 is stored. */
    async create(auth: AuthContext | null, input: ApiTokenCreateInput, now = new Date()): Promise<ApiTokenCreated> {
      const me = requireAuth(auth);
      // A token must not outlive itself by minting successors: new ones need the password.
      if (me.via === 'apiToken') throw appError('API_TOKEN_NEEDS_PASSWORD');
      if ((await repo.countActive(me.userId, now.toISOString())) >= TOKEN_MAX_ACTIVE) throw appError('API_TOKEN_LIMIT', `有效的访问令牌最多 ${TOKEN_MAX_ACTIVE} 个，请先撤销不再使用的令牌`);
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const { id } = await repo.insert({
        userId: me.userId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_CHARS),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
      });
      const row = await repo.find(id);
      return { ...toDto(row!, now), token };
    },

    /** The owner revokes their own; an administrator anyone's. Revoking twice changes nothing. */
    async revoke(auth: AuthContext | null, id: number, now = new Date()): Promise<ApiTokenDto> {
      const me = requireAuth(auth);
      const row = await repo.find(id);
      if (!row) throw appError('NOT_FOUND', '该令牌不存在');
      if (row.user_id !== me.userId && !mayManageAll(me)) throw appError('AUTH_FORBIDDEN');
      await repo.revoke(id, me.userId, now.toISOString());
      return toDto((await repo.find(id))!, now);
    },

    /** The owner's context for a token from an Authorization header; 401 saying why when it is refused. */
    async resolve(token: string, now = new Date()): Promise<AuthContext> {
      const row = TOKEN_SHAPE.test(token) ? await repo.findByHash(hashToken(token)) : undefined;
      if (!row) throw appError('API_TOKEN_INVALID');
      if (row.revoked_at) throw appError('API_TOKEN_REVOKED');
      if (new Date(row.expires_at) <= now) throw appError('API_TOKEN_EXPIRED', `访问令牌已于 ${dateOf(row.expires_at)} 过期，请创建新令牌`);
      if (row.disabled) throw appError('API_TOKEN_INVALID', '访问令牌所属的账号已停用');
      if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() >= TOUCH_EVERY_MS) await repo.touch(row.id, now.toISOString());
      return {
        userId: row.user_id,
        username: row.username,
        displayName: row.display_name,
        roles: await loadRoles(db, row.user_id),
        csrfToken: '',
        tokenHash: '',
        via: 'apiToken',
      };
    },
  };
}
export type ApiTokensService = ReturnType<typeof apiTokensService>;

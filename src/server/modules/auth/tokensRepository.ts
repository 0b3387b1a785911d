import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Personal access tokens. No access checks here: the tokens service decides. */
export function tokensRepository(db: Kysely<Database>) {
  const listed = () =>
    db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.name', 't.prefix', 't.user_id', 'u.username', 'u.display_name', 't.created_at', 't.expires_at', 't.last_used_at', 't.revoked_at']);

  return {
    insert(token: { userId: number; name: string; tokenHash: string; prefix: string; createdAt: string; expiresAt: string }) {
      return db
        .insertInto('api_tokens')
        .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, prefix: token.prefix, created_at: token.createdAt, expires_at: token.expiresAt })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async countActive(userId: number, now: string) {
      const row = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Newest first; `userId` null lists everyone's. */
    list(userId: number | null) {
      const query = listed().orderBy('t.created_at', 'desc').orderBy('t.id', 'desc');
      return (userId === null ? query : query.where('t.user_id', '=', userId)).execute();
    },

    find(id: number) {
      return listed().where('t.id', '=', id).executeTakeFirst();
    },

    revoke(id: number, by: number, at: string) {
      return db.updateTable('api_tokens').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },

    /** The token with this hash and its owner, whatever its state: the caller says why it is refused. */
    findByHash(tokenHash: string) {
      return db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id', 't.expires_at', 't.revoked_at', 't.last_used_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.disabled'])
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    touch(id: number, at: string) {
      return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { requireAuth } from '../../modules/auth/access';
import type { AuthContext } from '../../modules/auth/service';

export const NOTIFICATION_KINDS = ['workflow', 'reminder', 'followup'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Largest page of the notification centre. */
export const MAX_NOTIFICATION_PAGE = 100;

/** The notification centre (every notification of the reader, paged and filtered) and each user's e-mail setting. */
export function notificationCentre(db: Kysely<Database>, smtpConfigured: () => boolean) {
  return {
    async list(auth: AuthContext | null, q: { unread: boolean; kind?: NotificationKind; offset: number; limit: number }) {
      const user = requireAuth(auth);
      const mine = db
        .selectFrom('notifications')
        .where('user_id', '=', user.userId)
        .$if(q.unread, (b) => b.where('read_at', 'is', null))
        .$if(q.kind !== undefined, (b) => b.where('kind', '=', q.kind!));
      const [rows, total, unread] = await Promise.all([
        mine.selectAll().orderBy('id', 'desc').offset(q.offset).limit(q.limit).execute(),
        mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at, read: n.read_at !== null })),
        total: Number(total.n),
        unread: Number(unread.n),
      };
    },

    async readAll(auth: AuthContext | null): Promise<{ marked: number }> {
      const user = requireAuth(auth);
      const result = await db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('user_id', '=', user.userId).where('read_at', 'is', null).executeTakeFirst();
      return { marked: Number(result.numUpdatedRows) };
    },

    async settings(auth: AuthContext | null) {
      const user = requireAuth(auth);
      const row = await db.selectFrom('notification_settings').selectAll().where('user_id', '=', user.userId).executeTakeFirst();
      return { email: row?.email ?? null, emailEnabled: row ? row.email_enabled === 1 : true, smtpConfigured: smtpConfigured() };
    },

    async saveSettings(auth: AuthContext | null, s: { email: string | null; emailEnabled: boolean }) {
      const user = requireAuth(auth);
      if (user.userId <= 0) throw appError('AUTH_FORBIDDEN', '该账号没有通知设置');
      const values = { email: s.email, email_enabled: s.emailEnabled ? 1 : 0 };
      await db
        .insertInto('notification_settings')
        .values({ user_id: user.userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
      return this.settings(auth);
    },
  };
}
export type NotificationCentre = ReturnType<typeof notificationCentre>;

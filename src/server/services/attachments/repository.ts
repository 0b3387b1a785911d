import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AttachmentRow {
  id: number;
  hash: string;
  name: string;
  type: string;
  size: number;
  ownerKind: string;
  ownerId: number | null;
  uploadedBy: number;
  uploadedAt: string;
}

const columns = [
  'id', 'hash', 'name', 'type', 'size', 'owner_kind as ownerKind', 'owner_id as ownerId', 'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt',
] as const;

export function attachmentsRepository(db: Executor) {
  return {
    async insert(row: { hash: string; name: string; type: string; size: number; ownerKind: string; uploadedBy: number }): Promise<AttachmentRow> {
      return db
        .insertInto('attachments')
        .values({ hash: row.hash, name: row.name, type: row.type, size: row.size, owner_kind: row.ownerKind, owner_id: null, uploaded_by: row.uploadedBy })
        .returning(columns)
        .executeTakeFirstOrThrow();
    },

    find(id: number): Promise<AttachmentRow | undefined> {
      return db.selectFrom('attachments').select(columns).where('id', '=', id).executeTakeFirst();
    },

    findMany(ids: readonly number[]): Promise<AttachmentRow[]> {
      if (!ids.length) return Promise.resolve([]);
      return db.selectFrom('attachments').select(columns).where('id', 'in', ids).execute();
    },

    listOfOwner(kind: string, ownerId: number): Promise<AttachmentRow[]> {
      return db.selectFrom('attachments').select(columns).where('owner_kind', '=', kind).where('owner_id', '=', ownerId).orderBy('id').execute();
    },

    /** The files of several records of one kind, in upload order. */
    listOfOwners(kind: string, ownerIds: readonly number[]): Promise<AttachmentRow[]> {
      if (!ownerIds.length) return Promise.resolve([]);
      return db.selectFrom('attachments').select(columns).where('owner_kind', '=', kind).where('owner_id', 'in', ownerIds).orderBy('id').execute();
    },

    /** Takes files off their record: they go back to being their uploader's unbound uploads. */
    async detach(ids: readonly number[], kind: string, ownerId: number): Promise<void> {
      if (ids.length) await db.updateTable('attachments').set({ owner_id: null }).where('id', 'in', ids).where('owner_kind', '=', kind).where('owner_id', '=', ownerId).execute();
    },

    async bind(ids: readonly number[], kind: string, ownerId: number): Promise<void> {
      if (ids.length) await db.updateTable('attachments').set({ owner_id: ownerId }).where('id', 'in', ids).where('owner_kind', '=', kind).execute();
    },
  };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;
export type EntryKind = 'article' | 'indicator';

/**
 * The search index: one row per searchable record, its text already cut into tokens
 * (shared/search/tokens.ts). The match is the one place the dialects differ: SQLite asks its FTS5
 * table, PostgreSQL the GIN-indexed tsvector of the same tokens (see schemaUtils.createTokenIndex).
 */
export function searchRepository(db: Executor, dialect: 'sqlite' | 'postgres') {
  return {
    async put(kind: EntryKind, refId: number, tokens: readonly string[]): Promise<void> {
      const text = tokens.join(' ');
      await db
        .insertInto('search_entries')
        .values({ kind, ref_id: refId, tokens: text })
        .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet({ tokens: text }))
        .execute();
    },

    async remove(kind: EntryKind, refId: number): Promise<void> {
      await db.deleteFrom('search_entries').where('kind', '=', kind).where('ref_id', '=', refId).execute();
    },

    /** Public indicators (all, or those of `ids`): what the indicator entries index. */
    publishedIndicators: (ids?: readonly number[]) => {
      const q = db.selectFrom('indicators').select(['id', 'code', 'name', 'definition']).where('published', '=', 1);
      return (ids ? q.where('id', 'in', ids.length ? ids : [0]) : q).execute();
    },

    entries: (kind: EntryKind) => db.selectFrom('search_entries').select(['ref_id as refId', 'tokens']).where('kind', '=', kind).execute(),

    /** Records holding every token (the tokens are letters and digits only, so need no escaping beyond quotes). */
    async match(tokens: readonly string[], limit: number): Promise<{ kind: EntryKind; refId: number }[]> {
      if (!tokens.length) return [];
      const q = db.selectFrom('search_entries as e').select(['e.kind', 'e.ref_id as refId']).orderBy('e.id', 'desc').limit(limit);
      if (dialect === 'postgres') {
        const query = tokens.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
        return q.where(sql<boolean>`array_to_tsvector(string_to_array(e.tokens, ' ')) @@ ${query}::tsquery`).execute();
      }
      const query = tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
      return q.where(sql<boolean>`e.id in (select rowid from search_entries_fts where search_entries_fts match ${query})`).execute();
    },
  };
}

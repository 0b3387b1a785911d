import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** `%text%` for LIKE, with the wildcards people type taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The question banks of units. No access checks here: the bank service decides. */
export function bankRepository(db: Executor) {
  const columns = ['id', 'org_unit_id', 'question', 'created_at'] as const;
  return {
    /** The newest questions of a unit's bank whose wording contains `text`. */
    search(orgUnitId: number, text: string | undefined, limit: number) {
      let q = db.selectFrom('survey_bank_questions').select(columns).where('org_unit_id', '=', orgUnitId);
      if (text) q = q.where('title', 'like', sql<string>`${containing(text)} escape '\\'`);
      return q.orderBy('id', 'desc').limit(limit).execute();
    },

    titles(orgUnitId: number) {
      return db.selectFrom('survey_bank_questions').select(['title', 'type']).where('org_unit_id', '=', orgUnitId).execute();
    },

    insert(r: { orgUnitId: number; title: string; type: string; question: string; createdBy: number | null }, now: string) {
      return db
        .insertInto('survey_bank_questions')
        .values({ org_unit_id: r.orgUnitId, title: r.title, type: r.type, question: r.question, created_by: r.createdBy, created_at: now })
        .returning(columns)
        .executeTakeFirstOrThrow();
    },

    unitOf(id: number) {
      return db.selectFrom('survey_bank_questions').select('org_unit_id').where('id', '=', id).executeTakeFirst();
    },

    remove(id: number) {
      return db.deleteFrom('survey_bank_questions').where('id', '=', id).execute();
    },
  };
}

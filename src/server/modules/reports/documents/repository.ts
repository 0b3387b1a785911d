import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ReportDocumentStepsTable, ReportDocumentsTable } from '../tables';

type Executor = Kysely<Database> | Transaction<Database>;

const SUMMARY = [
  'r.id', 'r.kind', 'r.org_unit_id', 'u.name as unit_name', 'r.year', 'r.plan', 'r.title', 'r.status', 'r.data_version', 'r.version',
  'r.created_at', 'creator.display_name as created_by_name', 'r.updated_at', 'r.published_at', 'r.docx_attachment_id', 'r.pdf_attachment_id', 'r.evaluation_round_id',
] as const;

/** The report documents and their steps (tables of migration 0024). */
export function reportDocumentsRepository(db: Executor) {
  const summaries = () =>
    db
      .selectFrom('report_documents as r')
      .innerJoin('org_units as u', 'u.id', 'r.org_unit_id')
      .leftJoin('users as creator', 'creator.id', 'r.created_by')
      .select(SUMMARY);

  return {
    /** Newest year first, then newest made. */
    list(unitIds: readonly number[] | null, onlyPublished = false) {
      let q = summaries().orderBy('r.year', 'desc').orderBy('r.id', 'desc');
      if (unitIds) q = q.where('r.org_unit_id', 'in', unitIds.length ? [...unitIds] : [-1]);
      if (onlyPublished) q = q.where('r.status', '=', 'published');
      return q.execute();
    },

    find(id: number) {
      return summaries().select(['r.snapshot', 'r.edits']).where('r.id', '=', id).executeTakeFirst();
    },

    async insert(row: Insertable<ReportDocumentsTable>): Promise<number> {
      const { id } = await db.insertInto('report_documents').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    /** Changes the document when it is still at `version`; false when someone else changed it first. */
    async update(id: number, version: number, changes: Updateable<ReportDocumentsTable>): Promise<boolean> {
      const res = await db
        .updateTable('report_documents')
        .set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom('report_documents').where('id', '=', id).execute();
    },

    async addStep(step: Insertable<ReportDocumentStepsTable>): Promise<void> {
      await db.insertInto('report_document_steps').values(step).execute();
    },

    steps(documentId: number) {
      return db
        .selectFrom('report_document_steps as s')
        .leftJoin('users as a', 'a.id', 's.actor_id')
        .select(['s.action', 's.from_status', 's.to_status', 's.comment', 'a.display_name as actor', 's.at'])
        .where('s.document_id', '=', documentId)
        .orderBy('s.id')
        .execute();
    },
  };
}
export type ReportDocumentsRepository = ReturnType<typeof reportDocumentsRepository>;

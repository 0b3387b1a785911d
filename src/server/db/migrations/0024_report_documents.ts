import { nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Monitoring reports as documents that go out (ARCHITECTURE.md, reports):
 * - report_documents: one report of a unit and year, its figures frozen as JSON when generated
 *   (`snapshot`, made from data version `data_version`), the office's edits of its findings as
 *   JSON (`edits`), its status in the draft → 审核 → 审定 → 发布 workflow and `version` for
 *   conflicting edits. Published, its .docx (and PDF) are attachments that never change.
 * - report_document_steps: every step taken, with who, when and the reason of a return.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('report_documents'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('snapshot', t.text, (c) => c.notNull())
    .addColumn('edits', t.text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('published_at', t.timestamp)
    .addColumn('docx_attachment_id', 'integer', (c) => c.references('attachments.id'))
    .addColumn('pdf_attachment_id', 'integer', (c) => c.references('attachments.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('report_documents_unit').on('report_documents').columns(['org_unit_id', 'year']).execute();

  await withId(db, db.schema.createTable('report_document_steps'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('report_documents.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', t.text)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('report_document_steps_document').on('report_document_steps').column('document_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('report_document_steps').execute();
  await db.schema.dropTable('report_documents').execute();
}

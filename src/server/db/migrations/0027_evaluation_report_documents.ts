import type { MigrationDb } from './schemaUtils';

/**
 * Evaluation reports go out through the same workflow as the annual report (ARCHITECTURE.md, reports):
 * a report_documents row of kind 'evaluation' names the evaluation round it was generated from, so a
 * draft can be regenerated from it. A published report outlives its round (set null).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('report_documents')
    .addColumn('evaluation_round_id', 'integer', (c) => c.references('evaluation_rounds.id').onDelete('set null'))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('report_documents').dropColumn('evaluation_round_id').execute();
}

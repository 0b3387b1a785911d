import type { Generated } from 'kysely';
import type { ReportAction, ReportStatus } from '../../../shared/reports/workflow';
import type { Flag, Timestamp } from '../../db/columns';

/** A monitoring report that goes out (migration 0024). */
export interface ReportDocumentsTable {
  id: Generated<number>;
  kind: 'annual';
  org_unit_id: number;
  year: number;
  plan: 'women' | 'children' | 'both';
  title: string;
  status: ReportStatus;
  /** The data version (meta.data_version) the snapshot was made from. */
  data_version: string;
  /** JSON of the AnnualReport as generated: the figures the report states, frozen. */
  snapshot: string;
  /** JSON of FindingEdits: the office's words for findings, keyed by indicator id. */
  edits: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  docx_attachment_id: number | null;
  pdf_attachment_id: number | null;
  is_demo: Flag;
}

export interface ReportDocumentStepsTable {
  id: Generated<number>;
  document_id: number;
  action: ReportAction | 'create' | 'regenerate';
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  comment: string | null;
  actor_id: number | null;
  at: Timestamp;
}

export interface ReportsTables {
  report_documents: ReportDocumentsTable;
  report_document_steps: ReportDocumentStepsTable;
}

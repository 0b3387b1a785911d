import type { Generated } from 'kysely';
import type { ReportKind, ReportStatus, ReportStepAction } from '../../../shared/reports/workflow';
import type { Flag, Timestamp } from '../../db/columns';

/** A report that goes out (migrations 0024, 0027): an annual monitoring report or an evaluation report. */
export interface ReportDocumentsTable {
  id: Generated<number>;
  kind: ReportKind;
  org_unit_id: number;
  year: number;
  plan: 'women' | 'children' | 'both';
  title: string;
  status: ReportStatus;
  /** The data version (meta.data_version) the snapshot was made from. */
  data_version: string;
  /** JSON of the report's data as generated (AnnualReport or EvaluationReport): the figures it states, frozen. */
  snapshot: string;
  /** JSON of the office's words: FindingEdits (annual) or EvaluationEdits. */
  edits: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  docx_attachment_id: number | null;
  pdf_attachment_id: number | null;
  is_demo: Flag;
  /** The round an evaluation report was generated from (null for annual reports, or once the round is deleted). */
  evaluation_round_id: number | null;
}

export interface ReportDocumentStepsTable {
  id: Generated<number>;
  document_id: number;
  action: ReportStepAction;
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

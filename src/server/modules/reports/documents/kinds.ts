import type { ReportDocumentDto } from '../../../../shared/api/reports';
import type { AuthContext } from '../../auth/service';

/** The row a kind reads when it recollects its figures. */
export interface KindSource {
  org_unit_id: number;
  year: number;
  plan: 'women' | 'children' | 'both';
  evaluation_round_id: number | null;
}

/**
 * What differs between the kinds of report that go out (annual monitoring report, evaluation report):
 * how the figures are collected, what the office may word, how the document is printed and shown.
 * The workflow, the frozen snapshot and the published files are the same for all (service.ts).
 */
export interface ReportKindHandler<Snapshot, Edits> {
  /** The figures as they stand now, and the title they give the report. */
  recollect(auth: AuthContext | null, source: KindSource): Promise<{ snapshot: Snapshot; title: string }>;
  /** The office's words that still fit new figures, and the items whose words were dropped. */
  carry(edits: Edits, snapshot: Snapshot): { edits: Edits; restored: string[] };
  print(snapshot: Snapshot, edits: Edits): Promise<Buffer>;
  content(snapshot: Snapshot, edits: Edits, source: KindSource): ReportDocumentDto['content'];
}

import type { AnnualContentDto, ReportDocumentDto, ReportStepDto, ReportSummaryDto } from '../../../../shared/api/reports';
import type { AnnualReport } from '../annual/collect';
import { findingFootnote, tallyWords, verdictWords } from '../annual/document';
import { withEdits, type FindingEdits } from './edits';
import type { ReportDocumentsRepository } from './repository';

type SummaryRow = Awaited<ReturnType<ReportDocumentsRepository['list']>>[number];

export const summaryDto = (r: SummaryRow): ReportSummaryDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  orgUnit: { id: r.org_unit_id, name: r.unit_name },
  year: r.year,
  plan: r.plan,
  status: r.status,
  dataVersion: r.data_version,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

/** The draft page's view of a stored report: its summary, its content (by kind), its history. */
export function documentDto(row: SummaryRow, content: ReportDocumentDto['content'], steps: ReportStepDto[], currentDataVersion: string): ReportDocumentDto {
  return { ...summaryDto(row), version: row.version, currentDataVersion, content, steps, files: { docx: true, pdf: row.pdf_attachment_id !== null } };
}

/** An annual report's findings as they will be printed, next to the generated words. */
export function annualContent(snapshot: AnnualReport, edits: FindingEdits): AnnualContentDto {
  const printed = withEdits(snapshot, edits);
  return {
    kind: 'annual',
    verdict: verdictWords(snapshot.overall),
    plans: printed.plans.map((plan, p) => ({
      title: plan.title,
      verdict: tallyWords(plan.tally),
      areas: plan.areas.map((area, a) => ({
        no: area.no,
        title: area.title,
        verdict: tallyWords(area.tally),
        findings: area.findings.map((f, i) => {
          const generated = snapshot.plans[p]!.areas[a]!.findings[i]!.text;
          return {
            indicatorId: f.indicatorId,
            code: f.code,
            name: f.figures.name,
            text: f.text,
            generated,
            edited: !!edits[f.indicatorId]?.text,
            note: f.note ?? null,
            status: f.figures.target?.status ?? null,
            footnote: findingFootnote(f) || null,
            view: f.view,
          };
        }),
      })),
    })),
  };
}

import { buildDocx } from '../../../services/documents';
import { requireAuth } from '../../auth/access';
import { collectAnnualReport, type AnnualReport, type CollectDeps } from '../annual/collect';
import { annualReportDocument, reportTitle } from '../annual/document';
import { carryEdits, withEdits, type FindingEdits } from './edits';
import type { ReportKindHandler } from './kinds';
import { annualContent } from './view';

/** The annual monitoring report: approved data of a unit and year, findings the office may reword. */
export function annualKind(deps: CollectDeps): ReportKindHandler<AnnualReport, FindingEdits> {
  return {
    async recollect(auth, source) {
      const snapshot = await collectAnnualReport(deps, requireAuth(auth), { unitId: source.org_unit_id, year: source.year, plan: source.plan, scope: 'approved' });
      return { snapshot, title: reportTitle(snapshot) };
    },
    carry: (edits, snapshot) => carryEdits(edits, snapshot),
    print: (snapshot, edits) => buildDocx(annualReportDocument(withEdits(snapshot, edits))),
    content: (snapshot, edits) => annualContent(snapshot, edits),
  };
}

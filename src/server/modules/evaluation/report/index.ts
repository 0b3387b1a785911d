import { buildDocx } from '../../../services/documents';
import type { AuthContext } from '../../auth/service';
import { collectEvaluationReport, type EvaluationReport, type EvaluationReportDeps } from './collect';
import { evaluationReportDocument, evaluationVerdict, generatedAdvice } from './document';

export { collectEvaluationReport, evaluationReportDocument, evaluationVerdict, generatedAdvice, type EvaluationReport, type EvaluationReportDeps };

/** The report as a .docx with its file name (the report's title). */
export async function evaluationReportDocx(deps: EvaluationReportDeps, auth: AuthContext | null, input: { roundId: number }): Promise<{ report: EvaluationReport; bytes: Buffer; fileName: string }> {
  const report = await collectEvaluationReport(deps, auth, input);
  return { report, bytes: await buildDocx(evaluationReportDocument(report)), fileName: `${report.title}.docx` };
}

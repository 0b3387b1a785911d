import type { EvaluationContentDto } from '../../../../shared/api/reports';
import { appError } from '../../../errors';
import { buildDocx } from '../../../services/documents';
import type { AuthContext } from '../../auth/service';
import {
  collectEvaluationReport,
  evaluationReportDocument,
  evaluationVerdict,
  generatedAdvice,
  type EvaluationReport,
  type EvaluationReportDeps,
} from '../../evaluation/report';
import type { KindSource, ReportKindHandler } from './kinds';

/** The office's words in an evaluation report: its own 意见建议 paragraphs, or null for the generated ones. */
export interface EvaluationEdits {
  advice: string[] | null;
}

export const NO_EVALUATION_EDITS: EvaluationEdits = { advice: null };

/** An evaluation round's report: its results frozen, the 意见建议 the office may reword. */
export function evaluationKind(deps: EvaluationReportDeps): ReportKindHandler<EvaluationReport, EvaluationEdits> & {
  collect(auth: AuthContext | null, roundId: number): Promise<{ snapshot: EvaluationReport; title: string }>;
} {
  const collect = async (auth: AuthContext | null, roundId: number) => {
    const snapshot = await collectEvaluationReport(deps, auth, { roundId });
    return { snapshot, title: snapshot.title };
  };
  return {
    collect,
    recollect(auth, source) {
      if (source.evaluation_round_id === null) throw appError('NOT_FOUND', '生成这份报告的评估已被删除，不能重新生成');
      return collect(auth, source.evaluation_round_id);
    },
    // The office's 意见建议 are its own judgement, not figures: they stay when the figures change.
    carry: (edits) => ({ edits, restored: [] }),
    print: (snapshot, edits) => buildDocx(evaluationReportDocument(snapshot, edits.advice ?? undefined)),
    content: (snapshot, edits, source) => evaluationContent(snapshot, edits, source),
  };
}

function evaluationContent(r: EvaluationReport, edits: EvaluationEdits, source: KindSource): EvaluationContentDto {
  const generated = generatedAdvice(r);
  return {
    kind: 'evaluation',
    roundId: source.evaluation_round_id,
    planTitle: r.plan.title,
    milestone: r.milestone,
    verdict: evaluationVerdict(r),
    areas: r.areas.map((a) => ({ no: a.no, title: a.title, goals: a.goals.length, met: a.rate.met, assessable: a.rate.assessable, rate: a.rate.rate })),
    units: r.units.map((u) => ({ rank: u.rank, label: u.participant.label, forms: u.forms, submitted: u.submitted, selfScore: u.selfScore, reviewScore: u.reviewScore })),
    notMet: r.notMet.length,
    advice: edits.advice ?? generated,
    generatedAdvice: generated,
    adviceEdited: edits.advice !== null,
  };
}

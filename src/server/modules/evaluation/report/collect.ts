import type { Kysely } from 'kysely';
import type { ParticipantDto, ResultsDto } from '../../../../shared/api/evaluation';
import type { Attainment } from '../../../../shared/evaluation/attainment';
import type { Criterion } from '../../../../shared/evaluation/scoring';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { assertCan } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import type { AttachmentStore } from '../../../services/attachments/store';
import { FORM_OWNER } from '../forms';
import { evaluationRepository } from '../repository';
import { buildResults } from '../results';
import { auditEvaluator } from '../evaluators/audit';
import { evaluatorsRepository } from '../evaluators/repository';
import { checkTallies } from '../siteChecks/service';
import { weightTargetName } from '../../../../shared/evaluation/weights';
import { criteriaOf, formSummary, participantDto, placeOf, type RoundRow } from '../views';
import { roundWeights } from '../weights/service';
import { collectSiteChecks, type ReportSiteCheck } from './siteChecks';
import { collectThirdParty, type ReportThirdParty } from './thirdParty';

/** What the evaluation report needs: the database, the unit tree, the attachment store (to count the evidence files). */
export interface EvaluationReportDeps {
  db: Kysely<Database>;
  orgs: OrgsService;
  attachments: AttachmentStore;
}

/** A unit's self-evaluation of a goal as the report cites it. */
export interface ReportEntry {
  unit: string;
  kind: ParticipantDto['kind'];
  attainment: Attainment | null;
  /** The evidence, shortened to a summary. */
  evidence: string;
  files: number;
  selfTotal: number | null;
  reviewTotal: number | null;
  reviewComment: string | null;
}

/** The evaluation report's data, plain and JSON-serialisable: a frozen snapshot can keep it as it is. */
export interface EvaluationReport {
  title: string;
  unit: { id: number; name: string };
  plan: { id: number; kind: 'women' | 'children'; title: string; periodStart: number; periodEnd: number };
  kind: 'midterm' | 'final';
  milestone: number;
  criteria: Criterion[];
  /**
   * The areas' and goals' own weights (评估权重), in the plan's order: criterion weights by key and/or
   * the weight in the total. Absent, with `score`, from drafts frozen before weights existed (0032):
   * those print as they were.
   */
  weights?: { target: string; criteria: Record<string, number> | null; share: number | null }[];
  /** The plan's 评估组 score under those weights. */
  score?: number | null;
  selfDueOn: string;
  reviewDueOn: string;
  /** Beijing date the data were read, YYYY-MM-DD. */
  collectedOn: string;
  counts: { participants: number; departments: number; committees: number; forms: number; submitted: number; reviewed: number; returned: number };
  overall: ResultsDto['overall'];
  areas: {
    no: number;
    title: string;
    rate: ResultsDto['overall'];
    goals: { no: number; text: string; attainment: Attainment | null; selfScore: number | null; reviewScore: number | null; entries: ReportEntry[] }[];
  }[];
  units: ResultsDto['units'];
  notMet: ResultsDto['notMet'];
  siteChecks: ReportSiteCheck[];
  thirdParty: ReportThirdParty[];
}

/** Evidence as a summary: the first 160 characters, cut at a sentence end where one is near. */
export function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return end >= max / 2 ? cut.slice(0, end + 1) : `${cut}……`;
}

/** The overrides as the report's table lists them: areas first, each followed by its goals' own, in the plan's order. */
function weightRows(overrides: Awaited<ReturnType<typeof roundWeights>>['overrides'], goals: Awaited<ReturnType<ReturnType<typeof evaluationRepository>['goalsOfPlan']>>): EvaluationReport['weights'] {
  const rows: EvaluationReport['weights'] = [];
  for (const g of goals) {
    const area = g === goals.find((x) => x.area_id === g.area_id) ? overrides.find((o) => o.scope === 'area' && o.targetId === g.area_id) : undefined;
    if (area) rows.push({ target: weightTargetName('area', g.area_title), criteria: area.criteria, share: area.share });
    const own = overrides.find((o) => o.scope === 'goal' && o.targetId === g.id);
    if (own) rows.push({ target: weightTargetName('goal', g.area_title, g.no), criteria: own.criteria, share: own.share });
  }
  return rows;
}

const beijingDate = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Everything the evaluation report says, read once: the round, 达标率 of the plan and each area,
 * each goal with the units' submitted self-evaluations (evidence summaries, both scores), the
 * units' scores and rank, the goals not met with causes and 整改. For the committee roles of the
 * round's unit and above (policy evaluation.read, as the results page).
 */
export async function collectEvaluationReport(deps: EvaluationReportDeps, auth: AuthContext | null, input: { roundId: number }, now = new Date()): Promise<EvaluationReport> {
  const repo = evaluationRepository(deps.db);
  const round: RoundRow | undefined = await repo.round(input.roundId);
  if (!round) throw appError('NOT_FOUND', `评估（编号 ${input.roundId}）不存在`);
  assertCan(auth, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree: await deps.orgs.tree() });
  const [plan, goals, participants, forms] = await Promise.all([repo.plan(round.plan_id), repo.goalsOfPlan(round.plan_id), repo.participants([round.id]), repo.forms({ roundIds: [round.id] })]);
  await auditEvaluator(deps.db, auth, 'download_report', round.title);
  const weights = await roundWeights(deps.db, round);
  const results = buildResults(round, weights, goals, participants, forms, await checkTallies(deps.db, round.id, beijingDate(now)), await evaluatorsRepository(deps.db).scoresOfRound(round.id));
  const criteria = criteriaOf(round);
  const byId = new Map(participants.map((p) => [p.id, participantDto(p)]));
  const submitted = forms.filter((f) => f.state === 'submitted' || f.state === 'reviewed');
  const files = new Map(await Promise.all(submitted.map(async (f) => [f.id, (await deps.attachments.listOfOwner(FORM_OWNER, f.id)).length] as const)));
  const areas = results.areas.map((a) => ({
    no: a.no, title: a.title, rate: a.rate,
    goals: results.goals.filter((g) => g.goal.area.id === a.id).map((g) => ({
      no: g.goal.no, text: g.goal.text, attainment: g.attainment, selfScore: g.selfScore, reviewScore: g.reviewScore,
      entries: submitted.filter((f) => f.goal_id === g.goal.id).map((f) => {
        const p = byId.get(f.participant_id)!;
        const s = formSummary(f, p, weights.forGoal(placeOf(f)));
        return { unit: p.label, kind: p.kind, attainment: s.attainment, evidence: summarise(f.evidence), files: files.get(f.id) ?? 0, selfTotal: s.selfTotal, reviewTotal: s.reviewTotal, reviewComment: f.review_comment };
      }),
    })),
  }));
  const n = (state: string) => forms.filter((f) => f.state === state).length;
  return {
    title: `${round.title}报告`,
    unit: { id: round.org_unit_id, name: round.org_unit_name },
    plan: { id: plan!.id, kind: plan!.kind, title: plan!.title, periodStart: plan!.period_start, periodEnd: plan!.period_end },
    kind: round.kind, milestone: round.milestone, criteria, weights: weightRows(weights.overrides, goals), score: results.score.review, selfDueOn: round.self_due_on, reviewDueOn: round.review_due_on,
    collectedOn: beijingDate(now),
    counts: {
      participants: participants.length, departments: participants.filter((p) => p.department_id !== null).length, committees: participants.filter((p) => p.department_id === null).length,
      forms: forms.length, submitted: submitted.length, reviewed: n('reviewed'), returned: n('returned'),
    },
    overall: results.overall, areas, units: results.units, notMet: results.notMet,
    siteChecks: await collectSiteChecks(deps.db, round.id, beijingDate(now)),
    thirdParty: await collectThirdParty(deps.db, round.id, (id) => weights.forGoal({ id, areaId: goals.find((g) => g.id === id)!.area_id }), new Map(goals.map((g) => [g.id, `${g.area_title}目标 ${g.no}`]))),
  };
}

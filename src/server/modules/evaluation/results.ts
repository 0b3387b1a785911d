import type { ResultsDto } from '../../../shared/api/evaluation';
import { goalAttainmentRate, type Attainment } from '../../../shared/evaluation/attainment';
import { meanScore, rankByScore, totalScore } from '../../../shared/evaluation/scoring';
import { tallyChecks, type CheckTally } from '../../../shared/evaluation/siteChecks';
import { aggregateScores } from '../../../shared/evaluation/weights';
import { criteriaOf, goalRef, parseScores, participantDto, placeOf, roundBase, type FormRow, type ParticipantRow, type RoundRow } from './views';
import type { RoundWeights } from './weights/service';

type Goal = { id: number; no: number; text: string; area_id: number; area_no: number; area_title: string };
/** A third-party evaluator's score on a goal (evaluation_third_party_scores). */
export type ThirdPartyScore = { evaluator_id: number; goal_id: number; scores: string; display_name: string; organisation: string };

/** What counts once a unit has submitted: its forms under review or reviewed. */
const counts = (f: FormRow) => f.state === 'submitted' || f.state === 'reviewed';
/** How bad an attainment is; 无法评估 least, so it stands only when no department could judge. */
const BADNESS: Record<Attainment, number> = { unassessable: 0, met: 1, partly: 2, not_met: 3 };
/** A goal is as attained as its least attained lead department says. */
const worst = (list: readonly Attainment[]): Attainment | null => (list.length ? list.reduce((a, b) => (BADNESS[b] > BADNESS[a] ? b : a)) : null);

/**
 * A round's results: per goal the attainment the lead departments submitted and the mean 自评 and
 * 评估组 totals; 达标率 per area and for the plan over the goals with an attainment; each
 * participant's mean scores ranked by the 评估组's (目标管理责任制 考核); the goals not met with
 * the unit's causes and 整改 commitments; each total under the weights that apply to its goal, and the
 * areas' and the plan's scores from the goals' by the areas' and goals' weights (shared/evaluation/weights.ts); each unit's site checks (`tallies` by participant id); the
 * third-party evaluators' mean total per goal and who they are, kept apart from the 评估组's. Lower committees' forms speak for their own areas: they
 * count in the unit scores and the not-met list, not in the plan's goal attainment.
 */
export function buildResults(round: RoundRow, weights: RoundWeights, goals: readonly Goal[], participants: readonly ParticipantRow[], forms: readonly FormRow[], tallies: ReadonlyMap<number, CheckTally>, thirdParty: readonly ThirdPartyScore[]): ResultsDto {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const total = (f: FormRow, which: 'self_scores' | 'review_scores') => totalScore(weights.forGoal(placeOf(f)), parseScores(f[which]));
  const goalOf = new Map(goals.map((g) => [g.id, g]));
  const thirdPartyTotal = (s: ThirdPartyScore) => totalScore(weights.forGoal({ id: s.goal_id, areaId: goalOf.get(s.goal_id)!.area_id }), parseScores(s.scores));
  const goalRows = goals.map((g) => {
    const mine = forms.filter((f) => f.goal_id === g.id && counts(f));
    const departmental = mine.filter((f) => byId.get(f.participant_id)!.department_id !== null);
    return {
      goal: goalRef({ goal_id: g.id, goal_no: g.no, goal_text: g.text, area_id: g.area_id, area_no: g.area_no, area_title: g.area_title }),
      attainment: worst(departmental.map((f) => f.attainment as Attainment)),
      selfScore: meanScore(mine.map((f) => total(f, 'self_scores'))),
      reviewScore: meanScore(mine.map((f) => total(f, 'review_scores'))),
      thirdPartyScore: meanScore(thirdParty.filter((s) => s.goal_id === g.id).map(thirdPartyTotal)),
      units: forms.filter((f) => f.goal_id === g.id).map((f) => participantDto(byId.get(f.participant_id)!).label),
    };
  });
  const judged = goalRows.filter((g) => g.attainment !== null);
  const aggregate = (which: 'selfScore' | 'reviewScore') => aggregateScores(goalRows.map((g) => ({ id: g.goal.id, areaId: g.goal.area.id, score: g[which] })), weights.overrides);
  const [self, review] = [aggregate('selfScore'), aggregate('reviewScore')];
  const areas = [...new Map(goals.map((g) => [g.area_id, { id: g.area_id, no: g.area_no, title: g.area_title }])).values()].map((a) => {
    const [s, r] = [self.areas.find((x) => x.areaId === a.id)!, review.areas.find((x) => x.areaId === a.id)!];
    return { ...a, rate: goalAttainmentRate(judged.filter((g) => g.goal.area.id === a.id).map((g) => g.attainment!)), weight: r.weight, selfScore: s.score, reviewScore: r.score };
  });
  const units = rankByScore(participants.map((p) => {
    const mine = forms.filter((f) => f.participant_id === p.id);
    const done = mine.filter(counts);
    return {
      participant: participantDto(p), forms: mine.length, submitted: done.length, reviewed: mine.filter((f) => f.state === 'reviewed').length,
      selfScore: meanScore(done.map((f) => total(f, 'self_scores'))), reviewScore: meanScore(done.map((f) => total(f, 'review_scores'))),
      score: meanScore(done.map((f) => total(f, 'review_scores'))),
      checks: tallies.get(p.id) ?? tallyChecks([]),
    };
  })).map(({ score: _score, ...u }) => u);
  const notMet = forms.filter((f) => counts(f) && (f.attainment === 'not_met' || f.attainment === 'partly')).map((f) => ({
    formId: f.id, goal: goalRef(f), attainment: f.attainment as Attainment, participant: participantDto(byId.get(f.participant_id)!), problems: f.problems, rectification: f.rectification,
  }));
  const evaluators = [...new Map(thirdParty.map((s) => [s.evaluator_id, s])).values()].map((e) => {
    const theirs = thirdParty.filter((s) => s.evaluator_id === e.evaluator_id);
    return { name: e.display_name, organisation: e.organisation, scored: theirs.length, mean: meanScore(theirs.map(thirdPartyTotal)) };
  });
  return { round: { ...roundBase(round), criteria: criteriaOf(round) }, overall: goalAttainmentRate(judged.map((g) => g.attainment!)), score: { self: self.plan, review: review.plan }, areas, goals: goalRows, units, notMet, thirdParty: evaluators };
}

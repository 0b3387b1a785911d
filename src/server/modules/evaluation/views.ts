import type { FormSummaryDto, ParticipantDto, RoundSummaryDto } from '../../../shared/api/evaluation';
import type { Attainment } from '../../../shared/evaluation/attainment';
import { totalScore, type Criterion, type Scores } from '../../../shared/evaluation/scoring';
import { can, type Subject, type UnitTree } from '../../../shared/policy';
import type { EvaluationRepository } from './repository';

export type RoundRow = NonNullable<Awaited<ReturnType<EvaluationRepository['round']>>>;
export type ParticipantRow = Awaited<ReturnType<EvaluationRepository['participants']>>[number];
export type FormRow = Awaited<ReturnType<EvaluationRepository['forms']>>[number];

/** A department id no grant holds: asking with it leaves only the committee-wide roles. */
const NO_DEPARTMENT = -1;

export const criteriaOf = (round: Pick<RoundRow, 'criteria'>): Criterion[] => JSON.parse(round.criteria) as Criterion[];
export const parseScores = (json: string | null): Scores | null => (json === null ? null : (JSON.parse(json) as Scores));

export function participantDto(p: ParticipantRow): ParticipantDto {
  return p.department_id === null
    ? { id: p.id, kind: 'committee', orgUnit: { id: p.org_unit_id, name: p.org_unit_name }, department: null, label: `${p.org_unit_name}妇儿工委` }
    : { id: p.id, kind: 'department', orgUnit: { id: p.org_unit_id, name: p.org_unit_name }, department: { id: p.department_id, name: p.department_name ?? '' }, label: p.department_name ?? '' };
}

/**
 * What a user may do with a participant's forms (policy rows evaluation.*): a member department's
 * people act on their own department's forms, a lower unit's office on its committee's; the
 * committee roles of the round's unit and above read all, the 评估组 reviews; a third-party
 * evaluator of the round reads all (its grant names the round).
 */
export function formAccess(user: Subject, tree: UnitTree, round: Pick<RoundRow, 'id' | 'org_unit_id'>, p: Pick<ParticipantRow, 'org_unit_id' | 'department_id'>) {
  const at = { orgUnitId: p.org_unit_id, departmentId: p.department_id ?? NO_DEPARTMENT, roundId: round.id, tree };
  return {
    read: can(user, 'evaluation.read', at),
    edit: p.department_id === null ? can(user, 'evaluation.selfAssessArea', { orgUnitId: p.org_unit_id, tree }) : can(user, 'evaluation.selfAssess', at),
    review: can(user, 'evaluation.review', { orgUnitId: round.org_unit_id, tree }),
  };
}

export function roundBase(r: RoundRow): Omit<RoundSummaryDto, 'counts'> {
  return {
    id: r.id, title: r.title, kind: r.kind, milestone: r.milestone, plan: { id: r.plan_id, title: r.plan_title }, orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
    selfDueOn: r.self_due_on, reviewDueOn: r.review_due_on, state: r.state, closedAt: r.closed_at, closedBy: r.closed_by_name ?? null, isDemo: r.is_demo === 1,
  };
}

export function countForms(forms: readonly Pick<FormRow, 'state'>[]): RoundSummaryDto['counts'] {
  const n = (s: FormRow['state']) => forms.filter((f) => f.state === s).length;
  return { total: forms.length, draft: n('draft'), submitted: n('submitted'), returned: n('returned'), reviewed: n('reviewed') };
}

export function goalRef(f: Pick<FormRow, 'goal_id' | 'goal_no' | 'goal_text' | 'area_id' | 'area_no' | 'area_title'>) {
  return { id: f.goal_id, no: f.goal_no, text: f.goal_text, area: { id: f.area_id, no: f.area_no, title: f.area_title } };
}

/** A goal's place for the weights that apply to it (shared/evaluation/weights.ts). */
export const placeOf = (f: Pick<FormRow, 'goal_id' | 'area_id'>) => ({ id: f.goal_id, areaId: f.area_id });

/** The form's totals under `criteria`, the weights that apply to its goal. */
export function formSummary(f: FormRow, participant: ParticipantDto, criteria: readonly Criterion[]): FormSummaryDto {
  return {
    id: f.id, goal: goalRef(f), participant, state: f.state, attainment: f.attainment as Attainment | null,
    selfTotal: totalScore(criteria, parseScores(f.self_scores)), reviewTotal: totalScore(criteria, parseScores(f.review_scores)),
    submittedAt: f.submitted_at, isDemo: f.is_demo === 1,
  };
}

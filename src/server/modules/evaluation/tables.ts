import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface EvaluationRoundsTable {
  id: Generated<number>;
  plan_id: number;
  org_unit_id: number;
  milestone: number;
  kind: 'midterm' | 'final';
  title: string;
  /** JSON `[{key,label,weight}]`, weights adding up to 100. */
  criteria: string;
  self_due_on: string;
  review_due_on: string;
  state: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  /** When and by whom the round was closed (结束评估); null while open. */
  closed_at: Nullable<string>;
  closed_by: Nullable<number>;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
}

/** A member department of the plan's committee (department_id set) or the committee of a unit below. */
export interface EvaluationParticipantsTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  department_id: number | null;
}

export type FormState = 'draft' | 'submitted' | 'returned' | 'reviewed';

export interface EvaluationFormsTable {
  id: Generated<number>;
  round_id: number;
  participant_id: number;
  goal_id: number;
  state: ColumnType<FormState, FormState | undefined, FormState>;
  suggested: Nullable<string>;
  attainment: Nullable<string>;
  attainment_reason: Nullable<string>;
  evidence: ColumnType<string, string | undefined, string>;
  problems: ColumnType<string, string | undefined, string>;
  rectification: ColumnType<string, string | undefined, string>;
  /** JSON `{criterionKey: points}`. */
  self_scores: Nullable<string>;
  review_scores: Nullable<string>;
  review_comment: Nullable<string>;
  return_reason: Nullable<string>;
  submitted_at: Nullable<string>;
  reviewed_by: Nullable<number>;
  reviewed_at: Nullable<string>;
  updated_at: string;
  is_demo: Flag;
}

export interface EvaluationFormEventsTable {
  id: Generated<number>;
  form_id: number;
  action: 'save' | 'submit' | 'return' | 'review';
  text: string;
  actor_id: number | null;
  at: string;
}

/** A visit of the 评估组 / office to a participant of the round (督导检查). */
export interface EvaluationSiteChecksTable {
  id: Generated<number>;
  round_id: number;
  participant_id: number;
  visited_on: string;
  /** JSON array of the names of the people who went. */
  inspectors: string;
  findings: string;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A rectification request (整改要求) of a site check, with its deadline and the unit's answer. */
export interface EvaluationRectificationsTable {
  id: Generated<number>;
  check_id: number;
  seq: number;
  requirement: string;
  due_on: string;
  answer: Nullable<string>;
  done_on: Nullable<string>;
  answered_by: Nullable<number>;
  answered_at: Nullable<string>;
}

/** A third-party or expert evaluator account, bound to one round until its expiry date (inclusive, Beijing). */
export interface EvaluationEvaluatorsTable {
  id: Generated<number>;
  round_id: number;
  user_id: number;
  organisation: string;
  expires_on: string;
  revoked_at: Nullable<string>;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
}

/** An evaluator's own score per criterion (JSON `{criterionKey: points}`) and comment on a goal. */
export interface EvaluationThirdPartyScoresTable {
  id: Generated<number>;
  evaluator_id: number;
  goal_id: number;
  scores: string;
  comment: ColumnType<string, string | undefined, string>;
  updated_at: string;
}

/** A round's weights for one area or goal (shared/evaluation/weights.ts): criterion weights and/or its weight in the total. */
export interface EvaluationWeightsTable {
  id: Generated<number>;
  round_id: number;
  scope: 'area' | 'goal';
  /** plan_areas.id or plan_goals.id, by scope. */
  target_id: number;
  /** JSON `{criterionKey: weight}`; null inherits. */
  criteria: string | null;
  share: number | null;
  updated_by: number | null;
  updated_at: string;
}

/** The tables the evaluation module owns (see ARCHITECTURE.md). */
export interface EvaluationTables {
  evaluation_rounds: EvaluationRoundsTable;
  evaluation_participants: EvaluationParticipantsTable;
  evaluation_forms: EvaluationFormsTable;
  evaluation_form_events: EvaluationFormEventsTable;
  evaluation_site_checks: EvaluationSiteChecksTable;
  evaluation_rectifications: EvaluationRectificationsTable;
  evaluation_evaluators: EvaluationEvaluatorsTable;
  evaluation_third_party_scores: EvaluationThirdPartyScoresTable;
  evaluation_weights: EvaluationWeightsTable;
}

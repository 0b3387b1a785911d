import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

export interface SurveysTable {
  id: Generated<number>;
  org_unit_id: number;
  /** The member department that owns it; null: the unit's office. */
  department_id: ColumnType<number | null, number | null | undefined, number | null>;
  title: string;
  description: string | null;
  audience: ColumnType<string, string | undefined, string>;
  definition: string;
  status: ColumnType<string, string | undefined, string>;
  public_id: string;
  opens_at: string | null;
  closes_at: string | null;
  access_mode: ColumnType<string, string | undefined, string>;
  variant_of: number | null;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyAccessCodesTable { id: Generated<number>; survey_id: number; code: string; label: string | null; used_at: string | null }

export interface SurveyResponsesTable {
  id: Generated<number>;
  survey_id: number;
  answers: string;
  browser_hash: string | null;
  idempotency_key: string;
  access_code_id: number | null;
  submitted_at: string;
  is_demo: Flag;
}

export interface SurveyFeedsTable {
  id: Generated<number>;
  survey_id: number;
  question_code: string;
  option_keys: string;
  region_question_code: string | null;
  indicator_id: number;
  year: number;
  min_sample: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SurveyFeedValuesTable {
  feed_id: number;
  org_unit_id: number;
  value: number;
  positive: number;
  sample_size: number;
  source: string;
  written_by: number | null;
  written_at: string;
}

export interface SurveyBankQuestionsTable {
  id: Generated<number>;
  org_unit_id: number;
  title: string;
  type: string;
  question: string;
  created_by: number | null;
  created_at: Timestamp;
}

/** The tables the surveys module owns (see ARCHITECTURE.md). */
export interface SurveysTables {
  surveys: SurveysTable;
  survey_access_codes: SurveyAccessCodesTable;
  survey_responses: SurveyResponsesTable;
  survey_feeds: SurveyFeedsTable;
  survey_feed_values: SurveyFeedValuesTable;
  survey_bank_questions: SurveyBankQuestionsTable;
}

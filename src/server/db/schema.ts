import type { ReportsTables } from '../modules/reports/tables';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PlansTables } from '../modules/plans/tables';
import type { PublishingTables } from '../modules/publishing/tables';
import type { SurveysTables } from '../modules/surveys/tables';
import type { FollowupTables } from '../modules/followup/tables';
import type { RemindersTables } from '../services/reminders/tables';
import type { PlanFilingTables } from '../modules/plans/filing/tables';
import type { EvaluationTables } from '../modules/evaluation/tables';
import type { WorkitemsTables } from '../modules/workitems/tables';
import type { ResponsibilitiesTables } from '../modules/plans/responsibilities/tables';
import type { UnitReportsTables } from '../modules/unitreports/tables';
import type { WorkPointsTables } from '../modules/workitems/workPointsTables';
import type { AnalyticsTables } from '../modules/analytics/tables';
import type { AuthTables } from '../modules/auth/tables';
import type { AttachmentsTables } from '../services/attachments/tables';
import type { ChangeLogTables } from '../services/changeLog/tables';
export type { ArticleCategory, ArticleStatus } from '../modules/publishing/tables';

import type { Flag, Timestamp } from './columns';

export interface MetaTable { key: string; value: string }

export type OrgLevel = 'city' | 'district' | 'street';
export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: OrgLevel;
  parent_id: number | null;
  sort: ColumnType<number, number | undefined, number>;
  is_demo: Flag;
}

export interface CommitteesTable { id: Generated<number>; org_unit_id: number; name: string }

export interface DepartmentsTable {
  id: Generated<number>;
  committee_id: number;
  name: string;
  short_name: string;
  sort: ColumnType<number, number | undefined, number>;
  /** The parent unit's department this one reports along; null at the top committee. */
  counterpart_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 可发起问卷调查: the unit's office authorised it to build its own surveys (surveys module). */
  runs_surveys: Flag;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  org_unit_id: number | null;
  department_id: number | null;
  disabled: Flag;
  created_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_unit_id: number | null;
  department_id: number | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface PlansTable {
  id: Generated<number>;
  org_unit_id: number;
  kind: 'women' | 'children';
  title: string;
  period_start: number;
  period_end: number;
  status: ColumnType<string, string | undefined, string>;
  source_name: string;
  source_text: string;
  source_hash: string;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The 印发 date, YYYY-MM-DD (migration 0017). */
  released_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Archived: kept for history, hidden from lists by default. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PlanAreasTable { id: Generated<number>; plan_id: number; no: number; title: string; line: number }

export interface PlanGoalsTable {
  id: Generated<number>;
  area_id: number;
  no: number;
  text: string;
  line_start: number;
  line_end: number;
  qualitative: Flag;
}

export interface PlanMeasuresTable {
  id: Generated<number>;
  area_id: number;
  no: number;
  text: string;
  line_start: number;
  line_end: number;
}

export interface PlanTargetsTable {
  id: Generated<number>;
  goal_id: number;
  seq: number;
  indicator: string;
  comparator: string;
  value: number | null;
  unit: string | null;
  year: number | null;
  base_year: number | null;
  quote: string;
  edited_by: number | null;
  edited_at: string | null;
  /** The indicator this target measures; one indicator can carry targets of several plans. */
  indicator_id: number | null;
}

export interface CategoryOptionsTable { id: Generated<number>; code: string; category: string; name: string; sort: number }

export interface DataElementsTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit: string | null;
  value_type: ColumnType<string, string | undefined, string>;
  categories: ColumnType<string, string | undefined, string>;
}

export interface IndicatorsTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit: string | null;
  direction: 'higher' | 'lower' | 'band';
  definition: string | null;
  caliber: string | null;
  formula_type: 'direct' | 'ratio';
  value_de_id: number | null;
  numerator_de_id: number | null;
  denominator_de_id: number | null;
  factor: ColumnType<number, number | undefined, number>;
  categories: ColumnType<string, string | undefined, string>;
  /** A department of the top committee; each unit's counterpart of it reports the indicator. */
  responsible_department_id: number | null;
  data_source: string | null;
  baseline_year: number | null;
  baseline_value: number | null;
  min_value: number | null;
  max_value: number | null;
  yoy_threshold: number | null;
  tolerance: number | null;
  decimals: ColumnType<number, number | undefined, number>;
  published: Flag;
  plan_target_id: number | null;
  /** Other names plans give the indicator, one per line. */
  aliases: ColumnType<string, string | undefined, string>;
  is_demo: Flag;
  sort: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface IndicatorTargetsTable {
  id: Generated<number>;
  indicator_id: number;
  year: number;
  comparator: string;
  value: number | null;
  base_year: number | null;
}

export interface DataValuesTable {
  data_element_id: number;
  org_unit_id: number;
  period: number;
  option_id: number;
  value: number;
  comment: string | null;
  department_id: number | null;
  /** The seat whose write made the current version; the value is approved while that seat is. */
  submission_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  created_via: string;
  updated_by: number | null;
  updated_at: string;
}

export interface DataValueAuditsTable {
  id: Generated<number>;
  data_element_id: number;
  org_unit_id: number;
  period: number;
  option_id: number;
  action: 'update' | 'delete';
  old_value: number | null;
  new_value: number | null;
  old_comment: string | null;
  new_comment: string | null;
  changed_by: number | null;
  changed_at: string;
  via: string;
}

export interface ReportingTasksTable {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  name: string;
  opens_on: string;
  due_on: string;
  template_version: ColumnType<number, number | undefined, number>;
  closed_at: string | null;
  created_by: number | null;
  created_at: Timestamp;
  is_demo: Flag;
}

export interface ReportingTaskIndicatorsTable { task_id: number; indicator_id: number }

export interface SubmissionsTable {
  id: Generated<number>;
  task_id: number;
  org_unit_id: number;
  department_id: number;
  state: ColumnType<string, string | undefined, string>;
  return_reason: string | null;
  reminded_at: string | null;
  updated_at: Timestamp;
}

export interface SubmissionEventsTable {
  id: Generated<number>;
  submission_id: number;
  action: string;
  from_state: string;
  to_state: string;
  comment: string | null;
  actor_id: number | null;
  at: string;
}

/**
 * Every table. A module that owns tables declares them in its own `tables.ts` and joins them here
 * (see ARCHITECTURE.md for which module owns which).
 */
export interface Database extends AnalyticsTables, AuthTables, AttachmentsTables, ChangeLogTables, PublishingTables, SurveysTables, PlansTables, FollowupTables, RemindersTables, PlanFilingTables, WorkitemsTables, ReportsTables, ResponsibilitiesTables, UnitReportsTables, EvaluationTables, WorkPointsTables {
  meta: MetaTable;
  org_units: OrgUnitsTable;
  committees: CommitteesTable;
  departments: DepartmentsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  plans: PlansTable;
  plan_areas: PlanAreasTable;
  plan_goals: PlanGoalsTable;
  plan_measures: PlanMeasuresTable;
  plan_targets: PlanTargetsTable;
  category_options: CategoryOptionsTable;
  data_elements: DataElementsTable;
  indicators: IndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  data_values: DataValuesTable;
  data_value_audits: DataValueAuditsTable;
  reporting_tasks: ReportingTasksTable;
  reporting_task_indicators: ReportingTaskIndicatorsTable;
  submissions: SubmissionsTable;
  submission_events: SubmissionEventsTable;
}

export type OrgUnit = Selectable<OrgUnitsTable>;
export type User = Selectable<UsersTable>;
export type Plan = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type PlanTargetRow = Selectable<PlanTargetsTable>;
export type PlanTargetUpdate = Updateable<PlanTargetsTable>;

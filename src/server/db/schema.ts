import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 string on both dialects (see connection.ts). */
type Timestamp = ColumnType<string, string | undefined, string>;
/** 0/1 on both dialects: SQLite has no boolean type. */
type Flag = ColumnType<number, number | undefined, number>;

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
}

export interface Database {
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
}

export type OrgUnit = Selectable<OrgUnitsTable>;
export type User = Selectable<UsersTable>;
export type Plan = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type PlanTargetRow = Selectable<PlanTargetsTable>;
export type PlanTargetUpdate = Updateable<PlanTargetsTable>;

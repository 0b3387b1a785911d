import type { Generated } from 'kysely';
import type { Flag, Timestamp } from '../../../db/columns';

export type ResponsibilityRole = 'lead' | 'partner';
export type ImplementationState = 'submitted' | 'accepted' | 'returned';

/** A goal or measure × member department: 牵头 or 配合 (migration 0023); exactly one of goal_id / measure_id. */
export interface PlanResponsibilitiesTable {
  id: Generated<number>;
  plan_id: number;
  goal_id: number | null;
  measure_id: number | null;
  department_id: number;
  role: ResponsibilityRole;
}

/** When the office wants the member units' 实施方案 of a plan. */
export interface ImplementationDuesTable {
  plan_id: number;
  due_on: string;
  set_by: number | null;
  set_at: Timestamp;
}

/** One filing of a department's 实施方案; a returned one is filed again as a new row. */
export interface ImplementationPlansTable {
  id: Generated<number>;
  plan_id: number;
  department_id: number;
  state: ImplementationState;
  text: string;
  filed_by: number | null;
  filed_at: Timestamp;
  decided_by: number | null;
  decided_at: string | null;
  return_reason: string | null;
  is_demo: Flag;
}

export interface ResponsibilitiesTables {
  plan_responsibilities: PlanResponsibilitiesTable;
  implementation_dues: ImplementationDuesTable;
  implementation_plans: ImplementationPlansTable;
}

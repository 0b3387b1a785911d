import type { Generated } from 'kysely';
import type { FilingState } from '../../../../shared/plans/filing';
import type { Timestamp } from '../../../db/columns';

/** One filing of a plan with the unit above (migration 0017). */
export interface PlanFilingsTable {
  id: Generated<number>;
  plan_id: number;
  to_org_unit_id: number;
  state: FilingState;
  /** One month after the plan's release (seed 001 §三), as it stood when filed. */
  due_on: string;
  note: string | null;
  /** JSON of the FilingComparison made when the plan was filed. */
  comparison: string;
  filed_by: number | null;
  filed_at: Timestamp;
  decided_by: number | null;
  decided_at: string | null;
  return_reason: string | null;
}

export interface PlanFilingTables {
  plan_filings: PlanFilingsTable;
}

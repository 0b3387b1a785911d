import type { Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

/** One import that created or changed a plan; `changes` is the JSON of its PlanChanges. */
export interface PlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  source_name: string;
  source_hash: string;
  changes: string;
  imported_by: number | null;
  imported_at: Timestamp;
}

export type PlanLinkFlagKind = 'conflict' | 'removed';

/** What a revision could not carry into a linked indicator by itself (see migration 0016). */
export interface PlanLinkFlagsTable {
  id: Generated<number>;
  plan_id: number;
  indicator_id: number;
  target_id: number | null;
  kind: PlanLinkFlagKind;
  /** Where in the plan, e.g. “（一）妇女与健康 目标2”. */
  item: string;
  /** The name the plan gave the indicator: a restored goal is re-linked by it. */
  target_indicator: string;
  /** The indicator had been generated from that target (`indicators.plan_target_id`). */
  was_source: Flag;
  /** JSON: the before and after of the target, for display. */
  detail: string;
  created_at: Timestamp;
  resolved_at: string | null;
}

/** The tables the plans module owns besides plans/plan_areas/goals/measures/targets (see ARCHITECTURE.md). */
export interface PlansTables {
  plan_versions: PlanVersionsTable;
  plan_link_flags: PlanLinkFlagsTable;
}

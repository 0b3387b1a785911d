import type { Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

export interface KeyItemsTable {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  no: number;
  name: string;
  summary: string;
  source_name: string;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
}

export interface KeyItemUnitsTable {
  id: Generated<number>;
  item_id: number;
  role: 'lead' | 'partner';
  name: string;
  department_id: number | null;
  sort: number;
}

export interface KeyItemMilestonesTable {
  id: Generated<number>;
  item_id: number;
  period: 'annual' | 'H1' | 'H2';
  text: string;
  value: number | null;
  unit: string | null;
  comparator: '>=' | '<=';
  due_on: string | null;
}

export interface KeyItemReportsTable {
  id: Generated<number>;
  milestone_id: number;
  department_id: number;
  role: 'lead' | 'partner';
  value: number | null;
  text: string;
  completed: Flag;
  reported_by: number | null;
  reported_at: string;
  is_demo: Flag;
}

export interface SupervisionsTable {
  id: Generated<number>;
  org_unit_id: number;
  department_id: number;
  item_id: number | null;
  indicator_id: number | null;
  /** At most one of item_id, indicator_id and work_point_id is set (checked by the service). */
  work_point_id: Generated<number | null>;
  subject: string;
  request: string;
  due_on: string;
  state: 'open' | 'replied' | 'closed';
  round: Generated<number>;
  is_demo: Flag;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SupervisionEventsTable {
  id: Generated<number>;
  supervision_id: number;
  action: 'issue' | 'reply' | 'press' | 'close';
  text: string;
  due_on: string | null;
  actor_id: number | null;
  at: string;
}

/** The tables the workitems module owns (see ARCHITECTURE.md). */
export interface WorkitemsTables {
  key_items: KeyItemsTable;
  key_item_units: KeyItemUnitsTable;
  key_item_milestones: KeyItemMilestonesTable;
  key_item_reports: KeyItemReportsTable;
  supervisions: SupervisionsTable;
  supervision_events: SupervisionEventsTable;
}

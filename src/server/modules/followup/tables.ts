import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';
import type { FollowupState } from '../../../shared/followup/stateMachine';

export interface FollowupsTable {
  id: Generated<number>;
  warning_key: string;
  /** The warning key while open, null once closed: one open follow-up per warning. */
  open_key: string | null;
  kind: string;
  org_unit_id: number;
  indicator_id: number | null;
  department_id: number;
  year: number | null;
  /** The indicator's or seat's name when assigned, for lists that outlive the warning. */
  subject: string;
  reason: string;
  link: string;
  deadline: string;
  state: ColumnType<FollowupState, FollowupState, FollowupState>;
  cause: string | null;
  measures: string | null;
  expected_on: string | null;
  assigned_by: number | null;
  assigned_at: string;
  updated_at: string;
  closed_at: string | null;
  is_demo: Flag;
}

export interface FollowupEventsTable {
  id: Generated<number>;
  followup_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  comment: string | null;
  actor_id: number | null;
  at: Timestamp;
}

export interface FollowupTables {
  followups: FollowupsTable;
  followup_events: FollowupEventsTable;
}

import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';
import type { FormState } from '../../../shared/unitreports/workflow';

export interface UnitReportRoundsTable {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  due_on: string;
  note: string;
  is_demo: Flag;
  created_by: number | null;
  created_at: string;
}

export interface UnitReportFormsTable {
  id: Generated<number>;
  round_id: number;
  /** The reporting unit: the round's own for a member department, a unit below for a lower committee. */
  org_unit_id: number;
  /** null: the lower committee of org_unit_id reports about its area. */
  department_id: number | null;
  state: ColumnType<FormState, FormState | undefined, FormState>;
  /** Bumped by every save and step: a write names the version it read (409 otherwise). */
  version: ColumnType<number, number | undefined, number>;
  /** FormContentDto as JSON. */
  content: string;
  submitted_at: string | null;
  /** For overdue days: the first submission counts, a later resubmission after a return does not. */
  first_submitted_at: string | null;
  accepted_at: string | null;
  /** The form's item groups (FormGroupDto[] as JSON) with the figures shown when the office accepted it; null before. */
  accepted_items: ColumnType<string | null, string | null | undefined, string | null>;
  returned_reason: string | null;
  reminded_at: string | null;
  updated_by: number | null;
  updated_at: string | null;
}

export interface UnitReportEventsTable {
  id: Generated<number>;
  form_id: number;
  action: 'submit' | 'accept' | 'return' | 'remind';
  text: string;
  actor_id: number | null;
  at: Timestamp;
}

/** The tables the unitreports module owns (see ARCHITECTURE.md). */
export interface UnitReportsTables {
  unit_report_rounds: UnitReportRoundsTable;
  unit_report_forms: UnitReportFormsTable;
  unit_report_events: UnitReportEventsTable;
}

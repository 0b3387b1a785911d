import type { Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

export interface WorkPointsTable {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  /** null: a section (一、); else the point it belongs to. */
  parent_id: number | null;
  sort: number;
  title: string;
  body: string;
  due_on: string | null;
  practical: Flag;
  mentioned: Generated<string>;
  source_line: number | null;
  is_demo: Flag;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by every edit; a save names the version it started from (compare-and-set). */
  version: Generated<number>;
  updated_by: Generated<number | null>;
}

export interface WorkPointUnitsTable {
  id: Generated<number>;
  point_id: number;
  department_id: number;
  role: 'lead' | 'partner';
  sort: number;
}

export interface WorkPointRecordsTable {
  id: Generated<number>;
  point_id: number;
  kind: 'filing' | 'notice';
  on_date: string;
  ref: string;
  text: string;
  is_demo: Flag;
  actor_id: number | null;
  at: string;
}

export interface WorkPointLinksTable {
  id: Generated<number>;
  point_id: number;
  key_item_id: number;
}

/** The work points' tables, owned by the workitems module (ARCHITECTURE.md). */
export interface WorkPointsTables {
  work_points: WorkPointsTable;
  work_point_units: WorkPointUnitsTable;
  work_point_records: WorkPointRecordsTable;
  work_point_links: WorkPointLinksTable;
}

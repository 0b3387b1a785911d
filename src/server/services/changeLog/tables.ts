import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/columns';

/** Label and ownership changes that matter to whose data is whose (renames, responsible departments). */
export interface ChangeLogTable {
  id: Generated<number>;
  entity: 'department' | 'indicator' | 'plan_goal' | 'plan_measure' | 'evaluator' | 'evaluation_round';
  entity_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
}

/** The change log's table (see ARCHITECTURE.md). */
export interface ChangeLogTables {
  change_log: ChangeLogTable;
}

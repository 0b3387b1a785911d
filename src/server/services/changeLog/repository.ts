import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface Change {
  /** `evaluator`: a third-party evaluator's actions (field: the action, new value: what it was done to), entity id the evaluator's user id. */
  /** `evaluation_round`: a round's state (closing, 结束评估), by whom. */
  entity: 'department' | 'indicator' | 'plan_goal' | 'plan_measure' | 'evaluator' | 'evaluation_round';
  entityId: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Changes to labels and ownership that decide whose data is whose (a department's names, an
 * indicator's responsible department): written in the transaction of the change itself.
 */
export function changeLogRepository(db: Executor) {
  return {
    async record(changes: readonly Change[], changedBy: number | null, at = new Date().toISOString()): Promise<void> {
      const rows = changes.filter((c) => c.oldValue !== c.newValue);
      if (rows.length === 0) return;
      await db
        .insertInto('change_log')
        .values(rows.map((c) => ({ entity: c.entity, entity_id: c.entityId, field: c.field, old_value: c.oldValue, new_value: c.newValue, changed_by: changedBy, changed_at: at })))
        .execute();
    },

    /** The history of one department or indicator, newest first, with who made each change. */
    history(entity: Change['entity'], entityId: number) {
      return db
        .selectFrom('change_log as c')
        .leftJoin('users as u', 'u.id', 'c.changed_by')
        .select(['c.id', 'c.field', 'c.old_value', 'c.new_value', 'c.changed_at', 'u.display_name'])
        .where('c.entity', '=', entity)
        .where('c.entity_id', '=', entityId)
        .orderBy('c.id', 'desc')
        .execute();
    },
  };
}

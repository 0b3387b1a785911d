import type { Kysely } from 'kysely';
import type { WeightOverride, WeightScope } from '../../../../shared/evaluation/weights';
import type { Database } from '../../../db/schema';

/** A round's weight overrides by area and goal (evaluation_weights). */
export function weightsRepository(db: Kysely<Database>) {
  return {
    async ofRound(roundId: number): Promise<WeightOverride[]> {
      const rows = await db.selectFrom('evaluation_weights').select(['scope', 'target_id', 'criteria', 'share']).where('round_id', '=', roundId).orderBy('id').execute();
      return rows.map((r) => ({ scope: r.scope, targetId: r.target_id, criteria: r.criteria === null ? null : (JSON.parse(r.criteria) as Record<string, number>), share: r.share }));
    },

    /** One statement, so two offices saving the same target at once leave one row. */
    async save(roundId: number, o: WeightOverride, by: number | null, at: string): Promise<void> {
      const values = { criteria: o.criteria === null ? null : JSON.stringify(o.criteria), share: o.share, updated_by: by, updated_at: at };
      await db.insertInto('evaluation_weights').values({ round_id: roundId, scope: o.scope, target_id: o.targetId, ...values })
        .onConflict((c) => c.columns(['round_id', 'scope', 'target_id']).doUpdateSet(values)).execute();
    },

    async remove(roundId: number, scope: WeightScope, targetId: number): Promise<void> {
      await db.deleteFrom('evaluation_weights').where('round_id', '=', roundId).where('scope', '=', scope).where('target_id', '=', targetId).execute();
    },
  };
}

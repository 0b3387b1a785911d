import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { EvaluationEvaluatorsTable } from '../tables';

/** Third-party evaluator accounts of rounds and their scores: all their SQL. */
export function evaluatorsRepository(db: Kysely<Database>) {
  const evaluators = () =>
    db.selectFrom('evaluation_evaluators as e').innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.round_id', 'e.user_id', 'u.username', 'u.display_name', 'e.organisation', 'e.expires_on', 'e.revoked_at'])
      .select((eb) => eb.selectFrom('evaluation_third_party_scores as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.evaluator_id', '=', 'e.id').as('scored'));
  return {
    ofRound(roundId: number) {
      return evaluators().where('e.round_id', '=', roundId).orderBy('e.id').execute();
    },
    byId(id: number) {
      return evaluators().where('e.id', '=', id).executeTakeFirst();
    },
    ofUser(userId: number) {
      return evaluators().where('e.user_id', '=', userId).executeTakeFirst();
    },
    async insert(row: Insertable<EvaluationEvaluatorsTable>): Promise<number> {
      return (await db.insertInto('evaluation_evaluators').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async setExpiry(id: number, expiresOn: string): Promise<void> {
      await db.updateTable('evaluation_evaluators').set({ expires_on: expiresOn }).where('id', '=', id).execute();
    },
    async revoke(id: number, at: string): Promise<void> {
      await db.updateTable('evaluation_evaluators').set({ revoked_at: at }).where('id', '=', id).execute();
    },
    /** Every evaluator's scores in a round, with who gave them. */
    scoresOfRound(roundId: number) {
      return db.selectFrom('evaluation_third_party_scores as s').innerJoin('evaluation_evaluators as e', 'e.id', 's.evaluator_id').innerJoin('users as u', 'u.id', 'e.user_id')
        .select(['s.evaluator_id', 's.goal_id', 's.scores', 's.comment', 'u.display_name', 'e.organisation'])
        .where('e.round_id', '=', roundId).orderBy('e.id').orderBy('s.goal_id').execute();
    },
    score(evaluatorId: number, goalId: number) {
      return db.selectFrom('evaluation_third_party_scores').selectAll().where('evaluator_id', '=', evaluatorId).where('goal_id', '=', goalId).executeTakeFirst();
    },
    async saveScore(row: { evaluator_id: number; goal_id: number; scores: string; comment: string; updated_at: string }, existing: boolean): Promise<void> {
      if (existing) await db.updateTable('evaluation_third_party_scores').set({ scores: row.scores, comment: row.comment, updated_at: row.updated_at }).where('evaluator_id', '=', row.evaluator_id).where('goal_id', '=', row.goal_id).execute();
      else await db.insertInto('evaluation_third_party_scores').values(row).execute();
    },
  };
}
export type EvaluatorRow = NonNullable<Awaited<ReturnType<ReturnType<typeof evaluatorsRepository>['byId']>>>;

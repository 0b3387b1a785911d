import type { Db } from '../db/connection';
import { DEFAULT_CRITERIA } from '../../shared/evaluation/scoring';
import { beijingToday } from '../../shared/evaluation/siteChecks';
import { COMMAND_LINE } from '../modules/auth/service';
import { evaluatorsRepository } from '../modules/evaluation/evaluators/repository';
import { evaluatorsService } from '../modules/evaluation/evaluators/service';
import { orgsService } from '../modules/orgs/service';

/** The demo's third-party evaluator: an institute's expert, with the demo accounts' password. */
export const DEMO_EVALUATOR = { username: 'dalian_tongjixuehui', displayName: '陈静', organisation: '大连市统计学会' };

const COMMENTS = ['监测数据完整，目标达成情况与统计口径一致。', '措施落实较好，建议加强区县间的均衡推进。', '部分佐证材料不够具体，建议补充典型案例。'];

/**
 * One third-party evaluator of the 2025 mid-term round (seedDemoEvaluation), valid for half a year
 * from the day the demo is seeded, who has scored the plan's first three goals.
 */
export async function seedDemoEvaluators(db: Db, password: string): Promise<void> {
  const round = await db.kysely.selectFrom('evaluation_rounds').select(['id', 'plan_id']).where('milestone', '=', 2025).where('is_demo', '=', 1).orderBy('id').executeTakeFirst();
  if (!round) return;
  const now = new Date();
  const service = evaluatorsService(db.kysely, orgsService(db.kysely));
  const expiresOn = beijingToday(new Date(now.getTime() + 180 * 86_400_000));
  const { evaluator } = await service.create(COMMAND_LINE, round.id, { ...DEMO_EVALUATOR, expiresOn }, { now, isDemo: true, password });
  const goals = await db.kysely.selectFrom('plan_goals as g').innerJoin('plan_areas as a', 'a.id', 'g.area_id').select('g.id').where('a.plan_id', '=', round.plan_id).orderBy('a.no').orderBy('g.no').limit(3).execute();
  const repo = evaluatorsRepository(db.kysely);
  for (const [i, g] of goals.entries()) {
    const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, Math.round(c.weight * (0.9 - i * 0.06) * 2) / 2]));
    await repo.saveScore({ evaluator_id: evaluator.id, goal_id: g.id, scores: JSON.stringify(scores), comment: COMMENTS[i]!, updated_at: now.toISOString() }, false);
  }
}

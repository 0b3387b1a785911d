import type { Kysely } from 'kysely';
import type { SetWeightsInput, WeightsDto } from '../../../../shared/api/evaluation';
import type { Criterion } from '../../../../shared/evaluation/scoring';
import { areaShare, criteriaForGoal, goalShare, overrideProblems, weightTargetName, type GoalPlace, type WeightOverride, type WeightScope } from '../../../../shared/evaluation/weights';
import { can } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError, invalidField } from '../../../errors';
import { changeLogRepository } from '../../../services/changeLog/repository';
import { actorId, assertCan } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { evaluationRepository } from '../repository';
import { criteriaOf, type RoundRow } from '../views';
import { weightsRepository } from './repository';

/** The weights that apply in a round: per goal its criteria, and the overrides for the area and plan totals. */
export interface RoundWeights {
  overrides: WeightOverride[];
  forGoal(goal: GoalPlace): Criterion[];
}

export async function roundWeights(db: Kysely<Database>, round: Pick<RoundRow, 'id' | 'criteria'>): Promise<RoundWeights> {
  const overrides = await weightsRepository(db).ofRound(round.id);
  const defaults = criteriaOf(round);
  return { overrides, forGoal: (goal) => criteriaForGoal(defaults, overrides, goal).criteria };
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const weightMap = (criteria: readonly Criterion[]) => Object.fromEntries(criteria.map((c) => [c.key, c.weight]));

/**
 * A round's weights by area or goal: reading them (those who may read the results), setting and
 * resetting an override (the office, while the round is open). Scores stay raw, so results follow
 * the new weights on their next reading; each change is in the change log with the old and new value.
 */
export function evaluationWeightsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = evaluationRepository(db);

  async function roundOrThrow(id: number) {
    const round = await repo.round(id);
    if (!round) throw appError('NOT_FOUND', `评估（编号 ${id}）不存在`);
    return round;
  }

  /** The office of the round's unit or above, while the round is open; the target named for messages. */
  async function editable(auth: AuthContext | null, roundId: number, scope: WeightScope, targetId: number) {
    const round = await roundOrThrow(roundId);
    const user = assertCan(auth, 'evaluation.manage', { orgUnitId: round.org_unit_id, tree: await orgs.tree() });
    if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估已结束，权重不能再修改');
    const goals = await repo.goalsOfPlan(round.plan_id);
    const place = scope === 'area' ? goals.find((g) => g.area_id === targetId) : goals.find((g) => g.id === targetId);
    if (!place) throw invalidField('targetId', scope === 'area' ? `领域（编号 ${targetId}）不属于本次评估的规划，或没有目标` : `目标（编号 ${targetId}）不属于本次评估的规划`);
    const before = (await weightsRepository(db).ofRound(round.id)).find((o) => o.scope === scope && o.targetId === targetId) ?? null;
    return { user, round, name: weightTargetName(scope, place.area_title, place.no), before };
  }

  async function record(trx: Kysely<Database>, roundId: number, scope: WeightScope, targetId: number, before: WeightOverride | null, after: WeightOverride | null, by: number | null, at: string) {
    const text = (o: WeightOverride | null) => (o ? JSON.stringify({ criteria: o.criteria, share: o.share }) : null);
    await changeLogRepository(trx).record([{ entity: 'evaluation_round', entityId: roundId, field: `weights.${scope}.${targetId}`, oldValue: text(before), newValue: text(after) }], by, at);
  }

  return {
    async get(auth: AuthContext | null, roundId: number): Promise<WeightsDto> {
      const round = await roundOrThrow(roundId);
      const tree = await orgs.tree();
      assertCan(auth, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree });
      const [goals, overrides] = await Promise.all([repo.goalsOfPlan(round.plan_id), weightsRepository(db).ofRound(round.id)]);
      const defaults = criteriaOf(round);
      const own = (scope: WeightScope, id: number) => overrides.find((o) => o.scope === scope && o.targetId === id);
      const areas = [...new Map(goals.map((g) => [g.area_id, { id: g.area_id, no: g.area_no, title: g.area_title }])).values()].map((a) => {
        const mine = goals.filter((g) => g.area_id === a.id);
        return {
          ...a, criteria: own('area', a.id)?.criteria ?? null, share: own('area', a.id)?.share ?? null, effectiveShare: areaShare(overrides, a.id, mine.length),
          goals: mine.map((g) => {
            const applied = criteriaForGoal(defaults, overrides, { id: g.id, areaId: a.id });
            return { id: g.id, no: g.no, text: g.text, criteria: own('goal', g.id)?.criteria ?? null, share: own('goal', g.id)?.share ?? null, effectiveShare: goalShare(overrides, g.id), weights: weightMap(applied.criteria), source: applied.source };
          }),
        };
      });
      const whole = areas.reduce((s, a) => s + a.effectiveShare, 0);
      return {
        criteria: defaults,
        canEdit: round.state === 'open' && can(auth, 'evaluation.manage', { orgUnitId: round.org_unit_id, tree }),
        areas: areas.map((a) => ({ ...a, percent: percent(a.effectiveShare, whole) })),
      };
    },

    /** Set an area's or goal's override (criterion weights and/or its weight in the total), validated, audited. */
    async set(auth: AuthContext | null, roundId: number, input: SetWeightsInput, now = new Date()): Promise<WeightsDto> {
      const { user, round, name, before } = await editable(auth, roundId, input.scope, input.targetId);
      const problems = overrideProblems(criteriaOf(round), input, name);
      if (problems.length) throw invalidField(input.criteria && problems.some((p) => !p.includes('的权重应为')) ? 'criteria' : 'share', problems.join('；'));
      const after: WeightOverride = { scope: input.scope, targetId: input.targetId, criteria: input.criteria, share: input.share };
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await weightsRepository(trx).save(round.id, after, actorId(user), at);
        await record(trx, round.id, input.scope, input.targetId, before, after, actorId(user), at);
      });
      return this.get(auth, roundId);
    },

    /** Back to the inherited weights (恢复默认), audited. */
    async reset(auth: AuthContext | null, roundId: number, scope: WeightScope, targetId: number, now = new Date()): Promise<WeightsDto> {
      const { user, round, before } = await editable(auth, roundId, scope, targetId);
      if (before) {
        const at = now.toISOString();
        await db.transaction().execute(async (trx) => {
          await weightsRepository(trx).remove(round.id, scope, targetId);
          await record(trx, round.id, scope, targetId, before, null, actorId(user), at);
        });
      }
      return this.get(auth, roundId);
    },
  };
}

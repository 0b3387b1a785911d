import type { Kysely } from 'kysely';
import { EVALUATOR_MAX_DAYS, type CreateEvaluatorInput, type EvaluatorAuditDto, type EvaluatorCreatedDto, type EvaluatorDto, type ThirdPartyScoreInput, type ThirdPartySheetDto } from '../../../../shared/api/evaluationEvaluators';
import { scoreProblems, totalScore, type Scores } from '../../../../shared/evaluation/scoring';
import { beijingToday } from '../../../../shared/evaluation/siteChecks';
import type { Database } from '../../../db/schema';
import { appError, invalidField } from '../../../errors';
import { changeLogRepository } from '../../../services/changeLog/repository';
import { actorId, assertCan } from '../../auth/access';
import { hashPassword, randomPassword } from '../../auth/password';
import { authRepository } from '../../auth/repository';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { evaluationRepository } from '../repository';
import { goalRef, parseScores, type RoundRow } from '../views';
import { roundWeights } from '../weights/service';
import { auditEvaluator, EVALUATOR_ACTION_LABELS, type EvaluatorAction } from './audit';
import { evaluatorsRepository, type EvaluatorRow } from './repository';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function evaluatorDto(e: EvaluatorRow, today: string): EvaluatorDto {
  return {
    id: e.id, roundId: e.round_id, username: e.username, displayName: e.display_name, organisation: e.organisation, expiresOn: e.expires_on, revokedAt: e.revoked_at,
    state: e.revoked_at ? 'revoked' : e.expires_on < today ? 'expired' : 'active', scored: Number(e.scored ?? 0),
  };
}

/**
 * Third-party and expert evaluators (第三方评估): the office adds an account bound to one round
 * (an `evaluator` grant at the round's unit, the round and expiry here; the policy's `round` scope
 * and loadRoles' expiry check do the rest), extends or revokes it; the evaluator scores each goal
 * of the round's plan apart from the 评估组. Every evaluator action is audited.
 */
export function evaluatorsService(db: Kysely<Database>, orgs: OrgsService) {
  const rounds = evaluationRepository(db);
  const repo = evaluatorsRepository(db);

  async function roundOrThrow(id: number): Promise<RoundRow> {
    const round = await rounds.round(id);
    if (!round) throw appError('NOT_FOUND', `评估（编号 ${id}）不存在`);
    return round;
  }

  async function managed(auth: AuthContext | null, round: RoundRow) {
    return assertCan(auth, 'evaluation.evaluators', { orgUnitId: round.org_unit_id, unitName: round.org_unit_name, tree: await orgs.tree() });
  }

  async function evaluatorOrThrow(id: number) {
    const e = await repo.byId(id);
    if (!e) throw appError('NOT_FOUND', `第三方评估账号（编号 ${id}）不存在`);
    return e;
  }

  function checkExpiry(expiresOn: string, now: Date) {
    const today = beijingToday(now);
    if (expiresOn < today) throw invalidField('expiresOn', `到期日期（${expiresOn}）不能早于今天`);
    if (expiresOn > addDays(today, EVALUATOR_MAX_DAYS)) throw invalidField('expiresOn', `有效期最长一年，到期日期不能晚于 ${addDays(today, EVALUATOR_MAX_DAYS)}，到期前可再延期`);
  }

  /** The signed-in evaluator of this round, refused otherwise (the policy's `round` scope first). */
  async function mine(auth: AuthContext | null, round: RoundRow) {
    const user = assertCan(auth, 'evaluation.thirdParty', { orgUnitId: round.org_unit_id, roundId: round.id, tree: await orgs.tree() });
    const e = await repo.ofUser(user.userId);
    if (!e || e.round_id !== round.id) throw appError('AUTH_FORBIDDEN', '只有本次评估的第三方评估账号可以打分');
    return { user, evaluator: e };
  }

  return {
    async list(auth: AuthContext | null, roundId: number, now = new Date()): Promise<EvaluatorDto[]> {
      const round = await roundOrThrow(roundId);
      await managed(auth, round);
      return (await repo.ofRound(round.id)).map((e) => evaluatorDto(e, beijingToday(now)));
    },

    /** A new account for this round only; its generated password is returned this once. */
    async create(auth: AuthContext | null, roundId: number, input: CreateEvaluatorInput, options: { now?: Date; isDemo?: boolean; password?: string } = {}): Promise<EvaluatorCreatedDto> {
      const now = options.now ?? new Date();
      const round = await roundOrThrow(roundId);
      const user = await managed(auth, round);
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估结果已确定，不能再添加第三方评估账号');
      checkExpiry(input.expiresOn, now);
      const auths = authRepository(db);
      if (await auths.findUserByUsername(input.username)) throw invalidField('username', `用户名“${input.username}”已被使用`);
      const password = options.password ?? randomPassword();
      const passwordHash = await hashPassword(password);
      const id = await db.transaction().execute(async (trx) => {
        const userId = await authRepository(trx).createUser({ username: input.username, displayName: input.displayName, passwordHash, orgUnitId: round.org_unit_id });
        await authRepository(trx).addRole(userId, 'evaluator', round.org_unit_id);
        return evaluatorsRepository(trx).insert({ round_id: round.id, user_id: userId, organisation: input.organisation, expires_on: input.expiresOn, is_demo: options.isDemo ? 1 : 0, created_by: actorId(user), created_at: now.toISOString() });
      });
      return { evaluator: evaluatorDto((await repo.byId(id))!, beijingToday(now)), password };
    },

    /** A new expiry date (a longer or shorter run); a revoked account stays revoked. */
    async extend(auth: AuthContext | null, id: number, expiresOn: string, now = new Date()): Promise<EvaluatorDto> {
      const e = await evaluatorOrThrow(id);
      await managed(auth, await roundOrThrow(e.round_id));
      if (e.revoked_at) throw appError('WORKFLOW_REFUSED', '该第三方评估账号已撤销，不能延期；如需继续评估请新建账号');
      checkExpiry(expiresOn, now);
      await repo.setExpiry(e.id, expiresOn);
      return evaluatorDto((await repo.byId(id))!, beijingToday(now));
    },

    /** Revoked at once: its sessions end and every later request is refused. */
    async revoke(auth: AuthContext | null, id: number, now = new Date()): Promise<EvaluatorDto> {
      const e = await evaluatorOrThrow(id);
      await managed(auth, await roundOrThrow(e.round_id));
      if (!e.revoked_at) {
        await db.transaction().execute(async (trx) => {
          await evaluatorsRepository(trx).revoke(e.id, now.toISOString());
          await authRepository(trx).deleteSessionsOf(e.user_id);
        });
      }
      return evaluatorDto((await repo.byId(id))!, beijingToday(now));
    },

    /** What the evaluator did, newest first. */
    async audit(auth: AuthContext | null, id: number): Promise<EvaluatorAuditDto> {
      const e = await evaluatorOrThrow(id);
      await managed(auth, await roundOrThrow(e.round_id));
      const rows = await changeLogRepository(db).history('evaluator', e.user_id);
      return rows.map((r) => ({ action: EVALUATOR_ACTION_LABELS[r.field as EvaluatorAction] ?? r.field, detail: r.new_value, at: r.changed_at }));
    },

    /** The evaluator's own scoring sheet: every goal of the plan, its score and comment. */
    async sheet(auth: AuthContext | null, roundId: number): Promise<ThirdPartySheetDto> {
      const round = await roundOrThrow(roundId);
      const { evaluator } = await mine(auth, round);
      const [goals, scores, weights] = await Promise.all([rounds.goalsOfPlan(round.plan_id), repo.scoresOfRound(round.id), roundWeights(db, round)]);
      const own = new Map(scores.filter((s) => s.evaluator_id === evaluator.id).map((s) => [s.goal_id, s]));
      return {
        evaluator: { displayName: evaluator.display_name, organisation: evaluator.organisation, expiresOn: evaluator.expires_on },
        goals: goals.map((g) => {
          const s = own.get(g.id);
          const parsed = s ? parseScores(s.scores) : null;
          const criteria = weights.forGoal({ id: g.id, areaId: g.area_id });
          return { goal: goalRef({ goal_id: g.id, goal_no: g.no, goal_text: g.text, area_id: g.area_id, area_no: g.area_no, area_title: g.area_title }), criteria, scores: parsed, comment: s?.comment ?? '', total: totalScore(criteria, parsed) };
        }),
        canScore: round.state === 'open',
      };
    },

    /** The evaluator's score per criterion and comment on one goal, while the round is open; audited with the previous score. */
    async score(auth: AuthContext | null, roundId: number, goalId: number, input: ThirdPartyScoreInput, now = new Date()): Promise<ThirdPartySheetDto> {
      const round = await roundOrThrow(roundId);
      const { user, evaluator } = await mine(auth, round);
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估结果已确定，不能再评分');
      const goal = (await rounds.goalsOfPlan(round.plan_id)).find((g) => g.id === goalId);
      if (!goal) throw appError('NOT_FOUND', `目标（编号 ${goalId}）不属于本次评估的规划`);
      const problems = scoreProblems((await roundWeights(db, round)).forGoal({ id: goal.id, areaId: goal.area_id }), input.scores as Scores);
      if (problems.length) throw invalidField('scores', problems.join('；'));
      const before = await repo.score(evaluator.id, goalId);
      await repo.saveScore({ evaluator_id: evaluator.id, goal_id: goalId, scores: JSON.stringify(input.scores), comment: input.comment, updated_at: now.toISOString() }, before !== undefined);
      await auditEvaluator(db, user, 'score', `${goal.area_title}目标 ${goal.no}：${JSON.stringify(input.scores)}${input.comment ? `，${input.comment}` : ''}`, before ? `${before.scores}${before.comment ? `，${before.comment}` : ''}` : null);
      return this.sheet(auth, roundId);
    },
  };
}
export type EvaluatorsService = ReturnType<typeof evaluatorsService>;

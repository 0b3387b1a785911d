import type { Kysely } from 'kysely';
import type { CandidatesDto, CreateRoundInput, ResultsDto, RoundDetailDto, RoundSummaryDto } from '../../../shared/api/evaluation';
import { criteriaProblems } from '../../../shared/evaluation/scoring';
import { beijingToday } from '../../../shared/evaluation/siteChecks';
import { can } from '../../../shared/policy';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { changeLogRepository } from '../../services/changeLog/repository';
import { actorId, assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { orgsRepository } from '../orgs/repository';
import type { OrgsService } from '../orgs/service';
import { goalLeads } from './leads';
import { auditEvaluator } from './evaluators/audit';
import { evaluatorsRepository } from './evaluators/repository';
import { checkTallies } from './siteChecks/service';
import { evaluationRepository } from './repository';
import { buildResults } from './results';
import { countForms, criteriaOf, formAccess, formSummary, participantDto, placeOf, roundBase, type RoundRow } from './views';
import { roundWeights } from './weights/service';

const KIND_LABEL = { midterm: '中期评估', final: '终期评估' } as const;

/** Evaluation rounds: who takes part, creating a round with its forms, the rounds and forms a user may see. */
export function evaluationRoundsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = evaluationRepository(db);

  async function planOrThrow(id: number) {
    const plan = await repo.plan(id);
    if (!plan) throw appError('NOT_FOUND', `规划（编号 ${id}）不存在`);
    return plan;
  }

  async function roundOrThrow(id: number): Promise<RoundRow> {
    const round = await repo.round(id);
    if (!round) throw appError('NOT_FOUND', `评估（编号 ${id}）不存在`);
    return round;
  }

  /** The forms of rounds the user may see, with their participants. */
  async function visibleForms(user: AuthContext, rounds: readonly RoundRow[]) {
    const tree = await orgs.tree();
    const ids = rounds.map((r) => r.id);
    const [participants, forms] = await Promise.all([repo.participants(ids), repo.forms({ roundIds: ids })]);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const roundOf = new Map(rounds.map((r) => [r.id, r]));
    const visible = forms.filter((f) => formAccess(user, tree, roundOf.get(f.round_id)!, byId.get(f.participant_id)!).read);
    return { tree, participants, forms: visible, participantOf: (id: number) => byId.get(id)! };
  }

  return {
    roundOrThrow,

    /** Who could take part in a round of the plan, for the office choosing participants. */
    async candidates(auth: AuthContext | null, planId: number): Promise<CandidatesDto> {
      const plan = await planOrThrow(planId);
      assertCan(auth, 'evaluation.manage', { orgUnitId: plan.org_unit_id, tree: await orgs.tree() });
      const [goals, { leads }, committees] = await Promise.all([repo.goalsOfPlan(plan.id), goalLeads(db, plan.id, plan.org_unit_id), orgsRepository(db).childUnitsWithCommittee(plan.org_unit_id)]);
      const departments = await repo.departmentsByIds([...leads.keys()]);
      const milestones = [...new Set([2025, 2030, plan.period_end])].filter((y) => y > plan.period_start && y <= plan.period_end).sort();
      return {
        plan: { id: plan.id, title: plan.title, periodStart: plan.period_start, periodEnd: plan.period_end },
        orgUnit: { id: plan.org_unit_id, name: plan.org_unit_name },
        departments: departments.map((d) => ({ department: { id: d.id, name: d.name }, goals: leads.get(d.id)!.size })),
        committees: committees.map((u) => ({ orgUnit: { id: u.id, name: u.name } })),
        goals: goals.length,
        milestones,
      };
    },

    /**
     * A mid-term (a year inside the plan's period) or final (its last year) round: the criteria,
     * the timetable and the participants, each given a form per goal it leads — a department the
     * goals whose indicators it reports, a lower committee every goal. One transaction.
     */
    async create(auth: AuthContext | null, input: CreateRoundInput, options: { isDemo?: boolean; now?: Date } = {}): Promise<RoundDetailDto> {
      const plan = await planOrThrow(input.planId);
      const user = assertCan(auth, 'evaluation.manage', { orgUnitId: plan.org_unit_id, tree: await orgs.tree() });
      if (input.milestone <= plan.period_start || input.milestone > plan.period_end) {
        throw invalidField('milestone', `评估年度应在规划期（${plan.period_start}—${plan.period_end} 年）之内`);
      }
      const problems = criteriaProblems(input.criteria);
      if (problems.length) throw invalidField('criteria', problems.join('；'));
      if (new Set(input.criteria.map((c) => c.key)).size !== input.criteria.length) throw invalidField('criteria', '评估内容的代码重复');
      if (input.reviewDueOn < input.selfDueOn) throw invalidField('reviewDueOn', '评审截止日期不能早于自评截止日期');
      if (input.departmentIds.length + input.committeeUnitIds.length === 0) throw invalidField('departmentIds', '请至少选择一个参评单位');

      const [goals, { leads }, committees] = await Promise.all([repo.goalsOfPlan(plan.id), goalLeads(db, plan.id, plan.org_unit_id), orgsRepository(db).childUnitsWithCommittee(plan.org_unit_id)]);
      const departments = await repo.departmentsByIds(input.departmentIds);
      for (const id of input.departmentIds) {
        const d = departments.find((x) => x.id === id);
        if (!d || !leads.has(id)) throw invalidField('departmentIds', `${d?.name ?? `成员单位（编号 ${id}）`}不牵头本规划任何目标的指标，不能作为参评成员单位`);
      }
      for (const id of input.committeeUnitIds) {
        if (!committees.some((u) => u.id === id)) throw invalidField('committeeUnitIds', `单位（编号 ${id}）不是${plan.org_unit_name}的下级妇儿工委`);
      }
      const kind = input.milestone === plan.period_end ? 'final' : 'midterm';
      const now = (options.now ?? new Date()).toISOString();
      const isDemo = options.isDemo ? 1 : 0;
      const id = await db.transaction().execute(async (trx) => {
        const r = evaluationRepository(trx);
        if (await r.roundOf(plan.id, input.milestone)) throw appError('EVALUATION_ROUND_EXISTS', `《${plan.title}》已有 ${input.milestone} 年的评估`);
        const roundId = await r.insertRound({
          plan_id: plan.id, org_unit_id: plan.org_unit_id, milestone: input.milestone, kind, title: input.title || `《${plan.title}》${KIND_LABEL[kind]}（${input.milestone} 年）`,
          criteria: JSON.stringify(input.criteria.map((c) => ({ key: c.key, label: c.label.trim(), weight: c.weight }))),
          self_due_on: input.selfDueOn, review_due_on: input.reviewDueOn, is_demo: isDemo, created_by: actorId(user), created_at: now,
        });
        const form = (participantId: number, goalId: number) => ({ round_id: roundId, participant_id: participantId, goal_id: goalId, updated_at: now, is_demo: isDemo });
        for (const d of departments) {
          const participantId = await r.insertParticipant({ round_id: roundId, org_unit_id: d.org_unit_id, department_id: d.id });
          await r.insertForms(goals.filter((g) => leads.get(d.id)!.has(g.id)).map((g) => form(participantId, g.id)));
        }
        for (const unitId of input.committeeUnitIds) {
          const participantId = await r.insertParticipant({ round_id: roundId, org_unit_id: unitId, department_id: null });
          await r.insertForms(goals.map((g) => form(participantId, g.id)));
        }
        return roundId;
      });
      return this.get(auth, id);
    },

    /** The rounds the user takes part in or oversees, with counts of the forms they may see. */
    async list(auth: AuthContext | null): Promise<RoundSummaryDto[]> {
      const user = requireAuth(auth);
      const rounds = await repo.listRounds();
      const { tree, forms } = await visibleForms(user, rounds);
      return rounds
        .filter((r) => can(user, 'evaluation.read', { orgUnitId: r.org_unit_id, departmentId: -1, roundId: r.id, tree }) || forms.some((f) => f.round_id === r.id))
        .map((r) => ({ ...roundBase(r), counts: countForms(forms.filter((f) => f.round_id === r.id)) }));
    },

    async get(auth: AuthContext | null, id: number): Promise<RoundDetailDto> {
      const user = requireAuth(auth);
      const round = await roundOrThrow(id);
      const { tree, participants, forms, participantOf } = await visibleForms(user, [round]);
      const oversees = can(user, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree });
      // Someone with no form here is refused with the policy's reason.
      if (!oversees && forms.length === 0) assertCan(user, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree });
      const criteria = criteriaOf(round);
      const weights = await roundWeights(db, round);
      const shown = new Set(forms.map((f) => f.participant_id));
      await auditEvaluator(db, user, 'view_round', round.title);
      return {
        ...roundBase(round),
        counts: countForms(forms),
        criteria,
        participants: participants.filter((p) => oversees || shown.has(p.id)).map(participantDto),
        forms: forms.map((f) => formSummary(f, participantDto(participantOf(f.participant_id)), weights.forGoal(placeOf(f)))),
        oversees,
        canManage: can(user, 'evaluation.manage', { orgUnitId: round.org_unit_id, tree }),
        canReview: can(user, 'evaluation.review', { orgUnitId: round.org_unit_id, tree }),
        canManageEvaluators: can(user, 'evaluation.evaluators', { orgUnitId: round.org_unit_id, tree }),
        isEvaluator: user.roles.some((g) => g.role === 'evaluator' && g.roundId === round.id),
      };
    },

    /**
     * Close the round (结束评估) once its results are final — every form reviewed by the 评估组:
     * from then on forms, site checks and third-party scoring are read-only (each service checks
     * the state). Compare-and-set on the state, recorded in the change log, one transaction.
     */
    async close(auth: AuthContext | null, id: number, now = new Date()): Promise<RoundDetailDto> {
      const round = await roundOrThrow(id);
      const user = assertCan(auth, 'evaluation.manage', { orgUnitId: round.org_unit_id, tree: await orgs.tree() });
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', round.closed_at ? `评估已于 ${beijingToday(new Date(round.closed_at))} 结束` : '评估已结束');
      const c = countForms(await repo.forms({ roundIds: [round.id] }));
      const open = c.total - c.reviewed;
      if (open > 0) {
        const parts = ([['draft', '待自评'], ['returned', '已退回'], ['submitted', '待评审']] as const).filter(([k]) => c[k] > 0).map(([k, label]) => `${label} ${c[k]} 份`);
        throw appError('EVALUATION_ROUND_NOT_FINAL', `尚有 ${open} 份自评表未评审（${parts.join('，')}），全部评审后才能结束评估`);
      }
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await evaluationRepository(trx).closeRound(round.id, actorId(user), at))) throw appError('EVALUATION_ROUND_CLOSED', '评估已被他人结束，请刷新');
        await changeLogRepository(trx).record([{ entity: 'evaluation_round', entityId: round.id, field: 'state', oldValue: 'open', newValue: 'closed' }], actorId(user), at);
      });
      return this.get(auth, id);
    },

    /** The round's results, for the committee roles of the round's unit and above. */
    async results(auth: AuthContext | null, id: number): Promise<ResultsDto> {
      const round = await roundOrThrow(id);
      assertCan(auth, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree: await orgs.tree() });
      const [goals, participants, forms] = await Promise.all([repo.goalsOfPlan(round.plan_id), repo.participants([round.id]), repo.forms({ roundIds: [round.id] })]);
      await auditEvaluator(db, auth, 'view_results', round.title);
      return buildResults(round, await roundWeights(db, round), goals, participants, forms, await checkTallies(db, round.id, beijingToday(new Date())), await evaluatorsRepository(db).scoresOfRound(round.id));
    },
  };
}
export type EvaluationRoundsService = ReturnType<typeof evaluationRoundsService>;

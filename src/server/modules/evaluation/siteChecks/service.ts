import type { Kysely } from 'kysely';
import type { AnswerRectificationInput, SiteCheckDto, SiteCheckInput, SiteChecksDto } from '../../../../shared/api/evaluationChecks';
import { beijingToday, rectificationState, SITE_CHECK_LIMITS, siteCheckProblems, tallyChecks, type CheckTally } from '../../../../shared/evaluation/siteChecks';
import { can, type UnitTree } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError, AppError, invalidField } from '../../../errors';
import { actorId, assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { auditEvaluator } from '../evaluators/audit';
import { evaluationRepository } from '../repository';
import { formAccess, participantDto, type ParticipantRow, type RoundRow } from '../views';
import { siteChecksRepository } from './repository';

type CheckRow = Awaited<ReturnType<ReturnType<typeof siteChecksRepository>['checks']>>[number];
type RectificationRow = Awaited<ReturnType<ReturnType<typeof siteChecksRepository>['rectifications']>>[number];

/** All problems of the input at once, each naming its field, as a 400. */
function refuse(problems: readonly { path: string; message: string }[]): never {
  throw new AppError('VALIDATION_FAILED', `提交的数据不符合要求：${problems.map((p) => p.message).join('；')}`, [...problems]);
}

/** The round's checks with their requests, read at once; `today` decides which requests are overdue. */
async function checksOfRound(db: Kysely<Database>, filter: { roundId: number } | { ids: readonly number[] }, today: string) {
  const repo = siteChecksRepository(db);
  const checks = await repo.checks(filter);
  const rectifications = await repo.rectifications(checks.map((c) => c.id));
  return checks.map((c) => ({ check: c, rectifications: rectifications.filter((r) => r.check_id === c.id).map((r) => ({ row: r, state: rectificationState({ answer: r.answer, dueOn: r.due_on }, today) })) }));
}

/** Per participant of the round: its visits and rectification requests in numbers, for the results and the report. */
export async function checkTallies(db: Kysely<Database>, roundId: number, today: string): Promise<Map<number, CheckTally>> {
  const all = await checksOfRound(db, { roundId }, today);
  const ids = [...new Set(all.map((c) => c.check.participant_id))];
  return new Map(ids.map((id) => [id, tallyChecks(all.filter((c) => c.check.participant_id === id))]));
}

/** The round's checks as the report lists them (no access check: the caller has made it). */
export async function roundSiteChecks(db: Kysely<Database>, roundId: number, today: string) {
  return checksOfRound(db, { roundId }, today);
}

/**
 * Site checks (督导检查): the 评估组 / office of the round's unit or above records visits to the
 * round's participants with findings and rectification requests, editable while the round is open;
 * a visited unit sees its own checks and answers the requests.
 */
export function siteChecksService(db: Kysely<Database>, orgs: OrgsService) {
  const rounds = evaluationRepository(db);
  const repo = siteChecksRepository(db);

  async function roundContext(auth: AuthContext | null, roundId: number) {
    const user = requireAuth(auth);
    const round = await rounds.round(roundId);
    if (!round) throw appError('NOT_FOUND', `评估（编号 ${roundId}）不存在`);
    const [tree, participants] = await Promise.all([orgs.tree(), rounds.participants([round.id])]);
    return { user, round, tree, participants };
  }

  const oversees = (user: AuthContext, tree: UnitTree, round: RoundRow) => can(user, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree });
  const mayRecord = (user: AuthContext, tree: UnitTree, round: RoundRow) => round.state === 'open' && can(user, 'evaluation.siteCheck', { orgUnitId: round.org_unit_id, tree });

  function dto(user: AuthContext, tree: UnitTree, round: RoundRow, p: ParticipantRow, c: CheckRow, rects: { row: RectificationRow; state: ReturnType<typeof rectificationState> }[]): SiteCheckDto {
    const answers = round.state === 'open' && formAccess(user, tree, round, p).edit;
    return {
      id: c.id, roundId: c.round_id, participant: participantDto(p), visitedOn: c.visited_on, inspectors: JSON.parse(c.inspectors) as string[], findings: c.findings,
      rectifications: rects.map(({ row: r, state }) => ({
        id: r.id, seq: r.seq, requirement: r.requirement, dueOn: r.due_on, answer: r.answer, doneOn: r.done_on, answeredBy: r.answered_by_name ?? null, answeredAt: r.answered_at, state, canAnswer: answers,
      })),
      recordedBy: c.recorded_by_name ?? null, updatedAt: c.updated_at, canEdit: mayRecord(user, tree, round), isDemo: c.is_demo === 1,
    };
  }

  /** A check with its round and participant, refused unless the user may record checks in the round. */
  async function editable(auth: AuthContext | null, checkId: number) {
    const [check] = await repo.checks({ ids: [checkId] });
    if (!check) throw appError('NOT_FOUND', `督导检查（编号 ${checkId}）不存在`);
    const ctx = await roundContext(auth, check.round_id);
    assertCan(ctx.user, 'evaluation.siteCheck', { orgUnitId: ctx.round.org_unit_id, tree: ctx.tree });
    if (ctx.round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估结果已确定，督导检查不能再修改');
    return { ...ctx, check };
  }

  function checkInput(input: SiteCheckInput, participants: readonly ParticipantRow[], now: Date) {
    const participant = participants.find((p) => p.id === input.participantId);
    if (!participant) throw invalidField('participantId', `检查单位（编号 ${input.participantId}）不是本次评估的参评单位`);
    const problems = siteCheckProblems(input, beijingToday(now));
    if (problems.length) refuse(problems);
    return participant;
  }

  return {
    /** The checks the user may see: all for the committee roles of the round's unit and above, otherwise those of the user's own unit. */
    async list(auth: AuthContext | null, roundId: number, now = new Date()): Promise<SiteChecksDto> {
      const { user, round, tree, participants } = await roundContext(auth, roundId);
      const all = oversees(user, tree, round);
      const visible = participants.filter((p) => all || formAccess(user, tree, round, p).read);
      if (visible.length === 0) assertCan(user, 'evaluation.read', { orgUnitId: round.org_unit_id, departmentId: -1, roundId: round.id, tree });
      await auditEvaluator(db, user, 'view_site_checks', round.title);
      const byId = new Map(visible.map((p) => [p.id, p]));
      const checks = (await checksOfRound(db, { roundId }, beijingToday(now))).filter((c) => byId.has(c.check.participant_id));
      return { checks: checks.map((c) => dto(user, tree, round, byId.get(c.check.participant_id)!, c.check, c.rectifications)), canRecord: mayRecord(user, tree, round) };
    },

    async create(auth: AuthContext | null, roundId: number, input: SiteCheckInput, options: { now?: Date; isDemo?: boolean } = {}): Promise<SiteCheckDto> {
      const now = options.now ?? new Date();
      const { user, round, tree, participants } = await roundContext(auth, roundId);
      assertCan(user, 'evaluation.siteCheck', { orgUnitId: round.org_unit_id, tree });
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估结果已确定，不能再记录督导检查');
      const participant = checkInput(input, participants, now);
      const at = now.toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const r = siteChecksRepository(trx);
        const checkId = await r.insertCheck({
          round_id: round.id, participant_id: participant.id, visited_on: input.visitedOn, inspectors: JSON.stringify(input.inspectors.map((n) => n.trim())), findings: input.findings,
          is_demo: options.isDemo ? 1 : 0, created_by: actorId(user), created_at: at, updated_by: actorId(user), updated_at: at,
        });
        await r.insertRectifications(input.rectifications.map((x, i) => ({ check_id: checkId, seq: i + 1, requirement: x.requirement, due_on: x.dueOn })));
        return checkId;
      });
      const [made] = await checksOfRound(db, { ids: [id] }, beijingToday(now));
      return dto(user, tree, round, participant, made!.check, made!.rectifications);
    },

    /**
     * The check as a whole again: requests given with their id are kept (an answered one as it was
     * answered), the others removed, new ones added; an answered request is neither changed nor removed.
     */
    async update(auth: AuthContext | null, checkId: number, input: SiteCheckInput, now = new Date()): Promise<SiteCheckDto> {
      const { user, round, tree, participants, check } = await editable(auth, checkId);
      const participant = checkInput(input, participants, now);
      const existing = await repo.rectifications([check.id]);
      const problems: { path: string; message: string }[] = [];
      input.rectifications.forEach((x, i) => {
        const old = x.id === undefined ? undefined : existing.find((r) => r.id === x.id);
        if (x.id !== undefined && !old) problems.push({ path: `rectifications.${i}.id`, message: `第 ${i + 1} 条整改要求（编号 ${x.id}）不属于本次检查` });
        else if (old?.answer != null && (old.requirement !== x.requirement || old.due_on !== x.dueOn)) problems.push({ path: `rectifications.${i}.requirement`, message: `第 ${i + 1} 条整改要求单位已答复，不能再修改` });
      });
      for (const r of existing.filter((r) => r.answer !== null && !input.rectifications.some((x) => x.id === r.id))) {
        problems.push({ path: 'rectifications', message: `整改要求“${r.requirement.slice(0, 20)}”单位已答复，不能删除` });
      }
      if (problems.length) refuse(problems);
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const r = siteChecksRepository(trx);
        await r.updateCheck(check.id, { participant_id: participant.id, visited_on: input.visitedOn, inspectors: JSON.stringify(input.inspectors.map((n) => n.trim())), findings: input.findings, updated_by: actorId(user), updated_at: at });
        await r.deleteRectifications(existing.filter((e) => !input.rectifications.some((x) => x.id === e.id)).map((e) => e.id));
        for (const [i, x] of input.rectifications.entries()) {
          if (x.id === undefined) await r.insertRectifications([{ check_id: check.id, seq: i + 1, requirement: x.requirement, due_on: x.dueOn }]);
          else await r.updateRectification(x.id, { seq: i + 1, requirement: x.requirement, due_on: x.dueOn });
        }
      });
      const [made] = await checksOfRound(db, { ids: [check.id] }, beijingToday(now));
      return dto(user, tree, round, participant, made!.check, made!.rectifications);
    },

    async remove(auth: AuthContext | null, checkId: number): Promise<void> {
      const { check } = await editable(auth, checkId);
      if ((await repo.rectifications([check.id])).some((r) => r.answer !== null)) throw appError('EVALUATION_CHECK_ANSWERED');
      await db.transaction().execute((trx) => siteChecksRepository(trx).deleteCheck(check.id));
    },

    /** The visited unit's answer to a request: what was done, and when; again while the round is open. */
    async answer(auth: AuthContext | null, rectificationId: number, input: AnswerRectificationInput, now = new Date()): Promise<SiteCheckDto> {
      const rect = await repo.rectification(rectificationId);
      if (!rect) throw appError('NOT_FOUND', `整改要求（编号 ${rectificationId}）不存在`);
      const [check] = await repo.checks({ ids: [rect.check_id] });
      const { user, round, tree, participants } = await roundContext(auth, check!.round_id);
      const participant = participants.find((p) => p.id === check!.participant_id)!;
      if (!formAccess(user, tree, round, participant).edit) {
        if (participant.department_id === null) assertCan(user, 'evaluation.selfAssessArea', { orgUnitId: participant.org_unit_id, unitName: participant.org_unit_name, tree });
        else assertCan(user, 'evaluation.selfAssess', { orgUnitId: participant.org_unit_id, departmentId: participant.department_id, tree });
      }
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED', '评估结果已确定，整改情况不能再修改');
      const problems: { path: string; message: string }[] = [];
      if (!input.answer) problems.push({ path: 'answer', message: '请填写整改情况' });
      else if (input.answer.length > SITE_CHECK_LIMITS.answer) problems.push({ path: 'answer', message: `整改情况不能超过 ${SITE_CHECK_LIMITS.answer} 字，现为 ${input.answer.length} 字` });
      if (input.doneOn > beijingToday(now)) problems.push({ path: 'doneOn', message: `完成日期（${input.doneOn}）不能晚于今天` });
      if (input.doneOn < check!.visited_on) problems.push({ path: 'doneOn', message: `完成日期（${input.doneOn}）不能早于检查日期（${check!.visited_on}）` });
      if (problems.length) refuse(problems);
      await repo.updateRectification(rect.id, { answer: input.answer, done_on: input.doneOn, answered_by: actorId(user), answered_at: now.toISOString() });
      const [made] = await checksOfRound(db, { ids: [check!.id] }, beijingToday(now));
      return dto(user, tree, round, participant, made!.check, made!.rectifications);
    },
  };
}
export type SiteChecksService = ReturnType<typeof siteChecksService>;

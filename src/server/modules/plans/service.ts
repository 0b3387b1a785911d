import type { Kysely } from 'kysely';
import type {
  LinkFlagDto, PlanDetailDto, PlanSummaryDto, PlanVersionDto, TargetDto, TargetInputDto,
} from '../../../shared/api/plans';
import { parsePlanText, PlanTextError, type Comparator, type ParseResult } from '../../../shared/plan-text';
import type { Database, PlanTargetRow } from '../../db/schema';
import { appError } from '../../errors';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { importPlans, type PlanToImport } from './commands/importPlans';
import { resolveLinkFlag, toFlagDto, toIndicatorPlanTarget, toVersionDto, type FlagAction } from './linkViews';
import { planLinksRepository } from './linksRepository';
import { documentText } from './documentText';
import { plansRepository } from './repository';

export interface PlanUpload {
  fileName: string;
  bytes: Uint8Array;
  /** Owning unit chosen by the person; otherwise inferred from each plan's title. */
  orgUnitId?: number;
  orgUnitCode?: string;
}

export function toTargetDto(t: PlanTargetRow): TargetDto {
  return {
    id: t.id,
    seq: t.seq,
    indicator: t.indicator,
    comparator: t.comparator as Comparator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    baseYear: t.base_year,
    quote: t.quote,
    edited: t.edited_by !== null,
    indicatorId: t.indicator_id,
  };
}

export function plansService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = plansRepository(db);
  const links = planLinksRepository(db);

  /** Reads and parses an upload; a document that is not a plan becomes a 400 with the reason. */
  async function parseUpload(upload: PlanUpload): Promise<{ text: string; result: ParseResult }> {
    try {
      const text = await documentText(upload.fileName, upload.bytes);
      return { text, result: parsePlanText(text) };
    } catch (e) {
      if (e instanceof PlanTextError) throw appError('PLAN_TEXT_INVALID', `${upload.fileName}：${e.message}`);
      throw e;
    }
  }

  async function owners(upload: PlanUpload, result: ParseResult): Promise<PlanToImport[]> {
    const chosen = upload.orgUnitId !== undefined ? await orgs.findById(upload.orgUnitId) : null;
    if (upload.orgUnitId !== undefined && !chosen) throw appError('PLAN_ORG_UNKNOWN', `所属单位（编号 ${upload.orgUnitId}）不存在`);
    const out: PlanToImport[] = [];
    for (const parsed of result.plans) {
      const unit = chosen ?? (await orgs.resolvePlanOwner(upload.orgUnitCode, parsed.title));
      if (!unit) {
        throw appError(
          'PLAN_ORG_UNKNOWN',
          upload.orgUnitCode
            ? `单位代码“${upload.orgUnitCode}”不存在`
            : `无法确定“${parsed.title}”的所属单位：标题中没有已知单位的名称，请指定所属单位`,
        );
      }
      out.push({ parsed, orgUnit: { id: unit.id, name: unit.name } });
    }
    return out;
  }

  async function prepare(auth: AuthContext | null, upload: PlanUpload) {
    const user = requireAuth(auth);
    const { text, result } = await parseUpload(upload);
    const plans = await owners(upload, result);
    const tree = await orgs.tree();
    for (const p of plans) assertCan(auth, 'plans.manage', { orgUnitId: p.orgUnit.id, tree });
    return { text, result, plans, user };
  }

  async function editableGoal(auth: AuthContext | null, goalId: number) {
    const goal = await repo.findGoal(goalId);
    if (!goal) throw appError('NOT_FOUND', `目标（编号 ${goalId}）不存在`);
    assertCan(auth, 'plans.manage', { orgUnitId: goal.org_unit_id, tree: await orgs.tree() });
    return goal;
  }

  async function editableTarget(auth: AuthContext | null, targetId: number) {
    const target = await repo.findTarget(targetId);
    if (!target) throw appError('NOT_FOUND', `指标目标（编号 ${targetId}）不存在`);
    return { target, user: assertCan(auth, 'plans.manage', { orgUnitId: target.org_unit_id, tree: await orgs.tree() }) };
  }

  return {
    parseUpload,

    /** Before an upload is read: only plan editors (somewhere) may make the server parse a document. */
    async assertUploader(auth: AuthContext | null): Promise<void> {
      assertCan(auth, 'plans.manage');
    },

    /** Plans are published documents: every signed-in user may read them. */
    async list(auth: AuthContext | null, options: { includeArchived?: boolean } = {}): Promise<PlanSummaryDto[]> {
      requireAuth(auth);
      const rows = (await repo.listPlans()).filter((r) => options.includeArchived || r.archived_at === null);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        status: r.status,
        isDemo: r.is_demo === 1,
        orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
        sourceName: r.source_name,
        counts: { areas: Number(r.areas), goals: Number(r.goals), measures: Number(r.measures), targets: Number(r.targets) },
        updatedAt: r.updated_at,
        releasedOn: r.released_on,
        archived: r.archived_at !== null,
      }));
    },

    async detail(auth: AuthContext | null, planId: number): Promise<PlanDetailDto> {
      const summary = (await this.list(auth, { includeArchived: true })).find((p) => p.id === planId);
      if (!summary) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
      const [areas, goals, measures, targets] = await Promise.all([
        repo.areasOf(planId), repo.goalsOf(planId), repo.measuresOf(planId), repo.targetsOf(planId),
      ]);
      return {
        ...summary,
        areas: areas.map((a) => ({
          id: a.id,
          no: a.no,
          title: a.title,
          line: a.line,
          goals: goals
            .filter((g) => g.area_id === a.id)
            .map((g) => ({
              id: g.id, no: g.no, text: g.text, lineStart: g.line_start, lineEnd: g.line_end,
              qualitative: g.qualitative === 1,
              targets: targets.filter((t) => t.goal_id === g.id).map(toTargetDto),
            })),
          measures: measures
            .filter((m) => m.area_id === a.id)
            .map((m) => ({ id: m.id, no: m.no, text: m.text, lineStart: m.line_start, lineEnd: m.line_end })),
        })),
      };
    },

    async source(auth: AuthContext | null, planId: number) {
      requireAuth(auth);
      const plan = await repo.findPlan(planId);
      if (!plan) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
      return { name: plan.source_name, text: plan.source_text };
    },

    async preview(auth: AuthContext | null, upload: PlanUpload) {
      const { text, result, plans, user } = await prepare(auth, upload);
      const outcomes = await importPlans(db, { sourceName: upload.fileName, sourceText: text, plans, dryRun: true, importedBy: user.userId });
      return { fileName: upload.fileName, result, outcomes };
    },

    async import(auth: AuthContext | null, upload: PlanUpload) {
      const { text, result, plans, user } = await prepare(auth, upload);
      const outcomes = await importPlans(db, { sourceName: upload.fileName, sourceText: text, plans, dryRun: false, importedBy: user.userId });
      return { fileName: upload.fileName, result, outcomes };
    },

    /** Every import that created or changed the plan, newest first. */
    async versions(auth: AuthContext | null, planId: number): Promise<PlanVersionDto[]> {
      requireAuth(auth);
      if (!(await repo.findPlan(planId))) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
      return (await links.versionsOf(planId)).map(toVersionDto);
    },

    /** Open flags on the links of a plan's targets or of an indicator. */
    async flags(auth: AuthContext | null, by: { planId: number } | { indicatorId: number }): Promise<LinkFlagDto[]> {
      requireAuth(auth);
      return (await links.openFlags(by)).map(toFlagDto);
    },

    /**
     * Settles a flag: `keep` leaves everything as it is; `accept` (conflicts only) takes the revised
     * plan's value for the target and, for an indicator made from this plan, its yearly target.
     */
    async resolveFlag(auth: AuthContext | null, flagId: number, action: FlagAction): Promise<void> {
      const flag = (await links.openFlags({ flagId }))[0];
      if (!flag) throw appError('NOT_FOUND', `待处理事项（编号 ${flagId}）不存在或已处理`);
      assertCan(auth, 'plans.manage', { orgUnitId: flag.org_unit_id, tree: await orgs.tree() });
      await db.transaction().execute((trx) => resolveLinkFlag(trx, flag, action, new Date().toISOString()));
    },

    /** The targets every plan sets for an indicator, by unit. */
    async targetsOfIndicator(auth: AuthContext | null, indicatorId: number) {
      requireAuth(auth);
      return (await links.targetsOfIndicator(indicatorId)).map(toIndicatorPlanTarget);
    },

    async setGoalQualitative(auth: AuthContext | null, goalId: number, qualitative: boolean) {
      await editableGoal(auth, goalId);
      await repo.updateGoal(goalId, { qualitative });
      const goal = (await repo.findGoal(goalId))!;
      const targets = await repo.targetsOfGoal(goalId);
      return {
        id: goal.id, no: goal.no, text: goal.text, lineStart: goal.line_start, lineEnd: goal.line_end,
        qualitative: goal.qualitative === 1, targets: targets.map(toTargetDto),
      };
    },

    async addTarget(auth: AuthContext | null, goalId: number, input: TargetInputDto): Promise<TargetDto> {
      const goal = await editableGoal(auth, goalId);
      const user = requireAuth(auth);
      const id = await repo.insertTarget(goalId, {
        ...input,
        // A hand-made target quotes the whole goal: it is where the person read it.
        quote: goal.text,
        editedBy: user.userId,
        editedAt: new Date().toISOString(),
      });
      return toTargetDto((await repo.findTarget(id))!);
    },

    async updateTarget(auth: AuthContext | null, targetId: number, input: TargetInputDto): Promise<TargetDto> {
      const { user } = await editableTarget(auth, targetId);
      await repo.updateTarget(targetId, {
        ...input,
        editedBy: user.userId,
        editedAt: new Date().toISOString(),
      });
      return toTargetDto((await repo.findTarget(targetId))!);
    },

    async deleteTarget(auth: AuthContext | null, targetId: number): Promise<void> {
      await editableTarget(auth, targetId);
      await repo.deleteTarget(targetId);
    },
  };
}
export type PlansService = ReturnType<typeof plansService>;

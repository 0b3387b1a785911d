import type { Kysely } from 'kysely';
import type {
  CandidateDto, GenerateBodyDto, GenerateResultDto, IndicatorDto, IndicatorInputDto, IndicatorMetaDto, ImportResultDto,
} from '../../../shared/api/indicators';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { actorId, assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { plansRepository } from '../plans/repository';
import type { PlansService } from '../plans/service';
import { dictionaryIssues } from './checks';
import { loadIndicatorDtos, sameInput, toElementDto } from './dto';
import { parseAliases } from '../../../shared/indicators/match';
import { draftsFromPlan, planCandidates, type Draft, type Link } from './generate';
import { indicatorsRepository, type IndicatorsRepository } from './repository';
import { elementIds, saveIndicator } from './store';
import { dictionaryWorkbook } from './xlsx/exportXlsx';
import { DictionaryFileError, errorList, locateIssue, parseDictionary, type ParsedIndicator } from './xlsx/parseXlsx';

const MAX_LISTED_ERRORS = 200;


export function indicatorsService(db: Kysely<Database>, orgs: OrgsService, plans: PlansService) {
  const repo = indicatorsRepository(db);

  /**
   * The dictionary is shared by every level and belongs to the top committee; an indicator made
   * from a plan may also be changed by the editors of the plan's unit.
   */
  async function assertEditor(auth: AuthContext | null, indicator?: IndicatorDto): Promise<AuthContext> {
    const tree = await orgs.tree();
    const scope = indicator?.source?.orgUnitId ?? (await repo.rootUnitId());
    return assertCan(auth, 'indicators.manage', { orgUnitId: scope, tree });
  }

  async function find(id: number): Promise<IndicatorDto> {
    const found = (await loadIndicatorDtos(repo, [id]))[0];
    if (!found) throw appError('NOT_FOUND', `指标（编号 ${id}）不存在`);
    return found;
  }

  async function context(replacing: number[]) {
    const [all, departments] = await Promise.all([loadIndicatorDtos(repo), repo.topDepartments()]);
    return { all, departments: new Map(departments.map((d) => [d.id, d.shortName])), replacing: new Set(replacing) };
  }

  async function checked(input: IndicatorInputDto, replacing: number[]): Promise<void> {
    const issues = dictionaryIssues(input, await context(replacing));
    if (issues.length === 0) return;
    const details = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw appError('VALIDATION_FAILED', `提交的数据不符合要求：${details.map((d) => d.message).join('；')}`, details);
  }

  const inTransaction = <T>(work: (tx: IndicatorsRepository) => Promise<T>) =>
    db.transaction().execute((trx) => work(indicatorsRepository(trx)));

  /** New indicators and links in one transaction; the targets of each then measure their indicator. */
  async function carryOut(drafts: readonly Draft[], links: readonly Link[]): Promise<GenerateResultDto['created']> {
    const ids = await inTransaction(async (tx) => {
      const out: number[] = [];
      for (const d of drafts) {
        const id = await saveIndicator(tx, d.input, { planTargetId: d.targetIds[0]! });
        await tx.linkTargets(d.targetIds, id);
        out.push(id);
      }
      for (const l of links) await tx.linkTargets(l.targetIds, l.indicator.id);
      return out;
    });
    return drafts.map((d, i) => ({ id: ids[i]!, code: d.input.code, name: d.input.name }));
  }

  async function dictionary() {
    return (await repo.matchable()).map((r) => ({ id: r.id, code: r.code, name: r.name, aliases: parseAliases(r.aliases), unit: r.unit }));
  }

  async function draftPlan(auth: AuthContext | null, planId: number, chosen: ReadonlySet<number> | null, choices: NonNullable<GenerateBodyDto['choices']> = []) {
    const plan = await plans.detail(auth, planId);
    assertCan(auth, 'indicators.manage', { orgUnitId: plan.orgUnit.id, tree: await orgs.tree() });
    const [known, taken, departments] = await Promise.all([dictionary(), repo.codes(), repo.topDepartments()]);
    const candidates = planCandidates(plan, known);
    return draftsFromPlan(plan, candidates, chosen, choices, { taken, departments: new Map(departments.map((d) => [d.shortName, d.id])), dictionary: new Map(known.map((i) => [i.id, i])) });
  }

  async function importRows(rows: readonly ParsedIndicator[], changedBy: number | null): Promise<ImportResultDto> {
    const result: ImportResultDto = { created: [], updated: [], unchanged: [] };
    await inTransaction(async (tx) => {
      const stored = new Map((await loadIndicatorDtos(tx)).map((i) => [i.code, i]));
      for (const { input } of rows) {
        const existing = stored.get(input.code);
        if (existing && sameInput(existing, input)) {
          result.unchanged.push(input.code);
        } else if (existing) {
          await saveIndicator(tx, input, { previous: existing, changedBy });
          result.updated.push(input.code);
        } else {
          await saveIndicator(tx, input, {});
          result.created.push(input.code);
        }
      }
    });
    return result;
  }

  return {
    /** The dictionary is reference material: every signed-in user may read it. */
    async list(auth: AuthContext | null): Promise<IndicatorDto[]> {
      requireAuth(auth);
      return loadIndicatorDtos(repo);
    },

    async get(auth: AuthContext | null, id: number): Promise<IndicatorDto> {
      requireAuth(auth);
      return find(id);
    },

    async meta(auth: AuthContext | null): Promise<IndicatorMetaDto> {
      requireAuth(auth);
      const [departments, elements] = await Promise.all([repo.topDepartments(), repo.listDataElements()]);
      return { departments: departments.map((d) => ({ ...d, runsSurveys: d.runsSurveys === 1 })), dataElements: elements.map(toElementDto) };
    },

    async create(auth: AuthContext | null, input: IndicatorInputDto): Promise<IndicatorDto> {
      await assertEditor(auth);
      await checked(input, []);
      const id = await inTransaction((tx) => saveIndicator(tx, input, {}));
      return find(id);
    },

    async update(auth: AuthContext | null, id: number, input: IndicatorInputDto): Promise<IndicatorDto> {
      requireAuth(auth);
      const existing = await find(id);
      const user = await assertEditor(auth, existing);
      await checked(input, [id]);
      await inTransaction((tx) => saveIndicator(tx, input, { previous: existing, changedBy: actorId(user) }));
      return find(id);
    },

    async remove(auth: AuthContext | null, id: number): Promise<void> {
      requireAuth(auth);
      const existing = await find(id);
      await assertEditor(auth, existing);
      if ((await repo.taskCount(id)) > 0) throw appError('IN_USE', `指标“${existing.name}”已列入填报任务，不能删除`);
      await inTransaction(async (tx) => {
        await tx.deleteIndicator(id);
        await tx.deleteUnusedElements(elementIds(existing));
      });
    },

    async candidates(auth: AuthContext | null, planId: number): Promise<CandidateDto[]> {
      return planCandidates(await plans.detail(auth, planId), await dictionary());
    },

    /**
     * For the chosen targets of a plan (all when none are chosen), in one transaction: links to the
     * existing indicators of the same meaning (or the ones a person picked), new indicators for the rest.
     */
    async generate(auth: AuthContext | null, planId: number, body: GenerateBodyDto): Promise<GenerateResultDto> {
      const { drafts, links, skipped } = await draftPlan(auth, planId, body.targetIds ? new Set(body.targetIds) : null, body.choices);
      const created = await carryOut(drafts, links);
      return { created, linked: links.map((l) => l.indicator), skipped };
    },

    /** One plan target: linked to its indicator when the dictionary has it, else a new indicator. */
    async generateOne(auth: AuthContext | null, targetId: number): Promise<IndicatorDto> {
      requireAuth(auth);
      const target = await plansRepository(db).findTarget(targetId);
      if (!target) throw appError('NOT_FOUND', `指标目标（编号 ${targetId}）不存在`);
      const { drafts, links, skipped } = await draftPlan(auth, target.plan_id, new Set([targetId]));
      if (drafts.length === 0 && links.length === 0) throw appError('IN_USE', `“${skipped[0]?.indicator ?? ''}”${skipped[0]?.reason ?? '已有指标'}`);
      const [created] = await carryOut(drafts, links);
      return find(created?.id ?? links[0]!.indicator.id);
    },

    async exportXlsx(auth: AuthContext | null): Promise<Buffer> {
      requireAuth(auth);
      const [indicators, departments] = await Promise.all([loadIndicatorDtos(repo), repo.topDepartments()]);
      return dictionaryWorkbook(indicators, departments.map((d) => d.shortName));
    },

    /** Refuses someone who may not import before their upload is read. */
    async assertImporter(auth: AuthContext | null): Promise<void> {
      await assertEditor(auth);
    },

    /** Checks the whole file first; then writes every row in one transaction, or nothing. */
    async importXlsx(auth: AuthContext | null, bytes: Uint8Array): Promise<ImportResultDto> {
      const user = await assertEditor(auth);
      const departments = await repo.topDepartments();
      const parsed = await parseDictionary(bytes, new Map(departments.map((d) => [d.shortName, d.id]))).catch((e: unknown) => {
        throw e instanceof DictionaryFileError ? appError('XLSX_UNRECOGNISED', e.message) : e;
      });
      const codes = new Set(parsed.indicators.map((p) => p.input.code));
      const ctx = await context([]);
      ctx.replacing = new Set(ctx.all.filter((i) => codes.has(i.code)).map((i) => i.id));
      const errors = [
        ...parsed.errors,
        ...parsed.indicators.flatMap((p) => dictionaryIssues(p.input, ctx).map((i) => locateIssue(p, i.path, i.message))),
      ];
      if (errors.length > 0) {
        const lines = errorList(errors);
        const details = lines.slice(0, MAX_LISTED_ERRORS).map((message) => ({ message }));
        if (lines.length > MAX_LISTED_ERRORS) details.push({ message: `……另有 ${lines.length - MAX_LISTED_ERRORS} 处错误未列出` });
        throw appError('XLSX_INVALID', `文件中有 ${lines.length} 处错误，未导入任何内容`, details);
      }
      return importRows(parsed.indicators, actorId(user));
    },
  };
}
export type IndicatorsService = ReturnType<typeof indicatorsService>;

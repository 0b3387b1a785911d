import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SurveyDto, SurveyInput, SurveySummary } from '../../../shared/api/surveys';
import { allQuestions, checkDefinition, type SurveyDefinition } from '../../../shared/surveys/model';
import { applyFilters, crossTab, type Filter } from '../../../shared/surveys/stats';
import { surveyStats } from '../../../shared/surveys/tally';
import type { Database } from '../../db/schema';
import { buildDocx } from '../../services/documents';
import { appError, invalidField } from '../../errors';
import { requireAuth, actorId } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { orgsRepository } from '../orgs/repository';
import type { OrgTree } from '../orgs/tree';
import { allowsSurvey, assertSurveyRight, SURVEY_RULES, type SurveyOwner, type SurveyRight } from './access';
import { regionLabels, stateOf, type SurveyCache, type SurveyRow } from './context';
import { chartCount, parseCharts, REPORT_LIMITS, surveyReportSpec } from './report';
import { surveysRepository } from './repository';

/** Codes people type from a slip of paper: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newPublicId = () => randomBytes(9).toString('base64url');
const newAccessCode = () => Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

const ownerOf = (row: Pick<SurveyRow, 'org_unit_id' | 'department_id'>): SurveyOwner => ({ orgUnitId: row.org_unit_id, departmentId: row.department_id });

export function summaryOf(
  row: Omit<SurveyRow, 'definition' | 'description' | 'created_by' | 'created_at'> & { org_unit_name: string; department_name: string | null; responses: number | string | null },
): SurveySummary {
  return {
    id: row.id,
    orgUnit: { id: row.org_unit_id, name: row.org_unit_name },
    department: row.department_id === null ? null : { id: row.department_id, name: row.department_name ?? '' },
    title: row.title,
    audience: row.audience as SurveySummary['audience'],
    status: row.status as SurveySummary['status'],
    state: stateOf(row),
    publicId: row.public_id,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    accessMode: row.access_mode as SurveySummary['accessMode'],
    variantOf: row.variant_of,
    isDemo: row.is_demo === 1,
    responses: Number(row.responses ?? 0),
    updatedAt: row.updated_at,
  };
}

/** Parses `Q1:A,B;Q2:1` into filters. */
export function parseFilters(text: string | undefined): Filter[] {
  if (!text) return [];
  return text.split(';').filter(Boolean).map((part) => {
    const [question, keys] = part.split(':');
    return { question: question!, keys: (keys ?? '').split(',').filter(Boolean) };
  });
}

/**
 * Once answers exist, questions and options may be added and reworded but not removed or
 * retyped: the stored answers refer to them by code.
 */
function keepsAnsweredStructure(before: SurveyDefinition, after: SurveyDefinition): string | null {
  const next = new Map(allQuestions(after).map((q) => [q.code, q]));
  for (const q of allQuestions(before)) {
    const n = next.get(q.code);
    if (!n) return `题目 ${q.code} 已有答卷，不能删除（可以改写文字或新增题目）`;
    if (n.type !== q.type) return `题目 ${q.code} 已有答卷，不能改变题型`;
    const missing = (q.options ?? []).find((o) => !(n.options ?? []).some((x) => x.code === o.code));
    if (missing) return `题目 ${q.code} 的选项“${missing.label}”已有答卷，不能删除`;
  }
  return null;
}

export function surveysService(db: Kysely<Database>, tree: () => Promise<OrgTree>, cache: SurveyCache) {
  const repo = surveysRepository(db);

  async function authorised(auth: AuthContext | null, right: SurveyRight, id: number) {
    const parsed = await cache.byId(id);
    const user = assertSurveyRight(auth, right, ownerOf(parsed.row), await tree());
    return { ...parsed, user };
  }

  /** A survey's owner is one of the unit's own member departments, named by id. */
  async function checkOwner(orgUnitId: number, departmentId: number | null) {
    if (departmentId === null) return;
    const department = await orgsRepository(db).findDepartment(departmentId);
    if (!department || department.org_unit_id !== orgUnitId) throw invalidField('departmentId', `发起单位（成员单位编号 ${departmentId}）不是该单位妇儿工委的成员单位`);
  }

  function checkInput(input: SurveyInput) {
    const problems = checkDefinition(input.definition);
    if (problems.length) throw appError('VALIDATION_FAILED', `问卷有 ${problems.length} 处需要修改：${problems.join('；')}`, problems.map((message) => ({ path: 'definition', message })));
    if (input.opensAt && input.closesAt && input.opensAt >= input.closesAt) throw invalidField('closesAt', '结束时间应晚于开始时间');
  }

  async function dto(id: number): Promise<SurveyDto> {
    const { row, definition } = await cache.byId(id);
    const unit = (await db.selectFrom('org_units').select('name').where('id', '=', row.org_unit_id).executeTakeFirstOrThrow()).name;
    const department = row.department_id === null ? null : ((await orgsRepository(db).findDepartment(row.department_id))?.name ?? null);
    return { ...summaryOf({ ...row, org_unit_name: unit, department_name: department, responses: await repo.responseCount(id) }), description: row.description, definition };
  }

  return {
    rights: async (auth: AuthContext | null, id: number) => {
      const { row, user } = await authorised(auth, 'read', id);
      const t = await tree();
      return Object.fromEntries(Object.keys(SURVEY_RULES).map((right) => [right, allowsSurvey(user, right as SurveyRight, ownerOf(row), t)])) as Record<SurveyRight, boolean>;
    },

    async list(auth: AuthContext | null): Promise<SurveySummary[]> {
      const user = requireAuth(auth);
      const t = await tree();
      return (await repo.list()).filter((r) => allowsSurvey(user, 'read', ownerOf(r), t)).map(summaryOf);
    },

    async get(auth: AuthContext | null, id: number): Promise<SurveyDto> {
      await authorised(auth, 'read', id);
      return dto(id);
    },

    async create(auth: AuthContext | null, input: SurveyInput, options: { isDemo?: boolean; variantOf?: number | null; status?: 'draft' | 'open' } = {}): Promise<SurveyDto> {
      const departmentId = input.departmentId ?? null;
      const user = assertSurveyRight(auth, 'manage', { orgUnitId: input.orgUnitId, departmentId }, await tree());
      await checkOwner(input.orgUnitId, departmentId);
      checkInput(input);
      const id = await repo.insert(
        { ...input, departmentId, definition: JSON.stringify(input.definition), publicId: newPublicId(), variantOf: options.variantOf ?? null, isDemo: options.isDemo ?? false, createdBy: actorId(user), status: options.status },
        new Date().toISOString(),
      );
      return dto(id);
    },

    async update(auth: AuthContext | null, id: number, input: SurveyInput): Promise<SurveyDto> {
      const { row, definition } = await authorised(auth, 'manage', id);
      if (input.orgUnitId !== row.org_unit_id) throw invalidField('orgUnitId', '问卷所属单位不能更改，请复制问卷后修改');
      if (input.departmentId !== undefined && (input.departmentId ?? null) !== row.department_id) throw invalidField('departmentId', '问卷的发起单位不能更改');
      checkInput(input);
      if ((await repo.responseCount(id)) > 0) {
        const problem = keepsAnsweredStructure(definition, input.definition);
        if (problem) throw appError('SURVEY_ANSWERED', problem);
      }
      await repo.update(id, { ...input, definition: JSON.stringify(input.definition) }, new Date().toISOString());
      return dto(id);
    },

    /** A draft copy; as a variant it is the child (or adult) version of the same survey, sharing its codes. */
    async copy(auth: AuthContext | null, id: number, options: { audience?: 'adult' | 'child'; asVariant?: boolean }): Promise<SurveyDto> {
      const { row, definition } = await authorised(auth, 'manage', id);
      const audience = options.audience ?? (row.audience as 'adult' | 'child');
      const suffix = options.asVariant ? `（${audience === 'child' ? '儿童版' : '成人版'}）` : '（副本）';
      return this.create(
        auth,
        { orgUnitId: row.org_unit_id, departmentId: row.department_id, title: `${row.title.replace(/（(副本|儿童版|成人版)）$/, '')}${suffix}`, description: row.description, audience, definition, opensAt: row.opens_at, closesAt: row.closes_at, accessMode: row.access_mode as 'open' | 'code' },
        { variantOf: options.asVariant ? (row.variant_of ?? row.id) : null },
      );
    },

    async setStatus(auth: AuthContext | null, id: number, status: 'open' | 'closed'): Promise<SurveyDto> {
      const { row } = await authorised(auth, 'manage', id);
      if (status === 'open' && row.closes_at && row.closes_at <= new Date().toISOString()) throw appError('SURVEY_CLOSED', '结束时间已过，请先修改结束时间再发布');
      await repo.setStatus(id, status, new Date().toISOString());
      return dto(id);
    },

    async remove(auth: AuthContext | null, id: number): Promise<void> {
      await authorised(auth, 'manage', id);
      if ((await repo.responseCount(id)) > 0) throw appError('SURVEY_ANSWERED', '问卷已有答卷，不能删除；可以结束收集');
      await repo.remove(id);
    },

    async codes(auth: AuthContext | null, id: number) {
      await authorised(auth, 'manage', id);
      return (await repo.codes(id)).map((c) => ({ id: c.id, code: c.code, label: c.label, usedAt: c.used_at }));
    },

    async addCodes(auth: AuthContext | null, id: number, input: { count: number; label: string | null }) {
      await authorised(auth, 'manage', id);
      const existing = new Set((await repo.codes(id)).map((c) => c.code));
      const fresh: { code: string; label: string | null }[] = [];
      while (fresh.length < input.count) {
        const code = newAccessCode();
        if (existing.has(code)) continue;
        existing.add(code);
        fresh.push({ code, label: input.label || null });
      }
      await db.transaction().execute((trx) => surveysRepository(trx).insertCodes(id, fresh));
      return this.codes(auth, id);
    },

    async stats(auth: AuthContext | null, id: number, query: { filter?: string; rows?: string; columns?: string }) {
      const parsed = await authorised(auth, 'read', id);
      const { definition } = parsed;
      const filters = parseFilters(query.filter);
      const codes = new Set(allQuestions(definition).map((q) => q.code));
      for (const f of filters) if (!codes.has(f.question)) throw invalidField('filter', `筛选条件中的题目 ${f.question} 不存在`);
      const labels = regionLabels(parsed);
      // Unfiltered, the cache's running tally answers (it counts only the responses added since); a filter counts its subset afresh.
      const { answers: all, questions: everyone } = await cache.allStats(parsed);
      const responses = applyFilters(all, filters);
      let table = null;
      if (query.rows && query.columns) {
        try {
          table = crossTab(definition, responses, query.rows, query.columns, labels);
        } catch (e) {
          throw invalidField('columns', (e as Error).message);
        }
      }
      return { total: all.length, responses: responses.length, questions: filters.length ? surveyStats(definition, responses, labels) : everyone, crossTab: table };
    },

    /** The short .docx report of the statistics as the page shows them: filter, cross-tab and charts picked there. */
    async report(auth: AuthContext | null, id: number, query: { filter?: string; rows?: string; columns?: string; charts?: string }): Promise<{ title: string; docx: Buffer }> {
      const stats = await this.stats(auth, id, query);
      if (chartCount(stats.questions) > REPORT_LIMITS.charts) throw invalidField('charts', `报告最多画 ${REPORT_LIMITS.charts} 张图，本问卷需 ${chartCount(stats.questions)} 张；请导出统计汇总 xlsx`);
      const { row, definition } = await cache.byId(id);
      const span = await repo.responseSpan(id);
      const unit = await db.selectFrom('org_units').select('name').where('id', '=', row.org_unit_id).executeTakeFirstOrThrow();
      const byCode = new Map(stats.questions.map((q) => [q.code, q]));
      const filterText = parseFilters(query.filter).map((f) => {
        const q = byCode.get(f.question);
        const labels = q?.kind === 'choice' ? f.keys.map((k) => q.categories.find((c) => c.key === k)?.label ?? k) : f.keys;
        return `${q?.title ?? f.question}：${labels.join('、')}`;
      }).join('；') || null;
      const spec = surveyReportSpec({
        title: row.title, unitName: unit.name, audience: row.audience as 'adult' | 'child', accessMode: row.access_mode as 'open' | 'code', questions: allQuestions(definition),
        opensAt: row.opens_at, closesAt: row.closes_at, firstAnswerAt: span.first, lastAnswerAt: span.last,
        total: stats.total, responses: stats.responses, filterText, stats: stats.questions, crossTab: stats.crossTab, charts: parseCharts(query.charts), now: new Date(),
      });
      return { title: row.title, docx: await buildDocx(spec) };
    },

    /** The survey and all its answers, for exports. */
    async exportData(auth: AuthContext | null, id: number) {
      const parsed = await authorised(auth, 'read', id);
      return { ...parsed, responses: await repo.responses(id) };
    },
  };
}
export type SurveysService = ReturnType<typeof surveysService>;

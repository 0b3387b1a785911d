import type { Kysely } from 'kysely';
import type { FeedDto, FeedInput, FeedRow } from '../../../shared/api/surveys';
import { allQuestions } from '../../../shared/surveys/model';
import { shareByRegion } from '../../../shared/surveys/stats';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { assertCan, actorId } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgTree } from '../orgs/tree';
import { writeDataValues, type ValueInput } from '../reporting/commands/writeDataValues';
import { loadDictionary, type DictIndicator } from '../reporting/dictionary';
import { SURVEY_RULES } from './access';
import type { Parsed, SurveyCache } from './context';
import { surveysRepository } from './repository';

export const SURVEY_SOURCE = '问卷调查';

/** How a share becomes the indicator's figure: a percentage value, or numerator and denominator of a ×100 ratio. */
function writableAs(ind: DictIndicator): 'direct' | 'ratio' | null {
  if (ind.formulaType === 'direct' && ind.unit === '%') return 'direct';
  if (ind.formulaType === 'ratio' && ind.factor === 100) return 'ratio';
  return null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Indicator mappings of a survey: the share of valid answers in a chosen set of options, overall
 * (for the survey's unit) and per region answer, written as the indicator's value for the year
 * through the reporting module's write command — the same task, lock, permission, validation and
 * audit rules as any value — with 问卷调查 and the sample size kept beside it.
 */
export function feedsService(db: Kysely<Database>, tree: () => Promise<OrgTree>, cache: SurveyCache) {
  const repo = surveysRepository(db);

  async function feedsOf(parsed: Parsed, auth: AuthContext, write: number | null): Promise<FeedDto[]> {
    const feeds = await repo.feeds(parsed.row.id);
    const stored = await repo.feedValues(feeds.map((f) => f.id));
    const answers = await cache.answers(parsed.row.id);
    const dict = await loadDictionary(db);
    const out: FeedDto[] = [];
    for (const f of feeds) {
      const optionKeys = JSON.parse(f.option_keys) as string[];
      const { total, byRegion } = shareByRegion(answers, f.question_code, optionKeys, f.region_question_code);
      const names = parsed.regions.get(f.region_question_code ?? '') ?? new Map<number, string>();
      const units = [{ id: parsed.row.org_unit_id, name: dict.units.get(parsed.row.org_unit_id)?.name ?? '', count: total }, ...[...names].map(([id, name]) => ({ id, name, count: byRegion.get(id) ?? { positive: 0, valid: 0 } }))];
      const ind = dict.indicators.get(f.indicator_id)!;
      const rows: FeedRow[] = units.map((u) => {
        const s = stored.find((v) => v.feed_id === f.id && v.org_unit_id === u.id);
        return {
          orgUnit: { id: u.id, name: u.name },
          positive: u.count.positive,
          sampleSize: u.count.valid,
          value: u.count.valid ? round1((u.count.positive / u.count.valid) * 100) : null,
          status: u.count.valid < f.min_sample ? 'small' : 'ready',
          reason: u.count.valid < f.min_sample ? `有效样本 ${u.count.valid} 份，少于 ${f.min_sample} 份` : null,
          stored: s ? { value: s.value, sampleSize: s.sample_size, writtenAt: s.written_at } : null,
        };
      });
      const ready = rows.filter((r) => r.status === 'ready');
      const as = writableAs(ind);
      const inputs: ValueInput[] = ready.flatMap((r): ValueInput[] => {
        // No place prefix: the value path's reasons name the unit already.
        const key = { orgUnitId: r.orgUnit.id, period: f.year, optionId: dict.options.get('total')!, where: '' };
        const comment = `${SURVEY_SOURCE}：《${parsed.row.title}》，有效样本 ${r.sampleSize} 份`;
        return as === 'ratio'
          ? [{ ...key, dataElementId: ind.numeratorDeId!, value: r.positive, comment }, { ...key, dataElementId: ind.denominatorDeId!, value: r.sampleSize, comment }]
          : [{ ...key, dataElementId: ind.valueDeId!, value: r.value!, comment }];
      });
      const dryRun = write !== f.id;
      // A race with another writer comes back as a conflict of its unit, refused with its reason.
      const result = await writeDataValues(db, inputs, { auth, via: 'ui', dryRun, atomic: false, rejectInvalid: true, dictionary: dict });
      for (const r of ready) {
        const refusal = result.conflicts.find((c) => c.key.orgUnitId === r.orgUnit.id);
        if (refusal) Object.assign(r, { status: 'refused', reason: refusal.reason });
        else if (!dryRun) r.status = 'written';
      }
      if (!dryRun) {
        const written = rows.filter((r) => r.status === 'written');
        const now = new Date().toISOString();
        await repo.saveFeedValues(f.id, written.map((r) => ({ orgUnitId: r.orgUnit.id, value: r.value!, positive: r.positive, sampleSize: r.sampleSize })), actorId(auth), now);
        for (const r of written) r.stored = { value: r.value!, sampleSize: r.sampleSize, writtenAt: now };
      }
      out.push({
        id: f.id, questionCode: f.question_code, optionKeys, regionQuestionCode: f.region_question_code,
        indicator: { id: ind.id, code: ind.code, name: ind.name }, year: f.year, minSample: f.min_sample, rows,
      });
    }
    return out;
  }

  async function authorised(auth: AuthContext | null, surveyId: number) {
    const parsed = await cache.byId(surveyId);
    return { parsed, user: assertCan(auth, SURVEY_RULES.feed, { orgUnitId: parsed.row.org_unit_id, tree: await tree() }) };
  }

  return {
    /** The mappings with, per unit, the figure they would write now and whether the value path accepts it. */
    async list(auth: AuthContext | null, surveyId: number) {
      const { parsed, user } = await authorised(auth, surveyId);
      return feedsOf(parsed, user, null);
    },

    async create(auth: AuthContext | null, surveyId: number, input: FeedInput) {
      const { parsed, user } = await authorised(auth, surveyId);
      const questions = allQuestions(parsed.definition);
      const q = questions.find((x) => x.code === input.questionCode);
      if (!q || (q.type !== 'single' && q.type !== 'multiple')) throw invalidField('questionCode', '请选择一道单选题或多选题');
      const unknown = input.optionKeys.find((k) => !q.options!.some((o) => o.code === k));
      if (unknown) throw invalidField('optionKeys', `选项“${unknown}”不属于题目 ${q.code}`);
      if (input.regionQuestionCode && !questions.some((x) => x.code === input.regionQuestionCode && x.type === 'region')) throw invalidField('regionQuestionCode', '分地区的题目应为“所在地区”题');
      const ind = (await loadDictionary(db)).indicators.get(input.indicatorId);
      if (!ind) throw invalidField('indicatorId', `指标（编号 ${input.indicatorId}）不存在`);
      if (!writableAs(ind)) throw invalidField('indicatorId', `指标“${ind.name}”不是百分比指标（直接填报的 % 值或 ×100 的比率），不能由问卷比例写入`);
      await repo.insertFeed({ surveyId, ...input, createdBy: actorId(user) }, new Date().toISOString());
      return feedsOf(parsed, user, null);
    },

    async remove(auth: AuthContext | null, surveyId: number, feedId: number) {
      const { parsed, user } = await authorised(auth, surveyId);
      if (!(await repo.feeds(surveyId)).some((f) => f.id === feedId)) throw appError('NOT_FOUND', `指标对应关系（编号 ${feedId}）不存在`);
      await repo.removeFeed(feedId);
      return feedsOf(parsed, user, null);
    },

    /** Writes the mapping's figures that pass the value path; the others keep their reason. */
    async write(auth: AuthContext | null, surveyId: number, feedId: number) {
      const { parsed, user } = await authorised(auth, surveyId);
      if (!(await repo.feeds(surveyId)).some((f) => f.id === feedId)) throw appError('NOT_FOUND', `指标对应关系（编号 ${feedId}）不存在`);
      return (await feedsOf(parsed, user, feedId)).find((f) => f.id === feedId)!;
    },
  };
}

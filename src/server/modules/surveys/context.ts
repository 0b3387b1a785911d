import type { Kysely } from 'kysely';
import { type Answers, type SurveyDefinition } from '../../../shared/surveys/model';
import { DefinitionSchema } from '../../../shared/surveys/schema';
import type { QuestionStats, RegionLabels } from '../../../shared/surveys/stats';
import { statsTally, type StatsTally } from '../../../shared/surveys/tally';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { orgsRepository } from '../orgs/repository';
import { surveysRepository } from './repository';

export type SurveyRow = NonNullable<Awaited<ReturnType<ReturnType<typeof surveysRepository>['find']>>>;
export type SurveyState = 'draft' | 'not_open' | 'open' | 'closed';

/** What a respondent meets now: the stored status with the opening and closing times applied. */
export function stateOf(s: Pick<SurveyRow, 'status' | 'opens_at' | 'closes_at'>, now = new Date()): SurveyState {
  if (s.status === 'draft') return 'draft';
  if (s.status === 'closed') return 'closed';
  const at = now.toISOString();
  if (s.closes_at && at >= s.closes_at) return 'closed';
  if (s.opens_at && at < s.opens_at) return 'not_open';
  return 'open';
}

export interface Parsed {
  row: SurveyRow;
  definition: SurveyDefinition;
  /** Per region question: the units offered, id → name. */
  regions: Map<string, RegionLabels>;
}

/** The unit names of all a survey's region questions, by id: what statistics label region answers with. */
export const regionLabels = ({ regions }: Pick<Parsed, 'regions'>): RegionLabels => new Map([...regions.values()].flatMap((m) => [...m]));

/**
 * Parsed questionnaires and their responses, kept in memory between requests: answering and
 * statistics read a survey many times a second while it collects. Keyed by update time, so an
 * edit is seen at once; responses are only ever added, so the cache reads just the new ones, and
 * the statistics of all of them are a tally that counts just the new ones too.
 */
export function surveyCache(db: Kysely<Database>) {
  const repo = surveysRepository(db);
  const parsed = new Map<number, Parsed>();
  const answers = new Map<number, { lastId: number; list: Answers[] }>();
  /** Per survey: the tally of `list[0..counted)`, for that parsed definition and its regions (an edit parses anew, so starts a new one). */
  const tallies = new Map<number, { definition: SurveyDefinition; regions: Parsed['regions']; list: Answers[]; counted: number; tally: StatsTally }>();
  const LIMIT = 50;
  const remember = <V>(map: Map<number, V>, key: number, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > LIMIT) map.delete(map.keys().next().value!);
  };

  async function parse(row: SurveyRow): Promise<Parsed> {
    const hit = parsed.get(row.id);
    if (hit && hit.row.updated_at === row.updated_at && hit.row.status === row.status) return hit;
    const definition = DefinitionSchema.parse(JSON.parse(row.definition));
    const regions = new Map<string, RegionLabels>();
    const regionQuestions = definition.sections.flatMap((s) => s.questions).filter((q) => q.type === 'region');
    if (regionQuestions.length) {
      const units = await orgsRepository(db).listUnits();
      for (const q of regionQuestions) regions.set(q.code, new Map(units.filter((u) => u.parent_id === q.regionRootId).map((u) => [u.id, u.name])));
    }
    const entry = { row, definition, regions };
    remember(parsed, row.id, entry);
    return entry;
  }

  /** Every response of a survey, parsed; only rows added since the last call are read. */
  async function allAnswers(surveyId: number): Promise<Answers[]> {
    let cached = answers.get(surveyId) ?? { lastId: 0, list: [] };
    const read = async () => {
      const rows = await repo.responsesAfter(surveyId, cached.lastId);
      for (const r of rows) cached.list.push(JSON.parse(r.answers) as Answers);
      if (rows.length) cached.lastId = rows[rows.length - 1]!.id;
    };
    await read();
    // On PostgreSQL a lower id can commit after a higher one was read: a count that differs means a gap, so read afresh.
    if (cached.list.length !== (await repo.responseCount(surveyId))) {
      cached = { lastId: 0, list: [] };
      await read();
    }
    remember(answers, surveyId, cached);
    return cached.list;
  }

  return {
    parse,
    answers: allAnswers,
    /** Every response of a survey and their statistics, up to date: each response is counted once, after it arrives. */
    async allStats(parsed: Parsed): Promise<{ answers: Answers[]; questions: QuestionStats[] }> {
      const list = await allAnswers(parsed.row.id);
      const { definition, regions } = parsed;
      let entry = tallies.get(parsed.row.id);
      // A new definition, or the answers read afresh after a gap: count from the start.
      if (!entry || entry.definition !== definition || entry.regions !== regions || entry.list !== list) {
        entry = { definition, regions, list, counted: 0, tally: statsTally(definition, regionLabels(parsed)) };
      }
      for (; entry.counted < list.length; entry.counted++) entry.tally.add(list[entry.counted]!);
      remember(tallies, parsed.row.id, entry);
      return { answers: list, questions: entry.tally.result() };
    },
    async byId(id: number): Promise<Parsed> {
      const row = await repo.find(id);
      if (!row) throw appError('NOT_FOUND', `问卷（编号 ${id}）不存在`);
      return parse(row);
    },
    async byPublicId(publicId: string): Promise<Parsed> {
      const row = await repo.findByPublicId(publicId);
      if (!row) throw appError('NOT_FOUND', '问卷不存在，请核对链接');
      return parse(row);
    },
  };
}
export type SurveyCache = ReturnType<typeof surveyCache>;

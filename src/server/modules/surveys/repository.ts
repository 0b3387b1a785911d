import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface SurveyWrite {
  orgUnitId: number;
  departmentId: number | null;
  title: string;
  description: string | null;
  audience: 'adult' | 'child';
  definition: string;
  opensAt: string | null;
  closesAt: string | null;
  accessMode: 'open' | 'code';
}

/** Surveys, their responses, access codes and indicator feeds. No access checks here: the services decide. */
export function surveysRepository(db: Executor) {
  return {
    list() {
      return db
        .selectFrom('surveys as s')
        .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
        .leftJoin('departments as d', 'd.id', 's.department_id')
        .leftJoin(
          (eb) => eb.selectFrom('survey_responses').select(['survey_id', (e) => e.fn.countAll<number>().as('n')]).groupBy('survey_id').as('r'),
          (join) => join.onRef('r.survey_id', '=', 's.id'),
        )
        .select(['s.id', 's.org_unit_id', 'u.name as org_unit_name', 's.department_id', 'd.name as department_name', 's.title', 's.audience', 's.status', 's.public_id', 's.opens_at', 's.closes_at', 's.access_mode', 's.variant_of', 's.is_demo', 's.updated_at', 'r.n as responses'])
        .orderBy('s.id', 'desc')
        .execute();
    },

    find(id: number) {
      return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByPublicId(publicId: string) {
      return db.selectFrom('surveys').selectAll().where('public_id', '=', publicId).executeTakeFirst();
    },

    async insert(w: SurveyWrite & { publicId: string; variantOf: number | null; isDemo: boolean; createdBy: number | null; status?: string }, now: string) {
      const row = await db
        .insertInto('surveys')
        .values({
          org_unit_id: w.orgUnitId, department_id: w.departmentId, title: w.title, description: w.description, audience: w.audience, definition: w.definition, public_id: w.publicId,
          opens_at: w.opensAt, closes_at: w.closesAt, access_mode: w.accessMode, variant_of: w.variantOf, is_demo: w.isDemo ? 1 : 0,
          created_by: w.createdBy, created_at: now, updated_at: now, status: w.status ?? 'draft',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    update(id: number, w: Omit<SurveyWrite, 'orgUnitId' | 'departmentId'>, now: string) {
      return db
        .updateTable('surveys')
        .set({ title: w.title, description: w.description, audience: w.audience, definition: w.definition, opens_at: w.opensAt, closes_at: w.closesAt, access_mode: w.accessMode, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    setStatus(id: number, status: 'draft' | 'open' | 'closed', now: string) {
      return db.updateTable('surveys').set({ status, updated_at: now }).where('id', '=', id).execute();
    },

    remove(id: number) {
      return db.deleteFrom('surveys').where('id', '=', id).execute();
    },

    async responseCount(surveyId: number) {
      const row = await db.selectFrom('survey_responses').select((e) => e.fn.countAll<number>().as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Answers as stored JSON, in submission order. */
    responses(surveyId: number) {
      return db.selectFrom('survey_responses').select(['id', 'answers', 'submitted_at', 'is_demo']).where('survey_id', '=', surveyId).orderBy('id').execute();
    },

    /** When the first and the last answer came in. */
    async responseSpan(surveyId: number) {
      const row = await db.selectFrom('survey_responses').select((e) => [e.fn.min('submitted_at').as('first'), e.fn.max('submitted_at').as('last')]).where('survey_id', '=', surveyId).executeTakeFirst();
      return { first: row?.first ?? null, last: row?.last ?? null };
    },

    responsesAfter(surveyId: number, afterId: number) {
      return db.selectFrom('survey_responses').select(['id', 'answers']).where('survey_id', '=', surveyId).where('id', '>', afterId).orderBy('id').execute();
    },

    /** What is stored already under this idempotency key or from this browser: one query, both unique keys. */
    async responseTaken(surveyId: number, idempotencyKey: string, browserHash: string) {
      const rows = await db
        .selectFrom('survey_responses')
        .select(['idempotency_key', 'browser_hash'])
        .where('survey_id', '=', surveyId)
        .where((eb) => eb.or([eb('idempotency_key', '=', idempotencyKey), eb('browser_hash', '=', browserHash)]))
        .execute();
      return { key: rows.some((r) => r.idempotency_key === idempotencyKey), browser: rows.some((r) => r.browser_hash === browserHash) };
    },

    /** One public response, unless its idempotency key or browser is taken meanwhile: its id, or undefined. */
    async insertResponseIfNew(r: { surveyId: number; answers: string; browserHash: string; idempotencyKey: string; accessCodeId: number | null; submittedAt: string }) {
      const row = await db
        .insertInto('survey_responses')
        .values({ survey_id: r.surveyId, answers: r.answers, browser_hash: r.browserHash, idempotency_key: r.idempotencyKey, access_code_id: r.accessCodeId, submitted_at: r.submittedAt, is_demo: 0 })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async insertResponses(rows: { surveyId: number; answers: string; browserHash: string | null; idempotencyKey: string; accessCodeId: number | null; submittedAt: string; isDemo: boolean }[]) {
      // In slices: one statement may only bind so many parameters.
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('survey_responses')
          .values(rows.slice(i, i + 500).map((r) => ({
            survey_id: r.surveyId, answers: r.answers, browser_hash: r.browserHash, idempotency_key: r.idempotencyKey, access_code_id: r.accessCodeId, submitted_at: r.submittedAt, is_demo: r.isDemo ? 1 : 0,
          })))
          .execute();
      }
    },

    codes(surveyId: number) {
      return db.selectFrom('survey_access_codes').selectAll().where('survey_id', '=', surveyId).orderBy('id').execute();
    },

    async insertCodes(surveyId: number, codes: { code: string; label: string | null }[]) {
      for (let i = 0; i < codes.length; i += 500) {
        await db.insertInto('survey_access_codes').values(codes.slice(i, i + 500).map((c) => ({ survey_id: surveyId, code: c.code, label: c.label }))).execute();
      }
    },

    /** Marks an unused code used; the id when it was free, undefined when unknown or spent. */
    async consumeCode(surveyId: number, code: string, now: string) {
      const row = await db.selectFrom('survey_access_codes').select('id').where('survey_id', '=', surveyId).where('code', '=', code).where('used_at', 'is', null).executeTakeFirst();
      if (!row) return undefined;
      const result = await db.updateTable('survey_access_codes').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? row.id : undefined;
    },

    /** Frees a code this transaction consumed for a response that was then not stored. */
    releaseCode(id: number) {
      return db.updateTable('survey_access_codes').set({ used_at: null }).where('id', '=', id).execute();
    },

    feeds(surveyId: number) {
      return db
        .selectFrom('survey_feeds as f')
        .innerJoin('indicators as i', 'i.id', 'f.indicator_id')
        .select(['f.id', 'f.survey_id', 'f.question_code', 'f.option_keys', 'f.region_question_code', 'f.indicator_id', 'i.name as indicator_name', 'i.code as indicator_code', 'f.year', 'f.min_sample', 'f.created_at'])
        .where('f.survey_id', '=', surveyId)
        .orderBy('f.id')
        .execute();
    },

    async insertFeed(f: { surveyId: number; questionCode: string; optionKeys: string[]; regionQuestionCode: string | null; indicatorId: number; year: number; minSample: number; createdBy: number | null }, now: string) {
      const row = await db
        .insertInto('survey_feeds')
        .values({
          survey_id: f.surveyId, question_code: f.questionCode, option_keys: JSON.stringify(f.optionKeys), region_question_code: f.regionQuestionCode,
          indicator_id: f.indicatorId, year: f.year, min_sample: f.minSample, created_by: f.createdBy, created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    removeFeed(id: number) {
      return db.deleteFrom('survey_feeds').where('id', '=', id).execute();
    },

    feedValues(feedIds: number[]) {
      if (feedIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('survey_feed_values').selectAll().where('feed_id', 'in', feedIds).execute();
    },

    async saveFeedValues(feedId: number, rows: { orgUnitId: number; value: number; positive: number; sampleSize: number }[], by: number | null, now: string) {
      for (const r of rows) {
        await db
          .insertInto('survey_feed_values')
          .values({ feed_id: feedId, org_unit_id: r.orgUnitId, value: r.value, positive: r.positive, sample_size: r.sampleSize, source: '问卷调查', written_by: by, written_at: now })
          .onConflict((oc) => oc.columns(['feed_id', 'org_unit_id']).doUpdateSet({ value: r.value, positive: r.positive, sample_size: r.sampleSize, written_by: by, written_at: now }))
          .execute();
      }
    },

    async metaValue(key: string) {
      return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },

    insertMetaIfAbsent(key: string, value: string) {
      return db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
    },
  };
}

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PublicSurveyDto, SubmitInput } from '../../../shared/api/surveys';
import { validateAnswers } from '../../../shared/surveys/answering';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { stateOf, type SurveyCache } from './context';
import { surveysRepository } from './repository';
import { responseWriter } from './responseWriter';
import { checkTicket, issueTicket, newSecret } from './ticket';

const SECRET_KEY = 'survey_ticket_secret';

/**
 * The public side: a survey as the answering page shows it, and submitting a response. No login,
 * no address or personal data stored; duplicates are refused by a hashed per-browser token, a
 * retried submission is stored once by its idempotency key.
 */
export function answeringService(db: Kysely<Database>, cache: SurveyCache) {
  const repo = surveysRepository(db);
  const writer = responseWriter(db);
  let secret: string | undefined;

  /** The signing secret, made once per database so tickets survive a restart. */
  async function ticketSecret(): Promise<string> {
    if (secret) return secret;
    await repo.insertMetaIfAbsent(SECRET_KEY, newSecret());
    secret = (await repo.metaValue(SECRET_KEY))!;
    return secret;
  }

  const hashBrowser = (publicId: string, token: string) => createHash('sha256').update(`${publicId}:${token}`).digest('base64url');

  return {
    async survey(publicId: string): Promise<PublicSurveyDto> {
      const { row, definition, regions } = await cache.byPublicId(publicId);
      const state = stateOf(row);
      return {
        title: row.title,
        description: row.description,
        audience: row.audience as PublicSurveyDto['audience'],
        state,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        needsCode: row.access_mode === 'code',
        // A survey not open shows only its title and why.
        definition: state === 'open' ? definition : { sections: [{ title: '', questions: [] }] },
        regions: Object.fromEntries([...regions].map(([code, units]) => [code, [...units].map(([id, name]) => ({ id, name }))])),
        ticket: issueTicket(await ticketSecret(), publicId),
      };
    },

    async submit(publicId: string, input: SubmitInput): Promise<{ received: true; repeated: boolean }> {
      const { row, definition, regions } = await cache.byPublicId(publicId);
      const browserHash = hashBrowser(publicId, input.browserToken);
      const taken = await repo.responseTaken(row.id, input.idempotencyKey, browserHash);
      // A retry of a response already stored is answered as the first time, whatever changed since.
      if (taken.key) return { received: true, repeated: true };
      const state = stateOf(row);
      if (state === 'closed') throw appError('SURVEY_CLOSED');
      if (state !== 'open') throw appError('SURVEY_NOT_OPEN');
      if (input.website) throw appError('SURVEY_BOT_SUSPECTED');
      const ticket = checkTicket(await ticketSecret(), publicId, input.ticket);
      if (ticket === 'too_fast') throw appError('SURVEY_BOT_SUSPECTED', '提交得太快了，请确认每道题都已看过，稍等几秒再提交');
      if (ticket === 'expired') throw appError('SURVEY_BOT_SUSPECTED', '页面打开时间太久，请刷新页面（已填写的答案会保留）后再提交');
      if (ticket !== 'ok') throw appError('SURVEY_BOT_SUSPECTED');
      if (taken.browser) throw appError('SURVEY_DUPLICATE');

      const { problems, clean } = validateAnswers(definition, input.answers, (q) => [...(regions.get(q.code)?.keys() ?? [])]);
      if (problems.length) {
        throw appError('SURVEY_ANSWERS_INVALID', `还有 ${problems.length} 道题需要修改：${problems.map((p) => p.message).join('；')}`, problems.map((p) => ({ path: p.question, message: p.message })));
      }
      const outcome = await writer.write({
        surveyId: row.id, answers: JSON.stringify(clean), browserHash, idempotencyKey: input.idempotencyKey,
        code: row.access_mode === 'code' ? (input.code ?? '').toUpperCase() : null, submittedAt: new Date().toISOString(),
      });
      if (outcome === 'stored') return { received: true, repeated: false };
      // Two requests of the same browser at once: the one stored first decides, the other hears why.
      const now = await repo.responseTaken(row.id, input.idempotencyKey, browserHash);
      if (now.key) return { received: true, repeated: true };
      throw appError(now.browser || outcome === 'taken' ? 'SURVEY_DUPLICATE' : 'SURVEY_CODE_INVALID');
    },
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { AnswerRectificationInput, SiteCheckInput, SiteCheckSchema, SiteChecksSchema } from '../../../../shared/api/evaluationChecks';
import { siteChecksService } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['evaluation'];

/** 督导检查 of a round: list, record, edit, delete; the visited unit's answers to the rectification requests. */
export async function siteCheckRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const checks = siteChecksService(app.services.db.kysely, app.services.orgs);

  api.get('/evaluation/rounds/:id/site-checks', { schema: { tags, summary: '一次评估的督导检查（评估组、办公室看全部，参评单位看本单位的）', params: IdParams, response: { 200: SiteChecksSchema, ...errors } } }, (req) =>
    checks.list(req.auth, req.params.id),
  );
  api.post('/evaluation/rounds/:id/site-checks', { schema: { tags, summary: '记录一次督导检查：日期、单位、检查人员、检查发现、整改要求及期限', params: IdParams, body: SiteCheckInput, response: { 200: SiteCheckSchema, ...errors } } }, (req) =>
    checks.create(req.auth, req.params.id, req.body),
  );
  api.put('/evaluation/site-checks/:id', { schema: { tags, summary: '修改督导检查（评估结果确定前；已答复的整改要求不变）', params: IdParams, body: SiteCheckInput, response: { 200: SiteCheckSchema, ...errors } } }, (req) =>
    checks.update(req.auth, req.params.id, req.body),
  );
  api.delete('/evaluation/site-checks/:id', { schema: { tags, summary: '删除督导检查（整改要求均未答复时）', params: IdParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await checks.remove(req.auth, req.params.id);
    return reply.status(204).send(null);
  });
  api.put('/evaluation/rectifications/:id/answer', { schema: { tags, summary: '被检查单位答复整改要求：整改情况和完成日期', params: IdParams, body: AnswerRectificationInput, response: { 200: SiteCheckSchema, ...errors } } }, (req) =>
    checks.answer(req.auth, req.params.id, req.body),
  );
}

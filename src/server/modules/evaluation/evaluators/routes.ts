import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { CreateEvaluatorInput, EvaluatorAuditSchema, EvaluatorCreatedSchema, EvaluatorSchema, ExtendEvaluatorInput, ThirdPartyScoreInput, ThirdPartySheetSchema } from '../../../../shared/api/evaluationEvaluators';
import { evaluatorsService } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['evaluation'];

/** Third-party evaluators of a round: the office's accounts; the evaluator's own scoring sheet. */
export async function evaluatorRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const evaluators = evaluatorsService(app.services.db.kysely, app.services.orgs);

  api.get('/evaluation/rounds/:id/evaluators', { schema: { tags, summary: '一次评估的第三方评估账号', params: IdParams, response: { 200: z.array(EvaluatorSchema), ...errors } } }, (req) => evaluators.list(req.auth, req.params.id));
  api.post('/evaluation/rounds/:id/evaluators', { schema: { tags, summary: '添加第三方评估账号（只能访问本次评估，有到期日期；初始密码只显示这一次）', params: IdParams, body: CreateEvaluatorInput, response: { 200: EvaluatorCreatedSchema, ...errors } } }, (req) =>
    evaluators.create(req.auth, req.params.id, req.body),
  );
  api.put('/evaluation/evaluators/:id', { schema: { tags, summary: '修改第三方评估账号的到期日期（延期）', params: IdParams, body: ExtendEvaluatorInput, response: { 200: EvaluatorSchema, ...errors } } }, (req) =>
    evaluators.extend(req.auth, req.params.id, req.body.expiresOn),
  );
  api.post('/evaluation/evaluators/:id/revoke', { schema: { tags, summary: '撤销第三方评估账号（立即失效）', params: IdParams, response: { 200: EvaluatorSchema, ...errors } } }, (req) => evaluators.revoke(req.auth, req.params.id));
  api.get('/evaluation/evaluators/:id/audit', { schema: { tags, summary: '第三方评估账号的操作记录', params: IdParams, response: { 200: EvaluatorAuditSchema, ...errors } } }, (req) => evaluators.audit(req.auth, req.params.id));
  api.get('/evaluation/rounds/:id/third-party', { schema: { tags, summary: '第三方评估：本账号对各目标的评分', params: IdParams, response: { 200: ThirdPartySheetSchema, ...errors } } }, (req) => evaluators.sheet(req.auth, req.params.id));
  api.put('/evaluation/rounds/:id/third-party/:goalId', {
    schema: { tags, summary: '第三方评估：对一个目标逐项打分并写评价意见', params: z.object({ id: z.coerce.number().int().positive(), goalId: z.coerce.number().int().positive() }), body: ThirdPartyScoreInput, response: { 200: ThirdPartySheetSchema, ...errors } },
  }, (req) => evaluators.score(req.auth, req.params.id, req.params.goalId, req.body));
}

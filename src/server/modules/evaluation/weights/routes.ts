import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { ResetWeightsQuery, SetWeightsInput, WeightsSchema } from '../../../../shared/api/evaluation';
import { evaluationWeightsService } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['evaluation'];

/** A round's weights by area or goal: read, set an override, reset to the default. */
export async function weightRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const weights = evaluationWeightsService(app.services.db.kysely, app.services.orgs);

  api.get('/evaluation/rounds/:id/weights', { schema: { tags, summary: '评估权重：各领域、目标适用的评估内容分值及在总分中的权重', params: IdParams, response: { 200: WeightsSchema, ...errors } } }, (req) =>
    weights.get(req.auth, req.params.id),
  );
  api.put('/evaluation/rounds/:id/weights', { schema: { tags, summary: '按领域或按目标设置评估内容分值（合计 100）和/或在总分中的权重', params: IdParams, body: SetWeightsInput, response: { 200: WeightsSchema, ...errors } } }, (req) =>
    weights.set(req.auth, req.params.id, req.body),
  );
  api.delete('/evaluation/rounds/:id/weights', { schema: { tags, summary: '恢复某领域或目标的默认权重', params: IdParams, querystring: ResetWeightsQuery, response: { 200: WeightsSchema, ...errors } } }, (req) =>
    weights.reset(req.auth, req.params.id, req.query.scope, req.query.targetId),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { PlanLifecycleSchema, ReleaseInput } from '../../../../shared/api/planFiling';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['plans'];

export async function planLifecycleRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const lifecycle = app.services.planLifecycle;
  const answer = { params: IdParams, response: { 200: PlanLifecycleSchema, ...errors } };

  api.get('/plans/:id/lifecycle', { schema: { tags, summary: '规划状态：印发日期、备案情况、可执行的操作及不可执行的原因', ...answer } }, (request) =>
    lifecycle.state(request.auth, request.params.id),
  );
  api.post('/plans/:id/release', { schema: { tags, summary: '印发规划（登记或更正印发日期）', body: ReleaseInput, ...answer } }, (request) =>
    lifecycle.release(request.auth, request.params.id, request.body.releasedOn),
  );
  api.post('/plans/:id/repeal', { schema: { tags, summary: '废止规划', ...answer } }, (request) => lifecycle.repeal(request.auth, request.params.id));
  api.post('/plans/:id/archive', { schema: { tags, summary: '归档规划（列表中默认不再显示，记录保留）', ...answer } }, (request) =>
    lifecycle.archive(request.auth, request.params.id, true),
  );
  api.post('/plans/:id/unarchive', { schema: { tags, summary: '取消归档', ...answer } }, (request) => lifecycle.archive(request.auth, request.params.id, false));
  api.delete(
    '/plans/:id',
    { schema: { tags, summary: '删除规划（仅限没有监测数据、没有备案记录的规划）', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await lifecycle.remove(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { FileInput, FilingListQuery, FilingOverviewSchema, FilingSchema, ReturnInput } from '../../../../shared/api/planFiling';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['plans'];

export async function planFilingRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const filing = app.services.planFiling;

  api.post(
    '/plans/:id/filings',
    { schema: { tags, summary: '向上级妇儿工委报送规划备案（同时与上级规划逐项比较目标）', params: IdParams, body: FileInput, response: { 200: FilingSchema, ...errors } } },
    (request) => filing.file(request.auth, request.params.id, request.body.note),
  );
  api.get(
    '/plans/:id/filings',
    { schema: { tags, summary: '规划的备案记录（新的在前）', params: IdParams, response: { 200: z.array(FilingSchema), ...errors } } },
    (request) => filing.ofPlan(request.auth, request.params.id),
  );
  api.get(
    '/filings',
    { schema: { tags, summary: '下级单位规划备案情况：待报送、已报送、逾期、已备案', querystring: FilingListQuery, response: { 200: FilingOverviewSchema, ...errors } } },
    (request) => filing.overview(request.auth, request.query.unitId),
  );
  api.get(
    '/filings/:id',
    { schema: { tags, summary: '一份备案：报送说明、与上级规划的目标比较、审核结果', params: IdParams, response: { 200: FilingSchema, ...errors } } },
    (request) => filing.detail(request.auth, request.params.id),
  );
  api.post(
    '/filings/:id/accept',
    { schema: { tags, summary: '接收备案（规划转为已备案）', params: IdParams, response: { 200: FilingSchema, ...errors } } },
    (request) => filing.accept(request.auth, request.params.id),
  );
  api.post(
    '/filings/:id/return',
    { schema: { tags, summary: '退回备案并说明理由', params: IdParams, body: ReturnInput, response: { 200: FilingSchema, ...errors } } },
    (request) => filing.return(request.auth, request.params.id, request.body.reason),
  );
}

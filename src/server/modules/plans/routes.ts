import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  FlagResolveBody, GoalPatch, GoalSchema, IndicatorPlanTargetSchema, LinkFlagSchema, PlanDetailSchema, PlanImportSchema, PlanListQuery,
  PlanPreviewSchema, PlanSourceSchema, PlanSummarySchema, PlanVersionSchema, TargetInput, TargetSchema,
} from '../../../shared/api/plans';
import { appError } from '../../errors';
import type { PlanUpload } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
const uploadDoc = {
  consumes: ['multipart/form-data'],
  description: '表单字段：file（.txt UTF-8/GB18030 或 .docx，必填）；orgUnitId（所属单位编号，可选，缺省时按规划标题中的单位名称确定）',
};

/** Reads the multipart form of a plan upload: one file plus an optional owning unit. */
async function readUpload(request: FastifyRequest): Promise<PlanUpload> {
  let file: { fileName: string; bytes: Uint8Array } | undefined;
  let orgUnitId: number | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
      file = { fileName: part.filename, bytes: await part.toBuffer() };
    } else if (part.fieldname === 'orgUnitId' && String(part.value).trim() !== '') {
      orgUnitId = Number(part.value);
      if (!Number.isInteger(orgUnitId) || orgUnitId <= 0) throw appError('VALIDATION_FAILED', `所属单位编号“${String(part.value)}”无效`);
    }
  }
  if (!file) throw appError('UPLOAD_MISSING');
  return { ...file, orgUnitId };
}

export async function plansRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const plans = app.services.plans;

  api.get(
    '/plans',
    { schema: { tags: ['plans'], summary: '规划列表（archived=include 时含已归档的规划）', querystring: PlanListQuery, response: { 200: z.array(PlanSummarySchema), ...errors } } },
    (request) => plans.list(request.auth, { includeArchived: request.query.archived === 'include' }),
  );

  api.get(
    '/plans/:id',
    { schema: { tags: ['plans'], summary: '规划详情：领域、主要目标（含指标目标）、策略措施', params: IdParams, response: { 200: PlanDetailSchema, ...errors } } },
    (request) => plans.detail(request.auth, request.params.id),
  );

  api.get(
    '/plans/:id/source',
    { schema: { tags: ['plans'], summary: '规划原文（逐字保存）', params: IdParams, response: { 200: PlanSourceSchema, ...errors } } },
    (request) => plans.source(request.auth, request.params.id),
  );

  api.post(
    '/plans/preview',
    { schema: { tags: ['plans'], summary: '预览规划导入（不写入）', ...uploadDoc, response: { 200: PlanPreviewSchema, ...errors } } },
    async (request) => {
      await plans.assertUploader(request.auth);
      return plans.preview(request.auth, await readUpload(request));
    },
  );

  api.post(
    '/plans/import',
    { schema: { tags: ['plans'], summary: '导入规划（同一事务内保存；重复导入不产生变化）', ...uploadDoc, response: { 200: PlanImportSchema, ...errors } } },
    async (request) => {
      await plans.assertUploader(request.auth);
      return plans.import(request.auth, await readUpload(request));
    },
  );

  api.patch(
    '/goals/:id',
    { schema: { tags: ['plans'], summary: '标记主要目标为定性目标', params: IdParams, body: GoalPatch, response: { 200: GoalSchema, ...errors } } },
    (request) => plans.setGoalQualitative(request.auth, request.params.id, request.body.qualitative),
  );

  api.post(
    '/goals/:id/targets',
    { schema: { tags: ['plans'], summary: '为主要目标添加指标目标', params: IdParams, body: TargetInput, response: { 200: TargetSchema, ...errors } } },
    (request) => plans.addTarget(request.auth, request.params.id, request.body),
  );

  api.patch(
    '/targets/:id',
    { schema: { tags: ['plans'], summary: '人工修正指标目标', params: IdParams, body: TargetInput, response: { 200: TargetSchema, ...errors } } },
    (request) => plans.updateTarget(request.auth, request.params.id, request.body),
  );

  api.delete(
    '/targets/:id',
    { schema: { tags: ['plans'], summary: '删除指标目标', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await plans.deleteTarget(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/plans/:id/versions',
    { schema: { tags: ['plans'], summary: '规划版本历史：每次导入的时间、导入人、原文哈希与改动', params: IdParams, response: { 200: z.array(PlanVersionSchema), ...errors } } },
    (request) => plans.versions(request.auth, request.params.id),
  );

  api.get(
    '/plans/:id/link-flags',
    { schema: { tags: ['plans'], summary: '规划修订后待处理的指标关联事项（目标冲突、目标已删除）', params: IdParams, response: { 200: z.array(LinkFlagSchema), ...errors } } },
    (request) => plans.flags(request.auth, { planId: request.params.id }),
  );

  api.get(
    '/indicators/:id/link-flags',
    { schema: { tags: ['plans'], summary: '指标的待处理关联事项', params: IdParams, response: { 200: z.array(LinkFlagSchema), ...errors } } },
    (request) => plans.flags(request.auth, { indicatorId: request.params.id }),
  );

  api.get(
    '/indicators/:id/plan-targets',
    { schema: { tags: ['plans'], summary: '各级规划为该指标设定的目标（按单位）', params: IdParams, response: { 200: z.array(IndicatorPlanTargetSchema), ...errors } } },
    (request) => plans.targetsOfIndicator(request.auth, request.params.id),
  );

  api.post(
    '/plan-link-flags/:id/resolve',
    {
      schema: {
        tags: ['plans'], summary: '处理一个关联事项：保留现状（keep）或采用修订后的规划值（accept，仅目标冲突）', params: IdParams, body: FlagResolveBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await plans.resolveFlag(request.auth, request.params.id, request.body.action);
      return reply.status(204).send(null);
    },
  );
}

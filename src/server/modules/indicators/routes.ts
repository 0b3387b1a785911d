import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  CandidateSchema, GenerateBody, GenerateResultSchema, ImportResultSchema, IndicatorInput, IndicatorMetaSchema, IndicatorSchema,
} from '../../../shared/api/indicators';
import { appError } from '../../errors';
import { sendDownload, XLSX_TYPE } from '../../http/download';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['indicators'];

export async function indicatorsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const indicators = app.services.indicators;

  api.get('/indicators', { schema: { tags, summary: '指标字典', response: { 200: z.array(IndicatorSchema), ...errors } } }, (request) =>
    indicators.list(request.auth),
  );

  api.get(
    '/indicators/meta',
    { schema: { tags, summary: '可选的责任单位（成员单位简称）与已有数据元素', response: { 200: IndicatorMetaSchema, ...errors } } },
    (request) => indicators.meta(request.auth),
  );

  api.get(
    '/indicators/export.xlsx',
    { schema: { tags, summary: '导出指标字典（xlsx：指标、目标值两个工作表）', produces: [XLSX_TYPE] } },
    async (request, reply) => {
      const bytes = await indicators.exportXlsx(request.auth);
      const name = `指标字典-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'indicators.xlsx', fileName: name, body: bytes });
    },
  );

  api.post(
    '/indicators/import',
    {
      schema: {
        tags, summary: '导入指标字典（先校验整个文件，全部无误才在同一事务内按代码新增或更新）',
        consumes: ['multipart/form-data'], description: '表单字段：file（由“导出 xlsx”得到并编辑过的 .xlsx 文件）',
        response: { 200: ImportResultSchema, ...errors },
      },
    },
    async (request) => {
      await indicators.assertImporter(request.auth);
      const file = await request.file();
      if (!file) throw appError('UPLOAD_MISSING');
      return indicators.importXlsx(request.auth, await file.toBuffer());
    },
  );

  api.get('/indicators/:id', { schema: { tags, summary: '指标详情', params: IdParams, response: { 200: IndicatorSchema, ...errors } } }, (request) =>
    indicators.get(request.auth, request.params.id),
  );

  api.post('/indicators', { schema: { tags, summary: '新建指标', body: IndicatorInput, response: { 200: IndicatorSchema, ...errors } } }, (request) =>
    indicators.create(request.auth, request.body),
  );

  api.put(
    '/indicators/:id',
    { schema: { tags, summary: '修改指标', params: IdParams, body: IndicatorInput, response: { 200: IndicatorSchema, ...errors } } },
    (request) => indicators.update(request.auth, request.params.id, request.body),
  );

  api.delete(
    '/indicators/:id',
    { schema: { tags, summary: '删除指标（已列入填报任务的不能删除）', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await indicators.remove(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/plans/:id/indicator-candidates',
    { schema: { tags, summary: '规划中的量化指标及其是否已生成指标', params: IdParams, response: { 200: z.array(CandidateSchema), ...errors } } },
    (request) => indicators.candidates(request.auth, request.params.id),
  );

  api.post(
    '/plans/:id/indicators',
    {
      schema: {
        tags, summary: '从规划生成指标（所选目标或全部）：同名或别名且单位相同的已有指标直接关联，其余新建；有歧义的按 choices 选择', params: IdParams, body: GenerateBody,
        response: { 200: GenerateResultSchema, ...errors },
      },
    },
    (request) => indicators.generate(request.auth, request.params.id, request.body),
  );

  api.post(
    '/targets/:id/indicator',
    { schema: { tags, summary: '从一个规划目标生成指标', params: IdParams, response: { 200: IndicatorSchema, ...errors } } },
    (request) => indicators.generateOne(request.auth, request.params.id),
  );
}

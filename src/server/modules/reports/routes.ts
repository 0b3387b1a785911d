import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  EvaluationAdviceInput, EvaluationReportCreateInput, FindingEditInput, PublicReportSchema, RegenerateResultSchema, ReportActionInput, ReportCreateInput, ReportDocumentSchema, ReportSummarySchema,
} from '../../../shared/api/reports';
import { DOCX_TYPE, sendDownload, XLSX_TYPE } from '../../http/download';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema };
const tags = ['reports'];
const UnitQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });
const FindingParams = z.object({ id: z.coerce.number().int().positive(), indicatorId: z.coerce.number().int().positive() });

/** A stored file goes out through the attachment route, which checks the reader's right again. */
const redirectTo = (reply: FastifyReply, attachmentId: number) => reply.redirect(`/api/attachments/${attachmentId}`);

/** Reports as documents going out (annual monitoring reports, evaluation reports), and the 统计资料汇编. */
export async function reportsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { reportDocuments, reports } = app.services;

  api.get(
    '/reports',
    { schema: { tags, summary: '监测报告列表（可见单位的，按年度新的在前）', querystring: UnitQuery, response: { 200: z.array(ReportSummarySchema), ...errors } } },
    (request) => reportDocuments.list(request.auth, request.query.orgUnitId),
  );
  api.post(
    '/reports',
    { schema: { tags, summary: '按当前已审核数据生成年度统计监测报告草稿（数据在生成时冻结）', body: ReportCreateInput, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.create(request.auth, { unitId: request.body.orgUnitId, year: request.body.year, plan: request.body.plan }),
  );
  api.post(
    '/reports/evaluation',
    { schema: { tags, summary: '按一轮规划评估的自评和评审结果生成评估报告草稿（结果在生成时冻结）', body: EvaluationReportCreateInput, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.createEvaluation(request.auth, request.body.roundId),
  );
  api.get(
    '/reports/:id',
    { schema: { tags, summary: '一份监测报告：各条监测结果、修改、审核记录', params: IdParams, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.get(request.auth, request.params.id),
  );
  api.put(
    '/reports/:id/findings/:indicatorId',
    { schema: { tags, summary: '修改一条监测结果的文字或附注（text 为 null 时恢复生成的文字）', params: FindingParams, body: FindingEditInput, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.saveFinding(request.auth, request.params.id, request.params.indicatorId, request.body),
  );
  api.put(
    '/reports/:id/advice',
    { schema: { tags, summary: '修改评估报告的意见建议（advice 为 null 时恢复生成的文字）', params: IdParams, body: EvaluationAdviceInput, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.saveAdvice(request.auth, request.params.id, request.body),
  );
  api.post(
    '/reports/:id/regenerate',
    { schema: { tags, summary: '按最新数据重新生成草稿（数据有变化的条目恢复为生成的文字）', params: IdParams, response: { 200: RegenerateResultSchema, ...errors } } },
    (request) => reportDocuments.regenerate(request.auth, request.params.id),
  );
  api.post(
    '/reports/:id/steps',
    { schema: { tags, summary: '送审、审核通过、审定通过、退回修改（须说明理由）或发布', params: IdParams, body: ReportActionInput, response: { 200: ReportDocumentSchema, ...errors } } },
    (request) => reportDocuments.act(request.auth, request.params.id, request.body.action, request.body.comment),
  );
  api.delete(
    '/reports/:id',
    { schema: { tags, summary: '删除报告草稿', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await reportDocuments.remove(request.auth, request.params.id);
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/reports/:id/report.docx',
    { schema: { tags, summary: '下载 Word 版（已发布的为发布时的文件）', params: IdParams, produces: [DOCX_TYPE] } },
    async (request, reply) => {
      const file = await reportDocuments.docx(request.auth, request.params.id);
      if ('attachmentId' in file) return redirectTo(reply, file.attachmentId);
      return sendDownload(reply, { type: DOCX_TYPE, fallbackName: 'report.docx', fileName: file.fileName, body: file.bytes });
    },
  );
  api.get(
    '/reports/:id/report.pdf',
    { schema: { tags, summary: '下载 PDF 版（发布时由 LibreOffice 生成）', params: IdParams } },
    async (request, reply) => redirectTo(reply, (await reportDocuments.pdf(request.auth, request.params.id)).attachmentId),
  );
  api.get(
    '/reports/compilation.xlsx',
    {
      schema: {
        tags, summary: '统计资料汇编（xlsx）：每个指标 × 单位 × 年度，每个领域一张表',
        querystring: z.object({ orgUnitId: z.coerce.number().int().positive(), from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() }),
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await reports.compilationXlsx(request.auth, { unitId: request.query.orgUnitId, from: request.query.from, to: request.query.to });
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'compilation.xlsx', fileName, body: bytes });
    },
  );

  api.get(
    '/public/reports',
    {
      schema: {
        tags: ['public'], summary: '已发布的监测报告（单位及下级单位的）', description: '无需登录。',
        querystring: UnitQuery, response: { 200: z.array(PublicReportSchema), 400: ApiErrorSchema },
      },
    },
    (request) => reportDocuments.published(request.query.orgUnitId),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  AccessCodeSchema, BankInput, BankQuery, BankQuestionSchema, CodesInput, CopyInput, FeedInput, FeedSchema, PublicSurveySchema, ReportQuery, StatsQuery, SubmitInput, SurveyInput, SurveySchema, SurveySummarySchema,
} from '../../../shared/api/surveys';
import { DOCX_TYPE, XLSX_TYPE, sendDownload } from '../../http/download';
import { responsesCsv, responsesWorkbook, summaryWorkbook } from './exports';
import { BANK_LIMITS } from './bank';
import { regionLabels } from './context';
import { REPORT_LIMITS } from './report';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['surveys'];
const FeedParams = z.object({ id: z.coerce.number().int().positive(), feedId: z.coerce.number().int().positive() });
const PublicParams = z.object({ publicId: z.string().min(6).max(40) });

/** Per address: enough for a class answering on one school network, not for a script. */
export const SUBMIT_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;

/** The address people open (on a poster, in a message): the answering page of the survey. */
export const publicUrl = (req: FastifyRequest, publicId: string) => `${req.protocol}://${req.host}/s/${publicId}`;

export async function surveysRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { surveys, surveyFeeds, surveyAnswering, surveyBank } = app.services;

  api.get('/surveys', { schema: { tags, summary: '问卷列表', response: { 200: z.array(SurveySummarySchema), ...errors } } }, (req) => surveys.list(req.auth));
  api.post('/surveys', { schema: { tags, summary: '新建问卷', body: SurveyInput, response: { 200: SurveySchema, ...errors } } }, (req) => surveys.create(req.auth, req.body));
  api.get('/surveys/:id', { schema: { tags, summary: '问卷（含题目）', params: IdParams, response: { 200: SurveySchema, ...errors } } }, (req) => surveys.get(req.auth, req.params.id));
  api.get(
    '/surveys/:id/rights',
    { schema: { tags, summary: '当前用户对问卷的权限', params: IdParams, response: { 200: z.object({ manage: z.boolean(), read: z.boolean(), feed: z.boolean() }), ...errors } } },
    (req) => surveys.rights(req.auth, req.params.id),
  );
  api.put('/surveys/:id', { schema: { tags, summary: '修改问卷（已有答卷时不能删除题目或选项）', params: IdParams, body: SurveyInput, response: { 200: SurveySchema, ...errors } } }, (req) =>
    surveys.update(req.auth, req.params.id, req.body),
  );
  api.delete('/surveys/:id', { schema: { tags, summary: '删除没有答卷的问卷', params: IdParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await surveys.remove(req.auth, req.params.id);
    return reply.status(204).send(null);
  });
  api.post('/surveys/:id/copy', { schema: { tags, summary: '复制问卷，或生成儿童版/成人版', params: IdParams, body: CopyInput, response: { 200: SurveySchema, ...errors } } }, (req) =>
    surveys.copy(req.auth, req.params.id, req.body),
  );
  api.post('/surveys/:id/publish', { schema: { tags, summary: '发布（开始收集）', params: IdParams, response: { 200: SurveySchema, ...errors } } }, (req) => surveys.setStatus(req.auth, req.params.id, 'open'));
  api.post('/surveys/:id/close', { schema: { tags, summary: '结束收集', params: IdParams, response: { 200: SurveySchema, ...errors } } }, (req) => surveys.setStatus(req.auth, req.params.id, 'closed'));

  api.get('/surveys/:id/codes', { schema: { tags, summary: '一次性访问码', params: IdParams, response: { 200: z.array(AccessCodeSchema), ...errors } } }, (req) => surveys.codes(req.auth, req.params.id));
  api.post('/surveys/:id/codes', { schema: { tags, summary: '生成一次性访问码（每次最多 2000 个）', params: IdParams, body: CodesInput, response: { 200: z.array(AccessCodeSchema), ...errors } } }, (req) =>
    surveys.addCodes(req.auth, req.params.id, req.body),
  );

  api.get('/surveys/:id/stats', { schema: { tags, summary: '统计：每题计数、比例、图表数据，交叉分析与筛选', params: IdParams, querystring: StatsQuery } }, (req) =>
    surveys.stats(req.auth, req.params.id, req.query),
  );

  api.get('/surveys/:id/qr.:format', { schema: { tags, summary: '问卷链接二维码（png 或 svg）', params: IdParams.extend({ format: z.enum(['png', 'svg']) }), produces: ['image/png', 'image/svg+xml'] } }, async (req, reply) => {
    const { row } = await surveys.exportData(req.auth, req.params.id);
    const url = publicUrl(req, row.public_id);
    const name = `${row.title}-二维码.${req.params.format}`;
    if (req.params.format === 'svg') {
      return sendDownload(reply, { type: 'image/svg+xml; charset=utf-8', fallbackName: `survey-${row.id}-qr.svg`, fileName: name, body: await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) });
    }
    return sendDownload(reply, { type: 'image/png', fallbackName: `survey-${row.id}-qr.png`, fileName: name, body: await QRCode.toBuffer(url, { type: 'png', width: 1024, margin: 2, errorCorrectionLevel: 'M' }) });
  });

  api.get(
    '/surveys/:id/responses.:format',
    { schema: { tags, summary: '原始答卷（xlsx：文字与编码两张表；csv：as=labels 或 codes）', params: IdParams.extend({ format: z.enum(['xlsx', 'csv']) }), querystring: z.object({ as: z.enum(['labels', 'codes']).default('labels') }) } },
    async (req, reply) => {
      const { row, definition, regions, responses } = await surveys.exportData(req.auth, req.params.id);
      const labels = regionLabels({ regions });
      const rows = responses.map((r) => ({ id: r.id, submittedAt: r.submitted_at, answers: JSON.parse(r.answers) }));
      if (req.params.format === 'csv') {
        return sendDownload(reply, { type: 'text/csv; charset=utf-8', fallbackName: `survey-${row.id}.csv`, fileName: `${row.title}-答卷.csv`, body: responsesCsv(definition, labels, rows, req.query.as === 'codes' ? 'code' : 'label') });
      }
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `survey-${row.id}.xlsx`, fileName: `${row.title}-答卷.xlsx`, body: await responsesWorkbook(definition, labels, rows) });
    },
  );

  api.get('/surveys/:id/summary.xlsx', { schema: { tags, summary: '统计汇总表（xlsx）', params: IdParams, querystring: StatsQuery } }, async (req, reply) => {
    const stats = await surveys.stats(req.auth, req.params.id, req.query);
    const { row } = await surveys.exportData(req.auth, req.params.id);
    return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `survey-${row.id}-summary.xlsx`, fileName: `${row.title}-统计汇总.xlsx`, body: await summaryWorkbook(row.title, stats.responses, stats.questions) });
  });

  api.get('/surveys/:id/report.docx', { schema: { tags, summary: `调查报告（docx，含图表；最多 ${REPORT_LIMITS.charts} 张图）`, params: IdParams, querystring: ReportQuery } }, async (req, reply) => {
    const { title, docx } = await surveys.report(req.auth, req.params.id, req.query);
    return sendDownload(reply, { type: DOCX_TYPE, fallbackName: `survey-${req.params.id}-report.docx`, fileName: `${title}-调查报告.docx`, body: docx });
  });

  api.get('/surveys/:id/feeds', { schema: { tags, summary: '指标对应关系及各单位待写入的值', params: IdParams, response: { 200: z.array(FeedSchema), ...errors } } }, (req) => surveyFeeds.list(req.auth, req.params.id));
  api.post('/surveys/:id/feeds', { schema: { tags, summary: '把一道题对应到指标', params: IdParams, body: FeedInput, response: { 200: z.array(FeedSchema), ...errors } } }, (req) =>
    surveyFeeds.create(req.auth, req.params.id, req.body),
  );
  api.delete('/surveys/:id/feeds/:feedId', { schema: { tags, summary: '删除指标对应关系（已写入的值保留）', params: FeedParams, response: { 200: z.array(FeedSchema), ...errors } } }, (req) =>
    surveyFeeds.remove(req.auth, req.params.id, req.params.feedId),
  );
  api.post('/surveys/:id/feeds/:feedId/write', { schema: { tags, summary: '按填报规则写入指标值（来源：问卷调查）', params: FeedParams, response: { 200: FeedSchema, ...errors } } }, (req) =>
    surveyFeeds.write(req.auth, req.params.id, req.params.feedId),
  );

  api.get('/survey-bank', { schema: { tags, summary: `题库：本单位保存的题目，按题目文字查找（最新的 ${BANK_LIMITS.searchResults} 道）`, querystring: BankQuery, response: { 200: z.array(BankQuestionSchema), ...errors } } }, (req) =>
    surveyBank.list(req.auth, req.query),
  );
  api.post('/survey-bank', { schema: { tags, summary: `把题目存入本单位题库（每单位最多 ${BANK_LIMITS.questionsPerUnit} 道）`, body: BankInput, response: { 200: BankQuestionSchema, ...errors } } }, (req) =>
    surveyBank.save(req.auth, req.body),
  );
  api.delete('/survey-bank/:id', { schema: { tags, summary: '从题库删除题目（已插入问卷的副本不受影响）', params: IdParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await surveyBank.remove(req.auth, req.params.id);
    return reply.status(204).send(null);
  });

  const note = '无需登录。不记录 IP 地址或个人信息。';
  api.get('/public/surveys/:publicId', { schema: { tags: ['public'], summary: '答题页用的问卷', description: note, params: PublicParams, response: { 200: PublicSurveySchema, ...errors } } }, (req) =>
    surveyAnswering.survey(req.params.publicId),
  );
  api.post(
    '/public/surveys/:publicId/responses',
    {
      config: { rateLimit: SUBMIT_RATE_LIMIT },
      schema: { tags: ['public'], summary: '提交答卷（同一浏览器一次；重试用同一 idempotencyKey）', description: `${note}每个地址每分钟最多 ${SUBMIT_RATE_LIMIT.max} 次。`, params: PublicParams, body: SubmitInput, response: { 200: z.object({ received: z.literal(true), repeated: z.boolean() }), ...errors, 410: ApiErrorSchema, 429: ApiErrorSchema } },
    },
    (req) => surveyAnswering.submit(req.params.publicId, req.body),
  );
}

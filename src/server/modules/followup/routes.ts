import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { AnswerBody, AssignBody, FollowupDetailSchema, FollowupListQuery, FollowupSchema, FollowupWarningListSchema, FollowupWarningsQuery, ReviewBody } from '../../../shared/api/followup';
import { sendDownload, XLSX_TYPE } from '../../http/download';
import { warningsWorkbook } from './warningsXlsx';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['followup'];

export async function followupRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const followups = app.services.followups;

  api.get(
    '/followup/warnings',
    {
      schema: {
        tags, summary: '预警列表（含整改状态），可按类型、单位、指标、成员单位、整改状态筛选',
        querystring: FollowupWarningsQuery, response: { 200: FollowupWarningListSchema, ...errors },
      },
    },
    (req) => followups.warnings(req.auth, req.query),
  );

  api.get(
    '/followup/warnings.xlsx',
    { schema: { tags, summary: '导出预警列表（xlsx，与页面相同的筛选）', querystring: FollowupWarningsQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const list = await followups.warnings(req.auth, req.query);
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'warnings.xlsx', fileName: `${list.orgUnit.name}-预警.xlsx`, body: await warningsWorkbook(list) });
    },
  );

  api.post(
    '/followup/assign',
    {
      schema: {
        tags, summary: '把预警交成员单位整改（可批量；不指定成员单位时交各自的责任成员单位）',
        body: AssignBody, response: { 200: z.object({ assigned: z.array(z.number()) }), ...errors },
      },
    },
    (req) => followups.assign(req.auth, req.body),
  );

  api.get(
    '/followups',
    { schema: { tags, summary: '预警整改清单（办公室：本级及下级；成员单位：本单位承办的）', querystring: FollowupListQuery, response: { 200: z.array(FollowupSchema), ...errors } } },
    (req) => followups.list(req.auth, req.query),
  );

  api.get(
    '/followups/:id',
    { schema: { tags, summary: '整改详情与办理记录', params: IdParams, response: { 200: FollowupDetailSchema, ...errors } } },
    (req) => followups.detail(req.auth, req.params.id),
  );

  api.post(
    '/followups/:id/answer',
    { schema: { tags, summary: '成员单位答复：原因、措施、预计达标日期', params: IdParams, body: AnswerBody, response: { 200: FollowupDetailSchema, ...errors } } },
    (req) => followups.act(req.auth, req.params.id, 'answer', { answer: req.body }),
  );

  for (const [action, summary] of [
    ['accept', '办公室采纳答复'],
    ['return', '办公室退回答复（须填写意见）'],
    ['close', '办公室关闭整改'],
  ] as const) {
    api.post(
      `/followups/:id/${action}`,
      { schema: { tags, summary, params: IdParams, body: ReviewBody, response: { 200: FollowupDetailSchema, ...errors } } },
      (req) => followups.act(req.auth, req.params.id, action, { comment: req.body.comment || undefined }),
    );
  }
}

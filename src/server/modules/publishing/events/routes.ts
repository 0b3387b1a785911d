import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { requireAuth } from '../../auth/access';
import { EventImportResultSchema, EventImportSchema, EventSchema, EventUpdateSchema } from '../../../../shared/api/publishing';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
const tags = ['publishing'];

/** The office's 大事记: list, edit one, import a text (with a preview first, as the CLI's --dry-run). */
export async function eventsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const events = app.services.events;

  api.get(
    '/publishing/events',
    { schema: { tags, summary: '单位的大事记（编辑）', querystring: z.object({ orgUnitId: z.coerce.number().int().positive() }), response: { 200: z.array(EventSchema), ...errors } } },
    (req) => events.listForEditor(req.auth, req.query.orgUnitId),
  );
  api.put(
    '/publishing/events/:id',
    { schema: { tags, summary: '修改一条大事记（日期、标题、正文、相关指标与链接）', params: IdParams, body: EventUpdateSchema, response: { 200: EventSchema, ...errors } } },
    (req) => events.update(req.auth, req.params.id, req.body),
  );
  api.post(
    '/publishing/events/import',
    {
      schema: {
        tags, summary: '从文本导入大事记（dryRun 只解析、预览）', description: '文本格式同 halfsky publish import-events：编号标题、正文段落，跨页断开的句子自动接上；同一编号再次导入则更新。',
        body: EventImportSchema, response: { 200: EventImportResultSchema, ...errors },
      },
    },
    (req) => events.import(requireAuth(req.auth), req.body.orgUnitId, req.body.text, { dryRun: req.body.dryRun }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/api/common';
import { MAX_NOTIFICATION_PAGE, NOTIFICATION_KINDS } from './notifications';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema };
const tags = ['notifications'];

const CentreItem = z.object({ id: z.number(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() });
const Settings = z.object({ email: z.string().nullable(), emailEnabled: z.boolean(), smtpConfigured: z.boolean() });

export async function notificationCentreRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const centre = app.services.notificationCentre;

  api.get(
    '/notifications/centre',
    {
      schema: {
        tags, summary: '通知中心：我的全部通知（分页，可只看未读、按类别筛选）',
        querystring: z.object({
          filter: z.enum(['unread', 'all']).default('all'),
          kind: z.enum(NOTIFICATION_KINDS).optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(MAX_NOTIFICATION_PAGE).default(20),
        }),
        response: { 200: z.object({ items: z.array(CentreItem), total: z.number(), unread: z.number() }), ...errors },
      },
    },
    (req) => centre.list(req.auth, { unread: req.query.filter === 'unread', kind: req.query.kind, offset: req.query.offset, limit: req.query.limit }),
  );

  api.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标为已读', response: { 200: z.object({ marked: z.number() }), ...errors } } },
    (req) => centre.readAll(req.auth),
  );

  api.get('/notifications/settings', { schema: { tags, summary: '我的通知设置（邮箱、是否邮件提醒）', response: { 200: Settings, ...errors } } }, (req) => centre.settings(req.auth));

  api.put(
    '/notifications/settings',
    {
      schema: {
        tags, summary: '修改我的通知设置',
        body: z.object({
          email: z.email('邮箱地址格式不正确').max(200, '邮箱地址不超过 200 个字符').nullable(),
          emailEnabled: z.boolean(),
        }),
        response: { 200: Settings, ...errors },
      },
    },
    (req) => centre.saveSettings(req.auth, req.body),
  );
}

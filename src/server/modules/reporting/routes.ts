import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  ActionBody, AuditEntrySchema, CompletenessSchema, OptionCodeSchema, GridSchema, NotificationSchema, SaveCellsBody, SaveResultSchema, SubmissionSchema, TaskCreateBody, TaskSchema,
  TaskOverlapQuery, TaskOverlapSchema,
} from '../../../shared/api/reporting';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['reporting'];

export async function reportingRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const reporting = app.services.reporting;

  api.get('/reporting/tasks', { schema: { tags, summary: '填报任务列表', response: { 200: z.array(TaskSchema), ...errors } } }, (req) =>
    reporting.listTasks(req.auth),
  );

  api.post(
    '/reporting/tasks',
    { schema: { tags, summary: '发布年度填报任务（按单位 × 责任成员单位生成填报表）', body: TaskCreateBody, response: { 200: TaskSchema, ...errors } } },
    (req) => reporting.createTask(req.auth, req.body),
  );

  api.get(
    '/reporting/tasks/overlaps',
    {
      schema: {
        tags, summary: '发布前检查：拟发布任务与已有任务重叠的指标与单位', querystring: TaskOverlapQuery,
        response: { 200: z.array(TaskOverlapSchema), ...errors },
      },
    },
    (req) =>
      reporting.overlaps(req.auth, req.query.year, req.query.indicatorIds.split(',').map(Number), req.query.orgUnitIds.split(',').map(Number)),
  );

  api.post(
    '/reporting/tasks/:id/close',
    { schema: { tags, summary: '关闭填报任务（不再接受填报，已提交的数据仍可审核）', params: IdParams, response: { 200: TaskSchema, ...errors } } },
    (req) => reporting.closeTask(req.auth, req.params.id),
  );

  api.delete(
    '/reporting/tasks/:id',
    { schema: { tags, summary: '删除尚无填报数据的任务', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await reporting.deleteTask(req.auth, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get('/reporting/tasks/:id', { schema: { tags, summary: '填报任务', params: IdParams, response: { 200: TaskSchema, ...errors } } }, (req) =>
    reporting.task(req.auth, req.params.id),
  );

  api.get(
    '/reporting/tasks/:id/completeness',
    { schema: { tags, summary: '填报进度：单位 × 成员单位的状态', params: IdParams, response: { 200: CompletenessSchema, ...errors } } },
    (req) => reporting.completeness(req.auth, req.params.id),
  );

  api.post(
    '/reporting/tasks/:id/remind',
    {
      schema: {
        tags, summary: '催报：通知尚未提交的填报员', params: IdParams,
        body: z.object({ submissionIds: z.array(z.number().int().positive()).optional() }),
        response: { 200: z.object({ submissions: z.number(), notified: z.number(), unstaffed: z.number() }), ...errors },
      },
    },
    (req) => reporting.remind(req.auth, req.params.id, req.body.submissionIds),
  );

  api.get(
    '/reporting/submissions',
    {
      schema: {
        tags, summary: '填报表列表（mine=true：我的填报任务）',
        querystring: z.object({ taskId: z.coerce.number().int().positive().optional(), mine: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(SubmissionSchema), ...errors },
      },
    },
    (req) => reporting.listSubmissions(req.auth, { taskId: req.query.taskId, mine: req.query.mine === 'true' }),
  );

  api.get(
    '/reporting/submissions/:id/grid',
    { schema: { tags, summary: '数据填报表：指标 × 分组，含上年值与校验结果', params: IdParams, response: { 200: GridSchema, ...errors } } },
    (req) => reporting.grid(req.auth, req.params.id),
  );

  api.put(
    '/reporting/submissions/:id/values',
    {
      schema: {
        tags, summary: '保存填报数据（乐观锁：expectedVersion 与当前版本不一致时拒绝，返回他人保存的值）',
        params: IdParams, body: SaveCellsBody, response: { 200: SaveResultSchema, ...errors },
      },
    },
    (req) => reporting.saveCells(req.auth, req.params.id, req.body.cells),
  );

  api.post(
    '/reporting/submissions/:id/actions',
    { schema: { tags, summary: '提交 / 审核上报 / 审核通过 / 退回 / 重新打开', params: IdParams, body: ActionBody, response: { 200: GridSchema, ...errors } } },
    (req) => reporting.act(req.auth, req.params.id, req.body.action, req.body.reason),
  );

  api.get(
    '/reporting/submissions/:id/events',
    {
      schema: {
        tags, summary: '填报表的审核记录', params: IdParams,
        response: {
          200: z.array(z.object({ id: z.number(), action: z.string(), from: z.string(), to: z.string(), comment: z.string().nullable(), at: z.string(), by: z.string().nullable() })),
          ...errors,
        },
      },
    },
    (req) => reporting.events(req.auth, req.params.id),
  );

  api.get(
    '/reporting/audit',
    {
      schema: {
        tags, summary: '数据修改记录：一个数据项（指定 dataElementId 与 option），或一个单位一年内的全部数据',
        querystring: z.object({
          orgUnitId: z.coerce.number().int().positive(),
          period: z.coerce.number().int(),
          dataElementId: z.coerce.number().int().positive().optional(),
          option: OptionCodeSchema.optional(),
        }),
        response: { 200: z.array(AuditEntrySchema), ...errors },
      },
    },
    (req) => reporting.audit(req.auth, req.query),
  );

  api.get('/notifications', { schema: { tags: ['notifications'], summary: '我的通知', response: { 200: z.array(NotificationSchema), ...errors } } }, (req) =>
    reporting.notifications(req.auth),
  );

  api.post(
    '/notifications/read',
    { schema: { tags: ['notifications'], summary: '标记为已读', body: z.object({ ids: z.array(z.number().int().positive()).min(1) }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await reporting.markRead(req.auth, req.body.ids);
      return reply.status(204).send(null);
    },
  );
}

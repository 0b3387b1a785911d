import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  ImportInput, ImportResultSchema, LinksInput, MoveInput, NewWorkPointInput, PreviewQuery, PreviewSchema, RecordInput, WorkPointInput, WorkPointsQuery, WorkPointsSchema,
} from '../../../shared/api/workPoints';
import { WORK_POINT_SHEET_ROWS } from '../../../shared/workitems/parseWorkPointRows';
import { appError } from '../../errors';
import { XLSX_TYPE, sendDownload } from '../../http/download';
import { workPointsXlsx } from './workPointsExport';
import { WORK_POINTS_FILE_LIMIT } from './workPointsFile';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['workitems'];
const Ok = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

/** The 工作要点 routes of the workitems module. */
export async function workPointsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { workPoints } = app.services;

  api.get('/workpoints', { schema: { tags, summary: '某单位某年度的工作要点（树）', querystring: WorkPointsQuery, response: { 200: WorkPointsSchema, ...errors } } }, (req) =>
    workPoints.list(req.auth, req.query),
  );
  api.post(
    '/workpoints/preview',
    {
      schema: {
        tags, summary: '识别工作要点文件（只预览，不保存）', consumes: ['multipart/form-data'], querystring: PreviewQuery, response: { 200: PreviewSchema, ...errors },
        description: `表单字段 file：.txt（UTF-8 或 GB18030）、.docx 或 .xlsx（第一个工作表，导出的格式或“序号/工作要点/责任单位/完成时限/实事项目”表，最多 ${WORK_POINT_SHEET_ROWS} 行），最大 ${WORK_POINTS_FILE_LIMIT / 1024 / 1024} MB、10 万字、300 条；粘贴的文字以 .txt 上传。`,
      },
    },
    async (req) => {
      const part = await req.file({ limits: { fileSize: WORK_POINTS_FILE_LIMIT } });
      if (!part) throw appError('UPLOAD_MISSING');
      if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw appError('UPLOAD_TOO_LARGE', `文件过大：工作要点最大 ${WORK_POINTS_FILE_LIMIT / 1024 / 1024} MB`);
      return workPoints.preview(req.auth, { fileName: part.filename, bytes, orgUnitId: req.query.orgUnitId, year: req.query.year });
    },
  );
  api.post('/workpoints/import', { schema: { tags, summary: '保存预览过的工作要点（替换该年度尚无备案、通报的全部条目）', body: ImportInput, response: { 200: ImportResultSchema, ...errors } } }, (req) =>
    workPoints.import(req.auth, req.body),
  );
  api.get('/workpoints/export.xlsx', { schema: { tags, summary: '导出工作要点（xlsx）', querystring: WorkPointsQuery } }, async (req, reply) => {
    const list = await workPoints.list(req.auth, req.query);
    const body = await workPointsXlsx({ unitName: list.orgUnit.name, year: list.year, points: list.points });
    return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `work-points-${list.year}.xlsx`, fileName: `${list.orgUnit.name}${list.year}年工作要点.xlsx`, body });
  });
  api.get('/workpoints/key-items', { schema: { tags, summary: '可关联的重要事项（同单位同年度）', querystring: z.object({ orgUnitId: z.coerce.number().int().positive(), year: z.coerce.number().int() }), response: { 200: z.array(z.object({ id: z.number(), no: z.number(), name: z.string() })), ...errors } } }, (req) =>
    workPoints.keyItemsFor(req.auth, req.query.orgUnitId, req.query.year),
  );
  api.post('/workpoints', { schema: { tags, summary: '新增一条工作要点', body: NewWorkPointInput, response: { 200: z.object({ id: z.number() }), ...errors } } }, (req) => workPoints.create(req.auth, req.body));
  api.put('/workpoints/:id', { schema: { tags, summary: '修改一条工作要点', params: IdParams, body: WorkPointInput, response: { 200: Ok, ...errors } } }, async (req) => {
    await workPoints.update(req.auth, req.params.id, req.body);
    return ok;
  });
  api.post('/workpoints/:id/move', { schema: { tags, summary: '上移或下移', params: IdParams, body: MoveInput, response: { 200: Ok, ...errors } } }, async (req) => {
    await workPoints.move(req.auth, req.params.id, req.body.direction);
    return ok;
  });
  api.delete('/workpoints/:id', { schema: { tags, summary: '删除一条工作要点（及其下级；已有备案、通报或关联的不能删除）', params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await workPoints.remove(req.auth, req.params.id);
    return ok;
  });
  api.post('/workpoints/:id/records', { schema: { tags, summary: '登记实事项目的备案或通报', params: IdParams, body: RecordInput, response: { 200: Ok, ...errors } } }, async (req) => {
    await workPoints.record(req.auth, req.params.id, req.body);
    return ok;
  });
  api.put('/workpoints/:id/key-items', { schema: { tags, summary: '关联落实该条的重要事项', params: IdParams, body: LinksInput, response: { 200: Ok, ...errors } } }, async (req) => {
    await workPoints.link(req.auth, req.params.id, req.body.keyItemIds);
    return ok;
  });
}

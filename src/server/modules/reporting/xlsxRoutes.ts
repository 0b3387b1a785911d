import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { XlsxUploadResultSchema } from '../../../shared/api/reporting';
import { appError } from '../../errors';
import { reportingXlsxService, type UploadFile } from './xlsx/service';
import { sendDownload, XLSX_TYPE } from '../../http/download';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 413: ApiErrorSchema };
const tags = ['reporting'];

const DryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });
const uploadDoc = {
  consumes: ['multipart/form-data'],
  description:
    '表单字段：file（本系统下载的 .xlsx 填报模板）。全部单元格无误才在同一事务内保存，否则不保存任何数据并返回错误清单（details：path 为“工作表!单元格”）。' +
    '空白单元格不修改已有数据，填写“删除”删除已有数据。dryRun=true 时只检查不保存。',
};

async function readFile(request: FastifyRequest): Promise<UploadFile> {
  const part = await request.file();
  if (!part) throw appError('UPLOAD_MISSING');
  if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
  return { fileName: part.filename, bytes: await part.toBuffer() };
}

function sendXlsx(reply: FastifyReply, file: { fileName: string; bytes: Buffer }) {
  return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'template.xlsx', fileName: file.fileName, body: file.bytes });
}

export async function reportingXlsxRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const xlsx = reportingXlsxService(app.services.db.kysely, app.services.reporting);

  api.get(
    '/reporting/submissions/:id/template.xlsx',
    { schema: { tags, summary: '下载填报模板（xlsx，含本填报表已有数据）', params: IdParams, produces: [XLSX_TYPE], response: errors } },
    async (request, reply) => sendXlsx(reply, await xlsx.submissionTemplate(request.auth, request.params.id)),
  );

  api.get(
    '/reporting/tasks/:id/template.xlsx',
    {
      schema: {
        tags, summary: '下载成员单位的填报模板（xlsx，每个填报单位一个工作表）', params: IdParams, produces: [XLSX_TYPE],
        querystring: z.object({ department: z.string().trim().min(1, '请指定成员单位（简称）') }),
        response: errors,
      },
    },
    async (request, reply) => sendXlsx(reply, await xlsx.taskTemplate(request.auth, request.params.id, request.query.department)),
  );

  api.post(
    '/reporting/submissions/:id/upload',
    { schema: { tags, summary: '上传填报模板（本填报表）', params: IdParams, querystring: DryRunQuery, ...uploadDoc, response: { 200: XlsxUploadResultSchema, ...errors } } },
    async (request) => {
      const target = { submissionId: request.params.id };
      await xlsx.assertUploader(request.auth, target);
      return xlsx.upload(request.auth, target, await readFile(request), request.query.dryRun === 'true');
    },
  );

  api.post(
    '/reporting/tasks/:id/upload',
    { schema: { tags, summary: '上传填报模板（本任务的一个或多个填报表）', params: IdParams, querystring: DryRunQuery, ...uploadDoc, response: { 200: XlsxUploadResultSchema, ...errors } } },
    async (request) => {
      const target = { taskId: request.params.id };
      await xlsx.assertUploader(request.auth, target);
      return xlsx.upload(request.auth, target, await readFile(request), request.query.dryRun === 'true');
    },
  );
}

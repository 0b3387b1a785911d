import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { AttachmentSchema } from '../../../shared/api/attachments';
import { appError } from '../../errors';
import { ACCEPTED_EXTENSIONS, ATTACHMENT_LIMITS } from './fileTypes';
import type { AttachmentRow } from './repository';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema };
const tags = ['attachments'];
/** Multipart framing around the file: boundaries and part headers. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const attachmentDto = (a: AttachmentRow) => ({ id: a.id, name: a.name, type: a.type, size: a.size, uploadedAt: a.uploadedAt, url: `/api/attachments/${a.id}` });

/** Upload and download of the shared attachment store; who may do either is the owning module's call. */
export async function attachmentsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const store = app.services.attachments;

  api.post(
    '/attachments',
    {
      schema: {
        tags, summary: '上传附件',
        description: `表单字段 file。按文件内容识别类型，只接受 ${ACCEPTED_EXTENSIONS.join('、')}；单个文件最大 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB。` +
          'ownerKind 为附件所属的记录类型（如 article），上传后随该记录保存才归属于它。',
        consumes: ['multipart/form-data'], querystring: z.object({ ownerKind: z.string().min(1) }), response: { 200: AttachmentSchema, ...errors },
      },
    },
    async (request) => {
      if (Number(request.headers['content-length'] ?? 0) > ATTACHMENT_LIMITS.maxBytes + MULTIPART_OVERHEAD) {
        throw appError('UPLOAD_TOO_LARGE', `文件过大：附件最大 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`);
      }
      const part = await request.file();
      if (!part) throw appError('UPLOAD_MISSING');
      if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
      return attachmentDto(await store.save(request.auth, { ownerKind: request.query.ownerKind, name: part.filename, body: part.file }));
    },
  );

  api.get(
    '/attachments/:id',
    { schema: { tags, summary: '下载附件（按所属记录的阅读权限）', params: IdParams } },
    async (request, reply) => {
      const { meta, stream, public: isPublic } = await store.open(request.auth, request.params.id);
      const inline = meta.type.startsWith('image/') || meta.type === 'application/pdf';
      return reply
        .header('content-type', meta.type)
        .header('content-length', meta.size)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${meta.hash}"`)
        .header('cache-control', isPublic ? 'public, max-age=3600' : 'private, no-store')
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
        .send(stream);
    },
  );
}

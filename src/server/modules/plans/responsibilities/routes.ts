import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import {
  DueInput, FileImplementationInput, ImplementationOverviewSchema, ImplementationPlanSchema, ImportResultSchema, ItemParams, ItemResponsibilitySchema,
  MyQuery, MyResponsibilitiesSchema, PlanResponsibilitiesSchema, ReturnImplementationInput, SetResponsibilityInput,
} from '../../../../shared/api/responsibilities';
import { RESPONSIBILITY_FILE_LIMIT, RESPONSIBILITY_ROW_LIMIT } from '../../../../shared/plans/responsibilityTable';
import { appError } from '../../../errors';
import { sendDownload, XLSX_TYPE } from '../../../http/download';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['plans'];
const LIMIT_TEXT = `${RESPONSIBILITY_FILE_LIMIT / 1024 / 1024} MB`;

async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  const part = await request.file({ limits: { fileSize: RESPONSIBILITY_FILE_LIMIT } });
  if (!part) throw appError('UPLOAD_MISSING');
  if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw appError('UPLOAD_TOO_LARGE', `文件过大：责任分解表最大 ${LIMIT_TEXT}`);
  return { fileName: part.filename, bytes };
}

export async function responsibilitiesRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { responsibilities, implementation, myResponsibilities } = app.services;

  api.get('/plans/:id/responsibilities', { schema: { tags, summary: '规划的责任分解：各目标、措施的牵头单位和配合单位', params: IdParams, response: { 200: PlanResponsibilitiesSchema, ...errors } } }, (req) =>
    responsibilities.ofPlan(req.auth, req.params.id),
  );
  api.put(
    '/plan-items/:kind/:id/responsibilities',
    { schema: { tags, summary: '设置一条目标（goal）或措施（measure）的牵头单位和配合单位', params: ItemParams, body: SetResponsibilityInput, response: { 200: ItemResponsibilitySchema, ...errors } } },
    (req) => responsibilities.set(req.auth, req.params.kind, req.params.id, req.body),
  );
  api.get('/plans/:id/responsibilities/template.xlsx', { schema: { tags, summary: '下载责任分解表模板（已列出规划的全部目标和措施及当前设置）', params: IdParams } }, async (req, reply) => {
    const { title, body } = await responsibilities.template(req.auth, req.params.id);
    return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `responsibilities-${req.params.id}.xlsx`, fileName: `${title}责任分解表.xlsx`, body });
  });
  api.post(
    '/plans/:id/responsibilities/import',
    {
      schema: {
        tags, summary: '导入责任分解表', consumes: ['multipart/form-data'], params: IdParams, response: { 200: ImportResultSchema, ...errors },
        description: `表单字段 file：.xlsx，最大 ${LIMIT_TEXT}、${RESPONSIBILITY_ROW_LIMIT} 行。列：领域、目标/措施编号、牵头单位、配合单位。有任何一行有误则整表不导入，错误逐条列出（工作表、行、列）。表中未列出的目标、措施保持原设置。`,
      },
    },
    async (req) => {
      // Rights first, before the upload is read.
      await responsibilities.assertImporter(req.auth, req.params.id);
      return responsibilities.import(req.auth, req.params.id, await readUpload(req));
    },
  );

  api.get('/my-responsibilities', { schema: { tags, summary: '我的责任目标：本成员单位牵头或配合的目标、措施及相关指标进展', querystring: MyQuery, response: { 200: MyResponsibilitiesSchema, ...errors } } }, (req) =>
    myResponsibilities.of(req.auth, req.query.departmentId),
  );

  api.put('/plans/:id/implementation-due', { schema: { tags, summary: '设置成员单位报送实施方案的截止日期', params: IdParams, body: DueInput, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await implementation.setDue(req.auth, req.params.id, req.body.dueOn);
    return reply.code(204).send(null);
  });
  api.get('/plans/:id/implementation-plans', { schema: { tags, summary: '实施方案报送情况：已报送、逾期、已接收、已退回', params: IdParams, response: { 200: ImplementationOverviewSchema, ...errors } } }, (req) =>
    implementation.overview(req.auth, req.params.id),
  );
  api.post('/plans/:id/implementation-plans', { schema: { tags, summary: '成员单位报送实施方案（正文和附件）', params: IdParams, body: FileImplementationInput, response: { 200: ImplementationPlanSchema, ...errors } } }, (req) =>
    implementation.file(req.auth, req.params.id, req.body),
  );
  api.post('/implementation-plans/:id/accept', { schema: { tags, summary: '接收实施方案', params: IdParams, response: { 200: ImplementationPlanSchema, ...errors } } }, (req) =>
    implementation.accept(req.auth, req.params.id),
  );
  api.post('/implementation-plans/:id/return', { schema: { tags, summary: '退回实施方案并说明理由', params: IdParams, body: ReturnImplementationInput, response: { 200: ImplementationPlanSchema, ...errors } } }, (req) =>
    implementation.return(req.auth, req.params.id, req.body.reason),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { FormSchema, MyFormSchema, RemindInput, ReturnInput, RoundInput, RoundListSchema, RoundSchema, RoundsQuery, SaveFormInput, SubmitInput } from '../../../shared/api/unitreports';
import { sendDownload, XLSX_TYPE } from '../../http/download';
import { buildDocx } from '../../services/documents';
import { compiledSpec, compiledTitle, submissionsXlsx } from './compile';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema };
const tags = ['unitreports'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Member units' annual reports: rounds, forms, the office's decisions, the compilation. */
export async function unitReportsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { unitReports } = app.services;

  api.get('/unitreports/rounds', { schema: { tags, summary: '某单位妇儿工委的年度报告轮次（各状态计数、逾期数）', querystring: RoundsQuery, response: { 200: RoundListSchema, ...errors } } }, (req) =>
    unitReports.listRounds(req.auth, req.query),
  );
  api.post('/unitreports/rounds', { schema: { tags, summary: '发起某年度的年度报告（全体成员单位和下级妇儿工委）', body: RoundInput, response: { 200: RoundSchema, ...errors } } }, (req) =>
    unitReports.openRound(req.auth, req.body),
  );
  api.get('/unitreports/rounds/:id', { schema: { tags, summary: '年度报告轮次及各报送单位的状态', params: IdParams, response: { 200: RoundSchema, ...errors } } }, (req) =>
    unitReports.getRound(req.auth, req.params.id),
  );
  api.post('/unitreports/rounds/:id/remind', { schema: { tags, summary: '催报（未提交和被退回的单位，或所选单位）', params: IdParams, body: RemindInput, response: { 200: z.object({ reminded: z.number() }), ...errors } } }, (req) =>
    unitReports.remind(req.auth, req.params.id, req.body.formIds),
  );
  api.get('/unitreports/rounds/:id/compiled.docx', { schema: { tags, summary: '已接收报告汇编（.docx，按领域、再按单位）', params: IdParams } }, async (req, reply) => {
    const input = await unitReports.compileData(req.auth, req.params.id, { requireAccepted: true });
    const body = await buildDocx(compiledSpec(input));
    return sendDownload(reply, { type: DOCX_TYPE, fallbackName: `unit-reports-${input.year}.docx`, fileName: `${compiledTitle(input)}.docx`, body });
  });
  api.get('/unitreports/rounds/:id/submissions.xlsx', { schema: { tags, summary: '报送情况表（.xlsx：单位、状态、提交和接收日期、逾期天数）', params: IdParams } }, async (req, reply) => {
    const input = await unitReports.compileData(req.auth, req.params.id, { requireAccepted: false });
    return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `unit-reports-${input.year}.xlsx`, fileName: `${input.unitName}${input.year}年度报告报送情况.xlsx`, body: await submissionsXlsx(input) });
  });

  api.get('/unitreports/forms/mine', { schema: { tags, summary: '我要填报的年度报告', response: { 200: z.array(MyFormSchema), ...errors } } }, (req) => unitReports.myForms(req.auth));
  api.get('/unitreports/forms/:id', { schema: { tags, summary: '一份年度报告：按规划领域列出的责任指标及其最新值和进展、填写内容、附件、办理过程', params: IdParams, response: { 200: FormSchema, ...errors } } }, (req) =>
    unitReports.getForm(req.auth, req.params.id),
  );
  api.put('/unitreports/forms/:id', { schema: { tags, summary: '保存草稿（须带读取时的 version，他人已修改时 409）', params: IdParams, body: SaveFormInput, response: { 200: FormSchema, ...errors } } }, (req) =>
    unitReports.saveForm(req.auth, req.params.id, req.body),
  );
  api.post('/unitreports/forms/:id/submit', { schema: { tags, summary: '提交年度报告', params: IdParams, body: SubmitInput, response: { 200: FormSchema, ...errors } } }, (req) =>
    unitReports.submit(req.auth, req.params.id, req.body.version),
  );
  api.post('/unitreports/forms/:id/accept', { schema: { tags, summary: '接收年度报告（办公室）', params: IdParams, response: { 200: FormSchema, ...errors } } }, (req) =>
    unitReports.decide(req.auth, req.params.id, { action: 'accept' }),
  );
  api.post('/unitreports/forms/:id/return', { schema: { tags, summary: '退回年度报告并说明原因（办公室）', params: IdParams, body: ReturnInput, response: { 200: FormSchema, ...errors } } }, (req) =>
    unitReports.decide(req.auth, req.params.id, { action: 'return', reason: req.body.reason }),
  );
}

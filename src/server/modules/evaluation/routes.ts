import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { CandidatesSchema, CreateRoundInput, FormSchema, ResultsSchema, ReviewFormInput, RoundDetailSchema, RoundSummarySchema, SaveFormInput } from '../../../shared/api/evaluation';
import { sendDownload } from '../../http/download';
import { evaluationReportDocx } from './report';
import { evaluatorRoutes } from './evaluators/routes';
import { siteCheckRoutes } from './siteChecks/routes';
import { weightRoutes } from './weights/routes';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['evaluation'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { evaluationRounds: rounds, evaluationForms: forms } = app.services;

  api.get('/evaluation/candidates', { schema: { tags, summary: '某规划可参评的成员单位和下级妇儿工委', querystring: z.object({ planId: z.coerce.number().int().positive() }), response: { 200: CandidatesSchema, ...errors } } }, (req) =>
    rounds.candidates(req.auth, req.query.planId),
  );
  api.get('/evaluation/rounds', { schema: { tags, summary: '当前用户参与或负责的中期、终期评估', response: { 200: z.array(RoundSummarySchema), ...errors } } }, (req) => rounds.list(req.auth));
  api.post('/evaluation/rounds', { schema: { tags, summary: '发起中期或终期评估（评估内容与分值、时间安排、参评单位）', body: CreateRoundInput, response: { 200: RoundDetailSchema, ...errors } } }, (req) =>
    rounds.create(req.auth, req.body),
  );
  api.get('/evaluation/rounds/:id', { schema: { tags, summary: '一次评估及当前用户可见的自评表', params: IdParams, response: { 200: RoundDetailSchema, ...errors } } }, (req) => rounds.get(req.auth, req.params.id));
  api.post('/evaluation/rounds/:id/close', { schema: { tags, summary: '结束评估（全部自评表评审后）：此后自评表、督导检查和第三方评分均为只读', params: IdParams, response: { 200: RoundDetailSchema, ...errors } } }, (req) =>
    rounds.close(req.auth, req.params.id),
  );
  api.get('/evaluation/rounds/:id/results', { schema: { tags, summary: '评估结果：目标达标情况、达标率、单位得分与排名、未达标目标及整改', params: IdParams, response: { 200: ResultsSchema, ...errors } } }, (req) =>
    rounds.results(req.auth, req.params.id),
  );
  api.get('/evaluation/rounds/:id/report.docx', { schema: { tags, summary: '评估报告（.docx）：评估依据和方法、总体评价、各领域目标达标情况、单位得分、问题和建议', params: IdParams } }, async (req, reply) => {
    const done = await evaluationReportDocx({ db: app.services.db.kysely, orgs: app.services.orgs, attachments: app.services.attachments }, req.auth, { roundId: req.params.id });
    return sendDownload(reply, { type: DOCX_TYPE, fallbackName: `evaluation-${req.params.id}.docx`, fileName: done.fileName, body: done.bytes });
  });
  api.get('/evaluation/forms/:id', { schema: { tags, summary: '一份自评表（含数据给出的达标建议）', params: IdParams, response: { 200: FormSchema, ...errors } } }, (req) => forms.get(req.auth, req.params.id));
  api.put('/evaluation/forms/:id', { schema: { tags, summary: '保存或提交自评（submit=true 时须填写完整）', params: IdParams, body: SaveFormInput, response: { 200: FormSchema, ...errors } } }, (req) =>
    forms.save(req.auth, req.params.id, req.body),
  );
  api.post('/evaluation/forms/:id/review', { schema: { tags, summary: '评估组评审打分，或退回补充材料', params: IdParams, body: ReviewFormInput, response: { 200: FormSchema, ...errors } } }, (req) =>
    forms.review(req.auth, req.params.id, req.body),
  );
  await siteCheckRoutes(app);
  await evaluatorRoutes(app);
  await weightRoutes(app);
}

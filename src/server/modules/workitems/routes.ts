import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  BulletinQuery, ImportQuery, ImportResultSchema, IndicatorSupervisionQuery, IndicatorSupervisionSchema, KeyItemListSchema, KeyItemSchema, KeyItemsQuery, ReportInput, SupervisionActionInput, SupervisionInput, SupervisionSchema, SupervisionsQuery,
} from '../../../shared/api/workitems';
import { beijingDate } from '../../../shared/workitems/status';
import { appError } from '../../errors';
import { DOCX_TYPE, XLSX_TYPE, sendDownload } from '../../http/download';
import { bulletinDocx, bulletinTitle, bulletinXlsx } from './bulletin';
import { KEY_ITEMS_FILE_LIMIT } from './keyItemsFile';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['workitems'];
/** workPoints: the 工作要点 points the item carries out (linked on the work points page). */
const ItemDetailSchema = z.object({ item: KeyItemSchema, canManage: z.boolean(), reportAs: z.array(z.number()), workPoints: z.array(z.object({ id: z.number(), title: z.string() })) });

async function readFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  const part = await request.file({ limits: { fileSize: KEY_ITEMS_FILE_LIMIT } });
  if (!part) throw appError('UPLOAD_MISSING');
  if (part.fieldname !== 'file') throw appError('VALIDATION_FAILED', `未知的上传字段“${part.fieldname}”，文件应放在字段 file 中`);
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw appError('UPLOAD_TOO_LARGE', `文件过大：重要事项表最大 ${KEY_ITEMS_FILE_LIMIT / 1024 / 1024} MB`);
  return { fileName: part.filename, bytes };
}

export async function workitemsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { keyItems, supervisions } = app.services;

  api.get('/workitems/key-items', { schema: { tags, summary: '重要事项（某单位某年度，含节点、进展和状态）', querystring: KeyItemsQuery, response: { 200: KeyItemListSchema, ...errors } } }, (req) =>
    keyItems.list(req.auth, req.query),
  );
  api.get('/workitems/key-items/:id', { schema: { tags, summary: '一项重要事项、当前用户可报送的成员单位及它落实的工作要点', params: IdParams, response: { 200: ItemDetailSchema, ...errors } } }, async (req) => {
    const detail = await keyItems.get(req.auth, req.params.id);
    return { ...detail, workPoints: await app.services.workPoints.pointsOfKeyItem(req.params.id) };
  });
  api.post(
    '/workitems/import',
    {
      schema: {
        tags, summary: '导入重要事项表（dryRun=true 只预览）', consumes: ['multipart/form-data'],
        description: `表单字段 file：制表符分隔的 .txt（UTF-8 或 GB18030，从 Word 表格复制）或 .xlsx，最大 ${KEY_ITEMS_FILE_LIMIT / 1024 / 1024} MB、500 项。保存时替换该单位该年度尚无进展和督办的全部事项。`,
        querystring: ImportQuery, response: { 200: ImportResultSchema, ...errors },
      },
    },
    async (req) => {
      // Rights first, before the upload is read.
      await keyItems.assertImporter(req.auth, req.query.orgUnitId);
      const file = await readFile(req);
      return keyItems.import(req.auth, { ...file, orgUnitId: req.query.orgUnitId, year: req.query.year, dryRun: req.query.dryRun === 'true' });
    },
  );
  api.post('/workitems/milestones/:id/reports', { schema: { tags, summary: '报送节点进展（数值、情况、佐证材料）', params: IdParams, body: ReportInput, response: { 200: ItemDetailSchema, ...errors } } }, async (req) => {
    const detail = await keyItems.report(req.auth, req.params.id, req.body);
    return { ...detail, workPoints: await app.services.workPoints.pointsOfKeyItem(detail.item.id) };
  });
  api.get('/workitems/bulletin.:format', { schema: { tags, summary: '半年、年终推进情况通报（docx 或 xlsx）', params: z.object({ format: z.enum(['docx', 'xlsx']) }), querystring: BulletinQuery } }, async (req, reply) => {
    const { unit, items } = await keyItems.bulletinData(req.auth, req.query);
    const ids = new Set(items.map((i) => i.id));
    const related = (await supervisions.list(req.auth, { state: 'all', orgUnitId: unit.id })).filter((s) => s.item && ids.has(s.item.id));
    const input = { unitName: unit.name, year: req.query.year, period: req.query.period, items, supervisions: related, issuedOn: beijingDate() };
    const name = bulletinTitle(input);
    if (req.params.format === 'docx') return sendDownload(reply, { type: DOCX_TYPE, fallbackName: `bulletin-${req.query.year}.docx`, fileName: `${name}.docx`, body: await bulletinDocx(input) });
    return sendDownload(reply, { type: XLSX_TYPE, fallbackName: `bulletin-${req.query.year}.xlsx`, fileName: `${name}.xlsx`, body: await bulletinXlsx(input) });
  });

  api.get('/supervisions', { schema: { tags, summary: '督办列表（默认未办结的）', querystring: SupervisionsQuery, response: { 200: z.array(SupervisionSchema), ...errors } } }, (req) =>
    supervisions.list(req.auth, req.query),
  );
  api.get('/supervisions/indicator', { schema: { tags, summary: '对某单位一项指标督办时的承办单位（本级成员单位、指标的责任单位、未办结的督办数）', querystring: IndicatorSupervisionQuery, response: { 200: IndicatorSupervisionSchema, ...errors } } }, (req) =>
    supervisions.indicatorContext(req.auth, req.query),
  );
  api.post('/supervisions', { schema: { tags, summary: '发出督办', body: SupervisionInput, response: { 200: SupervisionSchema, ...errors } } }, (req) => supervisions.issue(req.auth, req.body));
  api.get('/supervisions/:id', { schema: { tags, summary: '督办及其办理过程', params: IdParams, response: { 200: SupervisionSchema, ...errors } } }, (req) => supervisions.get(req.auth, req.params.id));
  api.post('/supervisions/:id/actions', { schema: { tags, summary: '答复（承办单位）、再次督办或办结（办公室）', params: IdParams, body: SupervisionActionInput, response: { 200: SupervisionSchema, ...errors } } }, (req) =>
    supervisions.act(req.auth, req.params.id, req.body),
  );
}

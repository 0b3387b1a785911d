import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndicatorAnalyticsSchema, PublicAreasSchema, PublicQuery } from '../../../../shared/api/analytics';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { sendDownload } from '../../../http/download';
import { toAdx, toSdmxCsv } from '../exchange/exchange';
import { ArticlePageSchema, EventSchema, PublicArticlesQuery, SearchResultSchema } from '../../../../shared/api/publishing';

const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema };
const tags = ['public'];
const note = '无需登录。只含标记为公开的指标和经统计监测组审核的数据。';

/** The public portal's API: no session, read-only. */
export async function publishingRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const publishing = app.services.publishing;

  api.get(
    '/public/units',
    { schema: { tags, summary: '公开数据的单位（市及各区县）', description: note, response: { 200: z.array(z.object({ id: z.number(), name: z.string(), level: z.string() })) } } },
    () => publishing.units(),
  );

  api.get(
    '/public/areas',
    { schema: { tags, summary: '按领域列出公开指标及其最新值与进展状态', description: note, querystring: PublicQuery, response: { 200: PublicAreasSchema, ...errors } } },
    (req) => publishing.areas(req.query.orgUnitId),
  );

  api.get(
    '/public/indicators/:id',
    {
      schema: { tags, summary: '公开指标：趋势、目标进展与元数据', description: note, params: IdParams, querystring: PublicQuery, response: { 200: IndicatorAnalyticsSchema, ...errors } },
    },
    (req) => publishing.indicator(req.params.id, req.query.orgUnitId),
  );

  api.get(
    '/public/data.sdmx.csv',
    { schema: { tags, summary: '公开数据（SDMX-CSV 2.0）', description: note, produces: ['application/vnd.sdmx.data+csv'] } },
    async (_req, reply) =>
      sendDownload(reply, { type: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8', fallbackName: 'halfsky-sdmx.csv', fileName: '公开监测数据-SDMX.csv', body: toSdmxCsv(await publishing.observations()) }),
  );

  api.get(
    '/public/data.adx.xml',
    { schema: { tags, summary: '公开数据（IHE ADX）', description: note, produces: ['application/adx+xml'] } },
    async (_req, reply) =>
      sendDownload(reply, { type: 'application/adx+xml; charset=utf-8', fallbackName: 'halfsky-adx.xml', fileName: '公开监测数据-ADX.xml', body: toAdx(await publishing.observations(), new Date().toISOString()) }),
  );

  const portal = app.services.portalArticles;
  const articleNote = '无需登录。只含已发布且已到发布时间的文章。';

  api.get(
    '/public/articles',
    {
      schema: {
        tags, summary: '公开文章列表（分页；市级首页含推荐的区县文章，置顶在前）', description: articleNote, querystring: PublicArticlesQuery,
        response: { 200: ArticlePageSchema, ...errors },
      },
    },
    (req) => portal.page(req.query),
  );

  api.get(
    '/public/events',
    { schema: { tags, summary: '大事记', description: '无需登录。', querystring: PublicQuery, response: { 200: z.array(EventSchema), ...errors } } },
    (req) => portal.events(req.query.orgUnitId),
  );

  api.get(
    '/public/search',
    {
      schema: {
        tags, summary: '全文检索文章与公开指标（中文按二元分词）', description: articleNote,
        querystring: z.object({ q: z.string().trim().min(1, '请输入检索词').max(100, '检索词最多 100 字') }), response: { 200: SearchResultSchema, ...errors },
      },
    },
    (req) => app.services.search.search(req.query.q),
  );
}

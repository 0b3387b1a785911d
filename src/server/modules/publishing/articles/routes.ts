import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../../shared/api/common';
import { ArticleActionSchema, ArticleInputSchema, ArticleListItemSchema, ArticleSchema, ArticleUpdateSchema, ArticleVersionSchema } from '../../../../shared/api/publishing';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };
const tags = ['publishing'];
const note = '妇儿工委办公室编辑本单位及下级单位的文章；正文 HTML 在服务端按白名单清理。';

/** The office's article editing: drafts, review, publishing, versions. */
export async function articlesRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const articles = app.services.articles;

  api.get('/publishing/articles', { schema: { tags, summary: '可编辑的文章', description: note, response: { 200: z.array(ArticleListItemSchema), ...errors } } }, (req) =>
    articles.list(req.auth),
  );
  api.post('/publishing/articles', { schema: { tags, summary: '新建文章（草稿）', description: note, body: ArticleInputSchema, response: { 200: ArticleSchema, ...errors } } }, (req) =>
    articles.create(req.auth, req.body),
  );
  api.get('/publishing/articles/:id', { schema: { tags, summary: '文章详情（编辑）', params: IdParams, response: { 200: ArticleSchema, ...errors } } }, (req) =>
    articles.get(req.auth, req.params.id),
  );
  api.put(
    '/publishing/articles/:id',
    { schema: { tags, summary: '保存文章（version 为读取时的版本，被他人修改过则 409）', description: note, params: IdParams, body: ArticleUpdateSchema, response: { 200: ArticleSchema, ...errors } } },
    (req) => articles.update(req.auth, req.params.id, req.body),
  );
  api.post(
    '/publishing/articles/:id/actions',
    {
      schema: {
        tags, summary: '文章流程操作：提交审核、退回、发布（发布时间在将来则定时发布）、撤下、置顶、推荐到上级首页',
        params: IdParams, body: ArticleActionSchema, response: { 200: ArticleSchema, ...errors },
      },
    },
    (req) => articles.act(req.auth, req.params.id, req.body.action, req.body.version),
  );
  api.get('/publishing/articles/:id/versions', { schema: { tags, summary: '文章的历史版本', params: IdParams, response: { 200: z.array(ArticleVersionSchema), ...errors } } }, (req) =>
    articles.versions(req.auth, req.params.id),
  );
}

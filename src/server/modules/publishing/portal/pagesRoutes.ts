import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../../shared/api/common';
import { renderArticlePage, renderAtomFeed } from './pages';

const FEED_ENTRIES = 30;

/** Server-rendered public pages outside /api: articles (for readers and search engines) and the Atom feed. */
export async function portalPagesRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const siteName = async () => `${(await app.services.publishing.units())[0]?.name ?? ''}妇女儿童工作委员会`;

  api.get('/portal/articles/:id', { schema: { tags: ['public'], summary: '文章页（服务端渲染的 HTML）', params: IdParams } }, async (req, reply) => {
    const article = await app.services.portalArticles.article(req.params.id);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(renderArticlePage(article, await siteName()));
  });

  api.get('/feed.xml', { schema: { tags: ['public'], summary: '最新文章（Atom 订阅）' } }, async (req, reply) => {
    const origin = `${req.protocol}://${req.host}`;
    const xml = renderAtomFeed(await app.services.portalArticles.latest(FEED_ENTRIES), await siteName(), origin);
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}

import type { Kysely, Transaction } from 'kysely';
import type { SearchResultDto } from '../../../../shared/api/publishing';
import { MAX_QUERY_TOKENS, queryTokens, tokenize } from '../../../../shared/search/tokens';
import type { Database } from '../../../db/schema';
import { articlesRepository, type ArticleRow } from '../articles/repository';
import { htmlToText } from '../articles/sanitize';
import { searchRepository } from './repository';

const MAX_RESULTS = 50;
const SNIPPET_CHARS = 80;

/** A piece of `text` around the first place the query occurs, or its start. */
export function snippetOf(text: string, query: string): string {
  const words = query.split(/\s+/).filter(Boolean);
  const at = Math.max(0, ...words.map((w) => text.indexOf(w)).filter((i) => i >= 0).slice(0, 1));
  const start = Math.max(0, at - SNIPPET_CHARS / 4);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + SNIPPET_CHARS)}${start + SNIPPET_CHARS < text.length ? '…' : ''}`;
}

const articleTokens = (a: ArticleRow) => tokenize([a.title, a.summary, htmlToText(a.bodyHtml), a.tags.replace(/,/g, ' ')].join(' '));

/**
 * Full-text search over published articles and public indicators with our CJK bigram tokens.
 * Articles are indexed when published and dropped when unpublished, in the same transaction;
 * indicators belong to another module, so their entries are brought up to date before each search.
 */
export function searchIndex(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  return {
    async indexArticle(trx: Transaction<Database>, article: ArticleRow): Promise<void> {
      await searchRepository(trx, dialect).put('article', article.id, articleTokens(article));
    },

    async removeArticle(trx: Transaction<Database>, id: number): Promise<void> {
      await searchRepository(trx, dialect).remove('article', id);
    },

    async syncIndicators(): Promise<void> {
      const published = await searchRepository(db, dialect).publishedIndicators();
      await db.transaction().execute(async (trx) => {
        const repo = searchRepository(trx, dialect);
        const current = new Map((await repo.entries('indicator')).map((e) => [e.refId, e.tokens]));
        for (const i of published) {
          const tokens = tokenize([i.name, i.code, i.definition ?? ''].join(' '));
          if (current.get(i.id) !== tokens.join(' ')) await repo.put('indicator', i.id, tokens);
          current.delete(i.id);
        }
        for (const id of current.keys()) await repo.remove('indicator', id);
      });
    },

    async search(query: string): Promise<SearchResultDto> {
      const tokens = queryTokens(query).slice(0, MAX_QUERY_TOKENS);
      if (!tokens.length) return { query, results: [] };
      await this.syncIndicators();
      const hits = await searchRepository(db, dialect).match(tokens, MAX_RESULTS * 2);
      const now = new Date().toISOString();
      const articles = await articlesRepository(db).visibleAmong(hits.filter((h) => h.kind === 'article').map((h) => h.refId), now);
      const indicatorIds = hits.filter((h) => h.kind === 'indicator').map((h) => h.refId);
      const indicators = indicatorIds.length ? await searchRepository(db, dialect).publishedIndicators(indicatorIds) : [];
      return {
        query,
        results: [
          ...articles
            .sort((a, b) => (b.publishAt ?? '').localeCompare(a.publishAt ?? ''))
            .map((a) => ({ kind: 'article' as const, id: a.id, title: a.title, snippet: snippetOf(htmlToText(a.bodyHtml) || a.summary, query), url: `/portal/articles/${a.id}`, date: a.publishAt })),
          ...indicators.map((i) => ({ kind: 'indicator' as const, id: i.id, title: i.name, snippet: i.definition ? snippetOf(i.definition, query) : '', url: `/portal/indicators/${i.id}`, date: null })),
        ].slice(0, MAX_RESULTS),
      };
    },
  };
}
export type SearchIndex = ReturnType<typeof searchIndex>;

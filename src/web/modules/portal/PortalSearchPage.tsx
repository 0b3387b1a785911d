import { Empty, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { localDate } from '../publishing/format';
import { publicUrls, type SearchResultDto } from './api';
import { SearchBox } from './SearchBox';

/** /portal/search?q=: published articles and public indicators that hold the words, Chinese found inside sentences. */
export default function PortalSearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const { data, error, loading, reload } = useApiGet<SearchResultDto>(q ? publicUrls.search(q.slice(0, 100)) : null);
  return (
    <>
      <PageHeader title="站内搜索" description="检索已发布的文章和公开的监测指标。" />
      <SearchBox key={q} initial={q} className="portal-search--page" />
      {!q ? null : error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <section aria-labelledby="search-results-h" className={loading ? 'is-reloading' : undefined} aria-busy={loading}>
          <h2 id="search-results-h" className="portal-search__count">
            “{data.query}”共找到 {data.results.length} 条结果
          </h2>
          {data.results.length === 0 ? (
            <Empty description="没有找到相关内容，请换个词试试" />
          ) : (
            <ol className="portal-results">
              {data.results.map((r) => (
                <li key={`${r.kind}-${r.id}`} className="portal-results__item">
                  <Tag color={r.kind === 'article' ? 'blue' : 'green'}>{r.kind === 'article' ? '文章' : '指标'}</Tag>
                  {r.kind === 'article' ? (
                    <a href={r.url} className="portal-results__title">{r.title}</a>
                  ) : (
                    <Link to={r.url} className="portal-results__title">{r.title}</Link>
                  )}
                  {r.date && <time className="portal-articles__date" dateTime={r.date}>{localDate(r.date)}</time>}
                  {r.snippet && <p className="portal-results__snippet">{r.snippet}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

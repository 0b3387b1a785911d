import { Empty, Pagination, Tag } from 'antd';
import { useState } from 'react';
import type { ArticleCategory } from '../../../../shared/api/publishing';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { localDate } from '../../publishing/format';
import { publicUrls, type ArticlePage } from '../api';

/**
 * A paged list of published articles of one category: newest first, pinned on top. Titles are
 * plain links to the server-rendered article pages (no script needed to read them). On the city's
 * home a district's article appears here once the city features it, with the district named.
 */
export function ArticleList({ orgUnitId, category, pageSize, withSummary, initialPage = 1, onPage }: {
  orgUnitId?: number; category: ArticleCategory; pageSize: number; withSummary?: boolean; initialPage?: number; onPage?: (page: number) => void;
}) {
  const [page, setPage] = useState(initialPage);
  const { data, error, loading, reload } = useApiGet<ArticlePage>(publicUrls.articles({ orgUnitId, category, page, pageSize }));
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  if (data.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无内容" />;
  return (
    <div className={loading ? 'is-reloading' : undefined} aria-busy={loading}>
      <ul className="portal-articles">
        {data.items.map((a) => (
          <li key={a.id} className="portal-articles__item">
            <div className="portal-articles__head">
              {a.pinned && <Tag color="red" className="portal-articles__tag">置顶</Tag>}
              {orgUnitId !== a.orgUnit.id && a.featured && <Tag color="blue" className="portal-articles__tag">{a.orgUnit.name}</Tag>}
              <a href={publicUrls.articlePage(a.id)} className="portal-articles__title">
                {a.title}
              </a>
              <time className="portal-articles__date" dateTime={a.publishAt ?? undefined}>
                {localDate(a.publishAt)}
              </time>
            </div>
            {withSummary && a.summary && <p className="portal-articles__summary">{a.summary}</p>}
            {a.isDemo && withSummary && <Tag className="portal-articles__tag">演示数据</Tag>}
          </li>
        ))}
      </ul>
      {data.total > pageSize && (
        <Pagination
          className="portal-articles__pages"
          size="small"
          current={page}
          pageSize={pageSize}
          total={data.total}
          showSizeChanger={false}
          onChange={(p) => {
            setPage(p);
            onPage?.(p);
          }}
        />
      )}
    </div>
  );
}

import { PlusOutlined, PushpinFilled } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, CATEGORY_LABELS, STATUS_LABELS, type ArticleCategory, type ArticleStatus } from '../../../shared/api/publishing';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiGet } from '../../http/useApiGet';
import { articleUrls, type ArticleListItem } from './api';
import { localTime } from './format';
import { ArticleStatusTag } from './StatusTag';
import './publishing.css';

/** The filters of the list, kept in the address so a filtered list can be bookmarked and shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]) => {
    const v = params.get(key);
    return allowed.includes(v as T) ? (v as T) : undefined;
  };
  const unit = params.get('unit');
  const filters = {
    category: pick<ArticleCategory>('category', ARTICLE_CATEGORIES),
    status: pick<ArticleStatus>('status', ARTICLE_STATUSES),
    unitId: unit && /^\d+$/.test(unit) ? Number(unit) : undefined,
    q: params.get('q') ?? '',
  };
  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  return { filters, set };
}

export default function ArticleListPage() {
  const { data, error, loading, reload } = useApiGet<ArticleListItem[]>(articleUrls.list);
  const { filters, set } = useFilters();
  const navigate = useNavigate();
  useDemoData(data?.some((a) => a.isDemo) ?? false);
  const units = useMemo(() => [...new Map((data ?? []).map((a) => [a.orgUnit.id, a.orgUnit.name])).entries()], [data]);
  const rows = useMemo(
    () =>
      (data ?? []).filter(
        (a) =>
          (!filters.category || a.category === filters.category) &&
          (!filters.status || a.status === filters.status) &&
          (!filters.unitId || a.orgUnit.id === filters.unitId) &&
          (!filters.q || a.title.includes(filters.q.trim())),
      ),
    [data, filters.category, filters.status, filters.unitId, filters.q],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;

  return (
    <>
      <PageHeader
        title="信息发布"
        description="工作动态、通知公告、政策文件和宣传资料：撰写、提交审核、发布到门户网站，置顶或推荐下级单位的文章。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/publishing/articles/new')}>
            新建文章
          </Button>
        }
      />
      <Space wrap className="list-filters" role="search" aria-label="筛选文章">
        <Select allowClear placeholder="全部栏目" aria-label="栏目" className="list-filters__select" value={filters.category} onChange={(v) => set('category', v)}
          options={ARTICLE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
        <Select allowClear placeholder="全部状态" aria-label="状态" className="list-filters__select" value={filters.status} onChange={(v) => set('status', v)}
          options={ARTICLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <Select allowClear placeholder="全部单位" aria-label="单位" className="list-filters__select" value={filters.unitId} onChange={(v) => set('unit', v)}
          options={units.map(([value, label]) => ({ value, label }))} />
        <Input.Search allowClear placeholder="按标题查找" aria-label="按标题查找" defaultValue={filters.q} onSearch={(v) => set('q', v)} className="list-filters__search" />
      </Space>
      <Table<ArticleListItem>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 篇` }}
        columns={[
          {
            title: '标题', dataIndex: 'title',
            render: (title: string, a) => (
              <>
                {a.pinned && <PushpinFilled className="article-pin" aria-label="置顶" />}
                <Link to={`/publishing/articles/${a.id}`}>{title}</Link>
                {a.featured && <Tag color="purple" className="article-list__tag">已推荐</Tag>}
                {a.isDemo && <Tag className="article-list__tag">演示数据</Tag>}
              </>
            ),
          },
          { title: '栏目', dataIndex: 'category', width: 100, render: (c: ArticleCategory) => CATEGORY_LABELS[c] },
          { title: '单位', dataIndex: ['orgUnit', 'name'], width: 110 },
          { title: '状态', key: 'status', width: 100, render: (_: unknown, a) => <ArticleStatusTag article={a} /> },
          { title: '发布时间', dataIndex: 'publishAt', width: 150, render: localTime },
          { title: '最后修改', dataIndex: 'updatedAt', width: 150, render: localTime },
        ]}
      />
    </>
  );
}

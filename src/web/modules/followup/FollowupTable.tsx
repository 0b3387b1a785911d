import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { WARNING_KIND_LABELS } from '../../../shared/api/analytics';
import type { FollowupDto } from './api';
import { FollowupStateTag } from './FollowupStateTag';

/** Follow-ups with their state, deadline and what the reader has to do. */
export function FollowupTable({ items, loading }: { items: FollowupDto[]; loading?: boolean }) {
  return (
    <Table<FollowupDto>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      aria-label="预警整改列表"
      locale={{ emptyText: '没有预警整改' }}
      columns={[
        { title: '预警', key: 'subject', render: (_, f) => <Link to={`/followups/${f.id}`}>{f.subject}</Link> },
        { title: '类型', key: 'kind', width: 110, render: (_, f) => WARNING_KIND_LABELS[f.kind] },
        { title: '单位', key: 'unit', width: 100, render: (_, f) => f.orgUnit.name },
        { title: '承办', key: 'dept', width: 100, render: (_, f) => f.department.name },
        { title: '期限', key: 'deadline', width: 110, render: (_, f) => f.deadline },
        { title: '状态', key: 'state', width: 170, render: (_, f) => <FollowupStateTag state={f.state} recovered={f.recovered} overdue={f.overdue} /> },
        { title: '待办', key: 'todo', width: 90, render: (_, f) => (f.actions.length ? <Link to={`/followups/${f.id}`}>{f.actions.includes('answer') ? '去答复' : '去办理'}</Link> : '—') },
      ]}
    />
  );
}

import { App, Button, Card, List, Segmented, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { queryString } from '../analytics/api';
import { noticeTime } from '../reporting/notifications/NotificationBell';

interface CentreItem { id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; read: boolean }
interface CentrePage { items: CentreItem[]; total: number; unread: number }

const KIND_LABELS: Record<string, string> = { workflow: '审核与催报', reminder: '自动提醒', followup: '预警整改' };
const PAGE_SIZE = 20;

/** 通知中心: every notification, unread or all, by kind, paged; open one to mark it read. */
export default function NotificationCentrePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'unread' | 'all'>('all');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiGet<CentrePage>(`/api/notifications/centre${queryString({ filter, kind, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })}`);
  const markRead = async (ids: number[]) => {
    if (ids.length) await api.post('/api/notifications/read', { ids });
    reload();
  };
  const readAll = async () => {
    const res = await api.post<{ marked: number }>('/api/notifications/read-all');
    message.success(`已将 ${res.marked} 条通知标为已读`);
    reload();
  };
  return (
    <>
      <PageHeader title="通知中心" description={<>审核、催报、自动提醒和预警整改的通知。邮件提醒可在<Link to="/account/notifications">通知设置</Link>中开启或关闭。</>} />
      <Card
        variant="borderless"
        className="content-card"
        title={data ? `通知（${data.total} 条，未读 ${data.unread} 条）` : '通知'}
        extra={
          <Space wrap>
            <Segmented value={filter} onChange={(v) => { setFilter(v as 'unread' | 'all'); setPage(1); }} options={[{ value: 'all', label: '全部' }, { value: 'unread', label: '未读' }]} aria-label="已读状态" />
            <Select allowClear placeholder="全部类别" value={kind} onChange={(v) => { setKind(v); setPage(1); }} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} style={{ width: 140 }} aria-label="通知类别" />
            <Button onClick={() => void readAll()} disabled={!data?.unread}>
              全部标为已读
            </Button>
          </Space>
        }
      >
        {error && !data ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <List<CentreItem>
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: filter === 'unread' ? '没有未读通知' : '暂无通知' }}
            aria-label="通知中心列表"
            pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
            renderItem={(n) => (
              <List.Item
                className={n.read ? '' : 'is-unread'}
                actions={[
                  !n.read && (
                    <Button key="read" type="link" size="small" onClick={() => void markRead([n.id])} aria-label={`标为已读：${n.title}`}>
                      标为已读
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {!n.read && <Tag color="red">未读</Tag>}
                      <Tag>{KIND_LABELS[n.kind] ?? n.kind}</Tag>
                      {n.link ? (
                        <a
                          href={n.link}
                          onClick={(e) => {
                            e.preventDefault();
                            if (!n.read) void markRead([n.id]);
                            navigate(n.link!);
                          }}
                        >
                          {n.title}
                        </a>
                      ) : (
                        n.title
                      )}
                    </Space>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <div className="text-faint">{noticeTime(n.createdAt)}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

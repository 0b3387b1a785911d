import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiTokenCreated, ApiTokenDto, ApiTokenStatus } from '../../../../shared/api/apiTokens';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import '../../../components/tables.css';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { isAdmin } from '../permissions';
import { useCurrentUser } from '../SessionContext';
import { tokensApi, tokenUrls } from './api';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenOnceModal } from './TokenOnceModal';
import './tokens.css';

const STATUS_TAGS: Record<ApiTokenStatus, { color: string; label: string }> = {
  active: { color: 'green', label: '有效' },
  expired: { color: 'default', label: '已过期' },
  revoked: { color: 'red', label: '已撤销' },
};

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** API 令牌: personal access tokens for scripts; an administrator may switch to everyone's. */
export default function ApiTokensPage() {
  const me = useCurrentUser();
  const admin = isAdmin(me);
  const { message } = App.useApp();
  const [all, setAll] = useState(false);
  const tokens = useApiGet<ApiTokenDto[]>(tokenUrls.list(all));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const revoke = async (token: ApiTokenDto) => {
    try {
      await tokensApi.revoke(token.id);
      message.success(`已撤销令牌“${token.name}”`);
      tokens.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<ApiTokenDto> = [
    { title: '名称', dataIndex: 'name', key: 'name', minWidth: 180 },
    { title: '令牌', key: 'prefix', width: 140, render: (_, t) => <span className="token-prefix">{t.prefix}…</span> },
    ...(all ? [{ title: '所属用户', key: 'owner', width: 220, render: (_: unknown, t: ApiTokenDto) => `${t.owner.displayName}（${t.owner.username}）` }] : []),
    { title: '创建时间', key: 'createdAt', width: 150, render: (_, t) => when(t.createdAt) },
    { title: '到期时间', key: 'expiresAt', width: 150, render: (_, t) => when(t.expiresAt) },
    { title: '最近使用', key: 'lastUsedAt', width: 150, render: (_, t) => (t.lastUsedAt ? when(t.lastUsedAt) : <span className="empty-hint">从未使用</span>) },
    { title: '状态', key: 'status', width: 90, render: (_, t) => <Tag color={STATUS_TAGS[t.status].color}>{STATUS_TAGS[t.status].label}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_, t) =>
        t.status === 'active' && (
          <Popconfirm
            title={`撤销令牌“${t.name}”？`}
            description="撤销后使用该令牌的脚本和系统将立即无法访问，且不能恢复。"
            okText="撤销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => revoke(t)}
          >
            <Button size="small" type="link" danger icon={<StopOutlined />} aria-label={`撤销 ${t.name}`}>
              撤销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="API 令牌"
        description={
          <>
            <div>脚本和其他系统（如 DHIS2 客户端）无需浏览器即可调用接口，拥有与您账号相同的权限。令牌必须设有效期，最长 1 年；不再使用请及时撤销。</div>
            <div className="token-usage">
              用法：在请求头中携带 <Typography.Text code>Authorization: ApiToken 令牌</Typography.Text>（或 <Typography.Text code>Bearer 令牌</Typography.Text>）。
            </div>
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            创建令牌
          </Button>
        }
      />
      <Card variant="borderless" className="content-card">
        {admin && (
          <Segmented
            className="token-filters"
            aria-label="令牌范围"
            value={all ? 'all' : 'mine'}
            onChange={(v) => setAll(v === 'all')}
            options={[
              { value: 'mine', label: '我的令牌' },
              { value: 'all', label: '全部用户的令牌' },
            ]}
          />
        )}
        {tokens.error ? (
          <LoadError error={tokens.error} onRetry={tokens.reload} />
        ) : (
          <Table
            rowKey="id"
            columns={columns}
            dataSource={tokens.data}
            loading={tokens.loading}
            pagination={false}
            locale={{ emptyText: '还没有 API 令牌' }}
            aria-label="API 令牌列表"
          />
        )}
      </Card>
      {creating && (
        <CreateTokenModal
          onCancel={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
            tokens.reload();
          }}
        />
      )}
      {created && <TokenOnceModal created={created} onClose={() => setCreated(null)} />}
    </>
  );
}

import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import type { UserDto, UserListFilter } from '../../../shared/api/users';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import '../../components/tables.css';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { isAdmin } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { orgUrls } from '../orgs/api';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { buildOrgTree, toTreeSelectOptions } from '../orgs/tree';
import { usersApi, usersUrls } from './api';
import { PasswordOnceModal, type ShownPassword } from './PasswordOnceModal';
import { UserDrawer } from './UserDrawer';
import './users.css';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function RoleTags({ user }: { user: UserDto }) {
  if (user.roles.length === 0) return <span className="empty-hint">未分配角色</span>;
  return (
    <span className="user-roles">
      {user.roles.map((g, i) => (
        <Tag key={i} color={g.role === 'admin' ? 'red' : 'blue'} variant="outlined">
          {[ROLE_LABELS[g.role], g.orgUnitName, g.departmentName].filter(Boolean).join(' · ')}
        </Tag>
      ))}
    </span>
  );
}

/** 用户管理: admin sees everyone, an office the people of its subtree (the server filters). */
export default function UserListPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<UserListFilter>({});
  const users = useApiGet<UserDto[]>(usersUrls.list(filter));
  const orgs = useApiGet<OrgUnitDto[]>(orgUrls.list);
  const units = useMemo(() => orgs.data ?? [], [orgs.data]);
  const options = useMemo(() => toTreeSelectOptions(buildOrgTree(units)), [units]);
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [shown, setShown] = useState<ShownPassword | null>(null);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      users.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const resetPassword = (user: UserDto) =>
    act(async () => {
      const { password } = await usersApi.resetPassword(user.id);
      setShown({ title: '密码已重置', username: user.username, password });
    }, `已重置“${user.displayName}”的密码`);

  const columns: TableColumnsType<UserDto> = [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 150 },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 120 },
    {
      title: '所属单位',
      key: 'orgUnit',
      width: 220,
      render: (_, u) => (
        <>
          <div>{u.orgUnit?.name ?? '—'}</div>
          {u.department && <div className="user-department">{u.department.name}</div>}
        </>
      ),
    },
    { title: '角色', key: 'roles', render: (_, u) => <RoleTags user={u} /> },
    {
      title: '状态',
      key: 'disabled',
      width: 80,
      render: (_, u) => (u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <span className="row-actions">
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(u)}>
            编辑
          </Button>
          {u.disabled ? (
            <Button size="small" type="link" icon={<CheckCircleOutlined />} onClick={() => act(() => usersApi.setDisabled(u.id, false), `已启用“${u.displayName}”`)}>
              启用
            </Button>
          ) : (
            <Popconfirm
              title={`停用“${u.displayName}”？`}
              description="停用后不能登录，已登录的会话立即失效；历史记录保留。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => act(() => usersApi.setDisabled(u.id, true), `已停用“${u.displayName}”`)}
            >
              <Button size="small" type="link" danger icon={<StopOutlined />} disabled={u.id === me.id}>
                停用
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={`重置“${u.displayName}”的密码？`}
            description="将生成新密码并只显示一次，原密码和已登录的会话随即失效。"
            okText="重置"
            cancelText="取消"
            onConfirm={() => resetPassword(u)}
          >
            <Button size="small" type="link" icon={<KeyOutlined />}>
              重置密码
            </Button>
          </Popconfirm>
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        description="账号、所属单位与角色分配。停用的账号不能登录；账号不删除，以保留操作记录。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建用户
          </Button>
        }
      />
      <Card variant="borderless" className="content-card">
        <div className="user-filters" role="search" aria-label="筛选用户">
          <OrgUnitSelect
            aria-label="按单位筛选"
            options={options}
            allowClear
            placeholder="全部单位（含下级）"
            value={filter.orgUnitId ?? null}
            onChange={(value) => setFilter((f) => ({ ...f, orgUnitId: value ?? undefined }))}
            className="user-filters__unit"
          />
          <Select<Role>
            aria-label="按角色筛选"
            options={ROLE_OPTIONS}
            allowClear
            placeholder="全部角色"
            value={filter.role ?? null}
            onChange={(value) => setFilter((f) => ({ ...f, role: value ?? undefined }))}
            className="user-filters__role"
          />
          <Input.Search
            aria-label="按用户名或姓名搜索"
            allowClear
            placeholder="用户名或姓名"
            onSearch={(value) => setFilter((f) => ({ ...f, keyword: value.trim() || undefined }))}
            className="user-filters__keyword"
          />
        </div>
        {users.error && !users.data ? (
          <LoadError error={users.error} onRetry={users.reload} />
        ) : (
          <Table<UserDto>
            rowKey="id"
            columns={columns}
            dataSource={users.data ?? []}
            loading={users.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个用户` }}
            aria-label="用户列表"
            rowClassName={(u) => (u.disabled ? 'user-row--disabled' : '')}
          />
        )}
      </Card>
      {editing && (
        <UserDrawer
          user={editing === 'new' ? null : editing}
          units={units}
          options={options}
          allowAdmin={isAdmin(me)}
          onClose={() => setEditing(null)}
          onSaved={({ user, password }) => {
            message.success(editing === 'new' ? `已创建用户“${user.displayName}”` : '用户信息已保存');
            setEditing(null);
            if (password) setShown({ title: '用户已创建', username: user.username, password });
            users.reload();
          }}
        />
      )}
      {shown && <PasswordOnceModal shown={shown} onClose={() => setShown(null)} />}
    </>
  );
}

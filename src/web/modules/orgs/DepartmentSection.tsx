import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { DepartmentDto, OrgUnitDto } from '../../../shared/api/orgs';
import '../../components/tables.css';
import { errorMessage } from '../../http/client';
import { orgsApi } from './api';
import { DepartmentFormModal } from './DepartmentFormModal';
import { DepartmentHistoryModal } from './DepartmentHistoryModal';

interface DepartmentSectionProps {
  unit: OrgUnitDto;
  /** The parent unit, whose departments this unit's report along. */
  parent: OrgUnitDto | null;
  editable: boolean;
  onChanged: () => void;
}

/** The member departments of a unit's committee; its office (or admin) adds, edits, orders and deletes them. */
export function DepartmentSection({ unit, parent, editable, onChanged }: DepartmentSectionProps) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<DepartmentDto | 'new' | null>(null);
  const [history, setHistory] = useState<DepartmentDto | null>(null);
  const [busy, setBusy] = useState(false);
  const departments = unit.departments;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const move = (index: number, delta: -1 | 1) => {
    const ids = departments.map((d) => d.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    return run(() => orgsApi.reorderDepartments(unit.id, ids), '顺序已调整');
  };

  const columns: TableColumnsType<DepartmentDto> = [
    { title: '序号', key: 'no', width: 64, align: 'right', render: (_, __, index) => index + 1 },
    {
      title: '成员单位名称',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, d) => (
        <>
          {name}
          {d.runsSurveys && <Tag color="blue" style={{ marginInlineStart: 8 }}>可发起问卷调查</Tag>}
        </>
      ),
    },
    { title: '简称', dataIndex: 'shortName', key: 'shortName', width: 120 },
  ];
  if (parent) {
    const parentDepartment = new Map(parent.departments.map((d) => [d.id, d]));
    columns.push({
      title: `对口${parent.name}成员单位`,
      key: 'counterpart',
      width: 160,
      render: (_, d) => (d.counterpartId === null ? <span className="muted">未对口</span> : (parentDepartment.get(d.counterpartId)?.shortName ?? '—')),
    });
  }
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, dept, index) => (
        <span className="row-actions">
          <Tooltip title="上移">
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移${dept.name}`} disabled={busy || index === 0} onClick={() => move(index, -1)} />
          </Tooltip>
          <Tooltip title="下移">
            <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`下移${dept.name}`} disabled={busy || index === departments.length - 1} onClick={() => move(index, 1)} />
          </Tooltip>
          <Button size="small" type="link" icon={<EditOutlined />} aria-label={`编辑${dept.name}`} onClick={() => setEditing(dept)}>
            编辑
          </Button>
          <Button size="small" type="link" icon={<HistoryOutlined />} aria-label={`${dept.name}的变更记录`} onClick={() => setHistory(dept)}>
            记录
          </Button>
          <Popconfirm
            title={`删除成员单位“${dept.name}”？`}
            description="仍有用户、角色分配或填报数据引用的成员单位不能删除。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => run(() => orgsApi.deleteDepartment(dept.id), '成员单位已删除')}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`删除${dept.name}`} disabled={busy}>
              删除
            </Button>
          </Popconfirm>
        </span>
      ),
    });
  }

  return (
    <section aria-labelledby="org-departments">
      <div className="org-detail__section">
        <h3 id="org-departments">
          成员单位<span className="org-detail__count">{departments.length} 个</span>
        </h3>
        {editable && unit.level !== 'street' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            添加成员单位
          </Button>
        )}
      </div>
      {unit.level === 'street' ? (
        <p className="empty-hint">街道（乡镇）妇儿工委通过所在区（县）的成员单位开展工作，不单独设成员单位。</p>
      ) : (
        <Table<DepartmentDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={departments}
          pagination={false}
          aria-label="成员单位"
          locale={{ emptyText: '暂无成员单位' }}
        />
      )}
      {history && <DepartmentHistoryModal department={history} onClose={() => setHistory(null)} />}
      {editing && (
        <DepartmentFormModal
          unit={unit}
          parent={parent}
          department={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            message.success(editing === 'new' ? '成员单位已添加' : '成员单位已保存');
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

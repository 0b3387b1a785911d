import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { CHILD_LEVEL } from '../../../shared/orgLevels';
import { errorMessage } from '../../http/client';
import { orgsApi } from './api';
import { DepartmentSection } from './DepartmentSection';
import { OrgUnitFormModal, type UnitEdit } from './OrgUnitFormModal';
import { LEVEL_LABELS, type OrgTreeNode } from './tree';

interface OrgUnitDetailProps {
  node: OrgTreeNode;
  /** The parent unit, whose departments this unit's report along. */
  parent: OrgUnitDto | null;
  /** Units themselves are the admin's to change. */
  canEditUnit: boolean;
  canEditDepartments: boolean;
  /** After a change: reload, then select `selectId` when given. */
  onChanged: (selectId?: number) => void;
}

export function OrgUnitDetail({ node, parent, canEditUnit, canEditDepartments, onChanged }: OrgUnitDetailProps) {
  const { unit, children } = node;
  const { message } = App.useApp();
  const [edit, setEdit] = useState<UnitEdit | null>(null);
  const childLevel = CHILD_LEVEL[unit.level];

  const remove = async () => {
    try {
      await orgsApi.deleteUnit(unit.id);
      message.success(`已删除“${unit.name}”`);
      onChanged(unit.parentId ?? undefined);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="org-unit-name" className="org-detail">
      <div className="org-detail__head">
        <h2 id="org-unit-name" className="org-detail__name">
          {unit.name}
        </h2>
        <Tag color="geekblue">{LEVEL_LABELS[unit.level]}</Tag>
        {unit.isDemo && <Tag color="orange">演示数据</Tag>}
        {canEditUnit && (
          <span className="org-detail__actions">
            <Button icon={<EditOutlined />} onClick={() => setEdit({ kind: 'edit', unit })}>
              编辑单位
            </Button>
            <Popconfirm
              title={`删除“${unit.name}”？`}
              description="只能删除没有下级单位、规划、用户和填报数据的单位；其妇儿工委和成员单位一并删除。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={remove}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除单位
              </Button>
            </Popconfirm>
          </span>
        )}
      </div>
      <dl className="org-detail__meta">
        <div>
          <dt>单位代码</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>妇儿工委</dt>
          <dd>{unit.committee?.name ?? '未设立'}</dd>
        </div>
        <div>
          <dt>下级单位</dt>
          <dd>{children.length > 0 ? `${children.length} 个` : '无'}</dd>
        </div>
      </dl>

      <DepartmentSection unit={unit} parent={parent} editable={canEditDepartments} onChanged={() => onChanged()} />

      {childLevel && (
        <section aria-labelledby="org-children" className="org-children">
          <div className="org-detail__section">
            <h3 id="org-children">
              下级单位<span className="org-detail__count">{children.length} 个</span>
            </h3>
            {canEditUnit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEdit({ kind: 'create', parent: unit })}>
                添加{LEVEL_LABELS[childLevel]}
              </Button>
            )}
          </div>
          {children.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级单位" />
          ) : (
            <ul className="org-children__list" aria-label="下级单位">
              {children.map(({ unit: child }) => (
                <li key={child.id} className="org-children__item">
                  <span>{child.name}</span>
                  <span className="org-children__code">{child.code}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {edit && (
        <OrgUnitFormModal
          edit={edit}
          onCancel={() => setEdit(null)}
          onSaved={(saved) => {
            message.success(edit.kind === 'create' ? `已添加“${saved.name}”` : '单位信息已保存');
            setEdit(null);
            onChanged(saved.id);
          }}
        />
      )}
    </section>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { useApiGet } from '../../http/useApiGet';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { isAdmin, managedUnitIds } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { orgUrls } from './api';
import './orgs.css';
import { OrgUnitDetail } from './OrgUnitDetail';
import { OrgUnitFormModal } from './OrgUnitFormModal';
import { buildOrgTree, findNode, LEVEL_LABELS, topLevelIds, unitTree, type OrgTreeNode } from './tree';

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: (
      <span className="org-node">
        <span className="org-node__name">{unit.name}</span>
        <span className="org-node__level">{LEVEL_LABELS[unit.level]}</span>
      </span>
    ),
    children: toTreeData(children),
  }));
}

/** 组织机构: everyone reads it; admin changes units, a unit's office its member departments. */
export default function OrgTreePage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { data, error, reload } = useApiGet<OrgUnitDto[]>(orgUrls.list);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creatingCity, setCreatingCity] = useState(false);
  const roots = useMemo(() => buildOrgTree(data ?? []), [data]);
  const treeData = useMemo(() => toTreeData(roots), [roots]);
  const managed = useMemo(() => managedUnitIds(user, (data ?? []).map((u) => u.id), unitTree(data ?? [])), [user, data]);
  const admin = isAdmin(user);
  useDemoData(data?.some((unit) => unit.isDemo) ?? false);

  const changed = (selectId?: number) => {
    if (selectId !== undefined) setSelectedId(selectId);
    reload();
  };

  const header = (
    <PageHeader
      title={managed.size > 0 ? '组织机构管理' : '组织机构'}
      description="市、区（县）、街道（乡镇）三级组织，及各级妇女儿童工作委员会与成员单位。"
      extra={data && <Tag>{data.length} 个单位</Tag>}
    />
  );

  if (!data) {
    return (
      <>
        {header}
        {error ? <LoadError error={error} onRetry={reload} /> : <PageLoading />}
      </>
    );
  }

  const selected = (selectedId !== null ? findNode(roots, selectedId) : undefined) ?? roots[0];
  const addCity = admin && (
    <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setCreatingCity(true)}>
      新建市级单位
    </Button>
  );

  return (
    <>
      {header}
      {roots.length === 0 || !selected ? (
        <Card variant="borderless" className="content-card">
          <Empty description="暂无组织机构">{addCity}</Empty>
        </Card>
      ) : (
        <div className="org-layout">
          <Card variant="borderless" className="content-card org-layout__tree" title="组织机构树" extra={addCity}>
            <Tree
              treeData={treeData}
              defaultExpandedKeys={topLevelIds(roots)}
              selectedKeys={[selected.unit.id]}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) setSelectedId(Number(key));
              }}
              blockNode
              aria-label="组织机构树"
            />
          </Card>
          <Card variant="borderless" className="content-card org-layout__detail">
            <OrgUnitDetail
              key={selected.unit.id}
              node={selected}
              parent={data.find((u) => u.id === selected.unit.parentId) ?? null}
              canEditUnit={admin}
              canEditDepartments={managed.has(selected.unit.id)}
              onChanged={changed}
            />
          </Card>
        </div>
      )}
      {creatingCity && (
        <OrgUnitFormModal
          edit={{ kind: 'create', parent: null }}
          onCancel={() => setCreatingCity(false)}
          onSaved={(unit) => {
            message.success(`已添加“${unit.name}”`);
            setCreatingCity(false);
            changed(unit.id);
          }}
        />
      )}
    </>
  );
}

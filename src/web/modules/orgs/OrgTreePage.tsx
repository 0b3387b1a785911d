import { Card, Empty, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { useApiGet } from '../../http/useApiGet';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { orgUrls } from './api';
import './orgs.css';
import { buildOrgTree, LEVEL_LABELS, topLevelIds, type OrgTreeNode } from './tree';
import { OrgUnitDetail } from './OrgUnitDetail';

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

function findNode(nodes: OrgTreeNode[], id: number): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.unit.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

export default function OrgTreePage() {
  const { data, error, reload } = useApiGet<OrgUnitDto[]>(orgUrls.list);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const roots = useMemo(() => buildOrgTree(data ?? []), [data]);
  const treeData = useMemo(() => toTreeData(roots), [roots]);
  useDemoData(data?.some((unit) => unit.isDemo) ?? false);

  const header = (
    <PageHeader
      title="组织机构"
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

  return (
    <>
      {header}
      {roots.length === 0 || !selected ? (
        <Card variant="borderless" className="content-card">
          <Empty description="暂无组织机构" />
        </Card>
      ) : (
        <div className="org-layout">
          <Card variant="borderless" className="content-card org-layout__tree" title="组织机构树">
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
            <OrgUnitDetail node={selected} />
          </Card>
        </div>
      )}
    </>
  );
}

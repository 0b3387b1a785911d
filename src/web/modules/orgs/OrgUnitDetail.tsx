import { Empty, Tag } from 'antd';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { LEVEL_LABELS, type OrgTreeNode } from './tree';

export function OrgUnitDetail({ node }: { node: OrgTreeNode }) {
  const { unit } = node;
  const departments: OrgUnitDto['departments'] = unit.departments;
  return (
    <section aria-labelledby="org-unit-name" className="org-detail">
      <div className="org-detail__head">
        <h2 id="org-unit-name" className="org-detail__name">
          {unit.name}
        </h2>
        <Tag color="geekblue">{LEVEL_LABELS[unit.level]}</Tag>
        {unit.isDemo && <Tag color="orange">演示数据</Tag>}
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
          <dd>{node.children.length > 0 ? `${node.children.length} 个` : '无'}</dd>
        </div>
      </dl>
      <h3 className="org-detail__section">
        成员单位<span className="org-detail__count">{departments.length} 个</span>
      </h3>
      {departments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无成员单位" />
      ) : (
        <ul className="departments" aria-label="成员单位">
          {departments.map((dept) => (
            <li key={dept.id} className="department" title={dept.name}>
              <span className="department__name">{dept.name}</span>
              {dept.shortName && dept.shortName !== dept.name && (
                <span className="department__short">{dept.shortName}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

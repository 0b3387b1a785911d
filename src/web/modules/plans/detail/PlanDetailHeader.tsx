import { FileSearchOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { PlanDetailDto } from '../../../../shared/api/plans';
import { PageHeader } from '../../../components/PageHeader';
import { formatPeriod } from '../format';
import { KindTag } from '../KindTag';

export function PlanDetailHeader({ plan, onShowSource }: { plan: PlanDetailDto; onShowSource: () => void }) {
  const stats = [
    { value: plan.counts.areas, label: '个领域' },
    { value: plan.counts.goals, label: '条主要目标' },
    { value: plan.counts.measures, label: '条策略措施' },
    { value: plan.counts.targets, label: '个量化指标' },
  ];
  return (
    <PageHeader
      breadcrumb={<Link to="/plans">规划管理</Link>}
      title={
        <span className="plan-heading">
          {plan.title}
          <KindTag kind={plan.kind} />
          {plan.isDemo && <Tag color="orange">演示数据</Tag>}
        </span>
      }
      description={
        <>
          <dl className="plan-meta">
            <div>
              <dt>规划期</dt>
              <dd>{formatPeriod(plan.periodStart, plan.periodEnd)}</dd>
            </div>
            <div>
              <dt>所属单位</dt>
              <dd>{plan.orgUnit.name}</dd>
            </div>
            <div>
              <dt>原文文件</dt>
              <dd>{plan.sourceName}</dd>
            </div>
            <div>
              <dt>更新时间</dt>
              <dd>{dayjs(plan.updatedAt).format('YYYY-MM-DD HH:mm')}</dd>
            </div>
          </dl>
          <ul className="stat-row stat-row--compact" aria-label="规划统计">
            {stats.map((stat) => (
              <li key={stat.label} className="stat">
                <span className="stat__value">{stat.value}</span> <span className="stat__label">{stat.label}</span>
              </li>
            ))}
          </ul>
        </>
      }
      extra={
        <span className="plan-header-actions">
          <Link to={`/plans/${plan.id}/versions`}>
            <Button icon={<HistoryOutlined />}>版本历史</Button>
          </Link>
          <Button icon={<FileSearchOutlined />} onClick={onShowSource}>
            查看原文
          </Button>
        </span>
      }
    />
  );
}

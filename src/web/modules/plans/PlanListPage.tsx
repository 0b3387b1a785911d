import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Switch, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanSummaryDto } from '../../../shared/api/plans';
import { useApiGet } from '../../http/useApiGet';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { plansUrls } from './api';
import { KindTag } from './KindTag';
import { formatPeriod } from './format';
import { PlanStatusTag } from './filing/StandingTag';
import './lifecycle/lifecycle.css';
import type { PlanStatus } from '../../../shared/plans/lifecycle';

const count = (key: keyof PlanSummaryDto['counts'], title: string): TableColumnsType<PlanSummaryDto>[number] => ({
  title,
  key,
  align: 'right',
  width: 72,
  render: (_, plan) => plan.counts[key],
});

const COLUMNS: TableColumnsType<PlanSummaryDto> = [
  {
    title: '规划名称',
    key: 'title',
    render: (_, plan) => (
      <span className="plan-title-cell">
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
        {plan.isDemo && (
          <Tag color="orange" variant="outlined">
            演示数据
          </Tag>
        )}
      </span>
    ),
  },
  { title: '类别', key: 'kind', width: 80, render: (_, plan) => <KindTag kind={plan.kind} /> },
  {
    title: '规划期',
    key: 'period',
    width: 130,
    className: 'nowrap',
    render: (_, plan) => formatPeriod(plan.periodStart, plan.periodEnd),
  },
  { title: '所属单位', key: 'orgUnit', width: 140, render: (_, plan) => plan.orgUnit.name },
  { title: '状态', key: 'status', width: 130, render: (_, plan) => <PlanStatusTag status={plan.status as PlanStatus} archived={plan.archived} /> },
  count('areas', '领域'),
  count('goals', '目标'),
  count('measures', '措施'),
  count('targets', '指标'),
  {
    title: '更新时间',
    key: 'updatedAt',
    width: 160,
    render: (_, plan) => dayjs(plan.updatedAt).format('YYYY-MM-DD HH:mm'),
  },
];

export default function PlanListPage() {
  const navigate = useNavigate();
  const [withArchived, setWithArchived] = useState(false);
  const { data, error, loading, reload } = useApiGet<PlanSummaryDto[]>(withArchived ? `${plansUrls.list}?archived=include` : plansUrls.list);
  useDemoData(data?.some((plan) => plan.isDemo) ?? false);

  return (
    <>
      <PageHeader
        title="规划管理"
        description="妇女发展规划、儿童发展规划的文本、领域、主要目标与策略措施。"
        extra={
          <>
            <label className="plan-list-archived">
              <Switch size="small" checked={withArchived} onChange={setWithArchived} aria-label="显示已归档的规划" /> 显示已归档
            </label>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/plans/import')}>
              导入规划
            </Button>
          </>
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card variant="borderless" className="content-card">
          <Table<PlanSummaryDto>
            rowKey="id"
            columns={COLUMNS}
            dataSource={data ?? []}
            loading={loading}
            pagination={false}
            aria-label="规划列表"
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无规划，请点击“导入规划”从规划文本创建" />
              ),
            }}
          />
        </Card>
      )}
    </>
  );
}

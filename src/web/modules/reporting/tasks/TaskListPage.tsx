import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Table, Tag, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { TaskDto } from '../../../../shared/api/reporting';
import { useDemoData } from '../../../components/DemoData';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiGet } from '../../../http/useApiGet';
import { useCurrentUser } from '../../auth/SessionContext';
import { reportingUrls } from '../api';
import { percent } from '../format';
import { allows } from '../../auth/permissions';
import '../reporting.css';

// The form (date pickers, tree selects) loads only when someone publishes a task.
const TaskCreateDrawer = lazy(() => import('./TaskCreateDrawer'));

const num = (value: number, className?: string) => <span className={`num${className ? ` ${className}` : ''}`}>{value}</span>;

const COLUMNS: TableColumnsType<TaskDto> = [
  {
    title: '任务名称',
    key: 'name',
    render: (_, t) => (
      <span className="task-name-cell">
        <Link to={`/reporting/tasks/${t.id}`}>{t.name}</Link>
        {t.isDemo && (
          <Tag color="orange" variant="outlined">
            演示数据
          </Tag>
        )}
      </span>
    ),
  },
  { title: '数据年度', key: 'year', width: 88, align: 'right', render: (_, t) => num(t.year) },
  { title: '发布单位', key: 'orgUnit', width: 96, render: (_, t) => t.orgUnit.name },
  { title: '填报期限', key: 'period', width: 196, className: 'nowrap num', render: (_, t) => `${t.opensOn} 至 ${t.dueOn}` },
  { title: '指标', key: 'indicators', width: 64, align: 'right', render: (_, t) => num(t.indicatorIds.length) },
  { title: '填报表', key: 'submissions', width: 80, className: 'nowrap', align: 'right', render: (_, t) => num(t.counts.submissions) },
  {
    title: '待审核',
    key: 'submitted',
    width: 80,
    className: 'nowrap',
    align: 'right',
    render: (_, t) => num(t.counts.submitted, t.counts.submitted ? 'text-gold' : 'text-muted'),
  },
  {
    title: '逾期未报',
    key: 'overdue',
    width: 96,
    className: 'nowrap',
    align: 'right',
    render: (_, t) => num(t.counts.overdue, t.counts.overdue ? 'text-danger' : 'text-muted'),
  },
  {
    title: '审核通过',
    key: 'approved',
    width: 168,
    render: (_, t) => (
      <div className="task-progress">
        <Progress percent={percent(t.counts.approved, t.counts.submissions)} size="small" showInfo={false} status="success" aria-label="审核通过比例" />
        <span className="num task-progress__text">
          {t.counts.approved}/{t.counts.submissions}
        </span>
      </div>
    ),
  },
];

export default function TaskListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApiGet<TaskDto[]>(reportingUrls.tasks);
  const [creating, setCreating] = useState(false);
  useDemoData(data?.some((t) => t.isDemo) ?? false);
  const mayPublish = allows(user, 'tasks.create');
  const sorted = [...(data ?? [])].sort((a, b) => b.year - a.year || b.id - a.id);

  return (
    <>
      <PageHeader
        title="填报任务"
        description="按年度发布监测数据填报任务，跟踪各单位、各成员单位的填报与审核进度，催报逾期未报的单位。"
        extra={
          mayPublish && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发布任务
            </Button>
          )
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card variant="borderless" className="content-card">
          <Table<TaskDto>
            rowKey="id"
            columns={COLUMNS}
            dataSource={sorted}
            loading={loading}
            pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            aria-label="填报任务列表"
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mayPublish ? '暂无填报任务，请点击“发布任务”布置年度数据填报' : '暂无填报任务'} />
              ),
            }}
          />
        </Card>
      )}
      {creating && (
        <Suspense fallback={null}>
          <TaskCreateDrawer
            user={user}
            onClose={() => setCreating(false)}
            onCreated={(task) => {
              setCreating(false);
              navigate(`/reporting/tasks/${task.id}`);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

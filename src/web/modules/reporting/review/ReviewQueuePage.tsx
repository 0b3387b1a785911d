import { Alert, Button, Card, Empty, Progress, Segmented, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiGet } from '../../../http/useApiGet';
import { reportingUrls } from '../api';
import { formatDateTime, percent } from '../format';
import '../reporting.css';
import { StateTag } from '../StateTag';
import { useCurrentUser } from '../../auth/SessionContext';
import { myReviewQueue } from './queue';

type View = 'waiting' | 'returned' | 'approved';

const VIEWS: { value: View; label: string; pick: (list: SubmissionDto[], waiting: SubmissionDto[]) => SubmissionDto[] }[] = [
  { value: 'waiting', label: '待审核', pick: (_, waiting) => waiting },
  { value: 'returned', label: '已退回', pick: (list) => list.filter((s) => s.state === 'returned').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) },
  { value: 'approved', label: '已通过', pick: (list) => list.filter((s) => s.state === 'approved').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) },
];

/** 数据审核: everything waiting for the statistics group, the longest-waiting first, one click to its grid. */
export default function ReviewQueuePage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { data, error, loading, reload } = useApiGet<SubmissionDto[]>(reportingUrls.submissions);
  const [view, setView] = useState<View>('waiting');
  /** 0: every task. */
  const [taskId, setTaskId] = useState(0);
  const tasks = [...new Map((data ?? []).map((s) => [s.taskId, { value: s.taskId, label: s.taskName, year: s.year }])).values()].sort((a, b) => b.year - a.year || b.value - a.value);
  const all = (data ?? []).filter((s) => taskId === 0 || s.taskId === taskId);
  const { mine: waiting, othersDecide } = myReviewQueue(user, all);
  const rows = VIEWS.find((v) => v.value === view)!.pick(all, waiting);

  const columns: TableColumnsType<SubmissionDto> = [
    {
      title: '单位 · 成员单位',
      key: 'seat',
      render: (_, s) => (
        <Link to={`/reporting/submissions/${s.id}`} className="review-seat">
          {s.orgUnit.name} · {s.department.shortName}
        </Link>
      ),
    },
    { title: '填报任务', key: 'task', render: (_, s) => <Link to={`/reporting/tasks/${s.taskId}`}>{s.taskName}</Link> },
    { title: '数据年度', key: 'year', width: 88, align: 'right', render: (_, s) => <span className="num">{s.year}</span> },
    { title: '状态', key: 'state', width: 150, render: (_, s) => <StateTag state={s.state} /> },
    {
      title: '填报',
      key: 'filled',
      width: 150,
      render: (_, s) => (
        <div className="task-progress">
          <Progress percent={percent(s.filled, s.expected)} size="small" showInfo={false} aria-label="填报进度" />
          <span className="num task-progress__text">
            {s.filled}/{s.expected}
          </span>
        </div>
      ),
    },
    { title: view === 'waiting' ? '提交时间' : '更新时间', key: 'at', width: 150, className: 'num nowrap', render: (_, s) => formatDateTime(s.updatedAt) },
    {
      title: '操作',
      key: 'action',
      width: 88,
      render: (_, s) => (
        <Button size="small" type={view === 'waiting' ? 'primary' : 'default'} onClick={() => navigate(`/reporting/submissions/${s.id}`)}>
          {view === 'waiting' ? '审核' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="数据审核" description="各单位、各成员单位提交的监测数据，按提交先后排列。审核通过后数据锁定；发现问题请退回并写明原因。" />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card
          variant="borderless"
          className="content-card"
          title={
            <Segmented<View>
              value={view}
              onChange={setView}
              options={VIEWS.map((v) => ({ value: v.value, label: `${v.label}（${v.pick(all, waiting).length}）` }))}
              aria-label="审核状态"
            />
          }
          extra={
            <Select<number>
              className="review-task-filter"
              value={taskId}
              onChange={setTaskId}
              options={[{ value: 0, label: '全部填报任务' }, ...tasks.map((t) => ({ value: t.value, label: t.label }))]}
              aria-label="按填报任务筛选"
              popupMatchSelectWidth={false}
            />
          }
        >
          {view === 'waiting' && othersDecide > 0 && (
            <Alert
              className="review-others"
              type="info"
              showIcon
              title={`另有 ${othersDecide} 份已提交的数据须由所在单位的统计监测组（或部门审核员）审核，不列入您的待审核；可在填报任务的完成情况中查看。`}
            />
          )}
          <Table<SubmissionDto>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={loading}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            aria-label="审核列表"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view === 'waiting' ? '暂无待审核的数据' : '暂无记录'} /> }}
          />
        </Card>
      )}
    </>
  );
}

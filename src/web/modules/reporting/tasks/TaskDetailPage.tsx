import { BellOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useDemoData } from '../../../components/DemoData';
import { LoadError } from '../../../components/LoadError';
import NotFoundPage from '../../../components/NotFoundPage';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { useCurrentUser } from '../../auth/SessionContext';
import { reportingApi, reportingUrls, type CompletenessDto } from '../api';
import { STATE_COLORS, STATE_SHORT_LABELS } from '../format';
import { allows } from '../../auth/permissions';
import '../reporting.css';
import { TaskTemplateButton } from '../xlsx/TemplateButtons';
import { CELL_FILTERS, countByFilter, remindable, type CellFilter } from './completeness';
import { CompletenessMatrix } from './CompletenessMatrix';

const STAT_ITEMS: { filter: CellFilter; label: string; tone: string }[] = [
  { filter: 'all', label: '填报表', tone: '' },
  { filter: 'pending', label: '未提交', tone: 'blue' },
  { filter: 'review', label: '待审核', tone: 'gold' },
  { filter: 'approved', label: '审核通过', tone: 'green' },
  { filter: 'overdue', label: '逾期未报', tone: 'red' },
];

function Legend() {
  return (
    <ul className="matrix-legend" aria-label="图例">
      {(['draft', 'returned', 'submitted', 'reviewed', 'approved'] as const).map((s) => (
        <li key={s}>
          <span className={`matrix-legend__swatch matrix-cell--${STATE_COLORS[s]}`} aria-hidden="true" />
          {STATE_SHORT_LABELS[s]}
        </li>
      ))}
      <li>
        <span className="matrix-legend__swatch is-overdue" aria-hidden="true" />
        逾期未报
      </li>
    </ul>
  );
}

function TaskDetail({ taskId, initialFilter }: { taskId: number; initialFilter: CellFilter }) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useApiGet<CompletenessDto>(reportingUrls.completeness(taskId));
  const [filter, setFilter] = useState<CellFilter>(initialFilter);
  const [selected, setSelected] = useState<number[]>([]);
  const [reminding, setReminding] = useState(false);
  const navigate = useNavigate();
  useDemoData(data?.task.isDemo ?? false);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  if (!data) return null;

  const { task, cells } = data;
  const counts = countByFilter(cells);
  const mayRemind = allows(user, 'tasks.remind');
  const runsTasks = allows(user, 'tasks.manage');

  /** Closing stops entry in every seat; deleting is for a task nobody has written values through. */
  const closeOrDelete = (kind: 'close' | 'delete') =>
    modal.confirm({
      title: kind === 'close' ? '关闭填报任务' : '删除填报任务',
      content:
        kind === 'close'
          ? `关闭后“${task.name}”的各填报表不再接受填报或修改；已提交的数据仍可审核。关闭后不能重新打开。`
          : `“${task.name}”尚无填报数据，删除后其 ${task.counts.submissions} 张填报表一并删除，不能恢复。`,
      okText: kind === 'close' ? '关闭任务' : '删除任务',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          if (kind === 'close') {
            await reportingApi.closeTask(task.id);
            message.success(`已关闭“${task.name}”`);
            reload();
          } else {
            await reportingApi.deleteTask(task.id);
            message.success(`已删除“${task.name}”`);
            navigate('/reporting/tasks');
          }
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  const targets = remindable(cells, selected.length ? new Set(selected) : undefined);

  const remind = () => {
    const scope = selected.length ? `所选 ${selected.length} 个单位中` : '全部';
    modal.confirm({
      title: '催报',
      content: `将通知${scope} ${targets.length} 张未提交填报表的填报员尽快填报。`,
      okText: '发送催报通知',
      cancelText: '取消',
      onOk: async () => {
        setReminding(true);
        try {
          const result = await reportingApi.remind(task.id, selected.length ? targets.map((s) => s.id) : undefined);
          const text = `已催报 ${result.submissions} 张填报表，通知 ${result.notified} 位填报员`;
          if (result.unstaffed > 0) {
            message.warning(`${text}；其中 ${result.unstaffed} 张填报表的成员单位尚未设置填报员账号，无人收到通知，请在用户管理中添加`, 8);
          } else message.success(text);
          setSelected([]);
          reload();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setReminding(false);
        }
      },
    });
  };

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/reporting/tasks">填报任务</Link>}
        title={task.name}
        description={
          <span className="entry-meta">
            <span>{task.orgUnit.name}妇儿工委发布</span>
            <span>数据年度 {task.year}</span>
            <span className="num">
              填报期限 {task.opensOn} 至 {task.dueOn}
            </span>
            <span>{task.indicatorIds.length} 个指标</span>
            {task.closedAt && <Tag color="default">已于 {task.closedAt.slice(0, 10)} 关闭</Tag>}
          </span>
        }
        extra={
          <>
            <TaskTemplateButton task={task} departments={data.departments} onUploaded={reload} />
            {mayRemind && (
              <Button icon={<BellOutlined />} loading={reminding} disabled={targets.length === 0} onClick={remind}>
                {selected.length ? `催报所选单位（${targets.length}）` : `一键催报（${targets.length}）`}
              </Button>
            )}
            {runsTasks && !task.closedAt && task.hasValues && (
              <Button icon={<StopOutlined />} onClick={() => closeOrDelete('close')}>
                关闭任务
              </Button>
            )}
            {runsTasks && !task.hasValues && (
              <Button danger icon={<DeleteOutlined />} onClick={() => closeOrDelete('delete')}>
                删除任务
              </Button>
            )}
          </>
        }
      />
      <ul className="stat-row task-stats" aria-label="填报统计">
        {STAT_ITEMS.map((item) => (
          <li key={item.filter} className={`stat task-stat task-stat--${item.tone || 'plain'}${filter === item.filter ? ' is-active' : ''}`}>
            <button type="button" className="task-stat__button" onClick={() => setFilter(item.filter)} aria-pressed={filter === item.filter}>
              <span className="stat__value">{counts[item.filter]}</span>
              <span className="stat__label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <Card
        variant="borderless"
        className="content-card"
        title="填报进度"
        extra={
          <Segmented<CellFilter>
            value={filter}
            onChange={setFilter}
            options={CELL_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
            aria-label="按状态筛选"
          />
        }
      >
        <CompletenessMatrix data={data} filter={filter} selected={selected} onSelect={setSelected} selectable={mayRemind} />
        <Legend />
      </Card>
    </>
  );
}

export default function TaskDetailPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const taskId = Number(id);
  if (!Number.isInteger(taskId) || taskId <= 0) return <NotFoundPage />;
  const initial = params.get('filter') as CellFilter | null;
  return <TaskDetail key={taskId} taskId={taskId} initialFilter={CELL_FILTERS.some((f) => f.value === initial) ? initial! : 'all'} />;
}

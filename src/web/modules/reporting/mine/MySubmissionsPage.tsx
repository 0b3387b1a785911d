import { Button, Empty, Segmented } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { MyFollowupsCard } from '../../followup/FollowupListPage';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { useCurrentUser } from '../../auth/SessionContext';
import { reportingUrls } from '../api';
import { managesTasks } from '../permissions';
import '../reporting.css';
import { SubmissionCard } from './SubmissionCard';
import { OpenSupervisionsCard } from '../../workitems/OpenSupervisionsCard';

type Filter = 'todo' | 'review' | 'approved' | 'all';

const FILTERS: { value: Filter; label: string; states: SubmissionDto['state'][] }[] = [
  { value: 'todo', label: '待填报', states: ['draft', 'returned'] },
  { value: 'review', label: '审核中', states: ['submitted', 'reviewed'] },
  { value: 'approved', label: '已通过', states: ['approved'] },
  { value: 'all', label: '全部', states: ['draft', 'returned', 'submitted', 'reviewed', 'approved'] },
];

/** Returned first (someone is waiting for a fix), then open, in review, done; newest year first. */
const ORDER: Record<SubmissionDto['state'], number> = { returned: 0, draft: 1, submitted: 2, reviewed: 3, approved: 4 };

export function sortSubmissions(list: readonly SubmissionDto[]): SubmissionDto[] {
  return [...list].sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.year - a.year || a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
}

export default function MySubmissionsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApiGet<SubmissionDto[]>(reportingUrls.mySubmissions);
  const [filter, setFilter] = useState<Filter>('all');
  const reviewsSeat = (s: SubmissionDto) =>
    user.roles.some((r) => r.role === 'dept_reviewer' && r.orgUnitId === s.orgUnit.id && r.departmentId === s.department.id) &&
    !user.roles.some((r) => r.role === 'reporter' && r.orgUnitId === s.orgUnit.id && r.departmentId === s.department.id);

  const header = (
    <PageHeader
      title="我的填报任务"
      description="本单位、本部门需要填报或审核的年度监测数据。逾期未提交的任务以红色标出；被退回的任务请按意见修改后重新提交。"
    />
  );
  if (error && !data) return (<>{header}<LoadError error={error} onRetry={reload} /></>);
  if (loading && !data) return (<>{header}<PageLoading /></>);

  const all = sortSubmissions(data ?? []);
  const counts = Object.fromEntries(FILTERS.map((f) => [f.value, all.filter((s) => f.states.includes(s.state)).length])) as Record<Filter, number>;
  const shown = all.filter((s) => FILTERS.find((f) => f.value === filter)!.states.includes(s.state));

  return (
    <>
      {header}
      <MyFollowupsCard />
      <OpenSupervisionsCard />
      {all.length === 0 ? (
        <Empty
          className="page-empty"
          description={
            managesTasks(user)
              ? '您没有成员单位的填报席位。发布和跟踪填报任务请前往“填报任务”。'
              : '暂无填报任务。妇儿工委办公室发布年度填报任务后，将在此显示。'
          }
        >
          {managesTasks(user) && (
            <Button type="primary" onClick={() => navigate('/reporting/tasks')}>
              前往填报任务
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <Segmented<Filter>
            className="mine-filter"
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({ value: f.value, label: `${f.label}（${counts[f.value]}）` }))}
            aria-label="按状态筛选"
          />
          {shown.length === 0 ? (
            <Empty className="page-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有该状态的填报任务" />
          ) : (
            <div className="submission-cards">
              {shown.map((s) => (
                <SubmissionCard key={s.id} submission={s} reviews={reviewsSeat(s)} />
              ))}
            </div>
          )}
        </>
      )}
    </>
  );
}

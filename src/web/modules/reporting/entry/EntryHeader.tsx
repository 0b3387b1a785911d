import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { PageHeader } from '../../../components/PageHeader';
import { dueText, percent } from '../format';
import { StateTag } from '../StateTag';

interface EntryHeaderProps {
  submission: SubmissionDto;
  filled: number;
  expected: number;
  /** Where the person came from: their own list, or the task they run. */
  back: { to: string; label: string };
  next: SubmissionDto | null;
  status: ReactNode;
  actions: ReactNode;
}

export function EntryHeader({ submission, filled, expected, back, next, status, actions }: EntryHeaderProps) {
  const navigate = useNavigate();
  const s = submission;
  return (
    <PageHeader
      breadcrumb={
        <>
          <Link to={back.to}>{back.label}</Link> / {s.taskName}
        </>
      }
      title={
        <span className="entry-title">
          {s.orgUnit.name} · {s.department.shortName}
          <span className="entry-title__year">{s.year} 年度数据</span>
          <StateTag state={s.state} />
        </span>
      }
      description={
        <span className="entry-meta">
          <span>{s.department.name}</span>
          <span className={s.overdue ? 'entry-meta__due is-overdue' : 'entry-meta__due'}>{dueText(s.dueOn, s.overdue)}</span>
          <span className="entry-meta__progress">
            已填 <span className="num">{filled}</span> / <span className="num">{expected}</span>
            <Progress percent={percent(filled, expected)} size={[96, 6]} showInfo={false} aria-label="填报进度" />
          </span>
        </span>
      }
      extra={
        <div className="entry-actions">
          {status}
          {actions}
          {next && (
            <Button onClick={() => navigate(`/reporting/submissions/${next.id}`)} icon={<ArrowRightOutlined />} iconPlacement="end">
              下一条待审核
            </Button>
          )}
        </div>
      }
    />
  );
}

import { ClockCircleOutlined, DownloadOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Card, Progress } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { reportingUrls } from '../api';
import { dueText, percent } from '../format';
import { StateTag } from '../StateTag';

/** What the card's button says, by state and by whether this person reviews rather than reports. */
export function cardAction(s: Pick<SubmissionDto, 'state' | 'filled'>, reviews: boolean): { label: string; primary: boolean } {
  if (reviews && s.state === 'submitted') return { label: '审核', primary: true };
  switch (s.state) {
    case 'draft':
      return reviews ? { label: '查看', primary: false } : { label: s.filled > 0 ? '继续填报' : '开始填报', primary: true };
    case 'returned':
      return reviews ? { label: '查看', primary: false } : { label: '修改后重新提交', primary: true };
    default:
      return { label: '查看', primary: false };
  }
}

export function SubmissionCard({ submission: s, reviews }: { submission: SubmissionDto; reviews: boolean }) {
  const navigate = useNavigate();
  const to = `/reporting/submissions/${s.id}`;
  const action = cardAction(s, reviews);
  const done = s.state === 'approved';
  return (
    <Card
      className={`submission-card submission-card--${s.state}${s.overdue ? ' is-overdue' : ''}`}
      variant="outlined"
      role="article"
      aria-label={`${s.taskName} ${s.orgUnit.name}${s.department.shortName}`}
    >
      <div className="submission-card__top">
        <StateTag state={s.state} />
        <span className="submission-card__year">{s.year} 年度</span>
      </div>
      <h3 className="submission-card__title">
        <Link to={to}>{s.taskName}</Link>
      </h3>
      <div className="submission-card__seat">
        {s.orgUnit.name} · {s.department.name}
      </div>
      {s.state === 'returned' && s.returnReason && (
        <div className="submission-card__returned" role="note">
          <ExclamationCircleFilled aria-hidden="true" /> 退回原因：{s.returnReason}
        </div>
      )}
      <div className="submission-card__progress">
        <Progress percent={percent(s.filled, s.expected)} size="small" showInfo={false} status={done ? 'success' : 'normal'} aria-label="填报进度" />
        <span className="submission-card__count">
          已填 <span className="num">{s.filled}</span> / <span className="num">{s.expected}</span> 项 · {s.indicatorCount} 个指标
        </span>
      </div>
      <div className="submission-card__foot">
        <span className={s.overdue ? 'submission-card__due is-overdue' : 'submission-card__due'}>
          <ClockCircleOutlined aria-hidden="true" /> {dueText(s.dueOn, s.overdue)}
        </span>
        <span className="submission-card__buttons">
          {/* To fill in Excel or WPS; the upload is on the entry page, where the result shows in the grid. */}
          <Button type="link" icon={<DownloadOutlined />} href={reportingUrls.submissionTemplate(s.id)} download>
            下载模板
          </Button>
          <Button type={action.primary ? 'primary' : 'default'} onClick={() => navigate(to)}>
            {action.label}
          </Button>
        </span>
      </div>
    </Card>
  );
}

import { Card, Progress } from 'antd';
import { Link } from 'react-router-dom';
import { WARNING_KIND_LABELS } from '../../../../shared/api/analytics';
import { percent } from '../../reporting/format';
import type { OverviewDto } from '../api';
import { formatShare } from '../format';

/** 达标率: “已实现 X 项 / 可评估 Y 项，达标率 Z%”. */
export function AchievementCard({ data }: { data: OverviewDto }) {
  const { achieved, assessable, rate } = data.achievement;
  return (
    <Card variant="borderless" className="content-card summary-card" title="达标率" role="region" aria-label="达标率">
      <div className="summary-card__figure">{formatShare(rate)}</div>
      <p className="summary-card__text">
        已实现 <strong>{achieved}</strong> 项 / 可评估 <strong>{assessable}</strong> 项，达标率 {formatShare(rate)}
      </p>
      <p className="summary-card__note">
        {data.milestone ? `对照${data.milestone}年目标` : '尚无目标年度'}
        {data.latestYear ? `，最新数据 ${data.latestYear} 年` : ''}；数据不足的目标不计入
      </p>
    </Card>
  );
}

/** 预警: counts by kind, each a link to the warnings page filtered to it. */
export function WarningsCard({ data, query }: { data: OverviewDto; query: (kind?: string) => string }) {
  const w = data.warnings;
  const kinds = (['lagging', 'volatile', 'overdue'] as const).map((kind) => ({ kind, label: WARNING_KIND_LABELS[kind], count: w[kind] }));
  return (
    <Card
      variant="borderless"
      className="content-card summary-card"
      title="预警"
      role="region"
      aria-label="预警"
      extra={<Link to={`/analytics/warnings${query()}`}>查看全部</Link>}
    >
      <ul className="warning-counts">
        {kinds.map(({ kind, label, count }) => (
          <li key={kind}>
            <Link to={`/analytics/warnings${query(kind)}`} className={count > 0 ? 'warning-counts__link is-active' : 'warning-counts__link'}>
              <span className="warning-counts__value">{count}</span>
              <span className="warning-counts__label">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="summary-card__note">未处理 {w.unacknowledged} 条</p>
    </Card>
  );
}

/** 填报完成情况 of the latest task: approved out of all submissions. */
export function CompletenessCard({ data }: { data: OverviewDto }) {
  const c = data.completeness;
  return (
    <Card
      variant="borderless"
      className="content-card summary-card"
      title="填报完成情况"
      role="region"
      aria-label="填报完成情况"
      extra={c && <Link to={`/reporting/tasks/${c.taskId}`}>任务详情</Link>}
    >
      {c ? (
        <>
          <p className="summary-card__task">{c.taskName}</p>
          <Progress
            percent={percent(c.approved + c.submitted, c.total)}
            success={{ percent: percent(c.approved, c.total) }}
            aria-label="填报完成比例"
          />
          <p className="summary-card__note">
            共 {c.total} 份：审核通过 {c.approved}，待审核 {c.submitted}，逾期未报 <span className={c.overdue ? 'text-alert' : undefined}>{c.overdue}</span>
          </p>
        </>
      ) : (
        <p className="summary-card__note">暂无填报任务</p>
      )}
    </Card>
  );
}

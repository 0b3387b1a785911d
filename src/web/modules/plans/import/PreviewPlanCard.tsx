import { Card } from 'antd';
import type { ImportOutcome } from '../../../../shared/api/plans';
import { formatPeriod } from '../format';
import { KindTag } from '../KindTag';
import { OutcomeSummary } from './OutcomeSummary';
import { PreviewAreaTable } from './PreviewAreaTable';
import { countPlan, type PreviewPlan } from './previewTypes';

interface PreviewPlanCardProps {
  plan: PreviewPlan;
  outcome: ImportOutcome | undefined;
}

export function PreviewPlanCard({ plan, outcome }: PreviewPlanCardProps) {
  const counts = countPlan(plan);
  const stats = [
    { value: counts.areas, label: '个领域' },
    { value: counts.goals, label: '条主要目标' },
    { value: counts.measures, label: '条策略措施' },
    { value: counts.targets, label: '个量化指标' },
  ];
  const headingId = `preview-plan-${plan.line}`;

  return (
    <section aria-labelledby={headingId} className="preview-plan">
      <Card variant="borderless" className="content-card">
        <div className="preview-plan__head">
          <h2 id={headingId} className="preview-plan__title">
            {plan.title}
          </h2>
          <KindTag kind={plan.kind} />
          <span className="preview-plan__period">规划期 {formatPeriod(plan.periodStart, plan.periodEnd)}</span>
          <span className="preview-plan__line">始于原文第 {plan.line} 行</span>
        </div>
        <ul className="stat-row" aria-label="识别统计">
          {stats.map((stat) => (
            <li key={stat.label} className="stat">
              <span className="stat__value">{stat.value}</span> <span className="stat__label">{stat.label}</span>
            </li>
          ))}
        </ul>
        {outcome && (
          <div className="preview-plan__outcome">
            <div className="section-label">保存后</div>
            <OutcomeSummary outcome={outcome} tense="will" />
          </div>
        )}
        <div className="section-label">领域明细（展开查看主要目标与量化指标）</div>
        <PreviewAreaTable areas={plan.areas} />
      </Card>
    </section>
  );
}

import { Card, Empty } from 'antd';
import { Link } from 'react-router-dom';
import type { IndicatorSourceDto } from '../../../../shared/api/indicators';
import { areaLabel } from '../../plans/format';

/** Where an indicator came from: the plan, the goal's text and the words the target was read from. */
export function SourceCard({ source }: { source: IndicatorSourceDto | null }) {
  return (
    <Card variant="borderless" className="content-card" title="来源">
      {source ? (
        <dl className="indicator-source">
          <dt>规划</dt>
          <dd>
            <Link to={`/plans/${source.planId}?area=${source.areaNo}`}>{source.planTitle}</Link>
          </dd>
          <dt>领域与目标</dt>
          <dd>
            {areaLabel(source.areaNo, source.areaTitle)} · 目标 {source.goalNo}
          </dd>
          <dt>目标原文</dt>
          <dd className="indicator-source__goal">{source.goalText}</dd>
          <dt>指标原文</dt>
          <dd>
            <mark>{source.quote}</mark>
          </dd>
        </dl>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="手工创建或导入的指标，未关联规划目标" />
      )}
    </Card>
  );
}

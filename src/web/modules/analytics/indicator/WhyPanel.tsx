import { Card, Descriptions, Empty } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Comparator } from '../../../../shared/plan-text/types';
import { formatTarget } from '../../plans/format';
import type { IndicatorAnalyticsDto } from '../api';
import { formatRate, formatRatio, formatValue } from '../format';
import { StatusTag } from '../StatusTag';
import { TargetBasisTag } from '../TargetBasisTag';

type Target = IndicatorAnalyticsDto['targets'][number];
type Meta = IndicatorAnalyticsDto['indicator'];

const point = (p: { year: number; value: number } | null, meta: Meta) => (p ? `${p.year}年 ${formatValue(p.value, meta.decimals, meta.unit)}` : '—');

function items(t: Target, meta: Meta): DescriptionsProps['items'] {
  const a = t.assessment;
  return [
    { key: 'baseline', label: '基期', children: point(a.baseline, meta) },
    { key: 'latest', label: '最新', children: point(a.latest, meta) },
    { key: 'target', label: '目标值', children: formatValue(a.targetValue, meta.decimals, meta.unit) },
    { key: 'observed', label: '实际年均增速', children: formatRate(a.cagrObserved) },
    { key: 'required', label: '所需年均增速', children: formatRate(a.cagrRequired) },
    { key: 'ratio', label: '进度比', children: formatRatio(a.ratio) },
    { key: 'projected', label: `按现有增速预计${t.year}年`, children: formatValue(a.projected, meta.decimals, meta.unit) },
    { key: 'reason', label: '判断依据', span: 'filled', children: a.reason },
  ];
}

/** 为什么是这个状态: the inputs of each target's assessment, so anyone can follow it. */
export function WhyPanel({ data }: { data: IndicatorAnalyticsDto }) {
  const meta = data.indicator;
  return (
    <Card
      variant="borderless"
      className="content-card"
      title="为什么是这个状态"
      role="region"
      aria-label="为什么是这个状态"
      extra={
        data.targetBasis && (
          <span className="target-basis-line">
            {data.orgUnit.name}的目标：
            <TargetBasisTag label={data.targetBasis.label} planTitle={data.targetBasis.planTitle} />
            {data.targetBasis.planTitle && <span className="text-muted">《{data.targetBasis.planTitle}》</span>}
          </span>
        )
      }
    >
      {data.targets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该指标没有设定目标值" />
      ) : (
        data.targets.map((t) => (
          <Descriptions
            key={`${t.year}-${t.comparator}`}
            className="why-target"
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            title={
              <span className="why-target__title">
                {formatTarget({ comparator: t.comparator as Comparator, value: t.value, unit: meta.unit, year: t.year, baseYear: t.baseYear })}
                <StatusTag status={t.assessment.status} />
              </span>
            }
            items={items(t, meta)}
          />
        ))
      )}
    </Card>
  );
}

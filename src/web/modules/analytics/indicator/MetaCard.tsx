import { Card, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { areaLabel } from '../../plans/format';
import type { IndicatorAnalyticsDto } from '../api';

const DIRECTION_LABELS = { higher: '越高越好', lower: '越低越好', band: '保持在目标附近' } as const;

const text = (value: string | null) => value || '—';

/** 指标说明: definition, 统计口径, source and responsible department; the formula for the committee's own users. */
export function MetaCard({ meta, withFormula = true }: { meta: IndicatorAnalyticsDto['indicator']; withFormula?: boolean }) {
  const items: DescriptionsProps['items'] = [
    { key: 'definition', label: '定义', children: text(meta.definition) },
    { key: 'caliber', label: '统计口径', children: text(meta.caliber) },
    { key: 'source', label: '数据来源', children: text(meta.dataSource) },
    { key: 'dept', label: '责任单位', children: text(meta.responsibleDept) },
    ...(withFormula ? [{ key: 'formula', label: '计算方法', children: meta.formula }] : []),
    { key: 'unit', label: '计量单位', children: text(meta.unit) },
    { key: 'direction', label: '指标方向', children: DIRECTION_LABELS[meta.direction] },
    ...(meta.area ? [{ key: 'area', label: '所属领域', children: `${meta.area.planTitle} ${areaLabel(meta.area.no, meta.area.title)}` }] : []),
  ];
  return (
    <Card variant="borderless" className="content-card" title="指标说明" role="region" aria-label="指标说明">
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 88 } }} />
    </Card>
  );
}

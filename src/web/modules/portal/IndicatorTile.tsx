import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { EChart } from '../analytics/charts/EChart';
import { sparklineOption } from '../../../shared/charts/options';
import { formatValue } from '../analytics/format';
import { StatusTag } from '../analytics/StatusTag';
import { OWN_TARGETS_LABEL } from '../../../shared/analytics/targetBasis';
import type { PublicIndicatorSummary } from './api';

function Sparkline({ name, points }: { name: string; points: { year: number; value: number }[] }) {
  const option = useMemo(() => sparklineOption(points), [points]);
  return <EChart option={option} title={`${name}近年走势`} height={40} exportable={false} className="portal-tile__spark" />;
}

/** One published indicator: latest value, status, a sparkline of its approved totals; links to its page. */
export function IndicatorTile({ indicator, href }: { indicator: PublicIndicatorSummary; href: string }) {
  const { latest } = indicator;
  return (
    <li className="portal-tile">
      <Link to={href} className="portal-tile__name">
        {indicator.name}
      </Link>
      <div className="portal-tile__figure">
        <span className="portal-tile__value">{latest ? formatValue(latest.value, indicator.decimals, indicator.unit) : '暂无数据'}</span>
        {latest && <span className="portal-tile__year">{latest.year}年</span>}
      </div>
      <div className="portal-tile__status">
        <StatusTag status={indicator.status} />
        {indicator.milestone && indicator.status && (
          <span className="portal-tile__milestone">
            对照{indicator.milestone}年{indicator.targetBasis === OWN_TARGETS_LABEL || !indicator.targetBasis ? '目标' : `目标（${indicator.targetBasis}）`}
          </span>
        )}
      </div>
      {indicator.series.length > 1 && <Sparkline name={indicator.name} points={indicator.series} />}
    </li>
  );
}

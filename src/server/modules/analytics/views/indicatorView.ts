import type { IndicatorAnalyticsDto } from '../../../../shared/api/analytics';
import { OPTION_LABELS } from '../../../../shared/monitoring/validation';
import type { AnalyticsIndicator } from '../catalogue';
import type { AnalyticsContext } from '../context';
import { targetBasisDto } from '../targets';

const point = (p: [number, number] | undefined) => (p ? { year: p[0], value: p[1] } : null);

export function indicatorMeta(indicator: AnalyticsIndicator): IndicatorAnalyticsDto['indicator'] {
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    definition: indicator.definition,
    caliber: indicator.caliber,
    dataSource: indicator.dataSource,
    responsibleDept: indicator.responsibleDept,
    formula: indicator.formula,
    decimals: indicator.decimals,
    published: indicator.published,
    area: indicator.area,
  };
}

/** One indicator at one unit: every series with its sources, each target's assessment, the sub-units compared. */
export function buildIndicatorView(ctx: AnalyticsContext, indicator: AnalyticsIndicator, unitId: number, requestedMilestone?: number): IndicatorAnalyticsDto {
  const unit = ctx.unit(unitId);
  const years = ctx.facts.years;
  const pos = ctx.facts.index.indexOf.get(unitId)!;
  const series = [...ctx.grids(indicator).grids].map(([option, grid]) => {
    const points: IndicatorAnalyticsDto['series'][number]['points'] = [];
    for (let y = 0; y < years.count; y++) {
      const at = pos * years.count + y;
      const value = grid.value[at]!;
      if (value !== value) continue;
      points.push({
        year: years.first + y,
        value,
        numerator: grid.den ? grid.num[at]! : null,
        denominator: grid.den ? grid.den[at]! : null,
        source: grid.fromSubUnits[at] ? 'aggregated' : 'reported',
      });
    }
    return { option, optionName: OPTION_LABELS[option], points };
  });
  const milestone = ctx.milestoneFor(unitId, requestedMilestone);
  const resolved = ctx.targetsOf(indicator, unitId);
  return {
    indicator: indicatorMeta(indicator),
    orgUnit: { id: unit.id, name: unit.name, level: unit.level },
    scope: ctx.scope,
    series,
    targets: resolved.targets.map((t) => ({ year: t.year, comparator: t.comparator, value: t.value, baseYear: t.baseYear, assessment: ctx.assess(indicator, unitId, t) })),
    targetBasis: targetBasisDto(resolved.basis),
    children: ctx.childrenOf(unitId).map((child) => {
      const points = ctx.series(indicator, child.id);
      return {
        orgUnit: { id: child.id, name: child.name },
        latest: point(points.at(-1)),
        previous: point(points.at(-2)),
        status: ctx.statusAt(indicator, child.id, milestone),
        targetBasis: targetBasisDto(ctx.targetsOf(indicator, child.id).basis),
        series: points.map(([year, value]) => ({ year, value })),
      };
    }),
    milestone,
  };
}

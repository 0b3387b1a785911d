import type { Kysely } from 'kysely';
import { assessProgress, measureProgress, type Assessment, type Measurement, type Point, type SeriesSummary, type TargetComparator } from '../../../shared/analytics/progress';
import type { Database } from '../../db/schema';
import { seriesOf } from './engine/cube';
import type { FactBase, FormulaSpec, IndicatorGrids } from './facts';

export interface TargetSpec {
  year: number;
  comparator: TargetComparator;
  value: number | null;
  baseYear: number | null;
}

export interface AnalyticsIndicator extends FormulaSpec {
  code: string;
  name: string;
  unit: string | null;
  direction: 'higher' | 'lower' | 'band';
  definition: string | null;
  caliber: string | null;
  dataSource: string | null;
  decimals: number;
  published: boolean;
  baselineYear: number | null;
  baselineValue: number | null;
  tolerance: number | null;
  yoyThreshold: number | null;
  area: { planTitle: string; no: number; title: string } | null;
  /** The kind of the plan the indicator was made from: only plans of this kind set a unit's own targets for it. */
  kind: 'women' | 'children' | null;
  /** The dictionary's targets: the top unit's (see targets.ts for every other unit's). */
  targets: TargetSpec[];
  /** In words: “分子 ÷ 分母 × 系数” or the reported value. */
  formula: string;
}

const splitCategories = (s: string) => s.split(',').map((c) => c.trim()).filter(Boolean);

/** The indicator dictionary as analytics sees it: formulas, targets and the plan area of each. */
export async function loadIndicators(db: Kysely<Database>, only?: { published?: boolean; id?: number }): Promise<AnalyticsIndicator[]> {
  const [rows, targets] = await Promise.all([
    db
      .selectFrom('indicators as i')
      .leftJoin('plan_targets as pt', 'pt.id', 'i.plan_target_id')
      .leftJoin('plan_goals as g', 'g.id', 'pt.goal_id')
      .leftJoin('plan_areas as a', 'a.id', 'g.area_id')
      .leftJoin('plans as p', 'p.id', 'a.plan_id')
      .leftJoin('data_elements as vde', 'vde.id', 'i.value_de_id')
      .leftJoin('data_elements as nde', 'nde.id', 'i.numerator_de_id')
      .leftJoin('data_elements as dde', 'dde.id', 'i.denominator_de_id')
      .leftJoin('departments as rd', 'rd.id', 'i.responsible_department_id')
      .selectAll('i')
      .select([
        'rd.short_name as responsible_short_name', 'a.no as area_no', 'a.title as area_title', 'p.title as plan_title', 'p.kind as plan_kind',
        'vde.name as value_name', 'nde.name as numerator_name', 'dde.name as denominator_name',
      ])
      .$if(only?.published === true, (q) => q.where('i.published', '=', 1))
      .$if(only?.id !== undefined, (q) => q.where('i.id', '=', only!.id!))
      .orderBy('i.sort')
      .orderBy('i.id')
      .execute(),
    db.selectFrom('indicator_targets').select(['indicator_id', 'year', 'comparator', 'value', 'base_year']).orderBy('year').execute(),
  ]);
  const targetsOf = new Map<number, TargetSpec[]>();
  for (const t of targets) {
    const list = targetsOf.get(t.indicator_id) ?? [];
    list.push({ year: t.year, comparator: t.comparator as TargetComparator, value: t.value, baseYear: t.base_year });
    targetsOf.set(t.indicator_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    direction: r.direction,
    definition: r.definition,
    caliber: r.caliber,
    dataSource: r.data_source,
    responsibleDept: r.responsible_short_name,
    formulaType: r.formula_type,
    valueDeId: r.value_de_id,
    numeratorDeId: r.numerator_de_id,
    denominatorDeId: r.denominator_de_id,
    factor: r.factor,
    categories: splitCategories(r.categories),
    decimals: r.decimals,
    published: r.published === 1,
    baselineYear: r.baseline_year,
    baselineValue: r.baseline_value,
    tolerance: r.tolerance,
    yoyThreshold: r.yoy_threshold,
    area: r.area_no === null || r.area_title === null ? null : { planTitle: r.plan_title ?? '', no: r.area_no, title: r.area_title },
    kind: r.plan_kind,
    targets: targetsOf.get(r.id) ?? [],
    formula:
      r.formula_type === 'ratio'
        ? `${r.numerator_name ?? '分子'} ÷ ${r.denominator_name ?? '分母'}${r.factor === 1 ? '' : ` × ${r.factor}`}`
        : `直接填报：${r.value_name ?? '指标值'}`,
  }));
}

/**
 * The series a unit's progress is measured on: the total from the baseline year on; at the top
 * unit the dictionary's baseline stands in when no value was stored for that year.
 */
export function progressSeries(facts: FactBase, grids: IndicatorGrids, indicator: AnalyticsIndicator, unitPos: number): [number, number][] {
  const series = seriesOf(grids.grids.get('total')!, unitPos, facts.years, indicator.baselineYear ?? facts.years.first);
  const standIn = dictionaryBaseline(facts, indicator, unitPos);
  if (standIn && series[0]?.[0] !== standIn.year) series.unshift([standIn.year, standIn.value]);
  return series;
}

/** The dictionary's baseline, which stands in at the top unit (see progressSeries); null elsewhere or without one. */
function dictionaryBaseline(facts: FactBase, indicator: AnalyticsIndicator, unitPos: number): Point | null {
  const { baselineYear, baselineValue } = indicator;
  return facts.index.parent[unitPos] === -1 && baselineYear !== null && baselineValue !== null ? { year: baselineYear, value: baselineValue } : null;
}

const targetCase = (indicator: AnalyticsIndicator, target: TargetSpec) => ({
  comparator: target.comparator, value: target.value, year: target.year, baseYear: target.baseYear, tolerance: indicator.tolerance,
});

export function assessTarget(indicator: AnalyticsIndicator, target: TargetSpec, series: [number, number][]): Assessment {
  return assessProgress({ ...targetCase(indicator, target), series });
}

/**
 * What summarizeSeries would make of progressSeries for a target, read straight off the grid: the
 * bulk views judge every unit × target, and building each series there costs more than the maths.
 */
export function progressSummary(facts: FactBase, grids: IndicatorGrids, indicator: AnalyticsIndicator, unitPos: number, baseYear: number | null): SeriesSummary {
  const { first: firstYear, count: years } = facts.years;
  const value = grids.grids.get('total')!.value;
  const row = unitPos * years;
  let firstAt = -1;
  let lastAt = -1;
  let count = 0;
  for (let y = Math.max(0, (indicator.baselineYear ?? firstYear) - firstYear); y < years; y++) {
    if (!Number.isFinite(value[row + y]!)) continue;
    if (firstAt < 0) firstAt = y;
    lastAt = y;
    count++;
  }
  const latest: Point | null = lastAt < 0 ? null : { year: firstYear + lastAt, value: value[row + lastAt]! };
  let first: Point | null = firstAt < 0 ? null : { year: firstYear + firstAt, value: value[row + firstAt]! };
  const baseAt = baseYear === null ? -1 : baseYear - firstYear;
  let base: Point | null = baseAt >= firstAt && baseAt >= 0 && baseAt <= lastAt && Number.isFinite(value[row + baseAt]!) ? { year: baseYear!, value: value[row + baseAt]! } : null;
  const standIn = dictionaryBaseline(facts, indicator, unitPos);
  if (standIn && first?.year !== standIn.year) {
    first = standIn;
    count++;
    if (baseYear === standIn.year) base = first;
  }
  return { first, latest: latest ?? first, count, base };
}

export function measureTarget(indicator: AnalyticsIndicator, target: TargetSpec, summary: SeriesSummary): Measurement {
  return measureProgress(targetCase(indicator, target), summary);
}

/** Target years of the dictionary and of the plans in force, ascending. */
export function milestonesOf(indicators: readonly AnalyticsIndicator[], planTargetYears: readonly number[] = []): number[] {
  return [...new Set([...indicators.flatMap((i) => i.targets.map((t) => t.year)), ...planTargetYears])].sort((a, b) => a - b);
}

/** The milestone to assess by default: the first still ahead of the latest data, else the last. */
export function defaultMilestone(milestones: readonly number[], latestYear: number | null): number | null {
  if (!milestones.length) return null;
  return milestones.find((m) => latestYear === null || m > latestYear) ?? milestones.at(-1)!;
}

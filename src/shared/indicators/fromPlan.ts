/** Drafting dictionary indicators from the targets of a plan: pure, so the rules can be tested as tables. */
import type { IndicatorInputDto, IndicatorTargetDto } from '../api/indicators';
import type { Comparator, ParsedTarget, PlanKind } from '../plan-text/types';
import type { Direction, ValueType } from './vocabulary';

/** A plan target as stored: the importer's target with its id, the quote aside. */
export type PlanTargetLike = Omit<ParsedTarget, 'quote'> & { id: number };

export function directionFromComparator(comparator: Comparator): Direction {
  if (comparator === '<=' || comparator === 'decrease') return 'lower';
  if (comparator === '~') return 'band';
  return 'higher';
}

/** Targets of one indicator are those naming it, whatever the spacing the text put in the name. */
export const indicatorKey = (name: string): string => name.replace(/\s+/g, '');

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * “W01_022”: plan kind, area, goal and the indicator's place among the goal's indicators; the
 * place counts on while the code is taken.
 */
export function indicatorCode(kind: PlanKind, areaNo: number, goalNo: number, index: number, taken: ReadonlySet<string>): string {
  const stem = `${kind === 'women' ? 'W' : 'C'}${pad2(areaNo)}_${pad2(goalNo)}`;
  let n = index;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** Indicator names that tell the department better than the area does. */
const BY_NAME: readonly [RegExp, string][] = [
  [/医疗保险|生育保险/, '医保局'],
  [/养老保险|失业保险|工伤保险/, '人社局'],
  [/抽检/, '市场监管局'],
  [/体育|体质/, '体育局'],
  [/自来水|卫生厕所/, '农业农村局'],
  [/水源|空气|污染/, '生态环境局'],
  [/村委会|居委会|社会组织|养老服务|社区/, '民政局'],
  [/科学素质/, '科协'],
];

const BY_AREA: readonly [RegExp, string][] = [
  [/健康/, '卫健委'],
  [/教育/, '教育局'],
  [/经济/, '人社局'],
  [/决策和管理/, '组织部'],
  [/社会保障|福利/, '民政局'],
  [/家庭/, '妇联'],
  [/环境/, '生态环境局'],
  [/安全/, '公安局'],
  [/法律/, '司法局'],
];

/** The department that usually reports an indicator, by its short name among `known` (id by short name); null when unsure. */
export function guessDepartment(areaTitle: string, indicator: string, known: ReadonlyMap<string, number>): number | null {
  const byName = BY_NAME.find(([pattern]) => pattern.test(indicator))?.[1];
  const guess = byName ?? BY_AREA.find(([pattern]) => pattern.test(areaTitle))?.[1];
  return guess === undefined ? null : (known.get(guess) ?? null);
}

const COUNT_UNITS = new Set(['名', '个', '人', '所', '家', '次']);

const valueTypeForUnit = (unit: string | null): ValueType => (unit !== null && COUNT_UNITS.has(unit) ? 'count' : 'rate');

/**
 * Yearly targets from the plan targets of one indicator: a target without a year is for the plan's
 * end; where two fall on one year the first in the text stays (“不低于98%，力争100%”).
 */
export function indicatorTargets(targets: readonly Pick<PlanTargetLike, 'year' | 'comparator' | 'value' | 'baseYear'>[], periodEnd: number): IndicatorTargetDto[] {
  const byYear = new Map<number, IndicatorTargetDto>();
  for (const t of targets) {
    const year = t.year ?? periodEnd;
    if (!byYear.has(year)) byYear.set(year, { year, comparator: t.comparator, value: t.value, baseYear: t.baseYear });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The indicator's own unit: a relative target's “%” is a change, not the unit, unless nothing else has one. */
function unitOf(targets: readonly PlanTargetLike[]): string | null {
  return (targets.find((t) => t.unit !== null && t.baseYear === null) ?? targets.find((t) => t.unit !== null))?.unit ?? null;
}

export interface DraftContext {
  code: string;
  periodEnd: number;
  responsibleDepartmentId: number | null;
}

/** A direct indicator over one reported value, named and aimed as the plan says. */
export function draftIndicator(targets: readonly PlanTargetLike[], ctx: DraftContext): IndicatorInputDto {
  const first = targets[0];
  if (!first) throw new Error('draftIndicator needs at least one target');
  const unit = unitOf(targets);
  return {
    code: ctx.code,
    name: first.indicator.trim(),
    unit,
    direction: directionFromComparator(first.comparator),
    definition: null,
    caliber: null,
    categories: '',
    formula: { type: 'direct', value: { code: ctx.code, name: first.indicator.trim(), unit, valueType: valueTypeForUnit(unit), categories: '' } },
    responsibleDepartmentId: ctx.responsibleDepartmentId,
    dataSource: null,
    baselineYear: null,
    baselineValue: null,
    minValue: null,
    maxValue: null,
    yoyThreshold: null,
    tolerance: null,
    decimals: 2,
    published: false,
    targets: indicatorTargets(targets, ctx.periodEnd),
  };
}

import type { Comparator } from '../plan-text/types';

/**
 * 备案 comparison: each target of a district's plan against the city's target for the same
 * indicator (linked through plan_targets.indicator_id). Pure; the server runs it when a plan is
 * filed and stores the result with the filing.
 */
export interface ComparedTarget {
  targetId: number;
  /** The indicator the target measures; null when the target is not linked to one. */
  indicatorId: number | null;
  indicator: string;
  comparator: Comparator;
  /** For relative targets (`baseYear` set) the signed change in percent. */
  value: number | null;
  unit: string | null;
  /** The milestone year, the plan's end year when the text gives none. */
  year: number;
  baseYear: number | null;
}

/** Why a district target falls short of the city's. */
export type WeakerReason = 'lower_bar' | 'later_year' | 'missing';

export type ComparisonVerdict =
  /** Listed for the office: a lower bar, a later year, or not set at all. */
  | 'weaker'
  | 'meets'
  /** A band (`~`, `=`) at another value: neither weaker nor stronger. */
  | 'different'
  /** Not comparable as written: other units, other directions, other base years. */
  | 'incomparable'
  /** One side's target names no indicator, so there is nothing to match it with. */
  | 'unlinked'
  /** The district sets an indicator the city does not. */
  | 'extra';

export interface ComparisonRow {
  indicatorId: number | null;
  indicator: string;
  city: ComparedTarget | null;
  district: ComparedTarget | null;
  verdict: ComparisonVerdict;
  reasons: WeakerReason[];
  /** What the office reads, in Chinese. */
  note: string;
}

export interface FilingComparison {
  rows: ComparisonRow[];
  counts: Record<ComparisonVerdict, number>;
}

type Direction = 'higher' | 'lower' | 'band';

const directionOf = (c: Comparator): Direction => (c === '>=' || c === 'increase' ? 'higher' : c === '<=' || c === 'decrease' ? 'lower' : 'band');

const relative = (t: ComparedTarget) => t.baseYear !== null;

export function describeTarget(t: ComparedTarget): string {
  const unit = t.unit ?? '';
  const base = t.baseYear !== null ? `较${t.baseYear}年` : '';
  const value = t.value === null ? '' : relative(t) ? `${Math.abs(t.value)}%` : `${t.value}${unit}`;
  switch (t.comparator) {
    case '>=': return `${t.year}年 ≥ ${value}`;
    case '<=': return `${t.year}年 ≤ ${value}`;
    case '=': return `${t.year}年 = ${value}`;
    case '~': return `${t.year}年 保持在 ${value} 左右`;
    case 'increase': return `${t.year}年 ${base}提高${value}`;
    case 'decrease': return `${t.year}年 ${base}降低${value}`;
  }
}

/** The district target that answers a city target: the latest at or before its year, else the earliest after it. */
function answering(city: ComparedTarget, candidates: readonly ComparedTarget[]): ComparedTarget | undefined {
  const byYear = [...candidates].sort((a, b) => a.year - b.year);
  return byYear.filter((d) => d.year <= city.year).at(-1) ?? byYear[0];
}

function judge(city: ComparedTarget, district: ComparedTarget): Pick<ComparisonRow, 'verdict' | 'reasons' | 'note'> {
  const direction = directionOf(city.comparator);
  if (city.unit !== null && district.unit !== null && city.unit !== district.unit) {
    return { verdict: 'incomparable', reasons: [], note: `计量单位不同（市：${city.unit}，区：${district.unit}）` };
  }
  if (directionOf(district.comparator) !== direction) {
    return { verdict: 'incomparable', reasons: [], note: `目标方向不同（市：${describeTarget(city)}，区：${describeTarget(district)}）` };
  }
  if (relative(city) !== relative(district) || (relative(city) && city.baseYear !== district.baseYear)) {
    return { verdict: 'incomparable', reasons: [], note: '一方为相对基期的变化、另一方不是（或基期不同），无法直接比较' };
  }
  const reasons: WeakerReason[] = [];
  const notes: string[] = [];
  if (direction === 'band') {
    if (city.value !== district.value) return { verdict: 'different', reasons: [], note: `目标值不同（市：${describeTarget(city)}，区：${describeTarget(district)}）` };
  } else if (city.value !== null) {
    // Plain numbers and signed changes alike: higher-better wants at least the city's value, lower-better at most.
    const short = district.value === null || (direction === 'higher' ? district.value < city.value : district.value > city.value);
    if (short) {
      reasons.push('lower_bar');
      notes.push(district.value === null ? '区规划未给出目标值' : `目标值低于市级（市：${describeTarget(city)}，区：${describeTarget(district)}）`);
    }
  }
  if (district.year > city.year) {
    reasons.push('later_year');
    notes.push(`达标年份晚于市级（市：${city.year}年，区：${district.year}年）`);
  }
  return reasons.length > 0
    ? { verdict: 'weaker', reasons, note: notes.join('；') }
    : { verdict: 'meets', reasons: [], note: `不低于市级目标（市：${describeTarget(city)}，区：${describeTarget(district)}）` };
}

export function compareFilingTargets(city: readonly ComparedTarget[], district: readonly ComparedTarget[]): FilingComparison {
  const rows: ComparisonRow[] = [];
  const districtByIndicator = new Map<number, ComparedTarget[]>();
  for (const d of district) {
    if (d.indicatorId === null) continue;
    districtByIndicator.set(d.indicatorId, [...(districtByIndicator.get(d.indicatorId) ?? []), d]);
  }
  const citySets = new Set<number>();
  for (const c of city) {
    if (c.indicatorId === null) {
      rows.push({ indicatorId: null, indicator: c.indicator, city: c, district: null, verdict: 'unlinked', reasons: [], note: '市级目标未关联指标，无法比较' });
      continue;
    }
    citySets.add(c.indicatorId);
    const match = answering(c, districtByIndicator.get(c.indicatorId) ?? []);
    if (!match && district.some((d) => d.indicatorId === null && d.indicator === c.indicator)) {
      // The district does set it, under a target not linked yet: not known to be missing.
      rows.push({ indicatorId: c.indicatorId, indicator: c.indicator, city: c, district: null, verdict: 'unlinked', reasons: [], note: '区规划的同名目标未关联指标，无法比较' });
      continue;
    }
    if (!match) {
      rows.push({ indicatorId: c.indicatorId, indicator: c.indicator, city: c, district: null, verdict: 'weaker', reasons: ['missing'], note: '区规划未设定市级规划的这项指标' });
      continue;
    }
    rows.push({ indicatorId: c.indicatorId, indicator: c.indicator, city: c, district: match, ...judge(c, match) });
  }
  for (const d of district) {
    if (d.indicatorId === null) {
      rows.push({ indicatorId: null, indicator: d.indicator, city: null, district: d, verdict: 'unlinked', reasons: [], note: '区级目标未关联指标，无法与市级比较' });
    } else if (!citySets.has(d.indicatorId)) {
      rows.push({ indicatorId: d.indicatorId, indicator: d.indicator, city: null, district: d, verdict: 'extra', reasons: [], note: '市级规划未设定此指标' });
    }
  }
  const counts: Record<ComparisonVerdict, number> = { weaker: 0, meets: 0, different: 0, incomparable: 0, unlinked: 0, extra: 0 };
  for (const r of rows) counts[r.verdict] += 1;
  return { rows, counts };
}

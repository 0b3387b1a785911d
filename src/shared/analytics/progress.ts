/**
 * Progress towards a target, by the method of Statistics Canada's SDG data hub (Open SDG):
 * compare the observed compound annual growth rate since the baseline with the rate needed to
 * reach the target by its year. Pure functions; the server and the web UI share them.
 */
export const PROGRESS_STATUSES = ['achieved', 'on_track', 'moderate', 'limited', 'deterioration', 'insufficient_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  achieved: '已实现',
  on_track: '进展顺利',
  moderate: '需加快',
  limited: '进展缓慢',
  deterioration: '出现倒退',
  insufficient_data: '数据不足',
};

export type TargetComparator = '>=' | '<=' | '=' | '~' | 'increase' | 'decrease';

export interface AssessCase {
  comparator: TargetComparator;
  /**
   * The target value; for a relative target (`baseYear` set, '>=' or '<=') the signed change in
   * percent against the base year; for 'increase'/'decrease' an optional required yearly change in percent.
   */
  value: number | null;
  /** The milestone year T. */
  year: number;
  baseYear?: number | null;
  /** Half-width of the band of a '~'/'=' target, in percent of the target value; default 2. */
  tolerance?: number | null;
  /** [year, value] pairs in any order; non-finite values are ignored, a repeated year keeps its last value. */
  series: [number, number][];
}

export interface Point {
  year: number;
  value: number;
}

export interface Assessment {
  status: ProgressStatus;
  /** Progress ratio R: observed over required growth, in the desired direction. */
  ratio: number | null;
  /** The latest value carried forward to the milestone year at the observed growth rate. */
  projected: number | null;
  /** The absolute target after resolving a relative one; null for qualitative targets. */
  targetValue: number | null;
  baseline: Point | null;
  latest: Point | null;
  cagrObserved: number | null;
  cagrRequired: number | null;
  /** One Chinese sentence saying why, with the numbers. */
  reason: string;
}

export interface AssessOptions {
  /** For qualitative targets without a rate: yearly change in the desired direction at or above [0] is on track, at or above [1] moderate. */
  qualitativeThresholds?: [number, number];
}

export const DEFAULT_TOLERANCE_PCT = 2;
export const DEFAULT_QUALITATIVE_THRESHOLDS: [number, number] = [0.015, 0.005];
/** Stand-in for zero or negative values, which compound growth cannot handle. */
const FLOOR = 0.001;
const EPS = 1e-12;
/** Slack for comparisons against thresholds and targets, so that 0.1 + 0.2 style rounding does not flip a status. */
const SLACK = 1e-9;

const isQualitative = (c: TargetComparator): c is 'increase' | 'decrease' => c === 'increase' || c === 'decrease';

/** Drops non-finite years and values, keeps the last value given for a year, sorts by year. */
export function cleanSeries(series: readonly (readonly [number, number])[]): Point[] {
  const byYear = new Map<number, number>();
  for (const [year, value] of series) {
    if (!Number.isFinite(year) || !Number.isFinite(value)) continue;
    byYear.delete(year);
    byYear.set(year, value);
  }
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/**
 * Whether `value` satisfies the target: '>=' / '<=' as written, '~' and '=' within ±tolerancePct %
 * of the target, 'increase' / 'decrease' strictly above / below `target` (e.g. the baseline).
 */
export function meetsTarget(comparator: TargetComparator, value: number, target: number, tolerancePct: number = DEFAULT_TOLERANCE_PCT): boolean {
  const slack = SLACK * Math.max(1, Math.abs(target));
  switch (comparator) {
    case '>=':
      return value >= target - slack;
    case '<=':
      return value <= target + slack;
    case '~':
    case '=':
      return Math.abs(value - target) <= (Math.abs(target) * tolerancePct) / 100 + slack;
    case 'increase':
      return value > target;
    case 'decrease':
      return value < target;
  }
}

/** Compound annual growth rate from `from` to `to` over `years`; zero or negative values count as 0.001. */
function cagr(from: number, to: number, years: number): number {
  const positive = (x: number) => (x > 0 ? x : FLOOR);
  return (positive(to) / positive(from)) ** (1 / years) - 1;
}

function statusForRatio(r: number): ProgressStatus {
  if (r >= 0.95 - SLACK) return 'on_track';
  if (r >= 0.6 - SLACK) return 'moderate';
  if (r >= -SLACK) return 'limited';
  return 'deterioration';
}

/** A number for a sentence: at most 4 significant digits for small values, no trailing zeros. */
export function formatNumber(x: number): string {
  const abs = Math.abs(x);
  const text = abs >= 1000 ? x.toFixed(0) : abs >= 100 ? x.toFixed(1) : abs >= 1 ? x.toFixed(2) : x.toPrecision(3);
  return String(Number(text) || 0);
}

/** A rate as a percentage with one decimal, as in “年均变化-2.0%”. */
const formatPct = (rate: number) => `${(rate * 100).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;

function targetText(c: AssessCase, target: number, relative: boolean): string {
  const tol = c.tolerance ?? DEFAULT_TOLERANCE_PCT;
  const main = c.comparator === '>=' ? `≥${formatNumber(target)}` : c.comparator === '<=' ? `≤${formatNumber(target)}` : `${formatNumber(target)}±${formatNumber(tol)}%`;
  if (!relative || c.value === null) return main;
  return `${main}（比${c.baseYear}年${c.value < 0 ? '下降' : '提高'}${formatNumber(Math.abs(c.value))}%）`;
}

export function assessProgress(c: AssessCase, options: AssessOptions = {}): Assessment {
  const [onTrack, moderate] = options.qualitativeThresholds ?? DEFAULT_QUALITATIVE_THRESHOLDS;
  const qualitative = isQualitative(c.comparator);
  const relative = c.baseYear != null && (c.comparator === '>=' || c.comparator === '<=');
  const T = c.year;
  const points = cleanSeries(c.series);
  const none: Omit<Assessment, 'status' | 'reason'> = {
    ratio: null, projected: null, targetValue: qualitative || relative ? null : c.value, baseline: null, latest: null, cagrObserved: null, cagrRequired: null,
  };

  const latest = points.at(-1);
  if (!latest) return { ...none, status: 'insufficient_data', reason: '没有数据' };
  const t = latest.year;
  const vt = latest.value;
  const known = { ...none, latest, projected: vt };

  let baseline: Point;
  let target: number | null;
  if (relative) {
    const base = points.find((p) => p.year === c.baseYear);
    if (!base) return { ...known, status: 'insufficient_data', reason: `缺少基期${c.baseYear}年数据` };
    baseline = base;
    target = c.value === null ? null : base.value * (1 + c.value / 100);
  } else {
    baseline = points[0]!;
    target = qualitative ? null : c.value;
  }
  if (!qualitative && target === null) return { ...known, baseline, status: 'insufficient_data', reason: '未给出目标值' };

  const b = baseline.year;
  const vb = baseline.value;
  const span = t - b;
  const cagrObserved = span > 0 ? cagr(vb, vt, span) : null;
  const projected = cagrObserved !== null && T > t ? vt * (1 + cagrObserved) ** (T - t) : vt;
  const cagrRequired = target !== null && T > b ? cagr(vb, target, T - b) : null;
  const base = { ...none, targetValue: target, baseline, latest, projected, cagrObserved, cagrRequired };

  if (target !== null && meetsTarget(c.comparator, vt, target, c.tolerance ?? DEFAULT_TOLERANCE_PCT)) {
    return { ...base, status: 'achieved', reason: `${t}年为${formatNumber(vt)}，已达到目标${targetText(c, target, relative)}` };
  }
  if (cagrObserved === null) {
    const why = points.length < 2 ? `仅有${t}年一个数据点` : `基期${b}年之后没有数据`;
    return { ...base, status: 'insufficient_data', reason: `${why}，无法推算变化趋势` };
  }

  const trend = `${b}—${t}年均变化${formatPct(cagrObserved)}`;
  const outlook = T > t ? `按${trend}推算，${T}年约为${formatNumber(projected)}` : trend;

  if (qualitative) {
    const d = c.comparator === 'increase' ? 1 : -1;
    const x = d * cagrObserved;
    const wanted = c.comparator === 'increase' ? '上升' : '下降';
    if (c.value === null) {
      const status: ProgressStatus = x >= onTrack - SLACK ? 'on_track' : x >= moderate - SLACK ? 'moderate' : x >= -SLACK ? 'limited' : 'deterioration';
      return { ...base, status, ratio: x / onTrack, reason: `${outlook}，期望${wanted}（年均${formatPct(onTrack)}以上为进展顺利），${STATUS_LABELS[status]}` };
    }
    const required = Math.abs(c.value) / 100;
    const withRequired = { ...base, cagrRequired: d * required };
    if (required < EPS) {
      const status: ProgressStatus = x >= -SLACK ? 'on_track' : 'deterioration';
      return { ...withRequired, status, reason: `${outlook}，期望${wanted}，${STATUS_LABELS[status]}` };
    }
    const ratio = x / required;
    const status = statusForRatio(ratio);
    return { ...withRequired, status, ratio, reason: `${outlook}，需年均${wanted}${formatPct(required)}，进度比${ratio.toFixed(2)}，${STATUS_LABELS[status]}` };
  }

  const goal = targetText(c, target!, relative);
  const d = c.comparator === '>=' ? 1 : c.comparator === '<=' ? -1 : Math.sign(target! - vb);
  const x = d * cagrObserved;
  if (cagrRequired === null || Math.abs(cagrRequired) < EPS) {
    const status: ProgressStatus = x <= 0 ? 'deterioration' : 'limited';
    const why = cagrRequired === null ? `目标年份${T}年不晚于基期${b}年` : `目标${goal}与基期${b}年的${formatNumber(vb)}相同`;
    return { ...base, status, reason: `${why}，${t}年为${formatNumber(vt)}，尚未达到目标，${trend}，${STATUS_LABELS[status]}` };
  }
  const ratio = x / Math.abs(cagrRequired);
  if (t >= T) {
    const status: ProgressStatus = x > 0 ? 'limited' : 'deterioration';
    return { ...base, status, ratio, reason: `${T}年目标${goal}未实现（${t}年为${formatNumber(vt)}），${trend}，进度比${ratio.toFixed(2)}，${STATUS_LABELS[status]}` };
  }
  const status = statusForRatio(ratio);
  return { ...base, status, ratio, reason: `${outlook}，目标${goal}需年均变化${formatPct(cagrRequired)}，进度比${ratio.toFixed(2)}，${STATUS_LABELS[status]}` };
}

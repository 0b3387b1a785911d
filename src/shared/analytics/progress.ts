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
/** A relative target: a change in percent against its base year. */
const isRelative = (c: { comparator: TargetComparator; baseYear?: number | null }) => c.baseYear != null && (c.comparator === '>=' || c.comparator === '<=');

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

const positive = (x: number) => (x > 0 ? x : FLOOR);

/** Compound annual growth rate from `from` to `to` over `years`. */
function cagr(from: number, to: number, years: number): number {
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

function targetText(c: TargetCase, target: number, relative: boolean): string {
  const tol = c.tolerance ?? DEFAULT_TOLERANCE_PCT;
  const main = c.comparator === '>=' ? `≥${formatNumber(target)}` : c.comparator === '<=' ? `≤${formatNumber(target)}` : `${formatNumber(target)}±${formatNumber(tol)}%`;
  if (!relative || c.value === null) return main;
  return `${main}（比${c.baseYear}年${c.value < 0 ? '下降' : '提高'}${formatNumber(Math.abs(c.value))}%）`;
}

/** All the method reads of a series: its first and latest points, their number, and the point of the base year. */
export interface SeriesSummary {
  first: Point | null;
  latest: Point | null;
  count: number;
  /** The point of the target's `baseYear`, if it has one. */
  base: Point | null;
}

/** The summary of a clean series (see cleanSeries) for a target with the given base year. */
export function summarizeSeries(points: readonly Point[], baseYear: number | null | undefined): SeriesSummary {
  return {
    first: points[0] ?? null,
    latest: points.at(-1) ?? null,
    count: points.length,
    base: baseYear == null ? null : (points.find((p) => p.year === baseYear) ?? null),
  };
}

/** Which rule decided the status; explainProgress words each one. */
type Basis =
  | 'no_data' | 'no_base' | 'no_target' | 'achieved' | 'no_trend'
  | 'qualitative_rate' | 'qualitative_any' | 'qualitative_required'
  | 'flat_required' | 'milestone_passed' | 'projected';

export type Measurement = Omit<Assessment, 'reason'> & { basis: Basis };

/** A target without its series: what assessProgress and measureProgress judge a series against. */
export type TargetCase = Omit<AssessCase, 'series'>;

type Numbers = Pick<Assessment, 'ratio' | 'projected' | 'cagrObserved' | 'cagrRequired'>;
const NO_NUMBERS: Numbers = { ratio: null, projected: null, cagrObserved: null, cagrRequired: null };

// At module level, not a closure in measureProgress: it runs for every unit × target of the bulk views.
function measurement(basis: Basis, status: ProgressStatus, s: SeriesSummary, baseline: Point | null, targetValue: number | null, numbers: Numbers): Measurement {
  return {
    basis, status, baseline, latest: s.latest, targetValue,
    ratio: numbers.ratio, projected: numbers.projected ?? s.latest?.value ?? null, cagrObserved: numbers.cagrObserved, cagrRequired: numbers.cagrRequired,
  };
}

/**
 * The status and its inputs, without the words: the whole method, for bulk use where the
 * sentence is not shown (assessProgress adds it).
 */
export function measureProgress(c: TargetCase, s: SeriesSummary, options: AssessOptions = {}): Measurement {
  const qualitative = isQualitative(c.comparator);
  const relative = isRelative(c);
  const T = c.year;
  const latest = s.latest;
  if (!latest) return measurement('no_data', 'insufficient_data', s, null, qualitative || relative ? null : c.value, NO_NUMBERS);
  const t = latest.year;
  const vt = latest.value;

  let baseline: Point;
  let target: number | null;
  if (relative) {
    if (!s.base) return measurement('no_base', 'insufficient_data', s, null, null, NO_NUMBERS);
    baseline = s.base;
    target = c.value === null ? null : s.base.value * (1 + c.value / 100);
  } else {
    baseline = s.first!;
    target = qualitative ? null : c.value;
  }
  if (!qualitative && target === null) return measurement('no_target', 'insufficient_data', s, baseline, null, NO_NUMBERS);

  const b = baseline.year;
  const vb = baseline.value;
  const span = t - b;
  const cagrObserved = span > 0 ? cagr(vb, vt, span) : null;
  const projected = cagrObserved !== null && T > t ? vt * (1 + cagrObserved) ** (T - t) : vt;
  const cagrRequired = target !== null && T > b ? cagr(vb, target, T - b) : null;
  const known: Numbers = { ratio: null, projected, cagrObserved, cagrRequired };

  if (target !== null && meetsTarget(c.comparator, vt, target, c.tolerance ?? DEFAULT_TOLERANCE_PCT)) return measurement('achieved', 'achieved', s, baseline, target, known);
  if (cagrObserved === null) return measurement('no_trend', 'insufficient_data', s, baseline, target, known);

  if (qualitative) {
    const d = c.comparator === 'increase' ? 1 : -1;
    const x = d * cagrObserved;
    if (c.value === null) {
      const [onTrack, moderate] = options.qualitativeThresholds ?? DEFAULT_QUALITATIVE_THRESHOLDS;
      const status: ProgressStatus = x >= onTrack - SLACK ? 'on_track' : x >= moderate - SLACK ? 'moderate' : x >= -SLACK ? 'limited' : 'deterioration';
      return measurement('qualitative_rate', status, s, baseline, null, { ...known, ratio: x / onTrack });
    }
    const required = Math.abs(c.value) / 100;
    const withRequired = { ...known, cagrRequired: d * required };
    if (required < EPS) return measurement('qualitative_any', x >= -SLACK ? 'on_track' : 'deterioration', s, baseline, null, withRequired);
    const ratio = x / required;
    return measurement('qualitative_required', statusForRatio(ratio), s, baseline, null, { ...withRequired, ratio });
  }

  const x = (c.comparator === '>=' ? 1 : c.comparator === '<=' ? -1 : Math.sign(target! - vb)) * cagrObserved;
  if (cagrRequired === null || Math.abs(cagrRequired) < EPS) return measurement('flat_required', x <= 0 ? 'deterioration' : 'limited', s, baseline, target, known);
  const ratio = x / Math.abs(cagrRequired);
  if (t >= T) return measurement('milestone_passed', x > 0 ? 'limited' : 'deterioration', s, baseline, target, { ...known, ratio });
  return measurement('projected', statusForRatio(ratio), s, baseline, target, { ...known, ratio });
}

/** One Chinese sentence saying why the measurement came out as it did, with the numbers. */
export function explainProgress(c: TargetCase, m: Measurement, s: SeriesSummary, options: AssessOptions = {}): string {
  const relative = isRelative(c);
  const label = STATUS_LABELS[m.status];
  const T = c.year;
  switch (m.basis) {
    case 'no_data':
      return '没有数据';
    case 'no_base':
      return `缺少基期${c.baseYear}年数据`;
    case 'no_target':
      return '未给出目标值';
  }
  const { year: t, value: vt } = m.latest!;
  const { year: b, value: vb } = m.baseline!;
  if (m.basis === 'achieved') return `${t}年为${formatNumber(vt)}，已达到目标${targetText(c, m.targetValue!, relative)}`;
  if (m.basis === 'no_trend') return `${s.count < 2 ? `仅有${t}年一个数据点` : `基期${b}年之后没有数据`}，无法推算变化趋势`;

  const trend = `${b}—${t}年均变化${formatPct(m.cagrObserved!)}`;
  const outlook = T > t ? `按${trend}推算，${T}年约为${formatNumber(m.projected!)}` : trend;
  const wanted = c.comparator === 'increase' ? '上升' : '下降';
  const goal = m.targetValue === null ? '' : targetText(c, m.targetValue, relative);
  switch (m.basis) {
    case 'qualitative_rate':
      return `${outlook}，期望${wanted}（年均${formatPct((options.qualitativeThresholds ?? DEFAULT_QUALITATIVE_THRESHOLDS)[0])}以上为进展顺利），${label}`;
    case 'qualitative_any':
      return `${outlook}，期望${wanted}，${label}`;
    case 'qualitative_required':
      return `${outlook}，需年均${wanted}${formatPct(Math.abs(c.value!) / 100)}，进度比${m.ratio!.toFixed(2)}，${label}`;
    case 'flat_required': {
      const why = m.cagrRequired === null ? `目标年份${T}年不晚于基期${b}年` : `目标${goal}与基期${b}年的${formatNumber(vb)}相同`;
      return `${why}，${t}年为${formatNumber(vt)}，尚未达到目标，${trend}，${label}`;
    }
    case 'milestone_passed':
      return `${T}年目标${goal}未实现（${t}年为${formatNumber(vt)}），${trend}，进度比${m.ratio!.toFixed(2)}，${label}`;
    default:
      return `${outlook}，目标${goal}需年均变化${formatPct(m.cagrRequired!)}，进度比${m.ratio!.toFixed(2)}，${label}`;
  }
}

export function assessProgress(c: AssessCase, options: AssessOptions = {}): Assessment {
  const summary = summarizeSeries(cleanSeries(c.series), c.baseYear);
  const measured = measureProgress(c, summary, options);
  const { basis, ...assessment } = measured;
  return { ...assessment, reason: explainProgress(c, measured, summary, options) };
}

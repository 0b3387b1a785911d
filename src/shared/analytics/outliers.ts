/**
 * Outlier tests for early warnings (波动较大), pure: the modified z-score of Iglewicz and Hoaglin,
 * robust to the very outliers it looks for because it uses the median and the median absolute deviation.
 */
export const MODIFIED_Z_THRESHOLD = 3.5;

/** The median, sorting `values` in place: a Float64Array sorts numerically without a comparator call per step. */
function medianInPlace(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * The median and σ̂ = MAD / 0.6745 of the values. When more than half the values are equal the
 * MAD is zero; the mean absolute deviation stands in (σ̂ = 1.2533 × meanAD). `minSpread` is a
 * floor for σ̂: a handful of near-identical values would otherwise make a trivial difference look
 * extreme.
 */
function centreAndSpread(values: readonly number[], minSpread: number): { median: number; spread: number } {
  // Plain loops: typed-array `from` with a mapping function is slow in V8, and this runs per unit × indicator.
  const n = values.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i]!;
  const median = medianInPlace(sorted);
  const deviations = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += deviations[i] = Math.abs(values[i]! - median);
  const mad = medianInPlace(deviations);
  return { median, spread: Math.max(mad > 0 ? mad / 0.6745 : (1.253314 * sum) / n, minSpread) };
}

/** M_i = 0.6745 (x_i − median) / MAD, i.e. (x_i − median) / σ̂ (see centreAndSpread). All-equal values score 0. */
export function modifiedZScores(values: readonly number[], minSpread = 0): number[] {
  if (values.length === 0) return [];
  const { median, spread } = centreAndSpread(values, minSpread);
  return values.map((v) => (spread === 0 ? 0 : (v - median) / spread));
}

/** The modified z-score of the last value among all of them; null with fewer than `min` values. */
export function lastValueScore(values: readonly number[], options: { min?: number; minSpread?: number } = {}): number | null {
  if (values.length < (options.min ?? 4)) return null;
  const { median, spread } = centreAndSpread(values, options.minSpread ?? 0);
  return spread === 0 ? 0 : (values.at(-1)! - median) / spread;
}

/** Year-on-year changes of a series sorted by year, only between consecutive years. */
export function yearOnYearChanges(points: readonly { year: number; value: number }[]): { year: number; change: number; previous: number }[] {
  const out: { year: number; change: number; previous: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (b.year - a.year === 1) out.push({ year: b.year, change: b.value - a.value, previous: a.value });
  }
  return out;
}

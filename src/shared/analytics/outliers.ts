/**
 * Outlier tests for early warnings (波动较大), pure: the modified z-score of Iglewicz and Hoaglin,
 * robust to the very outliers it looks for because it uses the median and the median absolute deviation.
 */
export const MODIFIED_Z_THRESHOLD = 3.5;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * M_i = 0.6745 (x_i − median) / MAD, i.e. (x_i − median) / σ̂ with σ̂ = MAD / 0.6745. When more
 * than half the values are equal the MAD is zero; the mean absolute deviation stands in (σ̂ =
 * 1.2533 × meanAD). `minSpread` is a floor for σ̂: a handful of near-identical values would
 * otherwise make a trivial difference look extreme. All-equal values score 0.
 */
export function modifiedZScores(values: readonly number[], minSpread = 0): number[] {
  if (values.length === 0) return [];
  const med = median([...values].sort((a, b) => a - b));
  const deviations = values.map((v) => Math.abs(v - med));
  const mad = median([...deviations].sort((a, b) => a - b));
  const meanAd = deviations.reduce((s, d) => s + d, 0) / values.length;
  const spread = Math.max(mad > 0 ? mad / 0.6745 : 1.253314 * meanAd, minSpread);
  if (spread === 0) return values.map(() => 0);
  return values.map((v) => (v - med) / spread);
}

/** The modified z-score of the last value among all of them; null with fewer than `min` values. */
export function lastValueScore(values: readonly number[], options: { min?: number; minSpread?: number } = {}): number | null {
  if (values.length < (options.min ?? 4)) return null;
  return modifiedZScores(values, options.minSpread).at(-1)!;
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

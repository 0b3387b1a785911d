/*
 * The value axis of a trend chart spans everything drawn on it — the data, the target lines and the
 * projection — since ECharts fits an axis to series data only and a target line outside it vanishes.
 */

/** A round step (1, 2 or 5 × 10ⁿ) of about a fifth of the span. */
export function niceStep(span: number, ticks = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Bounds on round steps around the values, with a little room above and below so no point sits on
 * the frame. An axis of non-negative values does not go below 0, nor one of percentages above 100
 * when every value is within it.
 */
export function valueAxisBounds(values: readonly number[], { percent = false } = {}): { min: number; max: number } | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.05 || 1;
  const step = niceStep(hi - lo + 2 * pad);
  let min = Math.floor((lo - pad) / step) * step;
  let max = Math.ceil((hi + pad) / step) * step;
  if (lo >= 0 && min < 0) min = 0;
  if (percent && hi <= 100 && max > 100) max = 100;
  // Float noise from the multiplications (0.30000000000000004) would show in the tick labels.
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)) };
}

/*
 * Numbers as people read them, shared by the web pages and the documents the server writes, so a
 * figure reads the same on screen and on paper.
 */

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
/** Formatters by number of decimals: building one costs far more than using it, and reports format thousands of numbers. */
const fixedFormats = new Map<number, Intl.NumberFormat>();
const fixed = (decimals: number) => {
  let format = fixedFormats.get(decimals);
  if (!format) fixedFormats.set(decimals, (format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format;
};

/** A reported number for reading: digit groups, at most four decimals; “—” for no value. */
export function formatNumber(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (decimals === undefined) return grouped.format(value);
  return fixed(decimals).format(value);
}

/** A value with its indicator's decimals and unit: “12.35%”, “5 岁”; “—” for none. */
export function formatValue(value: number | null | undefined, decimals: number, unit?: string | null): string {
  const text = formatNumber(value, decimals);
  if (text === '—' || !unit) return text;
  return /^[%‰]$/.test(unit) || unit.startsWith('/') ? `${text}${unit}` : `${text} ${unit}`;
}

/** A growth rate (0.0123) as a percentage “+1.23%”; “—” for none. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const pct = rate * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${formatNumber(Math.abs(pct), 2)}%`;
}

/** 达标率 0.815 → “81.5%”. */
export function formatShare(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${formatNumber(rate * 100, 1)}%`;
}

export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return formatNumber(ratio, 2);
}

const COMPARATOR_SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '~': '≈', increase: '↑ 提高', decrease: '↓ 降低' };

/** “≥ 95%”, “↑ 提高”, “比2020年下降20%”: a target as its comparator and value, a relative one against its base year. */
export function targetText(target: { comparator: string; value: number | null; baseYear: number | null }, decimals: number, unit: string | null): string {
  const { comparator, value, baseYear } = target;
  // A relative target's value is the change in per cent of the base year's value, whatever the indicator's unit.
  if (baseYear !== null && value !== null) return `比${baseYear}年${value < 0 ? '下降' : '提高'}${formatNumber(Math.abs(value))}%`;
  const symbol = COMPARATOR_SYMBOLS[comparator] ?? comparator;
  return value === null ? symbol : `${symbol} ${formatValue(value, decimals, unit)}`;
}

/** A moment as people in the committee read it in a message: Beijing time, 24-hour clock. */
export const formatBeijingDateTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** A person's sentence without its closing stop, so a generated sentence can end it once: “数据一致。” → “数据一致”. */
export const withoutClosingStop = (text: string): string => text.trim().replace(/[。；;.，,\s]+$/u, '');

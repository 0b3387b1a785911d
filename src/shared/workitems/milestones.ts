/*
 * The figure a key item's target names (「预计完成“两癌”检查 22 万人」 → 22 万人) and the date it is
 * due: 上半年 by 30 June, 下半年 and the year by 31 December, unless the text names its own day
 * (「于12月30日前上报」).
 */

export type Period = 'annual' | 'H1' | 'H2';
export const PERIODS: readonly Period[] = ['annual', 'H1', 'H2'];
export const PERIOD_LABELS: Record<Period, string> = { annual: '全年', H1: '上半年', H2: '下半年' };

/** `>=`: at least the figure (完成、达到、不低于); `<=`: at most (控制在…以下、不高于). */
export type Comparator = '>=' | '<=';

export interface Quantity {
  value: number;
  unit: string;
}

/** Longer units first, so 万人 wins over 万 and 个百分点 over 个. */
const UNITS = ['个百分点', '平方米', '万人次', '万人', '万个', '万元', '亿元', '人次', '场次', '万', '人', '个', '所', '%', '％', '‰', '场', '件', '处', '名', '本', '次', '家', '户', '套', '篇', '期', '项', '批', '条', '元'];
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:余|多)?\\s*(${UNITS.join('|')})`, 'g');

/**
 * The first figure with a unit that is a target, not a description: one in brackets (a building's
 * area) or right after 的/第 (「确定的11个部门」, 「第2名」) is skipped, and so is one glued to
 * another digit (part of a year or code).
 */
export function firstQuantity(text: string): Quantity | null {
  for (const m of text.matchAll(QUANTITY)) {
    const before = text.slice(0, m.index);
    if (/[\d.]$/.test(before) || /[的第（(]$/.test(before)) continue;
    const open = before.lastIndexOf('（');
    if (open > before.lastIndexOf('）')) continue;
    return { value: Number(m[1]), unit: m[2] === '％' ? '%' : m[2]! };
  }
  return null;
}

export function comparatorOf(text: string): Comparator {
  return /(以下|以内|不高于|不超过|控制在)/.test(text) ? '<=' : '>=';
}

/** `YYYY-MM-DD`: the day the text names (「6月30日前」), else the end of the period. */
export function dueOf(period: Period, text: string, year: number): string {
  const named = /(\d{1,2})月(\d{1,2})日(?:前|之前|以前)/.exec(text);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (named) {
    const month = Number(named[1]);
    const day = Number(named[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${year}-${pad(month)}-${pad(day)}`;
  }
  return period === 'H1' ? `${year}-06-30` : `${year}-12-31`;
}

/** Whether a reported figure meets a numeric milestone. */
export function meets(reported: number, target: number, comparator: Comparator): boolean {
  return comparator === '<=' ? reported <= target : reported >= target;
}

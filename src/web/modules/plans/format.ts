import type { Comparator, PlanKind } from '../../../shared/plan-text/types';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (area and section numbers). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** “（一）妇女与健康”, whether or not the parsed title still carries its number. */
export function areaLabel(no: number, title: string): string {
  const bare = title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '');
  return `（${chineseNumeral(no)}）${bare}`;
}

export const KIND_LABELS: Record<PlanKind, string> = { women: '妇女', children: '儿童' };

export function formatPeriod(start: number, end: number): string {
  return `${start}—${end}年`;
}

export const COMPARATOR_OPTIONS: { value: Comparator; label: string }[] = [
  { value: '>=', label: '不低于（≥）' },
  { value: '<=', label: '不高于（≤）' },
  { value: '=', label: '等于（=）' },
  { value: '~', label: '保持在左右（≈）' },
  { value: 'increase', label: '提高（↑）' },
  { value: 'decrease', label: '降低（↓）' },
];

export const UNIT_OPTIONS = ['%', '‰', '/10万', '/10万活产', '岁', '个', '名', '人'];

export { formatTarget, type TargetLike } from '../../../shared/plans/formatTarget';

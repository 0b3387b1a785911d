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

const SYMBOLS: Record<Comparator, string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '~': '≈',
  increase: '↑',
  decrease: '↓',
};

const DIRECTION_VERBS = {
  increase: ['提高', '提升', '增加', '增长', '上升', '扩大', '延长', '改善', '增强'],
  decrease: ['降低', '下降', '减少', '缩小', '减轻', '减缓', '遏制', '控制'],
} as const;
const ADVERBS = '逐步|逐年|明显|显著|持续|稳步|不断|进一步|大幅|有效|切实';

/** The wording of a qualitative target (“逐步提高”), taken from its quote when the quote has one. */
function qualitativeWording(direction: 'increase' | 'decrease', quote: string): string {
  const verbs = DIRECTION_VERBS[direction];
  const pattern = new RegExp(`(?:${ADVERBS})?(?:${verbs.join('|')})`, 'g');
  const matches = quote.match(pattern);
  return matches?.at(-1) ?? verbs[0];
}

function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

export interface TargetLike {
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: number | null;
  baseYear: number | null;
  quote?: string;
}

/** A target as a short chip text: “≥ 95% · 2025”, “≈ 55%”, “↑ 逐步提高”, “较2019年 +10%”. */
export function formatTarget(target: TargetLike): string {
  const { comparator } = target;
  const unit = target.unit ?? '';
  let text: string;
  if (target.baseYear !== null && target.value !== null) {
    const sign = target.value > 0 ? '+' : target.value < 0 ? '-' : '±';
    text = `较${target.baseYear}年 ${sign}${formatNumber(Math.abs(target.value))}${target.unit ?? '%'}`;
  } else if (target.value === null) {
    text =
      comparator === 'increase' || comparator === 'decrease'
        ? `${SYMBOLS[comparator]} ${qualitativeWording(comparator, target.quote ?? '')}`
        : `${SYMBOLS[comparator]} —`;
  } else {
    text = `${SYMBOLS[comparator]} ${formatNumber(target.value)}${unit}`;
  }
  return target.year !== null ? `${text} · ${target.year}` : text;
}

import type { Comparator } from '../plan-text/types';

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

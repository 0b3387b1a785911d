import type { ComparisonDto } from '../../../../shared/api/planFiling';
import { describeTarget, type ComparisonVerdict } from '../../../../shared/plans/filingComparison';

export const VERDICT_LABELS: Record<ComparisonVerdict, { label: string; color: string }> = {
  weaker: { label: '低于上级目标', color: 'red' },
  meets: { label: '不低于上级', color: 'green' },
  different: { label: '目标值不同', color: 'gold' },
  incomparable: { label: '无法直接比较', color: 'default' },
  unlinked: { label: '未关联指标', color: 'default' },
  extra: { label: '本级新增指标', color: 'blue' },
};

/** The office reads what needs its attention first: weaker, then what could not be compared, then the rest. */
const ORDER: ComparisonVerdict[] = ['weaker', 'different', 'incomparable', 'unlinked', 'meets', 'extra'];

export const sortedRows = (c: ComparisonDto) => [...c.rows].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));

export const targetText = (t: ComparisonDto['rows'][number]['city']) => (t ? describeTarget(t) : '—');

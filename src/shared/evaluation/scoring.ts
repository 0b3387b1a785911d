/**
 * Criteria and scores of an evaluation round (中期 / 终期评估). A criterion's weight is the most
 * points it can give; the weights of a round add up to 100, so a form's total is out of 100.
 * Pure functions shared by the server (which validates) and the web page (which shows totals).
 */

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  /**
   * Full marks of the raw score, when it differs from the weight: a criterion as it applies to one
   * goal (shared/evaluation/weights.ts) is scored out of the round's weight and counts with the goal's.
   */
  max?: number;
}

/** 指标达标 60、措施落实 30、机制保障 10: indicators weigh most, as the plans' 监测评估 sections ask. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'indicators', label: '指标达标', weight: 60 },
  { key: 'measures', label: '措施落实', weight: 30 },
  { key: 'mechanisms', label: '机制保障', weight: 10 },
];

export const MAX_CRITERIA = 10;

/** What is wrong with a set of criteria, each problem naming the row (第 n 项), or [] when fine. */
export function criteriaProblems(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('至少需要一项评估内容');
  if (criteria.length > MAX_CRITERIA) problems.push(`评估内容最多 ${MAX_CRITERIA} 项`);
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    const row = `第 ${i + 1} 项评估内容`;
    if (!c.label.trim()) problems.push(`${row}没有名称`);
    else if (seen.has(c.label.trim())) problems.push(`${row}“${c.label.trim()}”与前面的重复`);
    seen.add(c.label.trim());
    if (!Number.isInteger(c.weight) || c.weight <= 0) problems.push(`${row}的分值应为正整数`);
  });
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.length > 0 && sum !== 100) problems.push(`各项分值合计应为 100，现为 ${sum}`);
  return problems;
}

export type Scores = Record<string, number>;

/** Full marks of a criterion's raw score. */
export const fullMarks = (c: Criterion): number => c.max ?? c.weight;

/**
 * What is wrong with scores given against criteria: each counted criterion present, a number from
 * 0 to its full marks; a criterion left out (weight 0) needs no score.
 */
export function scoreProblems(criteria: readonly Criterion[], scores: Scores): string[] {
  const problems: string[] = [];
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === undefined || s === null) {
      if (c.weight > 0) problems.push(`“${c.label}”没有打分`);
    } else if (!Number.isFinite(s) || s < 0 || s > fullMarks(c)) problems.push(`“${c.label}”的得分应在 0 到 ${fullMarks(c)} 之间`);
  }
  const unknown = Object.keys(scores).filter((k) => !criteria.some((c) => c.key === k));
  if (unknown.length) problems.push(`没有这些评估内容：${unknown.join('、')}`);
  return problems;
}

/**
 * The total out of 100 (one decimal): each raw score as a share of its full marks times its weight
 * (the raw score itself when they are the same); null while any counted criterion is unscored.
 */
export function totalScore(criteria: readonly Criterion[], scores: Scores | null): number | null {
  if (!scores) return null;
  let sum = 0;
  for (const c of criteria) {
    if (c.weight === 0) continue;
    const s = scores[c.key];
    if (s === undefined || s === null || !Number.isFinite(s)) return null;
    sum += c.max === undefined ? s : (s / c.max) * c.weight;
  }
  return Math.round(sum * 10) / 10;
}

/** The mean of the totals that exist (one decimal), null when none. */
export function meanScore(totals: readonly (number | null)[]): number | null {
  const given = totals.filter((t): t is number => t !== null);
  return given.length ? Math.round((given.reduce((s, t) => s + t, 0) / given.length) * 10) / 10 : null;
}

/** Competition ranking (1, 2, 2, 4) by score, best first; rows without a score last and unranked. */
export function rankByScore<T extends { score: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const out: (T & { rank: number | null })[] = [];
  sorted.forEach((row, i) => {
    const previous = out[i - 1];
    out.push({ ...row, rank: row.score === null ? null : previous && previous.score === row.score ? previous.rank : i + 1 });
  });
  return out;
}

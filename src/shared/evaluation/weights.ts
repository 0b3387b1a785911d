/**
 * Weights of an evaluation round by area (领域) or goal. The rule (README, 评估权重):
 *
 * - The round's criteria are the default. An area may override the criterion weights for all its
 *   goals, a goal for itself (the goal's override wins over its area's). A criterion left out has
 *   weight 0; the weights of an override add up to 100.
 * - Scores are stored raw, out of the round's weight of each criterion (its full marks), so changing
 *   a weight never touches them: a goal's score = Σ raw score ÷ full marks × the goal's weight.
 * - An area's score is the mean of its goals' scores weighted by the goals' weights (default 1 each);
 *   the plan's is the mean of the areas' scores weighted by the areas' weights (default: the number of
 *   goals of the area, which makes the plan's score the mean over all goals). Only scored goals and
 *   areas count; the weights of the others do not dilute the rest.
 *
 * Pure functions shared by the server (which validates and computes results) and the web page.
 */
import type { Criterion } from './scoring';

export type WeightScope = 'area' | 'goal';

/** An override of one area or goal: criterion weights (key → weight) and/or its weight in the total. */
export interface WeightOverride {
  scope: WeightScope;
  targetId: number;
  /** null: the criterion weights are inherited (goal → area → round). */
  criteria: Record<string, number> | null;
  /** null: the default weight (area: its number of goals; goal: 1). */
  share: number | null;
}

export interface GoalPlace {
  id: number;
  areaId: number;
}

export const MAX_SHARE = 100;

/** Where a goal's criterion weights come from. */
export type WeightSource = 'round' | 'area' | 'goal';

const find = (overrides: readonly WeightOverride[], scope: WeightScope, id: number) => overrides.find((o) => o.scope === scope && o.targetId === id);

/** The criteria as they apply to a goal: its weights, scored out of the round's weights. */
export function criteriaForGoal(defaults: readonly Criterion[], overrides: readonly WeightOverride[], goal: GoalPlace): { criteria: Criterion[]; source: WeightSource } {
  const own = find(overrides, 'goal', goal.id)?.criteria;
  const area = find(overrides, 'area', goal.areaId)?.criteria;
  const weights = own ?? area;
  if (!weights) return { criteria: defaults.map((c) => ({ ...c })), source: 'round' };
  return { criteria: defaults.map((c) => ({ ...c, weight: weights[c.key] ?? 0, max: c.weight })), source: own ? 'goal' : 'area' };
}

/** An area's weight in the plan's total: its own, or its number of goals. */
export function areaShare(overrides: readonly WeightOverride[], areaId: number, goalCount: number): number {
  return find(overrides, 'area', areaId)?.share ?? goalCount;
}

/** A goal's weight within its area: its own, or 1. */
export function goalShare(overrides: readonly WeightOverride[], goalId: number): number {
  return find(overrides, 'goal', goalId)?.share ?? 1;
}

/** The mean of the scores that exist, weighted (one decimal); null when none has a score and weight. */
export function weightedMean(items: readonly { score: number | null; weight: number }[]): number | null {
  const counted = items.filter((i): i is { score: number; weight: number } => i.score !== null && i.weight > 0);
  const total = counted.reduce((s, i) => s + i.weight, 0);
  return total ? Math.round((counted.reduce((s, i) => s + i.score * i.weight, 0) / total) * 10) / 10 : null;
}

/** Area and plan scores from the goals' scores, by the rule above. */
export function aggregateScores(goals: readonly (GoalPlace & { score: number | null })[], overrides: readonly WeightOverride[]) {
  const areaIds = [...new Set(goals.map((g) => g.areaId))];
  const areas = areaIds.map((areaId) => {
    const mine = goals.filter((g) => g.areaId === areaId);
    return { areaId, weight: areaShare(overrides, areaId, mine.length), score: weightedMean(mine.map((g) => ({ score: g.score, weight: goalShare(overrides, g.id) }))) };
  });
  return { areas, plan: weightedMean(areas) };
}

/**
 * What is wrong with an override, each problem naming the area or goal (`name`, e.g. 领域“妇女与
 * 健康”): the round's criteria all given, whole numbers from 0 to 100 adding up to 100; the weight a whole number from 1 to MAX_SHARE; something set at all.
 */
export function overrideProblems(defaults: readonly Criterion[], input: Pick<WeightOverride, 'criteria' | 'share'>, name: string): string[] {
  const problems: string[] = [];
  if (input.criteria === null && input.share === null) problems.push(`${name}没有设置任何权重`);
  if (input.criteria) {
    const given = input.criteria;
    const unknown = Object.keys(given).filter((k) => !defaults.some((c) => c.key === k));
    if (unknown.length) problems.push(`${name}：没有这些评估内容：${unknown.join('、')}`);
    for (const c of defaults) {
      const w = given[c.key];
      if (w === undefined) problems.push(`${name}没有设置“${c.label}”的分值`);
      else if (!Number.isInteger(w) || w < 0 || w > 100) problems.push(`${name}“${c.label}”的分值应为 0 到 100 的整数`);
    }
    const sum = defaults.reduce((s, c) => s + (Number.isFinite(given[c.key]) ? given[c.key]! : 0), 0);
    if (sum !== 100) problems.push(`${name}的各项分值合计应为 100，现为 ${sum}`);
  }
  if (input.share !== null && (!Number.isInteger(input.share) || input.share < 1 || input.share > MAX_SHARE)) problems.push(`${name}的权重应为 1 到 ${MAX_SHARE} 的整数`);
  return problems;
}

/** How the area or goal is named in messages and the audit log. */
export function weightTargetName(scope: WeightScope, areaTitle: string, goalNo?: number): string {
  return scope === 'area' ? `领域“${areaTitle}”` : `领域“${areaTitle}”目标 ${goalNo}`;
}

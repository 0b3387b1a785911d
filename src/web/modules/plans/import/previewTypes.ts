import type { PlanPreviewDto } from '../../../../shared/api/plans';

export type PreviewPlan = PlanPreviewDto['result']['plans'][number];
export type PreviewArea = PreviewPlan['areas'][number];

export interface PlanCounts {
  areas: number;
  goals: number;
  measures: number;
  targets: number;
}

export function countPlan(plan: PreviewPlan): PlanCounts {
  let goals = 0;
  let measures = 0;
  let targets = 0;
  for (const area of plan.areas) {
    goals += area.goals.length;
    measures += area.measures.length;
    for (const goal of area.goals) targets += goal.targets.length;
  }
  return { areas: plan.areas.length, goals, measures, targets };
}

import type { PlanDetailDto } from '../../../../shared/api/plans';

export type AreaDto = PlanDetailDto['areas'][number];
export type MeasureDto = AreaDto['measures'][number];

/** Lines of the source text to show highlighted, with what they are. */
export interface SourceHighlight {
  label: string;
  lineStart: number;
  lineEnd: number;
}

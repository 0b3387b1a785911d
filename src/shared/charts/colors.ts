import type { ProgressStatus } from '../analytics/progress';
import type { OptionCode } from '../monitoring/validation';

/**
 * The one colour of each progress status, used by the legend, tags, scorecard cells and charts on
 * the web and in documents: achieved green, on track blue, moderate orange, limited red,
 * deterioration dark red, no data grey.
 */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  moderate: '#fa8c16',
  limited: '#f5222d',
  deterioration: '#820014',
  insufficient_data: '#8c8c8c',
};

/** One colour per part, typed by option so a new disaggregation cannot be drawn without one. */
export const PART_COLORS: Record<Exclude<OptionCode, 'total'>, string> = {
  female: '#c2185b',
  male: '#1d5fa8',
  urban: '#13a8a8',
  rural: '#a0d911',
  age0_14: '#fa8c16',
  age15_59: '#722ed1',
  age60: '#8c6e4a',
};

export const TOTAL_COLOR = '#1f2937';
export const TARGET_COLOR = '#d4380d';
export const PROJECTION_COLOR = '#8c8c8c';

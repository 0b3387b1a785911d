import { PROGRESS_STATUSES, STATUS_LABELS, type ProgressStatus } from '../../../shared/analytics/progress';

export { PROGRESS_STATUSES, STATUS_LABELS, type ProgressStatus };

/**
 * The one colour of each progress status, used by the legend, tags, scorecard cells and charts:
 * achieved green, on track blue, moderate orange, limited red, deterioration dark red, no data grey.
 */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  moderate: '#fa8c16',
  limited: '#f5222d',
  deterioration: '#820014',
  insufficient_data: '#8c8c8c',
};

/** A light tint of each status colour, for the background of a table cell holding a value. */
export const STATUS_TINTS: Record<ProgressStatus, string> = {
  achieved: '#f0f9eb',
  on_track: '#e6f4ff',
  moderate: '#fff4e6',
  limited: '#fff1f0',
  deterioration: '#f9e3e5',
  insufficient_data: '#f5f5f5',
};

/** Better/worse than last year, on the scorecard's arrows. */
export const BETTER_COLOR = '#389e0d';
export const WORSE_COLOR = '#cf1322';

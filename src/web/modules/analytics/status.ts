import { PROGRESS_STATUSES, STATUS_LABELS, type ProgressStatus } from '../../../shared/analytics/progress';
import { STATUS_COLORS } from '../../../shared/charts/colors';

export { PROGRESS_STATUSES, STATUS_COLORS, STATUS_LABELS, type ProgressStatus };

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

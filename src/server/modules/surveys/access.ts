import type { Role } from '../../../shared/roles';

/**
 * Who may do what with surveys, in one table so the rules move to the shared policy table in one
 * step. Each right holds for the survey's unit and the units below the role's grant.
 */
export const SURVEY_RULES = {
  /** Build, copy, publish, close, hand out access codes. */
  manage: ['office'],
  /** Statistics, exports, the QR code. */
  read: ['office', 'statistics', 'evaluation', 'leader'],
  /** Turn answers into indicator values: the value path lets only the statistics group write them. */
  feed: ['statistics'],
} as const satisfies Record<string, readonly Role[]>;

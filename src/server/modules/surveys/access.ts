import type { Action } from '../../../shared/policy';

/** The survey rights the pages ask about, as actions of the policy table (src/shared/policy.ts). */
export const SURVEY_RULES = {
  /** Build, copy, publish, close, hand out access codes. */
  manage: 'surveys.manage',
  /** Statistics, exports, the QR code. */
  read: 'surveys.read',
  /** Turn answers into indicator values: the value path lets only the statistics group write them. */
  feed: 'surveys.feed',
} as const satisfies Record<string, Action>;

import type { Role } from '../../../shared/roles';

/**
 * Who may do what in publishing, in one table so it moves to the shared policy table in one step.
 * Each rule is held at the record's unit or above (hasRole's scope); `feature` at the unit above
 * the article's, since featuring puts a district's article on the city's home.
 */
export const PUBLISHING_ACCESS = {
  /** Write, submit, return, publish, unpublish, pin articles; read drafts and their files. */
  editArticles: ['office'],
  /** Show a district's published article on the city's portal home. */
  featureArticles: ['office'],
  /** Import and manage the 大事记 timeline. */
  editEvents: ['office'],
} as const satisfies Record<string, readonly Role[]>;

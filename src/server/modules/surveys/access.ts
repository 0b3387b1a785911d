import { can, type Action, type Subject, type UnitTree } from '../../../shared/policy';
import { appError } from '../../errors';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';

/** The survey rights the pages ask about, as actions of the policy table (src/shared/policy.ts). */
export const SURVEY_RULES = {
  /** Build, copy, publish, close, hand out access codes. */
  manage: 'surveys.manage',
  /** Statistics, exports, the QR code. */
  read: 'surveys.read',
  /** Turn answers into indicator values: the value path lets only the statistics group write them. */
  feed: 'surveys.feed',
} as const satisfies Record<string, Action>;
export type SurveyRight = keyof typeof SURVEY_RULES;

/** What a member department may do with the surveys it owns: manage while authorised, read always. */
const OWN_RULES = { manage: 'surveys.manageOwn', read: 'surveys.readOwn' } as const satisfies Partial<Record<SurveyRight, Action>>;

/** Whose a survey is: a unit's, and within it the office's (department null) or one member department's. */
export interface SurveyOwner {
  orgUnitId: number;
  departmentId: number | null;
}

/**
 * The office and the committee roles act on all of a unit's surveys by the unit-wide actions; a
 * member department on its own surveys only, by the `Own` actions. Feeding indicators stays with
 * the statistics group whoever owns the survey.
 */
export function allowsSurvey(user: Subject, right: SurveyRight, owner: SurveyOwner, tree: UnitTree): boolean {
  if (can(user, SURVEY_RULES[right], { orgUnitId: owner.orgUnitId, tree })) return true;
  if (right === 'feed' || owner.departmentId === null) return false;
  return can(user, OWN_RULES[right], { orgUnitId: owner.orgUnitId, departmentId: owner.departmentId, tree });
}

/** The user as it would be were all its departments authorised to run surveys (可发起问卷调查). */
const authorisedAlike = (user: Subject): Subject => ({ roles: user.roles.map((g) => ({ ...g, authorisations: [...(g.authorisations ?? []), 'surveys'] })) });

/** `allowsSurvey` as a guard; a department whose authorisation was withdrawn (or never given) is told so. */
export function assertSurveyRight(auth: AuthContext | null, right: SurveyRight, owner: SurveyOwner, tree: UnitTree): AuthContext {
  const user = requireAuth(auth);
  if (allowsSurvey(user, right, owner, tree)) return user;
  if (right === 'manage' && owner.departmentId !== null && can(authorisedAlike(user), OWN_RULES.manage, { orgUnitId: owner.orgUnitId, departmentId: owner.departmentId, tree })) {
    throw appError('SURVEYS_NOT_AUTHORISED');
  }
  return assertCan(auth, SURVEY_RULES[right], { orgUnitId: owner.orgUnitId, tree });
}

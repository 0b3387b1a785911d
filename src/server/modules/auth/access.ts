import { decide, type Action, type Target } from '../../../shared/policy';
import { appError } from '../../errors';
import type { AuthContext } from './service';

/** Route guards, called first thing in every service method that needs them. */
export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw appError('AUTH_REQUIRED');
  return auth;
}

/**
 * The policy's answer as a guard (src/shared/policy.ts): 401 for nobody, 403 with the policy's
 * reason otherwise. Pass the org tree in `target` whenever a unit is given.
 */
export function assertCan(auth: AuthContext | null, action: Action, target: Target = {}): AuthContext {
  const decision = decide(auth, action, target);
  if (!decision.ok) throw appError(decision.code, decision.reason);
  return auth!;
}

/** Who to record as having acted: a user's id, or null for the command line (user 0). */
export const actorId = (auth: AuthContext): number | null => (auth.userId > 0 ? auth.userId : null);

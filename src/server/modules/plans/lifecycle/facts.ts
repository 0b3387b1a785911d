import type { Kysely } from 'kysely';
import { beijingDate, filingStanding } from '../../../../shared/plans/filing';
import type { PlanStatus } from '../../../../shared/plans/lifecycle';
import { lifecycleDecision, lifecycleDecisions, type LifecycleAction, type LifecycleFacts } from '../../../../shared/plans/lifecycleActions';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import type { OrgsService } from '../../orgs/service';
import { lifecycleRepository } from './repository';

/** Everything the lifecycle and 备案 decide a plan's next step by, read in one place. */
export async function readPlanFacts(db: Kysely<Database>, orgs: OrgsService, planId: number, now: Date) {
  const repo = lifecycleRepository(db);
  const plan = await repo.findPlan(planId);
  if (!plan) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
  const tree = await orgs.tree();
  const [latest, hasData, parent] = await Promise.all([
    repo.latestFiling(planId),
    repo.hasHistory(planId, tree.subtree(plan.org_unit_id)),
    plan.parent_id === null ? null : orgs.findById(plan.parent_id),
  ]);
  const status = plan.status as PlanStatus;
  const facts: LifecycleFacts = {
    status,
    releasedOn: plan.released_on,
    archived: plan.archived_at !== null,
    hasData,
    filing: latest?.state ?? null,
    hasParentUnit: parent !== null,
  };
  const standing = filingStanding({ status, releasedOn: plan.released_on }, latest ? { state: latest.state, filedAt: latest.filed_at } : null, beijingDate(now));
  return { plan, tree, latest, parent, facts, standing, decisions: lifecycleDecisions(facts) };
}
export type PlanFacts = Awaited<ReturnType<typeof readPlanFacts>>;

/** Refuses an action the plan's state does not allow, with the reason (409). */
export function assertAllowed(facts: LifecycleFacts, action: LifecycleAction): void {
  const decision = lifecycleDecision(facts, action);
  if (!decision.ok) throw appError('PLAN_ACTION_REFUSED', decision.reason);
}

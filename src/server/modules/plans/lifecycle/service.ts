import type { Kysely } from 'kysely';
import type { PlanLifecycleDto } from '../../../../shared/api/planFiling';
import type { Database } from '../../../db/schema';
import { assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { assertAllowed, readPlanFacts, type PlanFacts } from './facts';
import { lifecycleRepository } from './repository';

export function toLifecycleDto(f: PlanFacts): PlanLifecycleDto {
  return {
    planId: f.plan.id,
    status: f.facts.status,
    releasedOn: f.plan.released_on,
    archived: f.facts.archived,
    filesWith: f.parent ? { id: f.parent.id, name: f.parent.name } : null,
    standing: f.standing,
    latestFilingId: f.latest?.id ?? null,
    actions: f.decisions,
  };
}

/** 草案 → 已印发 (release date) → 已备案 (see filing/) → 已废止; archive; delete while there is no history. */
export function lifecycleService(db: Kysely<Database>, orgs: OrgsService, clock: () => Date = () => new Date()) {
  const repo = lifecycleRepository(db);

  /** The plan's facts, once the user may manage plans of its unit. */
  async function managed(auth: AuthContext | null, planId: number) {
    requireAuth(auth);
    const f = await readPlanFacts(db, orgs, planId, clock());
    assertCan(auth, 'plans.manage', { orgUnitId: f.plan.org_unit_id, unitName: f.plan.org_unit_name, tree: f.tree });
    return f;
  }

  const reread = async (planId: number) => toLifecycleDto(await readPlanFacts(db, orgs, planId, clock()));
  const now = () => clock().toISOString();

  return {
    /** Plans are published documents: every signed-in user sees where one stands. */
    async state(auth: AuthContext | null, planId: number): Promise<PlanLifecycleDto> {
      requireAuth(auth);
      return reread(planId);
    },

    /** 印发: a draft becomes 已印发 on that date; a released plan's date can be corrected until it is filed. */
    async release(auth: AuthContext | null, planId: number, releasedOn: string): Promise<PlanLifecycleDto> {
      const f = await managed(auth, planId);
      assertAllowed(f.facts, 'release');
      await repo.setRelease(planId, releasedOn, now());
      return reread(planId);
    },

    async repeal(auth: AuthContext | null, planId: number): Promise<PlanLifecycleDto> {
      const f = await managed(auth, planId);
      assertAllowed(f.facts, 'repeal');
      await repo.setStatus(planId, 'repealed', now());
      return reread(planId);
    },

    async archive(auth: AuthContext | null, planId: number, archived: boolean): Promise<PlanLifecycleDto> {
      const f = await managed(auth, planId);
      assertAllowed(f.facts, archived ? 'archive' : 'unarchive');
      await repo.setArchived(planId, archived ? now() : null, now());
      return reread(planId);
    },

    /** Only a plan without history: no monitoring values for its indicators, never filed. */
    async remove(auth: AuthContext | null, planId: number): Promise<void> {
      const f = await managed(auth, planId);
      assertAllowed(f.facts, 'delete');
      await repo.deletePlan(planId);
    },
  };
}
export type LifecycleService = ReturnType<typeof lifecycleService>;

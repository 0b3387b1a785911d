import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { District, RbacWorld, Req } from '../rbacWorld';
import type { TestDb } from '../testDb';

/*
 * Who may do what (src/shared/policy.ts), one letter per actor in the order of ACTORS:
 *                        admin 办公室西岗 统计西岗 统计大连 评估西岗 填报西岗 审核西岗 领导西岗 匿名
 */
export const EVERYONE /*    */ = 'A A A A A A A A A';
export const SIGNED_IN /*   */ = 'A A A A A A A A F';
export const ADMIN_ONLY /*  */ = 'A F F F F F F F F';
/** People, member departments, plans and tasks of the office's own subtree. */
export const OFFICE /*      */ = 'A S F F F F F F F';
/** The indicator dictionary belongs to the top committee; a plan's indicators also to its unit's. */
export const DICTIONARY /*  */ = 'A F F A F F F F F';
export const PLAN_INDICATORS = 'A S S A F F F F F';
/** A department's data at a unit: its own reporters and reviewers, the committee roles above. */
export const SEAT_READERS /**/ = 'A S S A S S S S F';
/** A unit's data as a whole, and its analytics: the committee roles of it or above. */
export const UNIT_READERS /**/ = 'A S S A S F F S F';
export const VALUE_WRITERS = 'A F S A F S F F F';
/** Reminding, acknowledging warnings: the office and the statistics group. */
export const FOLLOW_UP /*   */ = 'A S S A F F F F F';
export const SUBMIT /*      */ = 'A F F F F S F F F';
export const REVIEW /*      */ = 'A F F F F F S F F';
/** Approving and reopening belong to the unit's own statistics group, not the city's. */
export const APPROVE /*     */ = 'A F S F F F F F F';
export const RETURN /*      */ = 'A F S A F F S F F';


/**
 * What every group of rows is written with. A module's rows live in a file of their own in this
 * folder (`rows(kit): Row[]`), joined in `../rbacTable.ts`.
 */
export function rbacKit(w: RbacWorld, db: TestDb, app: FastifyInstance) {
  const { xg, zs } = w;
  return {
    w, db, app, xg, zs,
    /** The own/foreign pair of a request made per district. */
    both: (make: (d: District) => Req | Promise<Req>) => ({ own: () => make(xg), foreign: () => make(zs) }),
    url: (u: string): Req => ({ url: u }),
    showsZhongshan: <T>(find: (rows: T[]) => boolean) => (res: LightMyRequestResponse) => find(res.json<T[]>()),
  };
}
export type RbacKit = ReturnType<typeof rbacKit>;

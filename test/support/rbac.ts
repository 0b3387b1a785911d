import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/roles';
import { authHeaders, buildUser, login, type TestApp } from './appHarness';

/**
 * The RBAC matrix (src/shared/policy.ts): every route case is called by every actor and the answer's class
 * compared with the expected table. `allowed` is any 2xx; `forbidden` is 403 AUTH_FORBIDDEN (the
 * role may not); `scoped` is 403 AUTH_OUT_OF_SCOPE (the role may, but not at that unit).
 */
export type Access = 'allowed' | 'forbidden' | 'scoped';

export interface Actor {
  role: Role;
  /** Where the role is held; null: everywhere (admin). */
  orgUnit: { id: number; name: string } | null;
  /** For reporters and dept reviewers. */
  departmentId?: number;
}

type Url =
  | { url: string; name?: string }
  /** Made anew for each actor, for a route that uses up what it acts on (a delete); then the case needs a name. */
  | { url: () => Promise<string>; name: string };

export type RouteCase = Url & {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A function gives each actor its own body, e.g. a unique name, or one that reads the current state. */
  payload?: object | (() => object | Promise<object>);
  /** One expectation per actor, in the order of the actors. */
  expect: readonly Access[];
};

export type Matrix = Record<string, Record<string, string>>;

export const actorName = (a: Actor) => `${a.role}@${a.orgUnit?.name ?? '全部'}`;
const caseName = (c: RouteCase) => `${c.method} ${c.name ?? String(c.url)}`;

/** Anything but a clean answer or a refusal is shown in full, so a bad test payload is not mistaken for a check. */
function accessOf(res: LightMyRequestResponse): string {
  if (res.statusCode >= 200 && res.statusCode < 300) return 'allowed';
  const body = res.json<{ code?: string; message?: string }>();
  if (res.statusCode === 403 && body.code === 'AUTH_FORBIDDEN') return 'forbidden';
  if (res.statusCode === 403 && body.code === 'AUTH_OUT_OF_SCOPE') return 'scoped';
  return `HTTP ${res.statusCode} ${body.code ?? ''}：${body.message ?? res.body}`;
}

/** Signs each actor in and runs every (case, actor) pair; compare `actual` with `expected` in one assertion. */
export async function runRbacMatrix(t: TestApp, actors: readonly Actor[], cases: readonly RouteCase[]): Promise<{ actual: Matrix; expected: Matrix }> {
  const sessions = [];
  for (const actor of actors) {
    const user = await buildUser(t.db, { role: actor.role, orgUnitId: actor.orgUnit?.id ?? null, departmentId: actor.departmentId ?? null });
    sessions.push(await login(t.app, user.username));
  }
  const actual: Matrix = {};
  const expected: Matrix = {};
  for (const c of cases) {
    if (c.expect.length !== actors.length) throw new Error(`${caseName(c)}: ${c.expect.length} expectations for ${actors.length} actors`);
    const row = caseName(c);
    actual[row] = {};
    expected[row] = {};
    for (const [i, actor] of actors.entries()) {
      const url = typeof c.url === 'string' ? c.url : await c.url();
      const payload = typeof c.payload === 'function' ? await c.payload() : c.payload;
      const res = await t.app.inject({ method: c.method, url, payload, headers: authHeaders(sessions[i]!) });
      actual[row][actorName(actor)] = accessOf(res);
      expected[row][actorName(actor)] = c.expect[i]!;
    }
  }
  return { actual, expected };
}

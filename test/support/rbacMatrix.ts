import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/roles';
import { authHeaders, buildUser, login, type Session } from './appHarness';
import type { RbacWorld, Req } from './rbacWorld';
import type { TestDb } from './testDb';

/**
 * The full RBAC matrix (src/shared/policy.ts): every registered route × every role.
 *
 * - `allowed`: the role may, here and in the other district: a 2xx, or a 4xx other than
 *   401/403 (a dummy body may fail validation or the workflow after the role check passed).
 * - `forbidden`: 403 (401 for anonymous) whatever the unit.
 * - `scoped`: allowed on the actor's own unit (西岗区), refused on 中山区 — 403, or 404 where the
 *   route hides what the reader may not see; for a list, one that leaves out 中山区's rows.
 */
export type Access = 'allowed' | 'forbidden' | 'scoped';

export interface Actor {
  key: string;
  /** null: not signed in. */
  role: Role | null;
  unit?: 'city' | 'xigang';
  /** The department roles hold the 西岗区 卫健委 seat. */
  seat?: boolean;
}

/** The columns of the table, in order; the district roles are held in 西岗区. */
export const ACTORS: readonly Actor[] = [
  { key: 'admin', role: 'admin' },
  { key: 'office@西岗', role: 'office', unit: 'xigang' },
  { key: 'statistics@西岗', role: 'statistics', unit: 'xigang' },
  // The city's statistics group: the one to show that approving a district's data is the district's.
  { key: 'statistics@大连', role: 'statistics', unit: 'city' },
  { key: 'evaluation@西岗', role: 'evaluation', unit: 'xigang' },
  { key: 'reporter@西岗卫健委', role: 'reporter', unit: 'xigang', seat: true },
  { key: 'dept_reviewer@西岗卫健委', role: 'dept_reviewer', unit: 'xigang', seat: true },
  { key: 'leader@西岗', role: 'leader', unit: 'xigang' },
  { key: 'anonymous', role: null },
];

/** One line of the table; `expect` holds one letter per actor (A allowed, F forbidden, S scoped). */
export interface Row {
  /** Method and URL exactly as registered, e.g. `POST /api/reporting/submissions/:id/actions`. */
  route: string;
  /** Tells apart several rows of one route. */
  name?: string;
  /** The request on 西岗区, or on nothing unit-bound; a function is called anew for each actor. */
  own: Req | (() => Req | Promise<Req>);
  /** The same request on 中山区. */
  foreign?: Req | (() => Req | Promise<Req>);
  /** For a filtered list: whether the answer shows 中山区's rows. */
  showsForeign?: (res: LightMyRequestResponse) => boolean;
  /** A refusal that is not a 401/403: the DHIS2 import answers 409 with FORBIDDEN conflicts. */
  refused?: (res: LightMyRequestResponse) => boolean;
  /** Signs in anew for this request (logging out ends the session). */
  freshSession?: boolean;
  expect: string;
}

/** A cell the code gets wrong by the access policy: the table holds the right answer, this what happens now. */
export interface KnownGap {
  row: string;
  actor: string;
  observed: string;
  why: string;
}

export type Matrix = Record<string, Record<string, string>>;

const LETTERS: Record<string, Access> = { A: 'allowed', F: 'forbidden', S: 'scoped' };
export const rowName = (r: Row) => (r.name ? `${r.route} (${r.name})` : r.route);

/**
 * The routes the app registers, as `METHOD /url`, read from `printRoutes` (a tree whose nodes
 * continue their parent's path); HEAD copies, the health check and the API docs are left out.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const paths: string[] = [];
  const routes = new Set<string>();
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (paths[depth - 1] ?? '') + m[2]!;
    paths[depth] = path;
    paths.length = depth + 1;
    if (path.startsWith('/api/docs') || path === '/api/health') continue;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') routes.add(`${method} ${path}`);
  }
  return [...routes].sort();
}

/** Signs in one user per actor (null for anonymous), each with its role where the actor says. */
export async function signIn(app: FastifyInstance, db: TestDb, w: RbacWorld, actor: Actor): Promise<Session | null> {
  if (!actor.role) return null;
  const unit = actor.unit === 'city' ? w.org.city.id : actor.unit === 'xigang' ? w.org.xigang.id : null;
  const user = await buildUser(db, { role: actor.role, orgUnitId: unit, departmentId: actor.seat ? w.xg.health.id : null });
  return login(app, user.username);
}

type Leg = 'ok' | 'denied' | 'hidden' | string;

function legOf(res: LightMyRequestResponse, row: Row, anonymous: boolean): Leg {
  const s = res.statusCode;
  if (row.refused?.(res)) return 'denied';
  if (s === 403 || (s === 401 && anonymous)) return 'denied';
  if (s === 404) return 'hidden';
  if ((s >= 200 && s < 300) || (s >= 400 && s < 500 && s !== 401)) return 'ok';
  return `HTTP ${s} ${res.body.slice(0, 200)}`;
}

function cellOf(own: Leg, foreign: Leg | null): string {
  const refused = (l: Leg | null) => l === null || l === 'denied' || l === 'hidden';
  if (own === 'ok' && (foreign === null || foreign === 'ok')) return 'allowed';
  if (own === 'ok' && foreign !== null && refused(foreign)) return 'scoped';
  if (own === 'denied' && refused(foreign)) return 'forbidden';
  return `own ${own}; 中山区 ${foreign ?? '—'}`;
}

/** Runs every row for every actor; `actual` and `expected` are compared in one assertion. */
export async function runMatrix(app: FastifyInstance, rows: readonly Row[], sessions: readonly (Session | null)[], fresh: (i: number) => Promise<Session | null>) {
  const actual: Matrix = {};
  const expected: Matrix = {};
  for (const row of rows) {
    const letters = row.expect.split(/\s+/);
    if (letters.length !== ACTORS.length || letters.some((l) => !LETTERS[l])) throw new Error(`${rowName(row)}: expect “${row.expect}” needs ${ACTORS.length} of A/F/S`);
    const method = row.route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const name = rowName(row);
    actual[name] = {};
    expected[name] = {};
    for (const [i, actor] of ACTORS.entries()) {
      const session = row.freshSession ? await fresh(i) : sessions[i]!;
      const send = async (leg: Row['own']) => {
        const req = typeof leg === 'function' ? await leg() : leg;
        const headers = { ...(session ? authHeaders(session) : {}), ...req.headers };
        return app.inject({ method, url: req.url, payload: req.payload, headers });
      };
      const ownRes = await send(row.own);
      const own = legOf(ownRes, row, !session);
      let foreign: Leg | null = row.foreign ? legOf(await send(row.foreign), row, !session) : null;
      if (row.showsForeign && own === 'ok') foreign = row.showsForeign(ownRes) ? 'ok' : 'hidden';
      actual[name][actor.key] = cellOf(own, foreign);
      expected[name][actor.key] = LETTERS[letters[i]!]!;
    }
  }
  return { actual, expected };
}

/**
 * Each known gap must still happen as listed (so a fix shows up and its entry is removed);
 * its cell is then compared as the table expects, keeping the rest of the matrix strict.
 */
export function withKnownGaps(actual: Matrix, expected: Matrix, gaps: readonly KnownGap[]) {
  const stale: string[] = [];
  for (const gap of gaps) {
    const cell = actual[gap.row]?.[gap.actor];
    if (cell === undefined) continue;
    if (cell !== gap.observed) stale.push(`${gap.row} × ${gap.actor}: now ${cell}, listed as ${gap.observed}`);
    else actual[gap.row]![gap.actor] = expected[gap.row]![gap.actor]!;
  }
  return stale;
}

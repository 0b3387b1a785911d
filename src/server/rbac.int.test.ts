import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/support/appHarness';
import { ACTORS, registeredRoutes, runMatrix, signIn, withKnownGaps } from '../../test/support/rbacMatrix';
import { GROUPS, KNOWN_GAPS, rbacTable } from '../../test/support/rbacTable';
import { buildRbacWorld, type RbacWorld } from '../../test/support/rbacWorld';
import { testDialect } from '../../test/support/testDb';

/**
 * Every registered route × every role (src/shared/policy.ts), against one app and database: the
 * rows that change something either make a fresh thing per actor or leave the state as it was.
 */
describe(`RBAC matrix: every route × every role (${testDialect()})`, () => {
  let t: TestApp;
  let w: RbacWorld;
  let table: ReturnType<typeof rbacTable>;
  const sessions: (Session | null)[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    w = await buildRbacWorld(t.app, t.db);
    table = rbacTable(w, t.db, t.app);
    for (const actor of ACTORS) sessions.push(await signIn(t.app, t.db, w, actor));
  });
  afterAll(async () => t.close());

  it('has a row for every registered route, so a new route cannot go unchecked', () => {
    const registered = registeredRoutes(t.app);
    const listed = new Set(Object.values(table).flatMap((rows) => rows.map((r) => r.route)));
    expect(registered.length).toBeGreaterThan(60);
    expect({ missing: registered.filter((r) => !listed.has(r)), gone: [...listed].filter((r) => !registered.includes(r)) }).toEqual({ missing: [], gone: [] });
  });

  it.each(GROUPS)('answers every role on the %s routes as the table says', async (group) => {
    const { actual, expected } = await runMatrix(t.app, table[group], sessions, (i) => signIn(t.app, t.db, w, ACTORS[i]!));
    // A gap that no longer happens fails here: remove it from KNOWN_GAPS.
    expect(withKnownGaps(actual, expected, KNOWN_GAPS)).toEqual([]);
    expect(actual).toEqual(expected);
    // Publishing a report prints it to PDF with LibreOffice, seconds per allowed actor.
  }, 120_000);
});

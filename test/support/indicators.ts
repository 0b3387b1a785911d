import { departmentsFor } from '../../src/server/demo/orgData';
import { DEMO_PLAN_TITLE, seedDemoIndicators } from '../../src/server/demo/seedDemoIndicators';
import { orgsRepository } from '../../src/server/modules/orgs/repository';
import { importPlans } from '../../src/server/modules/plans/commands/importPlans';
import { parsePlanText } from '../../src/shared/plan-text';
import { seedText } from '../../src/shared/plan-text/testTexts';
import { buildOrgUnit } from './appHarness';
import type { TestDb } from './testDb';

/** 大连市 with the demo member departments, whose short names indicators name as responsible. */
export async function buildCityWithDepartments(db: TestDb) {
  const city = await buildOrgUnit(db, { name: '大连市', code: '210200', level: 'city' });
  const committee = await db.kysely.selectFrom('committees').select('id').where('org_unit_id', '=', city.id).executeTakeFirstOrThrow();
  await orgsRepository(db.kysely).insertDepartments(committee.id, departmentsFor({ code: '210200', name: '大连市', level: 'city' }).map((d) => ({ ...d, counterpartId: null })));
  return city;
}

/** The demo indicator dictionary over the demo plan, without the rest of the demo (accounts, values). */
export async function buildDemoDictionary(db: TestDb) {
  const city = await buildCityWithDepartments(db);
  const text = seedText('dalian');
  const parsed = parsePlanText(text).plans.find((p) => p.title === DEMO_PLAN_TITLE)!;
  await importPlans(db.kysely, { sourceName: 'dalian.txt', sourceText: text, plans: [{ parsed, orgUnit: city }], dryRun: false, isDemo: true });
  await seedDemoIndicators(db);
  return city;
}

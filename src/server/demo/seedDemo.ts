import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection';
import { parsePlanText } from '../../shared/plan-text';
import { unitNamedInTitle } from '../modules/orgs/naming';
import { orgsRepository } from '../modules/orgs/repository';
import { importPlans } from '../modules/plans/commands/importPlans';
import { departmentsFor, DEMO_ORG, type DemoUnit } from './orgData';
import { seedDemoIndicators } from './seedDemoIndicators';
import { seedDemoUsers } from './seedDemoUsers';
import { seedDemoValues } from './seedDemoValues';
import { seedDemoPublishing } from './seedDemoPublishing';
import { seedDemoSurveys } from './seedDemoSurveys';
import { seedDemoDepartmentSurveys } from './seedDemoDepartmentSurveys';
import { seedDemoTargetLinks } from './seedDemoTargetLinks';
import { seedDemoFollowup } from './seedDemoFollowup';
import { seedDemoFiling } from './seedDemoFiling';
import { seedDemoUnitReports } from './seedDemoUnitReports';
import { seedDemoWorkitems } from './seedDemoWorkitems';
import { seedDemoWorkPoints } from './seedDemoWorkPoints';
import { seedDemoResponsibilities } from './seedDemoResponsibilities';
import { seedDemoEvaluation } from './seedDemoEvaluation';
import { seedDemoEvaluators } from './seedDemoEvaluators';
import { seedDemoSiteChecks } from './seedDemoSiteChecks';

export const DEMO_LABEL = '演示数据';

const DEMO_TEXTS = ['dalian-women-2021-2030.txt', 'xigang-women-children-2021-2030.txt'];

/** True once any org unit exists: the demo is only ever seeded into an empty database. */
export async function hasOrgUnits(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Fills an empty database with the demo organisation, the plans of the seed documents, the
 * indicator dictionary, six years of reported values and demo accounts (with `password`),
 * everything flagged as demo data.
 */
export async function seedDemo(db: Db, password: string): Promise<{ rootId: number; plans: number; values: number; users: string[] }> {
  if (await hasOrgUnits(db)) throw new Error('数据库中已有组织机构，演示数据只能写入空数据库');
  const rootId = await db.kysely.transaction().execute(async (trx) => {
    const orgs = orgsRepository(trx);
    // Each department reports along the parent unit's department of the same short name.
    const insert = async (unit: DemoUnit, parentId: number | null, sort: number, parentDepartments: ReadonlyMap<string, number>): Promise<number> => {
      const id = await orgs.insertUnit({ code: unit.code, name: unit.name, level: unit.level, parentId, sort, isDemo: true });
      const committeeId = await orgs.insertCommittee(id, `${unit.name}妇女儿童工作委员会`);
      const departments = departmentsFor(unit);
      const ids = await orgs.insertDepartments(committeeId, departments.map((d) => ({ ...d, counterpartId: parentDepartments.get(d.shortName) ?? null })));
      const own = new Map(departments.map((d, i) => [d.shortName, ids[i]!]));
      for (const [i, child] of (unit.children ?? []).entries()) await insert(child, id, i, own);
      return id;
    };
    const id = await insert(DEMO_ORG, null, 0, new Map());
    await trx.insertInto('meta').values({ key: 'demo_data', value: DEMO_LABEL }).execute();
    return id;
  });

  let plans = 0;
  const units = await orgsRepository(db.kysely).listUnits();
  for (const file of DEMO_TEXTS) {
    const text = readFileSync(fileURLToPath(new URL(`./texts/${file}`, import.meta.url)), 'utf8');
    const parsed = parsePlanText(text);
    const toImport = parsed.plans.map((plan) => {
      const unit = unitNamedInTitle(units, plan.title);
      if (!unit) throw new Error(`演示规划“${plan.title}”找不到所属单位`);
      return { parsed: plan, orgUnit: { id: unit.id, name: unit.name } };
    });
    await importPlans(db.kysely, { sourceName: file, sourceText: text, plans: toImport, dryRun: false, isDemo: true });
    plans += toImport.length;
  }
  await seedDemoIndicators(db);
  await seedDemoTargetLinks(db);
  const users = await seedDemoUsers(db, password);
  const { values } = await seedDemoValues(db);
  await seedDemoPublishing(db);
  await seedDemoSurveys(db);
  await seedDemoFollowup(db);
  await seedDemoFiling(db);
  await seedDemoWorkitems(db);
  await seedDemoResponsibilities(db);
  await seedDemoUnitReports(db);
  await seedDemoEvaluation(db);
  await seedDemoWorkPoints(db);
  await seedDemoSiteChecks(db);
  await seedDemoEvaluators(db, password);
  await seedDemoDepartmentSurveys(db);
  return { rootId, plans, values, users };
}

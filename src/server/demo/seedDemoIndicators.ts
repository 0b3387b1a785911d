import type { Kysely } from 'kysely';
import type { IndicatorInputDto } from '../../shared/api/indicators';
import { indicatorKey, indicatorTargets, type PlanTargetLike } from '../../shared/indicators/fromPlan';
import { mapFormula } from '../../shared/indicators/formula';
import type { Comparator } from '../../shared/plan-text/types';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { indicatorsRepository } from '../modules/indicators/repository';
import { saveIndicator } from '../modules/indicators/store';
import { CATALOGUE_ELEMENTS } from './catalogueElements';
import { CHILDREN_CATALOGUE, XIGANG_CHILDREN_PLAN } from './childrenCatalogue';
import { CATALOGUE, type CatalogueEntry } from './indicatorCatalogue';

export const DEMO_PLAN_TITLE = '大连市妇女发展规划';

interface PlanTarget extends PlanTargetLike {
  areaNo: number;
  goalNo: number;
}

function element(code: string) {
  const found = CATALOGUE_ELEMENTS.get(code);
  if (!found) throw new Error(`演示指标引用了不存在的数据元素 ${code}`);
  return found;
}

/** A demo plan's targets with their area and goal numbers, and its end year; none without the plan. */
async function demoPlanTargets(db: Kysely<Database>, title: string): Promise<{ targets: PlanTarget[]; periodEnd: number }> {
  const plan = await db.selectFrom('plans').select(['id', 'period_end']).where('title', '=', title).where('is_demo', '=', 1).executeTakeFirst();
  if (!plan) return { targets: [], periodEnd: 2030 };
  const rows = await db
    .selectFrom('plan_targets as t')
    .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
    .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
    .select(['t.id', 't.indicator', 't.comparator', 't.value', 't.unit', 't.year', 't.base_year', 'a.no as area_no', 'g.no as goal_no'])
    .where('a.plan_id', '=', plan.id)
    .orderBy('t.goal_id')
    .orderBy('t.seq')
    .execute();
  return {
    periodEnd: plan.period_end,
    targets: rows.map((r) => ({
      id: r.id, indicator: r.indicator, comparator: r.comparator as Comparator, value: r.value, unit: r.unit, year: r.year,
      baseYear: r.base_year, areaNo: r.area_no, goalNo: r.goal_no,
    })),
  };
}

/**
 * Validation rules a statistics group would set: a plausible range where the unit alone does not
 * bound the value, and a comment for a change of over 30% in a year where the counts are large
 * enough not to swing by chance (not for rates over a few dozen cases).
 */
function demoRules(entry: CatalogueEntry): Pick<IndicatorInputDto, 'minValue' | 'maxValue' | 'yoyThreshold'> {
  const range = entry.unit === '岁' ? { minValue: 50, maxValue: 100 } : entry.unit === '年' ? { minValue: 0, maxValue: 20 } : { minValue: null, maxValue: null };
  const stable = entry.formula.type === 'direct' || (entry.demoLevel.denominator ?? 0) >= 1000;
  return { ...range, yoyThreshold: stable ? 30 : null };
}

function entryInput(entry: CatalogueEntry, targets: readonly PlanTarget[], periodEnd: number, departments: ReadonlyMap<string, number>): IndicatorInputDto {
  return {
    code: entry.code,
    name: entry.name,
    unit: entry.unit,
    direction: entry.direction,
    definition: entry.definition,
    caliber: null,
    categories: entry.categories ?? '',
    formula: mapFormula(entry.formula, element),
    responsibleDepartmentId: entry.dept === null ? null : (departments.get(entry.dept) ?? null),
    dataSource: entry.dataSource,
    baselineYear: entry.baseline2020 === undefined ? null : 2020,
    baselineValue: entry.baseline2020 ?? null,
    ...demoRules(entry),
    tolerance: null,
    decimals: entry.formula.type === 'direct' && element(entry.formula.value).valueType === 'count' ? 0 : 2,
    published: !entry.unpublished,
    targets: indicatorTargets(targets, periodEnd),
  };
}

/**
 * The demo's two sources of indicators: the city's women's plan, whose targets are the dictionary's
 * (the city's own), and 西岗区's children's plan, whose targets are 西岗区's alone — the city has no
 * children's plan, so those indicators carry no dictionary target (see childrenCatalogue.ts).
 */
const SOURCES = [
  { plan: DEMO_PLAN_TITLE, entries: CATALOGUE, cityTargets: true },
  { plan: XIGANG_CHILDREN_PLAN, entries: CHILDREN_CATALOGUE, cityTargets: false },
] as const;

/**
 * Writes the demo indicator dictionary, each indicator linked to the target of the demo plan it
 * measures (its source) and, for the city's plan, aimed as that target says; without the demo plans
 * the indicators stand unlinked.
 */
export async function seedDemoIndicators(db: Db): Promise<number> {
  const sources = await Promise.all(SOURCES.map(async (s) => ({ ...s, ...(await demoPlanTargets(db.kysely, s.plan)) })));
  await db.kysely.transaction().execute(async (trx) => {
    const repo = indicatorsRepository(trx);
    const departments = new Map((await repo.topDepartments()).map((d) => [d.shortName, d.id]));
    for (const { entries, targets, periodEnd, cityTargets } of sources) {
      for (const entry of entries) {
        const [areaNo, goalNo, name] = entry.target;
        const measured = targets.filter((t) => t.areaNo === areaNo && t.goalNo === goalNo && indicatorKey(t.indicator) === indicatorKey(name));
        const input = entryInput(entry, cityTargets ? measured : [], periodEnd, departments);
        const id = await saveIndicator(repo, input, { planTargetId: measured[0]?.id ?? null, isDemo: true });
        // The plan's targets measure the indicator (plan_targets.indicator_id), as generating would link them.
        await repo.linkTargets(measured.map((t) => t.id), id);
      }
    }
  });
  return CATALOGUE.length + CHILDREN_CATALOGUE.length;
}

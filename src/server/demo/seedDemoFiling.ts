import type { Db } from '../db/connection';
import { filingDueOn } from '../../shared/plans/filing';
import { compareWithParentPlan } from '../modules/plans/filing/comparison';
import { filingRepository } from '../modules/plans/filing/repository';
import { lifecycleRepository } from '../modules/plans/lifecycle/repository';

/** 大连市's plan was released first; 西岗区 released both its plans a few weeks later (seed 001 §三, seed 002). */
const CITY_RELEASED = '2022-01-20';
const XIGANG_RELEASED = '2022-03-01';

/**
 * 备案 in the demo: 西岗区's women's plan filed with the city and waiting for the city office's
 * decision (its targets compared with the city's plan), its children's plan past the one month
 * and not filed (逾期未报). District targets are linked to the city indicator of the same name and
 * unit first, so the comparison has something to compare.
 */
export async function seedDemoFiling(db: Db): Promise<{ filed: number; overdue: number }> {
  const k = db.kysely;
  const plans = await k
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select(['p.id', 'p.kind', 'o.code', 'o.id as unit_id', 'o.parent_id'])
    .where('o.code', 'in', ['210200', '210203'])
    .execute();
  const plan = (code: string, kind: 'women' | 'children') => plans.find((p) => p.code === code && p.kind === kind);
  const city = plan('210200', 'women');
  const women = plan('210203', 'women');
  const children = plan('210203', 'children');
  if (!city || !women || !children) throw new Error('演示备案需要大连市妇女发展规划和西岗区的两部规划');

  const indicators = await k.selectFrom('indicators').select(['id', 'name', 'unit']).execute();
  const districtTargets = await filingRepository(k).targetsOf(women.id);
  for (const t of districtTargets) {
    if (t.indicator_id !== null) continue;
    const same = indicators.filter((i) => i.name === t.indicator && i.unit === t.unit);
    if (same.length === 1) await k.updateTable('plan_targets').set({ indicator_id: same[0]!.id }).where('id', '=', t.id).execute();
  }

  const lifecycle = lifecycleRepository(k);
  const now = new Date().toISOString();
  await lifecycle.setRelease(city.id, CITY_RELEASED, now);
  await lifecycle.setRelease(women.id, XIGANG_RELEASED, now);
  await lifecycle.setRelease(children.id, XIGANG_RELEASED, now);

  const office = await k
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'xigang_office')
    .executeTakeFirst();
  await filingRepository(k).insertFiling({
    planId: women.id,
    toOrgUnitId: women.parent_id!,
    dueOn: filingDueOn(XIGANG_RELEASED),
    note: '《西岗区妇女发展规划（2021—2030年）》已经区政府常务会议审议通过并印发，现报送备案。',
    comparison: JSON.stringify(await compareWithParentPlan(k, women.id, 'women', women.parent_id!)),
    filedBy: office?.id ?? null,
    filedAt: '2022-03-18T02:30:00.000Z',
  });
  return { filed: 1, overdue: 1 };
}

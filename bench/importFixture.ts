/**
 * The import benchmark's world, shared by `npm run bench:import` and `npm run crash`: a city with
 * `units` districts, each with a committee and five departments, 50 ratio indicators (100 data
 * elements), ten years of open reporting tasks, and one value for every unit × element × year.
 */
import type { Db } from '../src/server/db/connection';
import type { Dhis2DataValue } from '../src/server/modules/reporting/dataValueSets';

const INDICATORS = 50; // ratio indicators: 100 data elements
export const YEARS = 10;
const FIRST_YEAR = 2016;
const DEPARTMENTS = ['统计局', '卫健委', '教育局', '人社局', '民政局'];

export async function buildDictionary(db: Db, unitCount: number) {
  const k = db.kysely;
  const city = await k.insertInto('org_units').values({ code: 'C0', name: '基准市', level: 'city', parent_id: null, sort: 0, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
  const unitRows = Array.from({ length: unitCount }, (_, i) => ({ code: `U${i}`, name: `基准区${i}`, level: 'district' as const, parent_id: city.id, sort: i, is_demo: 0 }));
  for (let i = 0; i < unitRows.length; i += 500) await k.insertInto('org_units').values(unitRows.slice(i, i + 500)).execute();
  const units = await k.selectFrom('org_units').select(['id', 'code']).where('parent_id', '=', city.id).orderBy('id').execute();
  for (let i = 0; i < units.length; i += 500) await k.insertInto('committees').values(units.slice(i, i + 500).map((u) => ({ org_unit_id: u.id, name: `${u.code}妇儿工委` }))).execute();
  const committees = await k.selectFrom('committees').select(['id']).execute();
  // The city's departments answer for the indicators; each district's reports along them.
  const cityCommittee = await k.insertInto('committees').values({ org_unit_id: city.id, name: '基准市妇儿工委' }).returning('id').executeTakeFirstOrThrow();
  const cityDepartments = await k
    .insertInto('departments')
    .values(DEPARTMENTS.map((d, i) => ({ committee_id: cityCommittee.id, name: d, short_name: d, sort: i })))
    .returning('id')
    .execute();
  const deptRows = committees.flatMap((c) => DEPARTMENTS.map((d, i) => ({ committee_id: c.id, name: d, short_name: d, counterpart_id: cityDepartments[i]!.id, sort: i })));
  for (let i = 0; i < deptRows.length; i += 500) await k.insertInto('departments').values(deptRows.slice(i, i + 500)).execute();

  const elements: { code: string; numerator: boolean }[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const [num, den] = await Promise.all(
      ['N', 'D'].map((s) =>
        k.insertInto('data_elements').values({ code: `DE${i}${s}`, name: `数据元${i}${s}`, unit: '人', value_type: 'count', categories: '' }).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    await k
      .insertInto('indicators')
      .values({
        code: `IND${i}`, name: `指标${i}`, unit: '%', direction: 'higher', formula_type: 'ratio', value_de_id: null,
        numerator_de_id: num!.id, denominator_de_id: den!.id, factor: 100, categories: '', responsible_department_id: cityDepartments[i % DEPARTMENTS.length]!.id,
        definition: null, caliber: null, data_source: null, baseline_year: null, baseline_value: null, min_value: null, max_value: null,
        yoy_threshold: null, tolerance: null, plan_target_id: null,
      })
      .execute();
    elements.push({ code: `DE${i}N`, numerator: true }, { code: `DE${i}D`, numerator: false });
  }
  const indicatorIds = (await k.selectFrom('indicators').select('id').execute()).map((r) => r.id);
  const departments = await k.selectFrom('departments as d').innerJoin('committees as c', 'c.id', 'd.committee_id').select(['d.id', 'c.org_unit_id']).execute();
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    const task = await k.insertInto('reporting_tasks').values({ org_unit_id: city.id, year, name: `${year}`, opens_on: `${year + 1}-01-01`, due_on: `${year + 1}-03-31`, created_by: null, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
    await k.insertInto('reporting_task_indicators').values(indicatorIds.map((id) => ({ task_id: task.id, indicator_id: id }))).execute();
    const seats = departments.map((d) => ({ task_id: task.id, org_unit_id: d.org_unit_id, department_id: d.id, state: 'draft', updated_at: new Date().toISOString() }));
    for (let i = 0; i < seats.length; i += 500) await k.insertInto('submissions').values(seats.slice(i, i + 500)).execute();
  }
  return { units, elements };
}

export function dataValues(units: { code: string }[], elements: { code: string; numerator: boolean }[]): Dhis2DataValue[] {
  const out: Dhis2DataValue[] = [];
  for (let y = 0; y < YEARS; y++) {
    for (const unit of units) {
      for (const e of elements) {
        out.push({ dataElement: e.code, period: String(FIRST_YEAR + y), orgUnit: unit.code, value: String(e.numerator ? 400 + y : 1000 + y) });
      }
    }
  }
  return out;
}

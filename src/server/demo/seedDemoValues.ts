import type { Db } from '../db/connection';
import { COMMAND_LINE } from '../modules/auth/service';
import { writeDataValues, type ValueInput } from '../modules/reporting/commands/writeDataValues';
import { loadDictionary, type DictIndicator, type ReportingDictionary } from '../modules/reporting/dictionary';
import { reportingRepository } from '../modules/reporting/repository';
import { reportingService } from '../modules/reporting/service';
import { CHILDREN_CATALOGUE, XIGANG_CHILDREN_PLAN } from './childrenCatalogue';
import { CATALOGUE, type CatalogueEntry } from './indicatorCatalogue';
import { bumpDataVersion } from '../db/dataVersion';

export const DEMO_FIRST_YEAR = 2020;
export const DEMO_LAST_YEAR = 2025;
/** The year whose reporting is still under way in the demo: a mix of states. */
const OPEN_YEAR = DEMO_LAST_YEAR;

/** Deterministic noise in [0, 1) from a text: the demo is the same on every machine. */
function noise(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * How an indicator moves in the demo, by its code: most approach their target, some too slowly,
 * a few go backwards, one in twelve jumps in one year — so that progress ratings and early
 * warnings have something to show.
 */
function profile(code: string): { pace: number; jumpYear: number | null } {
  const r = noise(`profile:${code}`);
  if (r < 0.62) return { pace: 1.1, jumpYear: null };
  if (r < 0.8) return { pace: 0.45, jumpYear: null };
  if (r < 0.92) return { pace: -0.5, jumpYear: null };
  return { pace: 0.9, jumpYear: 2023 };
}

interface Series {
  level: number;
  target: number;
}

/** The indicator's demo value at a unit in a year, in its unit. */
function valueAt(ind: DictIndicator, s: Series, unitCode: string, year: number): number {
  const { pace, jumpYear } = profile(ind.code);
  const unitOffset = (noise(`unit:${ind.code}:${unitCode}`) - 0.5) * 0.12 * s.level;
  const progress = ((year - DEMO_FIRST_YEAR) / 10) * pace;
  const wobble = (noise(`year:${ind.code}:${unitCode}:${year}`) - 0.5) * 0.02 * s.level;
  let v = s.level + unitOffset + (s.target - s.level) * progress + wobble;
  if (jumpYear === year) v *= 1.35;
  if (ind.unit === '%') v = Math.min(100, v);
  return Math.max(0, v);
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** A total split into female and male parts that add up to it exactly. */
function splitBySex(total: number, key: string, integer: boolean): [number, number] {
  const female = total * (0.47 + noise(key) * 0.06);
  const f = integer ? Math.round(female) : round(female, 2);
  return [f, integer ? total - f : round(total - f, 2)];
}

/**
 * Demo values (演示数据) for every demo indicator, for 大连市 and each district, 2020–2025: one
 * reporting task a year; 2020–2024 approved, 2025 still under way with seats in every state.
 * Ratio indicators get counts whose district sums are the city's, as a real ratio of sums.
 */
export async function seedDemoValues(db: Db): Promise<{ tasks: number; values: number }> {
  const dict = await loadDictionary(db.kysely);
  const root = [...dict.units.values()].find((u) => u.parentId === null)!;
  const districts = [...dict.units.values()].filter((u) => u.parentId === root.id);
  const demo = new Map([...CATALOGUE, ...CHILDREN_CATALOGUE].map((e) => [e.code, e]));
  const indicators = [...dict.indicators.values()].filter((i) => demo.has(i.code) && i.responsibleDepartmentId !== null);
  const targets = await aims(db);
  const series = new Map(
    indicators.map((ind) => {
      const { value: level, heading } = demo.get(ind.code)!.demoLevel;
      const higher = demo.get(ind.code)!.direction !== 'lower';
      return [ind.id, { level, target: heading ?? targets.get(ind.id) ?? level * (higher ? 1.06 : 0.9) }];
    }),
  );

  const reporting = reportingService(db.kysely);
  let values = 0;
  for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
    const task = await reporting.createTask(
      COMMAND_LINE,
      {
        orgUnitId: root.id,
        year,
        name: `${year}年度妇女儿童发展规划统计监测数据填报`,
        opensOn: `${year + 1}-01-10`,
        dueOn: `${year + 1}-03-31`,
        indicatorIds: indicators.map((i) => i.id),
        orgUnitIds: [root.id, ...districts.map((d) => d.id)],
      },
      true,
    );
    const inputs = yearValues(dict, indicators, series, districts, root.id, year, demo);
    const result = await writeDataValues(db.kysely, inputs, { auth: COMMAND_LINE, via: 'system', dryRun: false, atomic: true, rejectInvalid: true, dictionary: dict });
    if (result.conflicts.length) throw new Error(`演示数据生成有误：${result.conflicts.slice(0, 3).map((c) => c.reason).join('；')}`);
    values += result.imported;
    await settleStates(db, task.id, year);
  }
  await bumpDataVersion(db.kysely);
  return { tasks: DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1, values };
}

/**
 * The figure each indicator's values head for: its latest absolute target, the dictionary's (the
 * city's plan), else that of 西岗区儿童发展规划, the only plan setting the children's indicators'
 * targets. A target without a year is for the plan's end, so it counts as the latest.
 */
async function aims(db: Db): Promise<Map<number, number>> {
  const [dictionary, children] = await Promise.all([
    db.kysely.selectFrom('indicator_targets').select(['indicator_id', 'year', 'value']).where('value', 'is not', null).where('base_year', 'is', null).execute(),
    db.kysely
      .selectFrom('plan_targets as t')
      .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
      .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select(['t.indicator_id', 't.year', 't.value'])
      .where('p.title', '=', XIGANG_CHILDREN_PLAN).where('t.indicator_id', 'is not', null).where('t.value', 'is not', null).where('t.base_year', 'is', null)
      .where('t.comparator', 'in', ['>=', '<=', '=', '~'])
      .execute(),
  ]);
  const out = new Map<number, number>();
  for (const rows of [dictionary, children]) {
    const latest = new Map<number, { year: number; value: number }>();
    for (const r of rows) {
      const year = r.year ?? Infinity;
      if (!out.has(r.indicator_id!) && (latest.get(r.indicator_id!)?.year ?? -Infinity) < year) latest.set(r.indicator_id!, { year, value: r.value! });
    }
    for (const [id, { value }] of latest) out.set(id, value);
  }
  return out;
}

function yearValues(
  dict: ReportingDictionary,
  indicators: DictIndicator[],
  series: Map<number, Series>,
  districts: { id: number; code: string }[],
  rootId: number,
  year: number,
  demo: Map<string, CatalogueEntry>,
): ValueInput[] {
  const out = new Map<string, ValueInput>();
  const put = (dataElementId: number, orgUnitId: number, option: 'total' | 'female' | 'male', value: number) => {
    out.set(`${dataElementId}:${orgUnitId}:${option}`, { dataElementId, orgUnitId, period: year, optionId: dict.options.get(option)!, value, where: '' });
  };
  const add = (dataElementId: number, orgUnitId: number, option: 'total' | 'female' | 'male', value: number) => {
    const prior = out.get(`${dataElementId}:${orgUnitId}:${option}`)?.value ?? 0;
    put(dataElementId, orgUnitId, option, prior + value);
  };
  /** A district's count, and its share of the city's. */
  const record = (dataElementId: number, districtId: number, total: number, sexParts: [number, number] | null) => {
    put(dataElementId, districtId, 'total', total);
    add(dataElementId, rootId, 'total', total);
    if (!sexParts) return;
    put(dataElementId, districtId, 'female', sexParts[0]);
    put(dataElementId, districtId, 'male', sexParts[1]);
    add(dataElementId, rootId, 'female', sexParts[0]);
    add(dataElementId, rootId, 'male', sexParts[1]);
  };
  for (const ind of indicators) {
    const s = series.get(ind.id)!;
    const bySex = ind.categories.includes('sex');
    if (ind.formulaType === 'ratio') {
      const typical = demo.get(ind.code)!.demoLevel.denominator ?? 1000;
      for (const d of districts) {
        // A denominator shared by several indicators (活产数) is one count: the first one sets it.
        let den = out.get(`${ind.denominatorDeId}:${d.id}:total`)?.value;
        if (den == null) {
          const size = 0.55 + noise(`size:${d.code}`) * 1.2;
          den = Math.max(1, Math.round(typical * size * (1 + 0.01 * (year - DEMO_FIRST_YEAR))));
          record(ind.denominatorDeId!, d.id, den, bySex ? splitBySex(den, `${ind.code}:${d.code}:${year}`, true) : null);
        }
        const num = Math.min(den, Math.round((valueAt(ind, s, d.code, year) * den) / ind.factor));
        // The numerator's sex parts follow the denominator's (skewed where the rates differ), so neither part can exceed its base.
        const denFemale = out.get(`${ind.denominatorDeId}:${d.id}:female`)?.value;
        const skew = demo.get(ind.code)!.demoLevel.femaleRelative ?? 1;
        const numFemale = bySex && denFemale != null ? Math.max(num - (den - denFemale), Math.min(denFemale, Math.round((num * denFemale * skew) / den))) : null;
        record(ind.numeratorDeId!, d.id, num, numFemale === null ? null : [numFemale, num - numFemale]);
      }
      continue;
    }
    const decimals = dict.dataElements.get(ind.valueDeId!)!.valueType === 'count' ? 0 : ind.unit === '岁' ? 2 : 1;
    for (const unit of [{ id: rootId, code: 'city' }, ...districts]) {
      const v = round(valueAt(ind, s, unit.code, year), decimals);
      put(ind.valueDeId!, unit.id, 'total', v);
      if (!bySex) continue;
      // Counts split into parts that add up; rates of women and men sit either side of the total.
      const [female, male] = decimals === 0
        ? splitBySex(v, `${ind.code}:${unit.code}:${year}`, true)
        : [round(Math.min(ind.unit === '%' ? 100 : Infinity, v + 0.6), decimals), round(Math.max(0, v - 0.6), decimals)];
      put(ind.valueDeId!, unit.id, 'female', female);
      put(ind.valueDeId!, unit.id, 'male', male);
    }
  }
  // A jump the year-on-year rule flags comes with the reporter's explanation, as submission requires.
  for (const ind of indicators) {
    if (profile(ind.code).jumpYear !== year) continue;
    const reported = ind.formulaType === 'ratio' ? ind.numeratorDeId : ind.valueDeId;
    for (const input of out.values()) if (input.dataElementId === reported) input.comment = JUMP_COMMENT;
  }
  return [...out.values()];
}

const JUMP_COMMENT = '演示数据：当年统计口径调整，数值明显上升';

async function settleStates(db: Db, taskId: number, year: number): Promise<void> {
  const repo = reportingRepository(db.kysely);
  const seats = await repo.listSubmissions({ taskIds: [taskId] });
  const values = await db.kysely.selectFrom('data_values').select(['org_unit_id', 'department_id']).where('period', '=', year).execute();
  const reported = new Set(values.map((v) => `${v.org_unit_id}:${v.department_id}`));
  const at = `${year + 1}-03-20T02:00:00.000Z`;
  for (const seat of seats) {
    const hasData = reported.has(`${seat.org_unit_id}:${seat.department_id}`);
    let state: 'draft' | 'submitted' | 'returned' | 'approved' = 'approved';
    if (year === OPEN_YEAR) {
      const r = noise(`state:${seat.org_unit_id}:${seat.department_id}`);
      state = !hasData ? 'draft' : r < 0.35 ? 'approved' : r < 0.7 ? 'submitted' : r < 0.8 ? 'returned' : 'draft';
    }
    if (state === 'draft') continue;
    const steps: [string, string, string][] = state === 'returned' ? [['submit', 'draft', 'submitted'], ['return', 'submitted', 'returned']] : [['submit', 'draft', 'submitted']];
    if (state === 'approved') steps.push(['approve', 'submitted', 'approved']);
    for (const [action, from, to] of steps) {
      await repo.addEvent({ submissionId: seat.id, action, from, to, comment: action === 'return' ? '演示数据：请核对分性别数据' : null, actorId: null, at });
    }
    await repo.setState(seat.id, 'draft', state, state === 'returned' ? '演示数据：请核对分性别数据' : null, at);
  }
}

import type { Kysely } from 'kysely';
import { CATEGORY_PARTS, optionsOf, type OptionCode } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { readDataVersion } from '../../db/dataVersion';
import { aggregateGrid, buildUnitIndex, emptyGrid, type AggregatedGrid, type AggregationRule, type UnitIndex, type YearSpan } from './engine/cube';

/** What the model needs to know of an indicator to build its grids. */
export interface FormulaSpec {
  id: number;
  formulaType: 'direct' | 'ratio';
  valueDeId: number | null;
  numeratorDeId: number | null;
  denominatorDeId: number | null;
  factor: number;
  categories: string[];
  responsibleDept: string | null;
}

export type Scope = 'approved' | 'all';

/** Values of one data element: parallel columns, one entry per stored value. */
interface ElementValues {
  unit: Int32Array;
  year: Int32Array;
  option: Uint8Array;
  value: Float64Array;
  /** The seat that wrote each value (0: none). */
  seat: Int32Array;
}

export interface IndicatorGrids {
  /** By option code: the aggregated grid; only options the indicator is disaggregated by. */
  grids: Map<OptionCode, AggregatedGrid>;
}

/**
 * All stored values in memory, grouped by data element, with the approval state of every
 * (indicator, unit, year). Loaded whole for one data version; grids per indicator are built on
 * first use and kept until the version changes.
 */
export class FactBase {
  private readonly gridCache = new Map<string, IndicatorGrids>();

  constructor(
    readonly version: string,
    readonly index: UnitIndex,
    readonly years: YearSpan,
    private readonly values: Map<number, ElementValues>,
    private readonly valueTypes: Map<number, string>,
    private readonly optionCodes: Map<number, OptionCode>,
    /** Approved seats: a value is approved while the seat that wrote it is. */
    private readonly approvedSeats: Set<number>,
  ) {}

  grids(spec: FormulaSpec, scope: Scope): IndicatorGrids {
    const key = `${spec.id}:${scope}:${spec.formulaType}:${spec.valueDeId}:${spec.numeratorDeId}:${spec.denominatorDeId}:${spec.factor}:${spec.categories.join(',')}`;
    let found = this.gridCache.get(key);
    if (!found) this.gridCache.set(key, (found = this.build(spec, scope)));
    return found;
  }

  private build(spec: FormulaSpec, scope: Scope): IndicatorGrids {
    const options = optionsOf(spec.categories);
    const ratio = spec.formulaType === 'ratio';
    const mainDe = ratio ? spec.numeratorDeId : spec.valueDeId;
    const rule: AggregationRule = ratio ? 'ratio' : this.valueTypes.get(mainDe ?? -1) === 'rate' ? 'none' : 'sum';
    const reported = new Map(options.map((o) => [o, emptyGrid(this.index.ids.length, this.years, ratio)]));
    const { first, count } = this.years;
    const fill = (deId: number | null, column: 'num' | 'den') => {
      const v = deId === null ? undefined : this.values.get(deId);
      if (!v) return;
      // Option ids are small integers: an array from option id to the column it fills beats a map lookup per value.
      const columnOf: (Float64Array | null | undefined)[] = [];
      for (const [optionId, code] of this.optionCodes) columnOf[optionId] = reported.get(code)?.[column];
      const { option, unit, year, value, seat } = v;
      const approvedOnly = scope === 'approved';
      for (let i = 0; i < value.length; i++) {
        const target = columnOf[option[i]!];
        if (!target) continue;
        if (approvedOnly && !this.approvedSeats.has(seat[i]!)) continue;
        target[unit[i]! * count + (year[i]! - first)] = value[i]!;
      }
    };
    fill(mainDe, 'num');
    if (ratio) fill(spec.denominatorDeId, 'den');
    // Where only the parts were reported, they make the total (not for reported rates: rates do not add up).
    const total = reported.get('total')!;
    for (const category of rule === 'none' ? [] : spec.categories) {
      // Every part has a grid: `options` holds the parts of each of the indicator's categories.
      const parts = (CATEGORY_PARTS[category] ?? []).map((o) => reported.get(o)!);
      if (parts.length === 0) continue;
      for (let at = 0; at < total.num.length; at++) {
        if (total.num[at] === total.num[at]) continue;
        // NaN where a part is missing, so the next category may still make the total.
        let num = 0;
        let den = 0;
        for (const p of parts) {
          num += p.num[at]!;
          if (p.den) den += p.den[at]!;
        }
        total.num[at] = num;
        if (total.den) total.den[at] = den;
      }
    }
    return { grids: new Map(options.map((o) => [o, aggregateGrid(this.index, this.years, reported.get(o)!, rule, ratio ? spec.factor : 1)])) };
  }
}

/** Loads the fact base, or returns the cached one while the data version is unchanged. */
export function factBaseLoader(db: Kysely<Database>) {
  let current: Promise<FactBase> | null = null;
  let currentVersion: string | null = null;
  return async function load(): Promise<FactBase> {
    const version = await readDataVersion(db);
    if (current && currentVersion === version) return current;
    currentVersion = version;
    current = loadFactBase(db, version);
    current.catch(() => {
      current = null;
      currentVersion = null;
    });
    return current;
  };
}

async function loadFactBase(db: Kysely<Database>, version: string): Promise<FactBase> {
  const [units, elements, options, rows, approvals] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'parent_id']).orderBy('id').execute(),
    db.selectFrom('data_elements').select(['id', 'value_type']).execute(),
    db.selectFrom('category_options').select(['id', 'code']).execute(),
    db.selectFrom('data_values').select(['data_element_id', 'org_unit_id', 'period', 'option_id', 'value', 'submission_id']).execute(),
    db.selectFrom('submissions').select('id').where('state', '=', 'approved').execute(),
  ]);
  const index = buildUnitIndex(units.map((u) => ({ id: u.id, parentId: u.parent_id })));
  let first = Infinity;
  let last = -Infinity;
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (r.period < first) first = r.period;
    if (r.period > last) last = r.period;
    counts.set(r.data_element_id, (counts.get(r.data_element_id) ?? 0) + 1);
  }
  const years: YearSpan = rows.length ? { first, count: last - first + 1 } : { first: new Date().getFullYear(), count: 1 };
  const values = new Map<number, ElementValues & { n: number }>();
  for (const [de, n] of counts) values.set(de, { unit: new Int32Array(n), year: new Int32Array(n), option: new Uint8Array(n), value: new Float64Array(n), seat: new Int32Array(n), n: 0 });
  for (const r of rows) {
    const v = values.get(r.data_element_id)!;
    const unit = index.indexOf.get(r.org_unit_id);
    if (unit === undefined) continue;
    v.unit[v.n] = unit;
    v.year[v.n] = r.period;
    v.option[v.n] = r.option_id;
    v.seat[v.n] = r.submission_id ?? 0;
    v.value[v.n++] = r.value;
  }
  return new FactBase(
    version,
    index,
    years,
    values,
    new Map(elements.map((e) => [e.id, e.value_type])),
    new Map(options.map((o) => [o.id, o.code as OptionCode])),
    new Set(approvals.map((a) => a.id)),
  );
}

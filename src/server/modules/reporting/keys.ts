/**
 * Keys for values as small integers. A value is found by (unit, year) and then by (data element,
 * option): both parts stay below 2^30, which V8 keeps unboxed and hashes without allocating. Bulk
 * imports fill maps of a million values, and one packed 49-bit key per value would be a heap number
 * each (such a flat map fills about seven times slower). The limits are far above any committee tree
 * (2,097,152 units) or indicator system (65,536 data elements).
 */
const DE_LIMIT = 2 ** 16;
const UNIT_LIMIT = 2 ** 21;
const OPTION_LIMIT = 2 ** 4;
export const FIRST_YEAR = 1900;
export const LAST_YEAR = FIRST_YEAR + 255;

/** The identity of one reported number. */
export interface ValueKey {
  dataElementId: number;
  orgUnitId: number;
  period: number;
  optionId: number;
}

export function checkKeyLimits(maxElementId: number, maxUnitId: number, maxOptionId: number): void {
  if (maxElementId >= DE_LIMIT || maxUnitId >= UNIT_LIMIT || maxOptionId >= OPTION_LIMIT) {
    throw new Error(`数据规模超出设计上限：数据元编号 ${maxElementId}、单位编号 ${maxUnitId}、分组编号 ${maxOptionId}`);
  }
}

export function isKeyYear(period: number): boolean {
  return Number.isInteger(period) && period >= FIRST_YEAR && period <= LAST_YEAR;
}

/** (an id, a year) → one integer: (unit, year) for values, (data element, year) for the value gate's routes. */
export function yearKey(id: number, period: number): number {
  return id * 256 + (period - FIRST_YEAR);
}

/** (data element, option) → one integer. */
export function elementOptionKey(dataElementId: number, optionId: number): number {
  return dataElementId * OPTION_LIMIT + optionId;
}

/** Things keyed by value identity: (unit, year) → (data element, option) → T. */
export class ValueMap<T> {
  readonly #byUnitYear = new Map<number, Map<number, T>>();
  #size = 0;

  static of<V extends ValueKey>(items: Iterable<V>): ValueMap<V> {
    const map = new ValueMap<V>();
    for (const item of items) map.set(item, item);
    return map;
  }

  get size(): number {
    return this.#size;
  }

  /** The values of one unit and year, by `elementOptionKey`: a caller reading many cells of one unit-year looks it up once. */
  at(orgUnitId: number, period: number): ReadonlyMap<number, T> | undefined {
    return this.#byUnitYear.get(yearKey(orgUnitId, period));
  }

  get(key: ValueKey): T | undefined {
    return this.#byUnitYear.get(yearKey(key.orgUnitId, key.period))?.get(elementOptionKey(key.dataElementId, key.optionId));
  }

  has(key: ValueKey): boolean {
    return this.#byUnitYear.get(yearKey(key.orgUnitId, key.period))?.has(elementOptionKey(key.dataElementId, key.optionId)) ?? false;
  }

  set(key: ValueKey, value: T): this {
    const unitYear = yearKey(key.orgUnitId, key.period);
    let row = this.#byUnitYear.get(unitYear);
    if (!row) this.#byUnitYear.set(unitYear, (row = new Map()));
    const elementOption = elementOptionKey(key.dataElementId, key.optionId);
    if (!row.has(elementOption)) this.#size++;
    row.set(elementOption, value);
    return this;
  }

  /** Every value, in the order of the value table's key: unit, year, data element, option. */
  inKeyOrder(): T[] {
    const out: T[] = [];
    // Typed arrays sort numerically without a comparator call per pair.
    for (const unitYear of Float64Array.from(this.#byUnitYear.keys()).sort()) {
      const row = this.#byUnitYear.get(unitYear)!;
      for (const elementOption of Float64Array.from(row.keys()).sort()) out.push(row.get(elementOption)!);
    }
    return out;
  }
}

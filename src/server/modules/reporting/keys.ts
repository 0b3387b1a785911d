/**
 * Numeric keys for values, packed into one safe integer: bulk imports build maps of a million
 * values, and number keys cost a fraction of string keys in time and memory. The limits are far
 * above any committee tree (2,097,152 units) or indicator system (65,536 data elements).
 */
const DE_LIMIT = 2 ** 16;
const UNIT_LIMIT = 2 ** 21;
const OPTION_LIMIT = 2 ** 4;
export const FIRST_YEAR = 1900;
export const LAST_YEAR = FIRST_YEAR + 255;

/** Data element and indicator ids share the first slot (indicator × unit × year groups use it too). */
export function checkKeyLimits(maxElementOrIndicatorId: number, maxUnitId: number, maxOptionId: number): void {
  if (maxElementOrIndicatorId >= DE_LIMIT || maxUnitId >= UNIT_LIMIT || maxOptionId >= OPTION_LIMIT) {
    throw new Error(`数据规模超出设计上限：数据元或指标编号 ${maxElementOrIndicatorId}、单位编号 ${maxUnitId}、分组编号 ${maxOptionId}`);
  }
}

export function isKeyYear(period: number): boolean {
  return Number.isInteger(period) && period >= FIRST_YEAR && period <= LAST_YEAR;
}

/** (data element, unit, year, option) → one integer. */
export function valueKey(dataElementId: number, orgUnitId: number, period: number, optionId: number): number {
  return ((dataElementId * UNIT_LIMIT + orgUnitId) * 256 + (period - FIRST_YEAR)) * OPTION_LIMIT + optionId;
}

/** (unit, year) → one integer. */
export function unitYearKey(orgUnitId: number, period: number): number {
  return orgUnitId * 256 + (period - FIRST_YEAR);
}

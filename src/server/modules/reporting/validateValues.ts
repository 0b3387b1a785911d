import { validateIndicator, type Cell, type DataElementInfo, type ValidationIssue } from '../../../shared/monitoring/validation';
import type { DictIndicator, ReportingDictionary } from './dictionary';
import { elementOptionKey, yearKey, ValueMap, type ValueKey } from './keys';
import type { StoredValue } from './valuesRepository';

export interface ScopedIssue extends ValidationIssue {
  orgUnitId: number;
  period: number;
}

/** A value about to be written (null: deleted); `comment: undefined` keeps the stored one. */
export interface IncomingValue extends ValueKey {
  value: number | null;
  comment?: string | null;
}

/** The indicators an import touches in one unit and year. */
interface Group {
  orgUnitId: number;
  period: number;
  indicators: Set<DictIndicator>;
}

/**
 * Validates every indicator × unit × year that the incoming values touch, each incoming value
 * taking the place of the stored one, in the year itself and as the year before of the next.
 * `incoming` is `inputs` by key, for a caller that has built it already.
 */
export function validateValues(
  dict: ReportingDictionary,
  inputs: readonly IncomingValue[],
  stored: ValueMap<StoredValue>,
  incoming: ValueMap<IncomingValue> = ValueMap.of(inputs),
): ScopedIssue[] {
  const groups = new Map<number, Group>();
  let group: Group | undefined;
  for (const input of inputs) {
    // Inputs come mostly unit-year by unit-year: the last group is usually the one.
    if (!group || group.orgUnitId !== input.orgUnitId || group.period !== input.period) {
      const key = yearKey(input.orgUnitId, input.period);
      group = groups.get(key);
      if (!group) groups.set(key, (group = { orgUnitId: input.orgUnitId, period: input.period, indicators: new Set() }));
    }
    for (const indicator of dict.indicatorsByDataElement.get(input.dataElementId) ?? []) group.indicators.add(indicator);
  }

  const cellsAt = (indicator: DictIndicator, orgUnitId: number, period: number): Cell[] => {
    const cells: Cell[] = [];
    const incomingRow = incoming.at(orgUnitId, period);
    const storedRow = stored.at(orgUnitId, period);
    if (!incomingRow && !storedRow) return cells;
    for (const deId of indicator.dataElementIds) {
      for (const optionId of dict.dataElements.get(deId)!.optionIds) {
        const key = elementOptionKey(deId, optionId);
        const input = incomingRow?.get(key);
        const old = storedRow?.get(key);
        const value = input ? input.value : (old?.value ?? null);
        if (value === null) continue;
        const comment = input && input.comment !== undefined ? input.comment : (old?.comment ?? null);
        cells.push({ dataElementId: deId, option: dict.optionCodeById.get(optionId)!, value, comment });
      }
    }
    return cells;
  };

  const elementsOf = new Map<DictIndicator, Map<number, DataElementInfo>>();
  const issues: ScopedIssue[] = [];
  for (const { orgUnitId, period, indicators } of groups.values()) {
    for (const indicator of indicators) {
      let elements = elementsOf.get(indicator);
      if (!elements) elementsOf.set(indicator, (elements = new Map(indicator.dataElementIds.map((id) => [id, dict.dataElements.get(id)!]))));
      // Only the year-on-year rule looks at the year before.
      const previous = indicator.yoyThreshold === null ? [] : cellsAt(indicator, orgUnitId, period - 1);
      for (const issue of validateIndicator(indicator, elements, cellsAt(indicator, orgUnitId, period), previous)) {
        issues.push({ ...issue, orgUnitId, period });
      }
    }
  }
  return issues;
}

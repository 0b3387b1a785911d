import { validateIndicator, type Cell, type DataElementInfo, type ValidationIssue } from '../../../shared/monitoring/validation';
import type { DictIndicator, ReportingDictionary } from './dictionary';
import { valueKey } from './keys';
import type { StoredValue, ValueKey } from './valuesRepository';

export interface ScopedIssue extends ValidationIssue {
  orgUnitId: number;
  period: number;
}

/** A value about to be written (null: deleted); `comment: undefined` keeps the stored one. */
export interface IncomingValue extends ValueKey {
  value: number | null;
  comment?: string | null;
}

/**
 * Validates every indicator × unit × year that the incoming values touch, each incoming value
 * taking the place of the stored one, in the year itself and as the year before of the next.
 */
export function validateValues(dict: ReportingDictionary, inputs: readonly IncomingValue[], storedByKey: ReadonlyMap<number, StoredValue>): ScopedIssue[] {
  const incoming = new Map<number, IncomingValue>();
  const groups = new Map<number, { indicator: DictIndicator; orgUnitId: number; period: number }>();
  for (const input of inputs) {
    incoming.set(valueKey(input.dataElementId, input.orgUnitId, input.period, input.optionId), input);
    for (const indicator of dict.indicatorsByDataElement.get(input.dataElementId) ?? []) {
      // An indicator id takes the data element's place in the packed key of a group.
      const key = valueKey(indicator.id, input.orgUnitId, input.period, 0);
      if (!groups.has(key)) groups.set(key, { indicator, orgUnitId: input.orgUnitId, period: input.period });
    }
  }

  const elementsOf = new Map<number, Map<number, DataElementInfo>>();
  const cellsAt = (indicator: DictIndicator, orgUnitId: number, period: number): Cell[] => {
    const cells: Cell[] = [];
    for (const deId of indicator.dataElementIds) {
      for (const optionId of dict.dataElements.get(deId)!.optionIds) {
        const key = valueKey(deId, orgUnitId, period, optionId);
        const stored = storedByKey.get(key);
        const input = incoming.get(key);
        const value = input ? input.value : (stored?.value ?? null);
        if (value === null) continue;
        const comment = input && input.comment !== undefined ? input.comment : (stored?.comment ?? null);
        cells.push({ dataElementId: deId, option: dict.optionCodeById.get(optionId)!, value, comment });
      }
    }
    return cells;
  };

  const issues: ScopedIssue[] = [];
  for (const { indicator, orgUnitId, period } of groups.values()) {
    let elements = elementsOf.get(indicator.id);
    if (!elements) elementsOf.set(indicator.id, (elements = new Map(indicator.dataElementIds.map((id) => [id, dict.dataElements.get(id)!]))));
    // Only the year-on-year rule looks at the year before.
    const previous = indicator.yoyThreshold === null ? [] : cellsAt(indicator, orgUnitId, period - 1);
    for (const issue of validateIndicator(indicator, elements, cellsAt(indicator, orgUnitId, period), previous)) {
      issues.push({ ...issue, orgUnitId, period });
    }
  }
  return issues;
}

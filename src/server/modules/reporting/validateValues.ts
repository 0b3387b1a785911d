import { validateIndicator, type Cell, type ValidationIssue } from '../../../shared/monitoring/validation';
import type { ReportingDictionary } from './dictionary';
import { keyOf, type StoredValue, type ValueKey } from './valuesRepository';

export interface ScopedIssue extends ValidationIssue {
  orgUnitId: number;
  period: number;
}

/** A value about to be written (null: deleted); `comment: undefined` keeps the stored one. */
export interface IncomingValue extends ValueKey {
  value: number | null;
  comment?: string | null;
}

/** Validates every indicator × unit × year that the inputs touch, with stored values filling the gaps. */
export function validateValues(
  dict: ReportingDictionary,
  inputs: IncomingValue[],
  storedByKey: Map<string, StoredValue>,
  stored: StoredValue[],
): ScopedIssue[] {
  const groups = new Map<string, { indicatorId: number; orgUnitId: number; period: number }>();
  for (const input of inputs) {
    for (const ind of dict.indicatorsByDataElement.get(input.dataElementId) ?? []) {
      groups.set(`${ind.id}:${input.orgUnitId}:${input.period}`, { indicatorId: ind.id, orgUnitId: input.orgUnitId, period: input.period });
    }
  }
  const incoming = new Map(inputs.map((i) => [keyOf(i), i]));
  const byUnitPeriod = new Map<string, StoredValue[]>();
  for (const v of stored) {
    const k = `${v.orgUnitId}:${v.period}`;
    let list = byUnitPeriod.get(k);
    if (!list) byUnitPeriod.set(k, (list = []));
    list.push(v);
  }
  const issues: ScopedIssue[] = [];
  for (const { indicatorId, orgUnitId, period } of groups.values()) {
    const ind = dict.indicators.get(indicatorId)!;
    const cellsAt = (p: number): Cell[] => {
      const cells = new Map<string, Cell>();
      for (const v of byUnitPeriod.get(`${orgUnitId}:${p}`) ?? []) {
        if (!ind.dataElementIds.includes(v.dataElementId)) continue;
        cells.set(keyOf(v), { dataElementId: v.dataElementId, option: dict.optionCodeById.get(v.optionId)!, value: v.value, comment: v.comment });
      }
      // Incoming values override stored ones, in the year itself and in the year before (bulk imports).
      for (const deId of ind.dataElementIds) {
        for (const [optionCode, optionId] of dict.options) {
          const input = incoming.get(keyOf({ dataElementId: deId, orgUnitId, period: p, optionId }));
          if (!input) continue;
          const key = keyOf(input);
          const before = storedByKey.get(key);
          cells.set(key, {
            dataElementId: deId,
            option: optionCode,
            value: input.value,
            comment: input.comment === undefined ? (before?.comment ?? null) : input.comment,
          });
        }
      }
      return [...cells.values()];
    };
    const elements = new Map(ind.dataElementIds.map((id) => [id, dict.dataElements.get(id)!]));
    for (const issue of validateIndicator(ind, elements, cellsAt(period), cellsAt(period - 1))) {
      issues.push({ ...issue, orgUnitId, period });
    }
  }
  return issues;
}

import type { Kysely } from 'kysely';
import type { CellSave, GridDto, SubmissionDto } from '../../../shared/api/reporting';
import { indicatorValue, OPTION_CODES, OPTION_LABELS, optionsOf, type Cell, type OptionCode } from '../../../shared/monitoring/validation';
import { isEditable, lockedReason, type SubmissionState } from '../../../shared/monitoring/workflow';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import type { AuthContext } from '../auth/service';
import { writeDataValues } from './commands/writeDataValues';
import { reportingDepartment, type DictIndicator, type ReportingDictionary } from './dictionary';
import type { SubmissionRow } from './repository';
import { valuesRepository, type StoredValue } from './valuesRepository';
import { ValueMap } from './keys';

/** The indicators of a task that a submission's department reports. */
export function seatIndicators(dict: ReportingDictionary, taskIndicatorIds: number[], seat: { org_unit_id: number; department_id: number }): DictIndicator[] {
  return taskIndicatorIds
    .map((id) => dict.indicators.get(id)!)
    .filter((i) => i && reportingDepartment(dict, i, seat.org_unit_id) === seat.department_id);
}

function rowsOf(indicator: DictIndicator) {
  if (indicator.formulaType === 'direct') return [{ deId: indicator.valueDeId!, role: 'value' as const }];
  return [
    { deId: indicator.numeratorDeId!, role: 'numerator' as const },
    { deId: indicator.denominatorDeId!, role: 'denominator' as const },
  ];
}

/** How many cells a seat must fill (every option of every data element) and how many it has. */
export function fillCount(dict: ReportingDictionary, indicators: DictIndicator[], values: StoredValue[], orgUnitId: number, year: number) {
  const have = new Set(values.filter((v) => v.orgUnitId === orgUnitId && v.period === year).map((v) => `${v.dataElementId}:${v.optionId}`));
  let expected = 0;
  let filled = 0;
  const counted = new Set<number>();
  for (const ind of indicators) {
    for (const { deId } of rowsOf(ind)) {
      if (counted.has(deId)) continue;
      counted.add(deId);
      for (const option of optionsOf(dict.dataElements.get(deId)!.categories)) {
        expected++;
        if (have.has(`${deId}:${dict.options.get(option)}`)) filled++;
      }
    }
  }
  return { expected, filled };
}

export async function buildGrid(
  db: Kysely<Database>,
  dict: ReportingDictionary,
  submission: SubmissionDto,
  indicators: DictIndicator[],
  issues: GridDto['issues'],
): Promise<GridDto> {
  const year = submission.year;
  const values = await valuesRepository(db).load({ orgUnitIds: [submission.orgUnit.id], periods: [year, year - 1] });
  const byKey = ValueMap.of(values);
  const optionCodes = new Set<OptionCode>();
  const rows: GridDto['rows'] = [];
  const derived: GridDto['derived'] = [];
  const seen = new Set<number>();
  const cellsAt = (period: number): Cell[] =>
    values.filter((v) => v.period === period).map((v) => ({ dataElementId: v.dataElementId, option: dict.optionCodeById.get(v.optionId)!, value: v.value }));

  for (const ind of indicators) {
    for (const { deId, role } of rowsOf(ind)) {
      const de = dict.dataElements.get(deId)!;
      const options = optionsOf(de.categories);
      options.forEach((o) => optionCodes.add(o));
      if (seen.has(deId)) continue; // a denominator shared by two indicators is entered once
      seen.add(deId);
      rows.push({
        indicatorId: ind.id,
        indicatorCode: ind.code,
        indicatorName: ind.name,
        dataElementId: deId,
        dataElementCode: de.code,
        dataElementName: de.name,
        role,
        unit: role === 'value' ? ind.unit : de.unit,
        valueType: de.valueType,
        cells: options.map((option) => {
          const key = (period: number) => ({ dataElementId: deId, orgUnitId: submission.orgUnit.id, period, optionId: dict.options.get(option)! });
          const current = byKey.get(key(year));
          return {
            option,
            value: current?.value ?? null,
            comment: current?.comment ?? null,
            version: current?.version ?? null,
            previous: byKey.get(key(year - 1))?.value ?? null,
            updatedAt: current?.updatedAt ?? null,
          };
        }),
      });
    }
    if (ind.formulaType === 'ratio') {
      const now = cellsAt(year);
      const before = cellsAt(year - 1);
      for (const option of optionsOf(ind.categories)) {
        derived.push({ indicatorId: ind.id, option, value: indicatorValue(ind, now, option), previous: indicatorValue(ind, before, option) });
      }
    }
  }
  const state = submission.state as SubmissionState;
  return {
    submission,
    editable: isEditable(state),
    lockedReason: lockedReason(state),
    options: OPTION_CODES.filter((o) => optionCodes.has(o)).map((code) => ({ code, name: OPTION_LABELS[code] })),
    rows,
    derived,
    issues,
  };
}

/** Saves cells typed into the grid; a lost race or a locked seat comes back as a Chinese error. */
export async function saveGridCells(
  db: Kysely<Database>,
  dict: ReportingDictionary,
  auth: AuthContext,
  submission: SubmissionRow,
  allowedDataElements: Set<number>,
  cells: CellSave[],
) {
  const inputs = cells.map((c, i) => {
    if (!allowedDataElements.has(c.dataElementId)) {
      throw appError('VALIDATION_FAILED', `第 ${i + 1} 项：该数据元不属于本填报任务`);
    }
    return {
      dataElementId: c.dataElementId,
      orgUnitId: submission.org_unit_id,
      period: submission.year,
      optionId: dict.options.get(c.option)!,
      value: c.value,
      comment: c.comment,
      expectedVersion: c.expectedVersion,
      where: '',
    };
  });
  return writeDataValues(db, inputs, { auth, via: 'ui', dryRun: false, atomic: true, rejectInvalid: false, dictionary: dict, reportWritten: true });
}

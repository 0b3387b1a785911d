import type { Kysely } from 'kysely';
import { parseCsv, toCsv } from '../../../shared/interop/csv';
import { OPTION_CODES, OPTION_LABELS, type OptionCode } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { can } from '../../../shared/policy';
import { canReadValue } from './access';
import { writeDataValues, type Conflict, type ValueInput } from './commands/writeDataValues';
import { DATA_VALUE_SET_LIMITS } from './dataValueSetsBody';
import { loadDictionary, type ReportingDictionary } from './dictionary';
import { isKeyYear, ValueMap } from './keys';
import { valuesRepository } from './valuesRepository';

/** One data value as DHIS2 writes it (all strings in CSV; JSON may use numbers and booleans). */
export interface Dhis2DataValue {
  dataElement?: string;
  period?: string;
  orgUnit?: string;
  categoryOptionCombo?: string;
  value?: string | number | null;
  comment?: string | null;
  deleted?: boolean | string;
}

export interface Dhis2DataValueSet {
  period?: string;
  orgUnit?: string;
  dataValues?: Dhis2DataValue[];
}

export interface ImportParams {
  dryRun: boolean;
  idScheme: 'code' | 'id';
  importStrategy: 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE';
  atomicMode: 'ALL' | 'NONE';
}

export interface Dhis2Conflict {
  object: string;
  value: string;
  errorCode: string;
  indexes: number[];
}

/**
 * The codes DHIS2 gives these conflicts, from its ErrorCode enum (dhis2-core
 * dhis-api/src/main/java/org/hisp/dhis/feedback/ErrorCode.java, “Data import validation”), so that
 * clients written for DHIS2 recognise them; the conflict's `value` keeps our Chinese reason.
 */
const DHIS2_CODES = {
  /** Data element not found or not accessible */
  dataElementNotFound: 'E7610',
  /** Period not valid */
  periodNotValid: 'E7611',
  /** Organisation unit not found or not accessible */
  orgUnitNotFound: 'E7612',
  /** Category option combo not found or not accessible for writing data */
  categoryOptionComboNotFound: 'E7613',
  /** Organisation unit not in hierarchy of current user */
  orgUnitNotInHierarchy: 'E7617',
  /** Value must match data element's type constraints */
  valueNotValid: 'E7619',
  /** Category option combo must be part of category combo of data element */
  categoryOptionComboNotOfDataElement: 'E7634',
  /** Data element must be assigned through data sets to organisation unit */
  dataElementNotAssigned: 'E7636',
  /** Data is already approved for data set, period, organisation unit */
  alreadyApproved: 'E7642',
  /** Period is not open for this data set at this time */
  periodNotOpen: 'E7643',
  /** Id exists on more than 1 object in the payload (DHIS2 has no data value code for this) */
  duplicateInPayload: 'E5004',
} as const;

/** The write path's refusals as DHIS2 codes. */
const WRITE_CONFLICT_CODES: Record<Conflict['code'], string> = {
  UNKNOWN_OPTION: DHIS2_CODES.categoryOptionComboNotOfDataElement,
  // No task of the year collects the element at the unit: a task is what assigns elements to units.
  NO_TASK: DHIS2_CODES.dataElementNotAssigned,
  // Submitted for review or approved: both are steps of our approval, which locks the values.
  LOCKED: DHIS2_CODES.alreadyApproved,
  // The task opens later, as a data set's input period does.
  NOT_OPEN: DHIS2_CODES.periodNotOpen,
  // No reporting seat of the unit's department: the unit is outside what the user may write.
  FORBIDDEN: DHIS2_CODES.orgUnitNotInHierarchy,
  // A bad number or values that do not fit together (parts against the total, numerator against denominator).
  INVALID: DHIS2_CODES.valueNotValid,
  DUPLICATE: DHIS2_CODES.duplicateInPayload,
  // Not raised here: the API sends no expected versions, and DHIS2 has no such check to name it after.
  VERSION_CONFLICT: 'VERSION_CONFLICT',
};

const CSV_COLUMNS = ['dataelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup', 'deleted'];

/** Older DHIS2 versions abbreviate two column names. */
const COLUMN_ALIASES: Record<string, string> = { catoptcombo: 'categoryoptioncombo', attroptcombo: 'attributeoptioncombo' };

/** DHIS2 CSV rows (with or without the header row) → data values. */
export function dataValuesFromCsv(text: string): Dhis2DataValue[] {
  const rows = parseCsv(text);
  const header = rows[0]?.map((h) => h.trim().toLowerCase().replace(/[^a-z]/g, '')).map((h) => COLUMN_ALIASES[h] ?? h);
  const hasHeader = header?.includes('dataelement') ?? false;
  const columns = hasHeader ? header! : CSV_COLUMNS;
  const at = (row: string[], name: string) => {
    const i = columns.indexOf(name);
    return i >= 0 ? row[i]?.trim() : undefined;
  };
  return (hasHeader ? rows.slice(1) : rows).map((row) => ({
    dataElement: at(row, 'dataelement'),
    period: at(row, 'period'),
    orgUnit: at(row, 'orgunit'),
    categoryOptionCombo: at(row, 'categoryoptioncombo'),
    value: at(row, 'value'),
    comment: at(row, 'comment') || null,
    deleted: at(row, 'deleted'),
  }));
}

/** categoryOptionCombo as DHIS2 clients send it: our codes, their Chinese labels, and DHIS2's `default` for the total. */
const OPTION_ALIASES: Record<string, OptionCode> = {
  default: 'total',
  农村: 'rural',
  ...Object.fromEntries(OPTION_CODES.flatMap((o) => [[o, o], [OPTION_LABELS[o], o]])),
};
/** The valid categoryOptionCombo codes as a conflict lists them: default、female、…或 age60. */
const VALID_OPTIONS = (() => {
  const codes = ['default', ...OPTION_CODES.filter((o) => o !== 'total')];
  return `${codes.slice(0, -1).join('、')} 或 ${codes.at(-1)}`;
})();

/**
 * DHIS2-compatible import of data values: same summary (importCount, conflicts with reasons),
 * dryRun, import strategies and atomic mode; every value passes through writeDataValues, so the
 * scope, lock and validation checks are those of the entry grid and the xlsx upload.
 */
export async function importDataValueSet(db: Kysely<Database>, auth: AuthContext | null, set: Dhis2DataValueSet, params: ImportParams) {
  const user = requireAuth(auth);
  const dict = await loadDictionary(db);
  const values = set.dataValues ?? [];
  const conflicts: Dhis2Conflict[] = [];
  const inputs: (ValueInput & { index: number })[] = [];
  const conflict = (index: number, object: string, errorCode: string, value: string) => conflicts.push({ object, value, errorCode, indexes: [index] });

  values.forEach((dv, index) => {
    const deRef = String(dv.dataElement ?? '').trim();
    const ouRef = String(dv.orgUnit ?? set.orgUnit ?? '').trim();
    const periodRef = String(dv.period ?? set.period ?? '').trim();
    const de = params.idScheme === 'id' ? dict.dataElements.get(Number(deRef)) : dict.dataElementByCode.get(deRef);
    const unit = params.idScheme === 'id' ? dict.units.get(Number(ouRef)) : dict.unitByCode.get(ouRef);
    const option = OPTION_ALIASES[String(dv.categoryOptionCombo ?? 'default').trim() || 'default'];
    const deleted = params.importStrategy === 'DELETE' || dv.deleted === true || String(dv.deleted).toLowerCase() === 'true';
    const rawValue = dv.value === null || dv.value === undefined ? '' : String(dv.value).trim();
    const number = Number(rawValue);
    if (!de) return conflict(index, deRef, DHIS2_CODES.dataElementNotFound, `数据元“${deRef}”不存在`);
    if (!unit) return conflict(index, ouRef, DHIS2_CODES.orgUnitNotFound, `单位“${ouRef}”不存在`);
    // Out-of-range years too, which the write path would otherwise refuse as an invalid value.
    if (!/^\d{4}$/.test(periodRef) || !isKeyYear(Number(periodRef))) {
      return conflict(index, periodRef, DHIS2_CODES.periodNotValid, `期间“${periodRef}”无效：本系统按年度填报，应为如“2024”的年份`);
    }
    if (!option) return conflict(index, String(dv.categoryOptionCombo), DHIS2_CODES.categoryOptionComboNotFound, `分组“${dv.categoryOptionCombo}”不存在，应为 ${VALID_OPTIONS}`);
    if (!deleted && (rawValue === '' || !Number.isFinite(number))) return conflict(index, rawValue, DHIS2_CODES.valueNotValid, `值“${rawValue}”不是有效数字`);
    inputs.push({
      index,
      // Named by index only when refused (below): most values are never mentioned.
      where: '',
      dataElementId: de.id,
      orgUnitId: unit.id,
      period: Number(periodRef),
      optionId: dict.options.get(option)!,
      value: deleted ? null : number,
      comment: dv.comment === undefined ? undefined : dv.comment,
    });
  });

  const atomic = params.atomicMode === 'ALL';
  const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  if (!(atomic && conflicts.length > 0) && inputs.length > 0) {
    const mode = params.importStrategy === 'CREATE' ? 'create' : params.importStrategy === 'UPDATE' ? 'update' : 'upsert';
    const result = await writeDataValues(db, inputs, { auth: user, via: 'api', dryRun: params.dryRun, atomic, rejectInvalid: true, dictionary: dict, mode });
    const indexOf = new ValueMap<number>();
    if (result.conflicts.length) for (const input of inputs) indexOf.set(input, input.index);
    for (const c of result.conflicts) {
      const de = dict.dataElements.get(c.key.dataElementId)!;
      const index = indexOf.get(c.key)!;
      conflicts.push({ object: de.code, value: `第 ${index + 1} 条：${c.reason}`, errorCode: WRITE_CONFLICT_CODES[c.code], indexes: [index] });
    }
    if (!(atomic && result.conflicts.length > 0)) Object.assign(count, { imported: result.imported, updated: result.updated, deleted: result.deleted });
  }
  count.ignored = values.length - count.imported - count.updated - count.deleted;
  conflicts.sort((a, b) => a.indexes[0]! - b.indexes[0]!);

  const status = conflicts.length === 0 ? 'SUCCESS' : count.ignored === values.length ? 'ERROR' : 'WARNING';
  const summary = {
    responseType: 'ImportSummary' as const,
    status,
    importOptions: { dryRun: params.dryRun, idSchemes: { idScheme: params.idScheme.toUpperCase() }, importStrategy: params.importStrategy, atomicMode: params.atomicMode },
    description: status === 'SUCCESS' ? '导入完成' : status === 'ERROR' ? '导入失败，未写入任何数据' : '部分数据未导入',
    importCount: count,
    // The first ones only, as DHIS2 does: a million refused entries must not make a million-line answer.
    conflicts: conflicts.slice(0, DATA_VALUE_SET_LIMITS.listedConflicts),
    conflictCount: conflicts.length,
    dataSetComplete: 'false',
  };
  const ok = conflicts.length === 0;
  return {
    httpStatus: ok ? 'OK' : 'Conflict',
    httpStatusCode: ok ? 200 : 409,
    status: ok ? 'OK' : status,
    message: ok ? undefined : '导入过程中出现冲突',
    response: summary,
  };
}

export interface ExportParams {
  dataElement?: string[];
  orgUnit?: string[];
  period?: string[];
  children: boolean;
  idScheme: 'code' | 'id';
}

/** Whether the user may read any data of the unit: a seat of one of its departments, or the whole unit. */
function readsUnit(auth: AuthContext, dict: ReportingDictionary, orgUnitId: number): boolean {
  return can(auth, 'data.read', { orgUnitId, tree: dict.tree });
}

/**
 * Values the user may read, DHIS2 dataValueSet shape; a unit's descendants with `children`. A unit
 * the user may read nothing of is refused, as DHIS2 and the rest of the API do, rather than
 * answered with no values.
 */
export async function exportDataValueSet(db: Kysely<Database>, auth: AuthContext | null, params: ExportParams) {
  const user = requireAuth(auth);
  const dict = await loadDictionary(db);
  const ref = (byCode: Map<string, { id: number }>, byId: Map<number, { id: number }>, r: string) =>
    (params.idScheme === 'id' ? byId.get(Number(r)) : byCode.get(r))?.id;
  if (!params.orgUnit?.length || !params.period?.length) {
    throw appError('VALIDATION_FAILED', '请指定 orgUnit（单位）和 period（年份）');
  }
  const roots = params.orgUnit.map((r) => {
    const id = ref(dict.unitByCode, dict.units, r);
    if (id === undefined) throw appError('VALIDATION_FAILED', `单位“${r}”不存在`);
    if (!readsUnit(user, dict, id)) throw appError('AUTH_OUT_OF_SCOPE', `${dict.units.get(id)!.name}的数据不在您的管辖范围内`);
    return id;
  });
  const unitIds = [...new Set(roots.flatMap((id) => (params.children ? dict.tree.subtree(id) : [id])))];
  const dataElementIds = params.dataElement?.map((r) => {
    const id = ref(dict.dataElementByCode, dict.dataElements, r);
    if (id === undefined) throw appError('VALIDATION_FAILED', `数据元“${r}”不存在`);
    return id;
  });
  const periods = params.period.map(Number).filter(Number.isInteger);
  const rows = await valuesRepository(db).loadWithAuthors({ orgUnitIds: unitIds, periods, dataElementIds });
  return rows
    .filter((r) => canReadValue(user, dict, r.data_element_id, r.org_unit_id))
    .map((r) => ({
      dataElement: params.idScheme === 'id' ? String(r.data_element_id) : dict.dataElements.get(r.data_element_id)!.code,
      period: String(r.period),
      orgUnit: params.idScheme === 'id' ? String(r.org_unit_id) : dict.units.get(r.org_unit_id)!.code,
      categoryOptionCombo: dict.optionCodeById.get(r.option_id)! === 'total' ? 'default' : dict.optionCodeById.get(r.option_id)!,
      value: String(r.value),
      storedBy: r.username ?? '',
      created: r.created_at,
      lastUpdated: r.updated_at,
      comment: r.comment,
    }));
}

export function dataValuesToCsv(values: Awaited<ReturnType<typeof exportDataValueSet>>): string {
  return toCsv([
    CSV_COLUMNS,
    ...values.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, 'default', v.value, v.storedBy, v.lastUpdated, v.comment ?? '', 'false', 'false']),
  ]);
}

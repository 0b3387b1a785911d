import type { Kysely } from 'kysely';
import { parseCsv, toCsv } from '../../../shared/interop/csv';
import type { OptionCode } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { canReadValue } from './access';
import { writeDataValues, type ValueInput } from './commands/writeDataValues';
import { loadDictionary } from './dictionary';
import { valuesRepository } from './valuesRepository';
import { ValueMap } from './keys';

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

const OPTION_ALIASES: Record<string, OptionCode> = { default: 'total', total: 'total', 合计: 'total', female: 'female', 女: 'female', male: 'male', 男: 'male', urban: 'urban', 城镇: 'urban', rural: 'rural', 乡村: 'rural', 农村: 'rural' };

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
    if (!de) return conflict(index, deRef, 'E7607', `数据元“${deRef}”不存在`);
    if (!unit) return conflict(index, ouRef, 'E7608', `单位“${ouRef}”不存在`);
    if (!/^\d{4}$/.test(periodRef)) return conflict(index, periodRef, 'E7609', `期间“${periodRef}”无效：本系统按年度填报，应为如“2024”的年份`);
    if (!option) return conflict(index, String(dv.categoryOptionCombo), 'E7610', `分组“${dv.categoryOptionCombo}”不存在，应为 default、female、male、urban 或 rural`);
    if (!deleted && (rawValue === '' || !Number.isFinite(number))) return conflict(index, rawValue, 'E7619', `值“${rawValue}”不是有效数字`);
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
      conflicts.push({ object: de.code, value: `第 ${index + 1} 条：${c.reason}`, errorCode: c.code, indexes: [index] });
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
    conflicts,
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

/** Values the user may read, DHIS2 dataValueSet shape; a unit's descendants with `children`. */
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
    return id;
  });
  const unitIds = [...new Set(roots.flatMap((id) => (params.children ? dict.tree.subtree(id) : [id])))];
  const dataElementIds = params.dataElement?.map((r) => {
    const id = ref(dict.dataElementByCode, dict.dataElements, r);
    if (id === undefined) throw appError('VALIDATION_FAILED', `数据元“${r}”不存在`);
    return id;
  });
  const periods = params.period.map(Number).filter(Number.isInteger);
  const rows = await valuesRepository(db).load({ orgUnitIds: unitIds, periods, dataElementIds });
  return rows
    .filter((r) => canReadValue(user, dict, r.dataElementId, r.orgUnitId))
    .map((r) => ({
      dataElement: params.idScheme === 'id' ? String(r.dataElementId) : dict.dataElements.get(r.dataElementId)!.code,
      period: String(r.period),
      orgUnit: params.idScheme === 'id' ? String(r.orgUnitId) : dict.units.get(r.orgUnitId)!.code,
      categoryOptionCombo: dict.optionCodeById.get(r.optionId)! === 'total' ? 'default' : dict.optionCodeById.get(r.optionId)!,
      value: String(r.value),
      comment: r.comment,
      lastUpdated: r.updatedAt,
    }));
}

export function dataValuesToCsv(values: Awaited<ReturnType<typeof exportDataValueSet>>): string {
  return toCsv([
    CSV_COLUMNS,
    ...values.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, 'default', v.value, '', v.lastUpdated, v.comment ?? '', 'false', 'false']),
  ]);
}

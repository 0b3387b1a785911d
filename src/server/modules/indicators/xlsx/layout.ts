/**
 * The layout of the indicator dictionary workbook, shared by export and import: sheet names, the
 * format stamp, and one spec per column that says how a value is written and read back.
 */
import type { CellValue } from 'exceljs';
import { restoreNeutralised } from '../../../../shared/interop/csv';
import {
  CATEGORY_LABELS, COMPARATOR_LABELS, DIRECTION_LABELS, FORMULA_LABELS, labelLookup, VALUE_TYPE_LABELS,
} from '../../../../shared/indicators/vocabulary';

export const FORMAT_ID = 'halfsky-indicator-dictionary';
export const FORMAT_VERSION = 1;
export const SHEETS = { indicators: '指标', targets: '目标值', meta: '格式版本' } as const;
/** Rows below the data that still get the drop-down lists, for rows people add. */
export const SPARE_ROWS = 500;

const YES_NO = { yes: '是', no: '否' } as const;

type Kind = 'text' | 'number' | 'integer' | 'list';

export interface ColumnSpec {
  key: string;
  header: string;
  width: number;
  kind: Kind;
  /** Stored value → label, for list columns read back by label. */
  labels?: Record<string, string>;
  /** Drop-down values come from the departments column of the format sheet. */
  departments?: boolean;
  /** Shown for reference; import ignores it. */
  readOnly?: boolean;
}

const text = (key: string, header: string, width = 14): ColumnSpec => ({ key, header, width, kind: 'text' });
const num = (key: string, header: string, width = 10): ColumnSpec => ({ key, header, width, kind: 'number' });
const int = (key: string, header: string, width = 10): ColumnSpec => ({ key, header, width, kind: 'integer' });
const list = (key: string, header: string, labels: Record<string, string>, width = 12): ColumnSpec => ({ key, header, width, kind: 'list', labels });

/** Both data elements of an indicator: the direct value or numerator (“v”), and the denominator (“d”). */
const element = (prefix: 'v' | 'd', label: string): ColumnSpec[] => [
  text(`${prefix}.code`, `${label}代码`, 16),
  text(`${prefix}.name`, `${label}名称`, 22),
  list(`${prefix}.valueType`, `${label}类型`, VALUE_TYPE_LABELS),
  text(`${prefix}.unit`, `${label}单位`, 10),
  list(`${prefix}.categories`, `${label}分组`, CATEGORY_LABELS),
];

export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  text('code', '指标代码', 12),
  text('name', '指标名称', 30),
  text('unit', '单位', 10),
  list('direction', '方向', DIRECTION_LABELS),
  text('definition', '定义', 40),
  text('caliber', '统计口径', 40),
  list('formulaType', '计算方式', FORMULA_LABELS),
  num('factor', '系数'),
  list('categories', '分组', CATEGORY_LABELS),
  ...element('v', '数值/分子'),
  ...element('d', '分母'),
  { key: 'responsibleDept', header: '责任单位', width: 12, kind: 'text', departments: true },
  text('dataSource', '数据来源', 24),
  int('baselineYear', '基线年份'),
  num('baselineValue', '基线值'),
  num('minValue', '最小值'),
  num('maxValue', '最大值'),
  num('yoyThreshold', '同比变动阈值（%）', 14),
  num('tolerance', '区间容差（%）', 12),
  int('decimals', '小数位数'),
  list('published', '是否公开', YES_NO, 10),
  { key: 'source', header: '来源（只读，导入时忽略）', width: 40, kind: 'text', readOnly: true },
];

export const TARGET_COLUMNS: readonly ColumnSpec[] = [
  text('code', '指标代码', 12),
  int('year', '年份'),
  list('comparator', '比较方式', COMPARATOR_LABELS),
  num('value', '目标值'),
  int('baseYear', '基期年份'),
];

export type Flat = Record<string, string | number | null>;

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** What a cell holds, as a person typed it: text, a number, or nothing. */
export function plainValue(value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  // Our export put an apostrophe before text that looks like a formula (writeXlsx).
  if (typeof value === 'string') return value.trim() === '' ? null : restoreNeutralised(value.trim());
  if (typeof value === 'boolean') return value ? YES_NO.yes : YES_NO.no;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return plainValue(value.text);
  if ('error' in value) return value.error;
  if ('result' in value) return plainValue(value.result ?? null);
  return null;
}

export type Read = { value: string | number | null } | { error: string };

/** Reads one cell by its column's kind; list columns give back the stored value, not the label. */
export function readCell(spec: ColumnSpec, raw: string | number | null): Read {
  if (raw === null) return { value: null };
  if (spec.kind === 'text') return { value: String(raw) };
  if (spec.kind === 'list') {
    const lookup = labelLookup(spec.labels ?? {});
    const key = lookup.get(String(raw)) ?? (String(raw) in (spec.labels ?? {}) ? String(raw) : undefined);
    if (key === undefined) return { error: `“${raw}”不是可选值，应为 ${Object.values(spec.labels ?? {}).join('、')} 之一` };
    return { value: key };
  }
  const n = typeof raw === 'number' ? raw : Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(n)) return { error: `“${raw}”不是数字` };
  if (spec.kind === 'integer' && !Number.isInteger(n)) return { error: `“${raw}”应为整数` };
  return { value: n };
}

/** The cell value of a stored value: the label for list columns. */
export function cellOf(spec: ColumnSpec, value: string | number | null): string | number | null {
  if (value === null || spec.kind !== 'list') return value;
  return spec.labels?.[String(value)] ?? String(value);
}

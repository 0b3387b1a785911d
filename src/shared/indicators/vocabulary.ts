/** The closed vocabularies of the indicator dictionary and their Chinese labels (forms, lists, xlsx). */
import type { Comparator } from '../plan-text/types';

export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;

export const DIRECTIONS = ['higher', 'lower', 'band'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { higher: '越高越好', lower: '越低越好', band: '保持区间' };

export const FORMULA_TYPES = ['direct', 'ratio'] as const;
export type FormulaType = (typeof FORMULA_TYPES)[number];
export const FORMULA_LABELS: Record<FormulaType, string> = { direct: '直接取值', ratio: '比率' };

/** count and amount add up over units and sex parts; a reported rate does not. */
export const VALUE_TYPES = ['count', 'amount', 'rate'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const VALUE_TYPE_LABELS: Record<ValueType, string> = { count: '人数/个数', amount: '数量', rate: '率/比例' };

/**
 * Which parts are reported besides the total: sex, urban/rural (area) and the census's three broad
 * age groups (age). Each category's parts add up to the total on their own (no cross-tabulation),
 * so any combination is meaningful; a set is always written in this order.
 */
export const CATEGORIES = ['sex', 'area', 'age'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_SETS = ['', 'sex', 'area', 'age', 'sex,area', 'sex,age', 'area,age', 'sex,area,age'] as const;
export type CategorySet = (typeof CATEGORY_SETS)[number];
export const CATEGORY_LABELS: Record<CategorySet, string> = {
  '': '不分组',
  sex: '按性别',
  area: '按城乡',
  age: '按年龄组',
  'sex,area': '按性别和城乡',
  'sex,age': '按性别和年龄组',
  'area,age': '按城乡和年龄组',
  'sex,area,age': '按性别、城乡和年龄组',
};

export const COMPARATOR_LABELS: Record<Comparator, string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '~': '≈',
  increase: '提高',
  decrease: '降低',
};

/** Factors of the usual units of a ratio indicator. */
export const FACTOR_OPTIONS: readonly { value: number; label: string }[] = [
  { value: 1, label: '× 1' },
  { value: 100, label: '× 100（%）' },
  { value: 1000, label: '× 1000（‰）' },
  { value: 100_000, label: '× 10万（/10万）' },
];

export const categoryParts = (set: string): string[] => set.split(',').filter(Boolean);

/** The category set of the given categories, in canonical order. */
export const categorySetOf = (parts: Iterable<string>): CategorySet => {
  const chosen = new Set(parts);
  return CATEGORIES.filter((c) => chosen.has(c)).join(',') as CategorySet;
};

/** True when every part of `inner` is reported in `outer` too. */
export const categoriesWithin = (inner: string, outer: string): boolean => {
  const parts = categoryParts(outer);
  return categoryParts(inner).every((p) => parts.includes(p));
};

/** Label → value for a vocabulary, for reading the labels back (xlsx). */
export function labelLookup<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([key, label]) => [label as string, key as K]));
}

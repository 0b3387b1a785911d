/**
 * Rules of an indicator that span fields, for the API schema and the xlsx import alike. Rules that
 * need the database (unique codes, known departments) are the server's.
 */
import type { Comparator } from '../plan-text/types';
import { ELEMENT_ROLE_LABELS, formulaElements, type Formula } from './formula';
import { categoriesWithin, CATEGORY_LABELS, type CategorySet, type ValueType } from './vocabulary';

export interface IssuePath {
  path: (string | number)[];
  message: string;
}

interface ElementLike {
  code: string;
  name: string;
  valueType: ValueType;
  categories: CategorySet;
}

export interface IndicatorLike {
  categories: CategorySet;
  formula: Formula<ElementLike>;
  baselineYear: number | null;
  baselineValue: number | null;
  minValue: number | null;
  maxValue: number | null;
  targets: { year: number; comparator: Comparator; value: number | null; baseYear: number | null }[];
}

export const isQualitative = (c: Comparator): boolean => c === 'increase' || c === 'decrease';

function formulaIssues(input: IndicatorLike): IssuePath[] {
  const issues: IssuePath[] = [];
  const { formula } = input;
  for (const [key, element] of formulaElements(formula)) {
    const label = ELEMENT_ROLE_LABELS[key];
    if (formula.type === 'ratio' && element.valueType === 'rate') {
      issues.push({ path: ['formula', key, 'valueType'], message: `${label}数据元素应为可加总的人数/个数或数量，不能是率/比例` });
    }
    if (!categoriesWithin(input.categories, element.categories)) {
      issues.push({
        path: ['formula', key, 'categories'],
        message: `指标${CATEGORY_LABELS[input.categories]}分组，${label}数据元素“${element.name}”也须${CATEGORY_LABELS[input.categories]}填报`,
      });
    }
  }
  if (formula.type === 'ratio' && formula.numerator.code === formula.denominator.code) {
    issues.push({ path: ['formula', 'denominator', 'code'], message: '分母数据元素不能与分子相同' });
  }
  return issues;
}

function targetIssues(input: IndicatorLike): IssuePath[] {
  const issues: IssuePath[] = [];
  const seen = new Set<number>();
  input.targets.forEach((t, i) => {
    if (seen.has(t.year)) issues.push({ path: ['targets', i, 'year'], message: `目标年份 ${t.year} 重复` });
    seen.add(t.year);
    if (!isQualitative(t.comparator) && t.value === null) {
      issues.push({ path: ['targets', i, 'value'], message: `${t.year} 年目标值：定量目标必须填写目标值` });
    }
    if (t.baseYear !== null && t.baseYear >= t.year) {
      issues.push({ path: ['targets', i, 'baseYear'], message: `${t.year} 年目标的基期年份应早于目标年份` });
    }
  });
  return issues;
}

export function indicatorIssues(input: IndicatorLike): IssuePath[] {
  const issues = [...formulaIssues(input), ...targetIssues(input)];
  if ((input.baselineYear === null) !== (input.baselineValue === null)) {
    const missing = input.baselineYear === null ? 'baselineYear' : 'baselineValue';
    issues.push({ path: [missing], message: '基线年份和基线值应同时填写或同时留空' });
  }
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) {
    issues.push({ path: ['maxValue'], message: '最大值不能小于最小值' });
  }
  return issues;
}

import type { Me } from '../../../shared/api/auth';
import type { IndicatorDto, IndicatorTargetDto } from '../../../shared/api/indicators';
import type { FormulaType } from '../../../shared/indicators/vocabulary';
import { areaLabel, formatTarget } from '../plans/format';

/** Who may change the dictionary; the server checks the unit as well. */
export const canEditIndicators = (user: Me): boolean => user.roles.some((r) => ['admin', 'office', 'statistics'].includes(r.role));

export const factorLabel = (factor: number): string => (factor >= 10_000 && factor % 10_000 === 0 ? `${factor / 10_000}万` : String(factor));

/** “孕产妇死亡人数 ÷ 活产数 × 10万”, or the reported value's name. */
export function formulaText(formula: IndicatorDto['formula']): string {
  if (formula.type === 'direct') return `直接取值：${formula.value.name}`;
  return `${formula.numerator.name} ÷ ${formula.denominator.name} × ${factorLabel(formula.factor)}`;
}

export const targetText = (indicator: Pick<IndicatorDto, 'unit'>, t: IndicatorTargetDto): string =>
  formatTarget({ comparator: t.comparator, value: t.value, unit: indicator.unit, year: t.year, baseYear: t.baseYear });

const UNLINKED = '未关联规划';

/** The plan area an indicator came from, as the plan numbers it. */
export const areaOf = (i: IndicatorDto): string => (i.source ? areaLabel(i.source.areaNo, i.source.areaTitle) : UNLINKED);

export interface IndicatorFilters {
  text: string;
  area: string | null;
  dept: string | null;
  formula: FormulaType | null;
}

export const NO_FILTERS: IndicatorFilters = { text: '', area: null, dept: null, formula: null };

export function filterIndicators(list: readonly IndicatorDto[], f: IndicatorFilters): IndicatorDto[] {
  const text = f.text.trim().toLowerCase();
  return list.filter(
    (i) =>
      (text === '' || i.code.toLowerCase().includes(text) || i.name.toLowerCase().includes(text)) &&
      (f.area === null || areaOf(i) === f.area) &&
      (f.dept === null || (i.responsibleDept ?? '') === f.dept) &&
      (f.formula === null || i.formula.type === f.formula),
  );
}

export function indicatorCounts(list: readonly IndicatorDto[]) {
  return {
    total: list.length,
    ratio: list.filter((i) => i.formula.type === 'ratio').length,
    direct: list.filter((i) => i.formula.type === 'direct').length,
    linked: list.filter((i) => i.planTargetId !== null).length,
  };
}

/** Distinct values in first-seen order, for filter drop-downs. */
export const distinct = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * Checks of reported values for one indicator at one unit and year. Errors block submission;
 * warnings need a comment on the value before it can be submitted.
 */
export type ValueType = 'count' | 'amount' | 'rate';
/**
 * Disaggregation options, in display order: the total, then the parts of each category. The
 * parts of one category add up to the total (female＋male, urban＋rural, the census's three broad
 * age groups 0–14/15–59/60+). Rows of category_options carry the same codes (migrations 0002, 0005).
 */
export const OPTION_CODES = ['total', 'female', 'male', 'urban', 'rural', 'age0_14', 'age15_59', 'age60'] as const;
export type OptionCode = (typeof OPTION_CODES)[number];

export const OPTION_LABELS: Record<OptionCode, string> = {
  total: '合计',
  female: '女',
  male: '男',
  urban: '城镇',
  rural: '乡村',
  age0_14: '0–14岁',
  age15_59: '15–59岁',
  age60: '60岁及以上',
};
/** Parts that must add up to the total, by category. */
export const CATEGORY_PARTS: Record<string, readonly OptionCode[]> = { sex: ['female', 'male'], area: ['urban', 'rural'], age: ['age0_14', 'age15_59', 'age60'] };

/** The options a data element or indicator is reported in: the total plus the parts of its categories, in display order. */
export function optionsOf(categories: string | readonly string[]): OptionCode[] {
  const list = typeof categories === 'string' ? categories.split(',').map((c) => c.trim()) : categories;
  const parts = new Set(list.flatMap((c) => CATEGORY_PARTS[c] ?? []));
  return OPTION_CODES.filter((o) => o === 'total' || parts.has(o));
}

export interface DataElementInfo {
  id: number;
  name: string;
  valueType: ValueType;
}

export interface IndicatorRules {
  name: string;
  unit: string | null;
  formulaType: 'direct' | 'ratio';
  valueDeId: number | null;
  numeratorDeId: number | null;
  denominatorDeId: number | null;
  factor: number;
  minValue: number | null;
  maxValue: number | null;
  /** Relative year-on-year change, in percent, beyond which a value needs a comment. */
  yoyThreshold: number | null;
}

export interface Cell {
  dataElementId: number;
  option: OptionCode;
  value: number | null;
  comment?: string | null;
}

export interface ValidationIssue {
  severity: 'error' | 'warning';
  rule: 'number' | 'integer' | 'nonnegative' | 'range' | 'ratio' | 'parts' | 'yoy';
  dataElementId: number;
  option: OptionCode;
  message: string;
  /** Warnings only: a comment on the value answers it. */
  commented?: boolean;
}

/** Plausible bounds implied by a unit: shares cannot pass their base; rates per N are never negative. */
function defaultRange(unit: string | null): [number | null, number | null] {
  if (unit === '%') return [0, 100];
  if (unit === '‰') return [0, 1000];
  if (unit && /^\/\s*\d/.test(unit)) return [0, null];
  return [null, null];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

function cellOf(cells: readonly Cell[], deId: number | null, option: OptionCode): Cell | undefined {
  return deId === null ? undefined : cells.find((c) => c.dataElementId === deId && c.option === option && c.value !== null);
}

/** What is wrong with one reported number by itself, if anything: [rule, message after the cell's name]. */
function cellProblem(de: DataElementInfo, value: number): [ValidationIssue['rule'], string] | null {
  if (!Number.isFinite(value)) return ['number', '不是有效数字'];
  if (value < 0) return ['nonnegative', `不能为负数（${fmt(value)}）`];
  if (de.valueType === 'count' && !Number.isInteger(value)) return ['integer', `应为整数（${fmt(value)}）`];
  return null;
}

/** The indicator's value for one option, from its direct value or its numerator and denominator. */
export function indicatorValue(rules: IndicatorRules, cells: readonly Cell[], option: OptionCode): number | null {
  if (rules.formulaType === 'direct') return cellOf(cells, rules.valueDeId, option)?.value ?? null;
  const num = cellOf(cells, rules.numeratorDeId, option)?.value;
  const den = cellOf(cells, rules.denominatorDeId, option)?.value;
  if (num === undefined || num === null || den === undefined || den === null || den === 0) return null;
  return (num * rules.factor) / den;
}

export function validateIndicator(
  rules: IndicatorRules,
  elements: ReadonlyMap<number, DataElementInfo>,
  cells: readonly Cell[],
  previousYear: readonly Cell[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const options: OptionCode[] = [];
  for (const cell of cells) if (!options.includes(cell.option)) options.push(cell.option);

  for (const cell of cells) {
    if (cell.value === null) continue;
    const de = elements.get(cell.dataElementId);
    if (!de) continue;
    const problem = cellProblem(de, cell.value);
    if (problem) issues.push({ severity: 'error', rule: problem[0], dataElementId: cell.dataElementId, option: cell.option, message: `${de.name}（${OPTION_LABELS[cell.option]}）${problem[1]}` });
  }

  const implied = defaultRange(rules.unit);
  const range: [number | null, number | null] = [rules.minValue ?? implied[0], rules.maxValue ?? implied[1]];
  const mainDe = rules.formulaType === 'direct' ? rules.valueDeId : rules.numeratorDeId;
  // A value that is itself wrong would only repeat its error in the derived checks.
  const brokenOptions = issues.length ? new Set(issues.map((i) => i.option)) : null;
  for (const option of options) {
    if (brokenOptions?.has(option)) continue;
    const v = indicatorValue(rules, cells, option);
    if (v !== null && ((range[0] !== null && v < range[0]) || (range[1] !== null && v > range[1]))) {
      issues.push({
        severity: 'error',
        rule: 'range',
        dataElementId: mainDe!,
        option,
        message: `${rules.name}（${OPTION_LABELS[option]}）为 ${fmt(v)}${rules.unit ?? ''}，超出合理范围 ${fmt(range[0] ?? -Infinity)}～${fmt(range[1] ?? Infinity)}`,
      });
    }
    if (rules.formulaType === 'ratio') {
      const num = cellOf(cells, rules.numeratorDeId, option)?.value;
      const den = cellOf(cells, rules.denominatorDeId, option)?.value;
      if (num != null && den != null && num >= 0 && den >= 0 && num > den) {
        const [n, d] = [elements.get(rules.numeratorDeId!)?.name, elements.get(rules.denominatorDeId!)?.name];
        issues.push({
          severity: 'error',
          rule: 'ratio',
          dataElementId: rules.numeratorDeId!,
          option,
          message: `${n}（${fmt(num)}）不能大于${d}（${fmt(den)}）`,
        });
      }
    }
  }

  // Parts (女/男, 城镇/乡村, the age groups) to add up only where some were reported.
  for (const de of options.some((o) => o !== 'total') ? elements.values() : []) {
    if (de.valueType === 'rate') continue; // rates do not add up
    const total = cellOf(cells, de.id, 'total')?.value;
    if (total == null) continue;
    for (const parts of Object.values(CATEGORY_PARTS)) {
      const values = parts.map((p) => cellOf(cells, de.id, p)?.value);
      if (values.some((v) => v == null)) continue;
      const sum = values.reduce<number>((a, b) => a + (b as number), 0);
      if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total))) {
        const described = parts.map((p, i) => `${OPTION_LABELS[p]}（${fmt(values[i] as number)}）`).join('＋');
        issues.push({
          severity: 'error',
          rule: 'parts',
          dataElementId: de.id,
          option: 'total',
          message: `${de.name}：${described}＝${fmt(sum)}，与合计（${fmt(total)}）不一致`,
        });
      }
    }
  }

  if (rules.yoyThreshold !== null && mainDe !== null) {
    for (const option of options) {
      const now = indicatorValue(rules, cells, option);
      const before = indicatorValue(rules, previousYear, option);
      if (now === null || before === null) continue;
      const change = before === 0 ? (now === 0 ? 0 : Infinity) : ((now - before) / Math.abs(before)) * 100;
      if (Math.abs(change) <= rules.yoyThreshold) continue;
      const comment = cellOf(cells, mainDe, option)?.comment;
      const described = Number.isFinite(change) ? `${change > 0 ? '+' : ''}${fmt(Math.round(change * 10) / 10)}%` : '由 0 变为非 0';
      issues.push({
        severity: 'warning',
        rule: 'yoy',
        dataElementId: mainDe,
        option,
        message: `${rules.name}（${OPTION_LABELS[option]}）为 ${fmt(now)}，较上年（${fmt(before)}）变化 ${described}，超过 ${fmt(rules.yoyThreshold)}% 的提示阈值，请填写说明`,
        commented: Boolean(comment?.trim()),
      });
    }
  }
  return issues;
}

/** Whether a set of issues lets the data be submitted: no errors, every warning commented. */
export function blocksSubmission(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error' || (i.severity === 'warning' && !i.commented));
}

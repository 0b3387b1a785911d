/** The indicator edit form's values, and their conversion to and from the API's shapes. Pure. */
import { indicatorScalars, type DataElementInputDto, type IndicatorDto, type IndicatorInputDto } from '../../../../shared/api/indicators';
import {
  categoryParts, categorySetOf, CATEGORIES, type Category, type Direction, type FormulaType, type ValueType,
} from '../../../../shared/indicators/vocabulary';
import type { Comparator } from '../../../../shared/plan-text/types';

/** antd leaves cleared inputs as null or undefined. */
type Maybe<T> = T | null | undefined;

export interface ElementForm {
  code?: Maybe<string>;
  name?: Maybe<string>;
  unit?: Maybe<string>;
  valueType?: Maybe<ValueType>;
  /** Parts the element is reported in; kept when the indicator asks for fewer. */
  categories?: Maybe<string>;
}

export interface TargetForm {
  year?: Maybe<number>;
  comparator?: Maybe<Comparator>;
  value?: Maybe<number>;
  baseYear?: Maybe<number>;
}

export interface IndicatorForm {
  code: string;
  name: string;
  /** Other names plans use; typed as tags. */
  aliases?: string[];
  unit?: Maybe<string>;
  direction: Direction;
  definition?: Maybe<string>;
  caliber?: Maybe<string>;
  formulaType: FormulaType;
  factor?: Maybe<number>;
  value?: ElementForm;
  numerator?: ElementForm;
  denominator?: ElementForm;
  /** One checkbox per category, named by it: 按性别, 按城乡, 按年龄组. */
  sex: boolean;
  area: boolean;
  age: boolean;
  responsibleDepartmentId?: Maybe<number>;
  dataSource?: Maybe<string>;
  baselineYear?: Maybe<number>;
  baselineValue?: Maybe<number>;
  minValue?: Maybe<number>;
  maxValue?: Maybe<number>;
  yoyThreshold?: Maybe<number>;
  tolerance?: Maybe<number>;
  decimals: number;
  published: boolean;
  targets: TargetForm[];
}

export const NEW_INDICATOR: IndicatorForm = {
  code: '', name: '', direction: 'higher', formulaType: 'ratio', factor: 100, sex: false, area: false, age: false, decimals: 2, published: false,
  value: { valueType: 'rate' }, numerator: { valueType: 'count' }, denominator: { valueType: 'count' }, targets: [],
};

const elementForm = (e: DataElementInputDto): ElementForm => ({ ...e });

/** The form's category checkboxes, ticked for the given parts. */
const checkedCategories = (parts: readonly string[]) => Object.fromEntries(CATEGORIES.map((c) => [c, parts.includes(c)])) as Record<Category, boolean>;

export function toForm(i: IndicatorDto): IndicatorForm {
  const f = i.formula;
  const { categories, ...scalars } = indicatorScalars(i);
  const parts = categoryParts(categories);
  return {
    ...NEW_INDICATOR,
    ...scalars,
    formulaType: f.type,
    ...(f.type === 'direct'
      ? { value: elementForm(f.value), factor: 100 }
      : { numerator: elementForm(f.numerator), denominator: elementForm(f.denominator), factor: f.factor }),
    ...checkedCategories(parts),
    aliases: [...i.aliases],
    targets: i.targets.map((t) => ({ ...t })),
  };
}

const text = (s: Maybe<string>): string | null => {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
};
const num = (n: Maybe<number>): number | null => n ?? null;


function elementInput(e: ElementForm | undefined, indicatorParts: readonly string[], fallback: ValueType): DataElementInputDto {
  const parts = new Set([...categoryParts(e?.categories ?? ''), ...indicatorParts]);
  return {
    code: text(e?.code)?.toUpperCase() ?? '',
    name: text(e?.name) ?? '',
    unit: text(e?.unit),
    valueType: e?.valueType ?? fallback,
    categories: categorySetOf(parts),
  };
}

export function toInput(v: IndicatorForm): IndicatorInputDto {
  const categories = categorySetOf(CATEGORIES.filter((c) => v[c]));
  const parts = categoryParts(categories);
  return {
    code: v.code.trim().toUpperCase(),
    name: v.name.trim(),
    aliases: (v.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    unit: text(v.unit),
    direction: v.direction,
    definition: text(v.definition),
    caliber: text(v.caliber),
    categories,
    formula:
      v.formulaType === 'direct'
        ? { type: 'direct', value: elementInput(v.value, parts, 'rate') }
        : { type: 'ratio', numerator: elementInput(v.numerator, parts, 'count'), denominator: elementInput(v.denominator, parts, 'count'), factor: v.factor ?? 1 },
    responsibleDepartmentId: num(v.responsibleDepartmentId),
    dataSource: text(v.dataSource),
    baselineYear: num(v.baselineYear),
    baselineValue: num(v.baselineValue),
    minValue: num(v.minValue),
    maxValue: num(v.maxValue),
    yoyThreshold: num(v.yoyThreshold),
    tolerance: num(v.tolerance),
    decimals: v.decimals,
    published: v.published,
    targets: v.targets.map((t) => ({ year: t.year ?? 0, comparator: t.comparator ?? '>=', value: num(t.value), baseYear: num(t.baseYear) })),
  };
}

/** The form field a server error is about: “formula.numerator.code” → numerator.code, “targets.1.value” → targets.1.value. */
export function fieldOf(path: string | undefined): (string | number)[] | undefined {
  const parts = path?.split(/[./[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p)) ?? [];
  const field = parts[0] === 'body' ? parts.slice(1) : parts;
  if (field.length === 0) return undefined;
  if (field[0] === 'categories') return ['sex'];
  if (field[0] !== 'formula') return field;
  const [part] = field.slice(1);
  return part === undefined || part === 'type' ? ['formulaType'] : field.slice(1);
}

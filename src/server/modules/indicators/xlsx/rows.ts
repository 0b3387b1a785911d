/** One indicator ↔ one row of flat values keyed by column (see layout.ts), both ways. */
import {
  INDICATOR_SCALARS, indicatorScalars, type DataElementInputDto, type IndicatorDto, type IndicatorTargetDto,
} from '../../../../shared/api/indicators';
import { toChineseNumeral } from '../../../../shared/plan-text/numerals';
import type { Flat } from './layout';

const ELEMENT_FIELDS = ['code', 'name', 'valueType', 'unit', 'categories'] as const;

function flattenElement(prefix: 'v' | 'd', e: DataElementInputDto | null): Flat {
  return Object.fromEntries(ELEMENT_FIELDS.map((f) => [`${prefix}.${f}`, e ? e[f] : null]));
}

function sourceLabel(source: IndicatorDto['source']): string | null {
  if (!source) return null;
  return `${source.planTitle}（${toChineseNumeral(source.areaNo)}）${source.areaTitle} 目标${source.goalNo}：${source.quote}`;
}

export function flattenIndicator(i: IndicatorDto): Flat {
  const f = i.formula;
  return {
    ...indicatorScalars(i),
    responsibleDept: i.responsibleDept,
    published: i.published ? 'yes' : 'no',
    formulaType: f.type,
    factor: f.type === 'ratio' ? f.factor : null,
    ...flattenElement('v', f.type === 'direct' ? f.value : f.numerator),
    ...flattenElement('d', f.type === 'ratio' ? f.denominator : null),
    source: sourceLabel(i.source),
  };
}

export const flattenTarget = (code: string, t: IndicatorTargetDto): Flat => ({
  code,
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  baseYear: t.baseYear,
});

const elementOf = (flat: Flat, prefix: 'v' | 'd') => ({
  code: flat[`${prefix}.code`] ?? '',
  name: flat[`${prefix}.name`] ?? '',
  unit: flat[`${prefix}.unit`],
  valueType: flat[`${prefix}.valueType`],
  categories: flat[`${prefix}.categories`] ?? '',
});

/**
 * The API input a row and its target rows spell, unchecked: IndicatorInput.safeParse checks it.
 * The sheet names the responsible department by short name; the caller resolves it to an id.
 */
export function candidateOf(flat: Flat, targets: readonly Flat[], responsibleDepartmentId: number | null): unknown {
  const formula =
    flat.formulaType === 'ratio'
      ? { type: 'ratio', numerator: elementOf(flat, 'v'), denominator: elementOf(flat, 'd'), factor: flat.factor }
      : { type: flat.formulaType, value: elementOf(flat, 'v') };
  return {
    ...Object.fromEntries(INDICATOR_SCALARS.map((key) => [key, flat[key]])),
    responsibleDepartmentId,
    code: flat.code ?? '',
    name: flat.name ?? '',
    categories: flat.categories ?? '',
    decimals: flat.decimals ?? 2,
    published: flat.published === 'yes',
    formula,
    targets: targets.map((t) => ({ year: t.year, comparator: t.comparator, value: t.value, baseYear: t.baseYear })),
  };
}

/** The indicator column an issue about `path` (outside `targets`) belongs to. */
export function columnKeyOf(path: readonly PropertyKey[]): string {
  const [head, part, field] = path.map(String);
  if (head === 'responsibleDepartmentId') return 'responsibleDept';
  if (head !== 'formula') return head ?? 'code';
  if (part === 'factor') return 'factor';
  if (part === 'value' || part === 'numerator') return field ? `v.${field}` : 'v.code';
  if (part === 'denominator') return field ? `d.${field}` : 'd.code';
  return 'formulaType';
}

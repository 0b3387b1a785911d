import { indicatorScalars, type DataElementDto, type DataElementInputDto, type IndicatorDto, type IndicatorInputDto } from '../../../shared/api/indicators';
import { mapFormula } from '../../../shared/indicators/formula';
import { parseAliases } from '../../../shared/indicators/match';
import type { Comparator } from '../../../shared/plan-text/types';
import type { CategorySet, ValueType } from '../../../shared/indicators/vocabulary';
import type { IndicatorsRepository } from './repository';

type IndicatorRow = Awaited<ReturnType<IndicatorsRepository['listIndicators']>>[number];
type ElementRow = Awaited<ReturnType<IndicatorsRepository['listDataElements']>>[number];
type TargetRow = Awaited<ReturnType<IndicatorsRepository['targetsOf']>>[number];

export const toElementDto = (e: ElementRow): DataElementDto => ({
  id: e.id,
  code: e.code,
  name: e.name,
  unit: e.unit,
  valueType: e.value_type as ValueType,
  categories: e.categories as CategorySet,
});

function formulaOf(row: IndicatorRow, elements: ReadonlyMap<number, DataElementDto>): IndicatorDto['formula'] {
  const element = (id: number | null) => {
    const found = id === null ? undefined : elements.get(id);
    if (!found) throw new Error(`indicator ${row.code} refers to a missing data element`);
    return found;
  };
  if (row.formula_type === 'direct') return { type: 'direct', value: element(row.value_de_id) };
  return { type: 'ratio', numerator: element(row.numerator_de_id), denominator: element(row.denominator_de_id), factor: row.factor };
}

/** Loads indicators (all, or the given ids) with their data elements, targets and plan source. */
export async function loadIndicatorDtos(repo: IndicatorsRepository, ids?: number[]): Promise<IndicatorDto[]> {
  const rows = await repo.listIndicators(ids);
  const elementIds = [...new Set(rows.flatMap((r) => [r.value_de_id, r.numerator_de_id, r.denominator_de_id]).filter((id): id is number => id !== null))];
  const [elements, targets] = await Promise.all([repo.listDataElements(elementIds), repo.targetsOf(rows.map((r) => r.id))]);
  const byId = new Map(elements.map((e) => [e.id, toElementDto(e)]));
  const targetsOf = new Map<number, TargetRow[]>();
  for (const t of targets) targetsOf.set(t.indicator_id, [...(targetsOf.get(t.indicator_id) ?? []), t]);

  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    aliases: parseAliases(r.aliases),
    unit: r.unit,
    direction: r.direction,
    definition: r.definition,
    caliber: r.caliber,
    categories: r.categories as CategorySet,
    formula: formulaOf(r, byId),
    responsibleDepartmentId: r.responsible_department_id,
    responsibleDept: r.responsible_short_name,
    dataSource: r.data_source,
    baselineYear: r.baseline_year,
    baselineValue: r.baseline_value,
    minValue: r.min_value,
    maxValue: r.max_value,
    yoyThreshold: r.yoy_threshold,
    tolerance: r.tolerance,
    decimals: r.decimals,
    published: r.published === 1,
    targets: (targetsOf.get(r.id) ?? []).map((t) => ({ year: t.year, comparator: t.comparator as Comparator, value: t.value, baseYear: t.base_year })),
    planTargetId: r.plan_target_id,
    source:
      r.plan_id === null
        ? null
        : {
            planId: r.plan_id,
            planTitle: r.plan_title!,
            orgUnitId: r.plan_org_unit_id!,
            areaNo: r.area_no!,
            areaTitle: r.area_title!,
            goalNo: r.goal_no!,
            goalText: r.goal_text!,
            indicator: r.target_indicator!,
            quote: r.target_quote!,
          },
    isDemo: r.is_demo === 1,
    updatedAt: r.updated_at,
  }));
}

const elementInput = ({ code, name, unit, valueType, categories }: DataElementInputDto): DataElementInputDto => ({
  code, name, unit, valueType, categories,
});

/**
 * The editable fields of an indicator in a fixed order, so that two versions compare equal exactly
 * when saving one over the other would change nothing.
 */
export function canonicalInput(i: IndicatorInputDto | IndicatorDto): IndicatorInputDto {
  return {
    ...indicatorScalars(i),
    formula: mapFormula<DataElementInputDto, DataElementInputDto>(i.formula, elementInput),
    targets: [...i.targets].sort((a, b) => a.year - b.year).map((t) => ({ year: t.year, comparator: t.comparator, value: t.value, baseYear: t.baseYear })),
  };
}

export const sameInput = (a: IndicatorInputDto | IndicatorDto, b: IndicatorInputDto | IndicatorDto): boolean =>
  JSON.stringify(canonicalInput(a)) === JSON.stringify(canonicalInput(b));

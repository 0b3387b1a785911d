import type { DataElementInputDto, IndicatorDto, IndicatorInputDto } from '../../../shared/api/indicators';
import { formulaElements } from '../../../shared/indicators/formula';
import { bumpDataVersion } from '../../db/dataVersion';
import type { Change } from '../../services/changeLog/repository';
import { cleanAliases } from '../../../shared/indicators/match';
import type { IndicatorsRepository } from './repository';

const elementValues = (e: DataElementInputDto) => ({ code: e.code, name: e.name, unit: e.unit, value_type: e.valueType, categories: e.categories });

export interface NewIndicatorOptions {
  planTargetId?: number | null;
  isDemo?: boolean;
}

/** Saving over a stored indicator: the version being replaced, and who replaces it. */
export interface IndicatorReplacement {
  previous: IndicatorDto;
  changedBy: number | null;
}

export const elementIds = (i: IndicatorDto) => formulaElements(i.formula).map(([, e]) => e.id);

/**
 * Writes one indicator with its data elements (upserted by code, so indicators share them) and
 * targets. Run it inside a transaction: it is several statements. Returns the indicator's id.
 * Targets, rules and the responsible department shape every assessment, so the data version moves
 * with the save and analytics recompute at once; a new responsible department is logged.
 */
export async function saveIndicator(
  repo: IndicatorsRepository,
  input: IndicatorInputDto,
  target: IndicatorReplacement | NewIndicatorOptions,
  now = new Date().toISOString(),
): Promise<number> {
  const f = input.formula;
  const ids =
    f.type === 'direct'
      ? { value: await repo.upsertDataElement(elementValues(f.value)), numerator: null, denominator: null }
      : { value: null, numerator: await repo.upsertDataElement(elementValues(f.numerator)), denominator: await repo.upsertDataElement(elementValues(f.denominator)) };
  const values = {
    code: input.code,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    definition: input.definition,
    caliber: input.caliber,
    formula_type: f.type,
    value_de_id: ids.value,
    numerator_de_id: ids.numerator,
    denominator_de_id: ids.denominator,
    factor: f.type === 'ratio' ? f.factor : 1,
    categories: input.categories,
    responsible_department_id: input.responsibleDepartmentId,
    data_source: input.dataSource,
    baseline_year: input.baselineYear,
    baseline_value: input.baselineValue,
    min_value: input.minValue,
    max_value: input.maxValue,
    yoy_threshold: input.yoyThreshold,
    tolerance: input.tolerance,
    decimals: input.decimals,
    published: input.published ? 1 : 0,
    ...(input.aliases === undefined ? {} : { aliases: cleanAliases(input.aliases).join('\n') }),
  };

  let id: number;
  if ('previous' in target) {
    id = target.previous.id;
    await repo.updateIndicator(id, { ...values, updated_at: now });
    await repo.changeLog.record([await responsibleChange(repo, target.previous, input)], target.changedBy, now);
  } else {
    id = await repo.insertIndicator({
      ...values,
      plan_target_id: target.planTargetId ?? null,
      is_demo: target.isDemo ? 1 : 0,
      sort: await repo.nextSort(),
      updated_at: now,
    });
  }
  await repo.replaceTargets(id, input.targets);
  if ('previous' in target) await repo.deleteUnusedElements(elementIds(target.previous));
  await bumpDataVersion(repo.db);
  return id;
}

async function responsibleChange(repo: IndicatorsRepository, previous: IndicatorDto, input: IndicatorInputDto): Promise<Change> {
  const label = async (departmentId: number | null) => (departmentId === null ? null : await repo.departmentLabel(departmentId));
  return {
    entity: 'indicator',
    entityId: previous.id,
    field: 'responsibleDepartment',
    oldValue: previous.responsibleDepartmentId === input.responsibleDepartmentId ? null : await label(previous.responsibleDepartmentId),
    newValue: previous.responsibleDepartmentId === input.responsibleDepartmentId ? null : await label(input.responsibleDepartmentId),
  };
}

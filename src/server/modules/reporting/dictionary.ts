import type { Kysely, Transaction } from 'kysely';
import { optionsOf, type IndicatorRules, type OptionCode, type ValueType } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { OrgTree } from '../orgs/tree';
import { checkKeyLimits } from './keys';

type Executor = Kysely<Database> | Transaction<Database>;

export interface DictDataElement {
  id: number;
  code: string;
  name: string;
  unit: string | null;
  valueType: ValueType;
  categories: string[];
  /** Option ids it is reported in: the total and the parts of its categories. */
  optionIds: number[];
}

export interface DictIndicator extends IndicatorRules {
  id: number;
  code: string;
  categories: string[];
  /** The top committee's department that answers for it; see `DictUnit.departments`. */
  responsibleDepartmentId: number | null;
  dataElementIds: number[];
}

export interface DictUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /**
   * The unit's own department that reports an indicator, keyed by the top committee's department
   * it answers to through its counterparts (西岗区卫健局 → 大连市卫健委). By id: renaming a
   * department never moves an indicator to another one.
   */
  departments: Map<number, number>;
}

/**
 * Everything needed to resolve, check and validate reported values, loaded once per request or
 * import: the dictionary tables are small next to the values.
 */
export interface ReportingDictionary {
  options: Map<OptionCode, number>;
  optionCodeById: Map<number, OptionCode>;
  dataElements: Map<number, DictDataElement>;
  dataElementByCode: Map<string, DictDataElement>;
  indicators: Map<number, DictIndicator>;
  indicatorsByDataElement: Map<number, DictIndicator[]>;
  units: Map<number, DictUnit>;
  unitByCode: Map<string, DictUnit>;
  tree: OrgTree;
}

const splitCategories = (s: string) => s.split(',').map((c) => c.trim()).filter(Boolean);

export async function loadDictionary(db: Executor): Promise<ReportingDictionary> {
  const [options, elements, indicators, units, departments] = await Promise.all([
    db.selectFrom('category_options').select(['id', 'code']).execute(),
    // Only the columns used: definitions and guidance texts would make this every request's largest read.
    db.selectFrom('data_elements').select(['id', 'code', 'name', 'unit', 'value_type', 'categories']).execute(),
    db
      .selectFrom('indicators')
      .select([
        'id', 'code', 'name', 'unit', 'formula_type', 'value_de_id', 'numerator_de_id', 'denominator_de_id', 'factor',
        'min_value', 'max_value', 'yoy_threshold', 'categories', 'responsible_department_id',
      ])
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db.selectFrom('org_units').select(['id', 'code', 'name', 'parent_id']).execute(),
    db
      .selectFrom('departments as d')
      .innerJoin('committees as c', 'c.id', 'd.committee_id')
      .select(['d.id', 'd.counterpart_id', 'c.org_unit_id'])
      .orderBy('d.id')
      .execute(),
  ]);

  const optionIds = new Map(options.map((o) => [o.code as OptionCode, o.id]));
  checkKeyLimits(Math.max(0, ...elements.map((e) => e.id)), Math.max(0, ...units.map((u) => u.id)), Math.max(0, ...options.map((o) => o.id)));
  const dataElements = new Map<number, DictDataElement>(
    elements.map((e) => {
      const categories = splitCategories(e.categories);
      const info = { id: e.id, code: e.code, name: e.name, unit: e.unit, valueType: e.value_type as ValueType, categories };
      return [e.id, { ...info, optionIds: optionsOf(categories).map((o) => optionIds.get(o)!) }];
    }),
  );
  const dictIndicators = new Map<number, DictIndicator>();
  const indicatorsByDataElement = new Map<number, DictIndicator[]>();
  for (const i of indicators) {
    const dataElementIds = [i.value_de_id, i.numerator_de_id, i.denominator_de_id].filter((id): id is number => id !== null);
    const ind: DictIndicator = {
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      formulaType: i.formula_type,
      valueDeId: i.value_de_id,
      numeratorDeId: i.numerator_de_id,
      denominatorDeId: i.denominator_de_id,
      factor: i.factor,
      minValue: i.min_value,
      maxValue: i.max_value,
      yoyThreshold: i.yoy_threshold,
      categories: splitCategories(i.categories),
      responsibleDepartmentId: i.responsible_department_id,
      dataElementIds,
    };
    dictIndicators.set(i.id, ind);
    for (const de of dataElementIds) indicatorsByDataElement.set(de, [...(indicatorsByDataElement.get(de) ?? []), ind]);
  }

  const dictUnits = new Map<number, DictUnit>(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, parentId: u.parent_id, departments: new Map() }]));
  const counterpartOf = new Map(departments.map((d) => [d.id, d.counterpart_id]));
  const topOf = (id: number): number => {
    // A counterpart chain is short (city → district); the bound guards against a loop in bad data.
    let at = id;
    for (let hops = 0; hops < 8 && counterpartOf.get(at); hops++) at = counterpartOf.get(at)!;
    return at;
  };
  for (const d of departments) {
    // The orgs module gives a parent department one counterpart per unit; should data say otherwise, the oldest answers.
    const unitDepartments = dictUnits.get(d.org_unit_id)?.departments;
    if (unitDepartments && !unitDepartments.has(topOf(d.id))) unitDepartments.set(topOf(d.id), d.id);
  }

  return {
    options: optionIds,
    optionCodeById: new Map(options.map((o) => [o.id, o.code as OptionCode])),
    dataElements,
    dataElementByCode: new Map([...dataElements.values()].map((e) => [e.code, e])),
    indicators: dictIndicators,
    indicatorsByDataElement,
    units: dictUnits,
    unitByCode: new Map([...dictUnits.values()].map((u) => [u.code, u])),
    tree: new OrgTree(units.map((u) => ({ id: u.id, parentId: u.parent_id }))),
  };
}

/** The department of a unit that reports an indicator there, if the unit has one. */
export function reportingDepartment(dict: ReportingDictionary, indicator: DictIndicator, orgUnitId: number): number | undefined {
  return indicator.responsibleDepartmentId === null ? undefined : dict.units.get(orgUnitId)?.departments.get(indicator.responsibleDepartmentId);
}

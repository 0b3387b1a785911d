import type { TestDb } from './testDb';

let sequence = 0;

/**
 * A department on a unit's committee, placed as an office would place it: it reports along the
 * parent unit's department of the same short name, which is made on the way when missing (a
 * district's 卫健委 answers to the city's).
 */
export async function buildDepartment(db: TestDb, orgUnitId: number, shortName: string, name = shortName): Promise<number> {
  const unit = await db.kysely.selectFrom('org_units').select('parent_id').where('id', '=', orgUnitId).executeTakeFirstOrThrow();
  const committee = await db.kysely.selectFrom('committees').select('id').where('org_unit_id', '=', orgUnitId).executeTakeFirstOrThrow();
  const counterpartId = unit.parent_id === null ? null : await departmentNamed(db, unit.parent_id, shortName);
  const row = await db.kysely
    .insertInto('departments')
    .values({ committee_id: committee.id, name, short_name: shortName, counterpart_id: counterpartId, sort: ++sequence })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The unit's department of that short name, made (with its counterparts) when missing. */
export async function departmentNamed(db: TestDb, orgUnitId: number, shortName: string): Promise<number> {
  const found = await db.kysely
    .selectFrom('departments as d')
    .innerJoin('committees as c', 'c.id', 'd.committee_id')
    .select('d.id')
    .where('c.org_unit_id', '=', orgUnitId)
    .where('d.short_name', '=', shortName)
    .executeTakeFirst();
  return found?.id ?? buildDepartment(db, orgUnitId, shortName);
}

/** An indicator's responsible department: the top committee's department of that short name (null without an org tree). */
async function responsibleDepartment(db: TestDb, shortName: string): Promise<number | null> {
  const root = await db.kysely.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
  return root ? departmentNamed(db, root.id, shortName) : null;
}

async function buildDataElement(db: TestDb, overrides: { code?: string; name: string; valueType: 'count' | 'amount' | 'rate'; unit?: string | null; categories?: string }) {
  const row = await db.kysely
    .insertInto('data_elements')
    .values({
      code: overrides.code ?? `DE${String(++sequence).padStart(4, '0')}`,
      name: overrides.name,
      unit: overrides.unit ?? null,
      value_type: overrides.valueType,
      categories: overrides.categories ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface IndicatorOverrides {
  code?: string;
  name?: string;
  unit?: string;
  dept?: string;
  categories?: string;
  yoyThreshold?: number | null;
  maxValue?: number | null;
}

/** A ratio indicator (numerator and denominator counts × factor), e.g. 孕产妇死亡率. */
export async function buildRatioIndicator(db: TestDb, o: IndicatorOverrides & { numerator?: string; denominator?: string; factor?: number } = {}) {
  const categories = o.categories ?? '';
  const numeratorId = await buildDataElement(db, { name: o.numerator ?? '孕产妇死亡数', valueType: 'count', unit: '人', categories });
  const denominatorId = await buildDataElement(db, { name: o.denominator ?? '活产数', valueType: 'count', unit: '人', categories });
  const row = await db.kysely
    .insertInto('indicators')
    .values({
      code: o.code ?? `R${String(++sequence).padStart(4, '0')}`,
      name: o.name ?? '孕产妇死亡率',
      unit: o.unit ?? '/10万',
      direction: 'lower',
      formula_type: 'ratio',
      numerator_de_id: numeratorId,
      denominator_de_id: denominatorId,
      value_de_id: null,
      factor: o.factor ?? 100000,
      categories,
      responsible_department_id: await responsibleDepartment(db, o.dept ?? '卫健委'),
      yoy_threshold: o.yoyThreshold ?? null,
      max_value: o.maxValue ?? null,
      definition: null, caliber: null, data_source: null, baseline_year: null, baseline_value: null, min_value: null, tolerance: null, plan_target_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, numeratorId, denominatorId };
}

/** A directly reported rate, e.g. 九年义务教育巩固率 (%), optionally by sex. */
export async function buildDirectIndicator(db: TestDb, o: IndicatorOverrides = {}) {
  const categories = o.categories ?? '';
  const valueId = await buildDataElement(db, { name: o.name ?? '九年义务教育巩固率', valueType: 'rate', unit: o.unit ?? '%', categories });
  const row = await db.kysely
    .insertInto('indicators')
    .values({
      code: o.code ?? `D${String(++sequence).padStart(4, '0')}`,
      name: o.name ?? '九年义务教育巩固率',
      unit: o.unit ?? '%',
      direction: 'higher',
      formula_type: 'direct',
      value_de_id: valueId,
      numerator_de_id: null,
      denominator_de_id: null,
      factor: 1,
      categories,
      responsible_department_id: await responsibleDepartment(db, o.dept ?? '教育局'),
      yoy_threshold: o.yoyThreshold ?? null,
      max_value: o.maxValue ?? null,
      definition: null, caliber: null, data_source: null, baseline_year: null, baseline_value: null, min_value: null, tolerance: null, plan_target_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, valueId };
}

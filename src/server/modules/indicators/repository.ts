import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, IndicatorsTable } from '../../db/schema';
import { changeLogRepository } from '../../services/changeLog/repository';

type Executor = Kysely<Database> | Transaction<Database>;

export type IndicatorValues = Omit<Insertable<IndicatorsTable>, 'id' | 'is_demo' | 'sort' | 'plan_target_id' | 'updated_at'>;

export interface ElementValues {
  code: string;
  name: string;
  unit: string | null;
  value_type: string;
  categories: string;
}

/** The indicator dictionary: indicators, their data elements and yearly targets. No access checks here. */
export function indicatorsRepository(db: Executor) {
  return {
    db,
    changeLog: changeLogRepository(db),

    /** Indicators with the plan target each came from (all of them, or the given ids). */
    async listIndicators(ids?: number[]) {
      if (ids?.length === 0) return [];
      return db
        .selectFrom('indicators as i')
        .leftJoin('plan_targets as t', 't.id', 'i.plan_target_id')
        .leftJoin('plan_goals as g', 'g.id', 't.goal_id')
        .leftJoin('plan_areas as a', 'a.id', 'g.area_id')
        .leftJoin('plans as p', 'p.id', 'a.plan_id')
        .leftJoin('departments as rd', 'rd.id', 'i.responsible_department_id')
        .selectAll('i')
        .select([
          'rd.short_name as responsible_short_name',
          'p.id as plan_id', 'p.title as plan_title', 'p.org_unit_id as plan_org_unit_id', 'a.no as area_no', 'a.title as area_title',
          'g.no as goal_no', 'g.text as goal_text', 't.indicator as target_indicator', 't.quote as target_quote',
        ])
        .$if(ids !== undefined, (qb) => qb.where('i.id', 'in', ids!))
        .orderBy('i.sort')
        .orderBy('i.code')
        .execute();
    },

    findByCode(code: string) {
      return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async codes(): Promise<Set<string>> {
      const rows = await db.selectFrom('indicators').select('code').execute();
      return new Set(rows.map((r) => r.code));
    },

    async listDataElements(ids?: number[]) {
      if (ids?.length === 0) return [];
      return db
        .selectFrom('data_elements')
        .selectAll()
        .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
        .orderBy('code')
        .execute();
    },

    async targetsOf(indicatorIds: number[]) {
      if (indicatorIds.length === 0) return [];
      return db.selectFrom('indicator_targets').selectAll().where('indicator_id', 'in', indicatorIds).orderBy('year').execute();
    },

    /** Inserts a data element or brings the stored one with that code in line; returns its id. */
    async upsertDataElement(element: ElementValues): Promise<number> {
      const stored = await db.selectFrom('data_elements').selectAll().where('code', '=', element.code).executeTakeFirst();
      if (!stored) {
        const row = await db.insertInto('data_elements').values(element).returning('id').executeTakeFirstOrThrow();
        return row.id;
      }
      const same = stored.name === element.name && stored.unit === element.unit && stored.value_type === element.value_type && stored.categories === element.categories;
      if (!same) await db.updateTable('data_elements').set(element).where('id', '=', stored.id).execute();
      return stored.id;
    },

    async insertIndicator(values: IndicatorValues & { plan_target_id: number | null; is_demo: number; sort: number; updated_at: string }) {
      const row = await db.insertInto('indicators').values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    updateIndicator(id: number, values: IndicatorValues & { updated_at: string }) {
      return db.updateTable('indicators').set(values).where('id', '=', id).execute();
    },

    async replaceTargets(indicatorId: number, targets: { year: number; comparator: string; value: number | null; baseYear: number | null }[]) {
      await db.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).execute();
      if (targets.length === 0) return;
      await db
        .insertInto('indicator_targets')
        .values(targets.map((t) => ({ indicator_id: indicatorId, year: t.year, comparator: t.comparator, value: t.value, base_year: t.baseYear })))
        .execute();
    },

    deleteIndicator(id: number) {
      return db.deleteFrom('indicators').where('id', '=', id).execute();
    },

    async nextSort(): Promise<number> {
      const { max } = await db.selectFrom('indicators').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirstOrThrow();
      return Number(max ?? 0) + 1;
    },

    async taskCount(indicatorId: number): Promise<number> {
      const { n } = await db
        .selectFrom('reporting_task_indicators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    async elementsWithValues(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('data_values').select('data_element_id').distinct().where('data_element_id', 'in', ids).execute();
      return new Set(rows.map((r) => r.data_element_id));
    },

    /** Deletes those of `ids` no indicator uses and no value was reported for. */
    async deleteUnusedElements(ids: number[]) {
      if (ids.length === 0) return;
      const used = await db
        .selectFrom('indicators')
        .select(['value_de_id', 'numerator_de_id', 'denominator_de_id'])
        .where((eb) => eb.or([eb('value_de_id', 'in', ids), eb('numerator_de_id', 'in', ids), eb('denominator_de_id', 'in', ids)]))
        .execute();
      const keep = new Set([...used.flatMap((u) => [u.value_de_id, u.numerator_de_id, u.denominator_de_id]), ...(await this.elementsWithValues(ids))]);
      const unused = ids.filter((id) => !keep.has(id));
      if (unused.length > 0) await db.deleteFrom('data_elements').where('id', 'in', unused).execute();
    },

    /** What plan targets are matched against: every indicator's names and unit. */
    matchable() {
      return db.selectFrom('indicators').select(['id', 'code', 'name', 'aliases', 'unit']).orderBy('sort').orderBy('id').execute();
    },

    /** Makes plan targets measure an indicator. */
    async linkTargets(targetIds: number[], indicatorId: number) {
      if (targetIds.length === 0) return;
      await db.updateTable('plan_targets').set({ indicator_id: indicatorId }).where('id', 'in', targetIds).execute();
    },

    /** The top of the org tree: the dictionary is shared and belongs to its committee. */
    async rootUnitId(): Promise<number | null> {
      const row = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
      return row?.id ?? null;
    },

    /** How a department is shown: its short name, with its unit where it is not the top committee's. */
    async departmentLabel(id: number): Promise<string> {
      const row = await db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
        .select(['d.short_name', 'u.name as unit_name'])
        .where('d.id', '=', id)
        .executeTakeFirst();
      return row ? `${row.unit_name}${row.short_name}` : `成员单位（编号 ${id}）`;
    },

    /** The top committee's member departments, those an indicator's responsible department is one of. */
    topDepartments() {
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
        .select(['d.id', 'd.name', 'd.short_name as shortName', 'd.counterpart_id as counterpartId', 'd.runs_surveys as runsSurveys'])
        .where('u.parent_id', 'is', null)
        .orderBy('u.sort')
        .orderBy('u.id')
        .orderBy('d.sort')
        .execute();
    },
  };
}
export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;

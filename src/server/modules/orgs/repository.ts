import type { Kysely } from 'kysely';
import type { Database, OrgLevel } from '../../db/schema';

/** Org units, their committees and member departments. No access checks here: services decide. */
export function orgsRepository(db: Kysely<Database>) {
  return {
    listUnits() {
      return db.selectFrom('org_units').selectAll().orderBy('sort').orderBy('id').execute();
    },

    /** The units directly below that have a committee (those that report or are evaluated as a committee). */
    childUnitsWithCommittee(orgUnitId: number) {
      return db
        .selectFrom('org_units as u')
        .innerJoin('committees as c', 'c.org_unit_id', 'u.id')
        .select(['u.id', 'u.name'])
        .where('u.parent_id', '=', orgUnitId)
        .orderBy('u.sort')
        .orderBy('u.id')
        .execute();
    },

    listCommittees() {
      return db.selectFrom('committees').selectAll().execute();
    },

    listDepartments() {
      return db.selectFrom('departments').selectAll().orderBy('sort').orderBy('id').execute();
    },

    findUnitByCode(code: string) {
      return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
    },

    findUnitById(id: number) {
      return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
    },

    childrenOf(parentId: number | null) {
      const query = db.selectFrom('org_units').selectAll();
      return (parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId))
        .orderBy('sort')
        .orderBy('id')
        .execute();
    },

    async insertUnit(unit: { code: string; name: string; level: OrgLevel; parentId: number | null; sort: number; isDemo: boolean }) {
      const row = await db
        .insertInto('org_units')
        .values({ code: unit.code, name: unit.name, level: unit.level, parent_id: unit.parentId, sort: unit.sort, is_demo: unit.isDemo ? 1 : 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updateUnit(id: number, unit: { code: string; name: string }) {
      return db.updateTable('org_units').set(unit).where('id', '=', id).execute();
    },

    deleteUnit(id: number) {
      return db.deleteFrom('org_units').where('id', '=', id).execute();
    },

    findCommitteeOfUnit(orgUnitId: number) {
      return db.selectFrom('committees').selectAll().where('org_unit_id', '=', orgUnitId).executeTakeFirst();
    },

    async insertCommittee(orgUnitId: number, name: string) {
      const row = await db.insertInto('committees').values({ org_unit_id: orgUnitId, name }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    renameCommittee(id: number, name: string) {
      return db.updateTable('committees').set({ name }).where('id', '=', id).execute();
    },

    deleteCommittee(id: number) {
      return db.deleteFrom('committees').where('id', '=', id).execute();
    },

    departmentsOf(committeeId: number) {
      return db.selectFrom('departments').selectAll().where('committee_id', '=', committeeId).orderBy('sort').orderBy('id').execute();
    },

    /** The member departments of a unit's committee, in the committee's order. */
    departmentsOfUnit(orgUnitId: number) {
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .select(['d.id', 'd.name', 'd.short_name as shortName'])
        .where('c.org_unit_id', '=', orgUnitId)
        .orderBy('d.sort')
        .orderBy('d.id')
        .execute();
    },

    /** A department with the unit whose committee it belongs to. */
    findDepartment(id: number) {
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .selectAll('d')
        .select('c.org_unit_id')
        .where('d.id', '=', id)
        .executeTakeFirst();
    },

    /** Inserts in the given order, numbering `sort` from `firstSort`; returns the new ids in that order. */
    async insertDepartments(committeeId: number, departments: { name: string; shortName: string; counterpartId: number | null; runsSurveys?: boolean }[], firstSort = 0) {
      if (departments.length === 0) return [];
      const rows = await db
        .insertInto('departments')
        .values(departments.map((d, i) => ({ committee_id: committeeId, name: d.name, short_name: d.shortName, counterpart_id: d.counterpartId, sort: firstSort + i, runs_surveys: d.runsSurveys ? 1 : 0 })))
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    updateDepartment(id: number, department: { name: string; shortName: string; counterpartId: number | null; runsSurveys: boolean }) {
      return db
        .updateTable('departments')
        .set({ name: department.name, short_name: department.shortName, counterpart_id: department.counterpartId, runs_surveys: department.runsSurveys ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },

    setDepartmentSort(id: number, sort: number) {
      return db.updateTable('departments').set({ sort }).where('id', '=', id).execute();
    },

    deleteDepartments(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve();
      return db.deleteFrom('departments').where('id', 'in', ids).execute().then(() => undefined);
    },
  };
}
export type OrgsRepository = ReturnType<typeof orgsRepository>;

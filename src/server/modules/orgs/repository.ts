import type { Kysely } from 'kysely';
import type { Database, OrgLevel } from '../../db/schema';

export function orgsRepository(db: Kysely<Database>) {
  return {
    listUnits() {
      return db.selectFrom('org_units').selectAll().orderBy('sort').orderBy('id').execute();
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

    async insertUnit(unit: { code: string; name: string; level: OrgLevel; parentId: number | null; sort: number; isDemo: boolean }) {
      const row = await db
        .insertInto('org_units')
        .values({ code: unit.code, name: unit.name, level: unit.level, parent_id: unit.parentId, sort: unit.sort, is_demo: unit.isDemo ? 1 : 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertCommittee(orgUnitId: number, name: string) {
      const row = await db.insertInto('committees').values({ org_unit_id: orgUnitId, name }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    insertDepartments(committeeId: number, departments: { name: string; shortName: string }[]) {
      if (departments.length === 0) return Promise.resolve();
      return db
        .insertInto('departments')
        .values(departments.map((d, i) => ({ committee_id: committeeId, name: d.name, short_name: d.shortName, sort: i })))
        .execute()
        .then(() => undefined);
    },
  };
}
export type OrgsRepository = ReturnType<typeof orgsRepository>;

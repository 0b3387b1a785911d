import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What the reports read besides the analytics: units by code, plans, committees and their departments. */
export function reportsRepository(db: Kysely<Database>) {
  return {
    unitByCode(code: string) {
      return db.selectFrom('org_units').select(['id', 'code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
    },

    unitById(id: number) {
      return db.selectFrom('org_units').select(['id', 'code', 'name', 'level']).where('id', '=', id).executeTakeFirst();
    },

    /** The plans of the given units, oldest first. */
    plansOf(unitIds: readonly number[]) {
      if (!unitIds.length) return Promise.resolve([]);
      return db
        .selectFrom('plans')
        .select(['id', 'org_unit_id', 'kind', 'title', 'period_start', 'period_end'])
        .where('org_unit_id', 'in', [...unitIds])
        .orderBy('kind')
        .orderBy('id')
        .execute();
    },

    /** The unit's committee and how many member departments it has. */
    async committeeOf(unitId: number): Promise<{ name: string; departments: number } | null> {
      const committee = await db.selectFrom('committees').select(['id', 'name']).where('org_unit_id', '=', unitId).executeTakeFirst();
      if (!committee) return null;
      const { n } = await db.selectFrom('departments').select((eb) => eb.fn.countAll<string | number>().as('n')).where('committee_id', '=', committee.id).executeTakeFirstOrThrow();
      return { name: committee.name, departments: Number(n) };
    },
  };
}

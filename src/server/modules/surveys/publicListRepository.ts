import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Surveys anyone may answer by link (no access codes) of some units, newest first; the caller applies the times. */
export function publicListRepository(db: Kysely<Database>) {
  return {
    linkSurveysOf: (unitIds: readonly number[], limit: number) =>
      unitIds.length
        ? db
            .selectFrom('surveys as s')
            .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
            .select(['s.id', 's.title', 's.public_id', 's.audience', 's.status', 's.opens_at', 's.closes_at', 's.is_demo', 'u.name as org_unit_name'])
            .where('s.org_unit_id', 'in', unitIds)
            .where('s.status', '=', 'open')
            .where('s.access_mode', '=', 'open')
            .orderBy('s.id', 'desc')
            .limit(limit)
            .execute()
        : Promise.resolve([]),
  };
}

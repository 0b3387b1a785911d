import type { Kysely } from 'kysely';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import type { Database } from '../../db/schema';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { orgsRepository } from './repository';
import { unitNamedInTitle } from './naming';
import { OrgTree } from './tree';

export function orgsService(db: Kysely<Database>) {
  const repo = orgsRepository(db);

  return {
    async tree(): Promise<OrgTree> {
      const units = await repo.listUnits();
      return new OrgTree(units.map((u) => ({ id: u.id, parentId: u.parent_id })));
    },

    /** Every signed-in user may see the org structure: it is how they find their own place in it. */
    async list(auth: AuthContext | null): Promise<OrgUnitDto[]> {
      requireAuth(auth);
      const [units, committees, departments] = await Promise.all([repo.listUnits(), repo.listCommittees(), repo.listDepartments()]);
      return units.map((u) => {
        const committee = committees.find((c) => c.org_unit_id === u.id) ?? null;
        return {
          id: u.id,
          code: u.code,
          name: u.name,
          level: u.level,
          parentId: u.parent_id,
          isDemo: u.is_demo === 1,
          committee: committee && { id: committee.id, name: committee.name },
          departments: committee
            ? departments.filter((d) => d.committee_id === committee.id).map((d) => ({ id: d.id, name: d.name, shortName: d.short_name }))
            : [],
        };
      });
    },

    /** The unit a plan belongs to: by code when given, else the unit whose name starts the plan title. */
    async resolvePlanOwner(code: string | undefined, planTitle: string) {
      if (code) return (await repo.findUnitByCode(code)) ?? null;
      return unitNamedInTitle(await repo.listUnits(), planTitle) ?? null;
    },

    findById(id: number) {
      return repo.findUnitById(id).then((u) => u ?? null);
    },
  };
}
export type OrgsService = ReturnType<typeof orgsService>;

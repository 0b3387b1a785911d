import type { Kysely, Selectable } from 'kysely';
import type { DepartmentDto, OrgUnitCreateInput, OrgUnitDto, OrgUnitUpdateInput } from '../../../shared/api/orgs';
import { CHILD_LEVEL, defaultCommitteeName } from '../../../shared/orgLevels';
import type { CommitteesTable, Database, DepartmentsTable, OrgLevel, OrgUnit } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { orgsRepository, type OrgsRepository } from './repository';
import { unitNamedInTitle } from './naming';
import { DEPARTMENT_REFERENCES, ORG_UNIT_REFERENCES, referencesTo } from './references';
import { OrgTree } from './tree';
import { bumpDataVersion } from '../../db/dataVersion';


export const departmentDto = (d: Selectable<DepartmentsTable>): DepartmentDto => ({ id: d.id, name: d.name, shortName: d.short_name, counterpartId: d.counterpart_id, runsSurveys: d.runs_surveys === 1 });

function unitDto(unit: OrgUnit, committee: Selectable<CommitteesTable> | undefined, departments: Selectable<DepartmentsTable>[]): OrgUnitDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentId: unit.parent_id,
    isDemo: unit.is_demo === 1,
    committee: committee ? { id: committee.id, name: committee.name } : null,
    departments: departments.map(departmentDto),
  };
}

export async function unitOrThrow(r: OrgsRepository, id: number): Promise<OrgUnit> {
  const unit = await r.findUnitById(id);
  if (!unit) throw appError('NOT_FOUND', `单位（编号 ${id}）不存在`);
  return unit;
}

async function loadUnitDto(r: OrgsRepository, id: number): Promise<OrgUnitDto> {
  const unit = await unitOrThrow(r, id);
  const committee = await r.findCommitteeOfUnit(id);
  return unitDto(unit, committee, committee ? await r.departmentsOf(committee.id) : []);
}

export function orgsService(db: Kysely<Database>) {
  const repo = orgsRepository(db);

  async function tree(): Promise<OrgTree> {
    const units = await repo.listUnits();
    return new OrgTree(units.map((u) => ({ id: u.id, parentId: u.parent_id })));
  }

  /** Code unique everywhere, name unique among siblings: plan titles find their unit by name. */
  async function checkUnitNaming(r: OrgsRepository, unit: { id?: number; parentId: number | null; code: string; name: string }) {
    const sameCode = await r.findUnitByCode(unit.code);
    if (sameCode && sameCode.id !== unit.id) throw invalidField('code', `单位代码“${unit.code}”已被“${sameCode.name}”使用`);
    const siblings = await r.childrenOf(unit.parentId);
    if (siblings.some((s) => s.name === unit.name && s.id !== unit.id)) {
      throw invalidField('name', `同一上级单位下已有名为“${unit.name}”的单位`);
    }
  }

  return {
    tree,

    /** Every signed-in user may see the org structure: it is how they find their own place in it. */
    async list(auth: AuthContext | null): Promise<OrgUnitDto[]> {
      requireAuth(auth);
      const [units, committees, departments] = await Promise.all([repo.listUnits(), repo.listCommittees(), repo.listDepartments()]);
      return units.map((u) => {
        const committee = committees.find((c) => c.org_unit_id === u.id);
        return unitDto(u, committee, committee ? departments.filter((d) => d.committee_id === committee.id) : []);
      });
    },

    /** A unit one level below its parent, with its committee, in one go. */
    async create(auth: AuthContext | null, input: OrgUnitCreateInput): Promise<OrgUnitDto> {
      assertCan(auth, 'orgs.manage');
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        let level: OrgLevel = 'city';
        if (input.parentId !== null) {
          const parent = await r.findUnitById(input.parentId);
          if (!parent) throw invalidField('parentId', `上级单位（编号 ${input.parentId}）不存在`);
          const below = CHILD_LEVEL[parent.level];
          if (!below) throw invalidField('parentId', `“${parent.name}”是街道（乡镇），不能再设下级单位`);
          level = below;
        }
        await checkUnitNaming(r, input);
        const siblings = await r.childrenOf(input.parentId);
        const id = await r.insertUnit({
          code: input.code,
          name: input.name,
          level,
          parentId: input.parentId,
          sort: Math.max(-1, ...siblings.map((s) => s.sort)) + 1,
          isDemo: false,
        });
        await r.insertCommittee(id, input.committeeName ?? defaultCommitteeName(input.name));
        // Analytics hold the unit tree in memory with the values.
        await bumpDataVersion(trx);
        return loadUnitDto(r, id);
      });
    },

    async update(auth: AuthContext | null, id: number, input: OrgUnitUpdateInput): Promise<OrgUnitDto> {
      assertCan(auth, 'orgs.manage');
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        const unit = await unitOrThrow(r, id);
        await checkUnitNaming(r, { id, parentId: unit.parent_id, code: input.code, name: input.name });
        await r.updateUnit(id, { code: input.code, name: input.name });
        const committee = await r.findCommitteeOfUnit(id);
        if (committee) await r.renameCommittee(committee.id, input.committeeName);
        else await r.insertCommittee(id, input.committeeName);
        return loadUnitDto(r, id);
      });
    },

    /** Only a unit nothing refers to goes, together with its committee and unused departments. */
    async remove(auth: AuthContext | null, id: number): Promise<void> {
      assertCan(auth, 'orgs.manage');
      await db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        const unit = await unitOrThrow(r, id);
        const committee = await r.findCommitteeOfUnit(id);
        const departmentIds = committee ? (await r.departmentsOf(committee.id)).map((d) => d.id) : [];
        const ofUnit = await referencesTo(trx, ORG_UNIT_REFERENCES, [id]);
        const ofDepartments = await referencesTo(trx, DEPARTMENT_REFERENCES, departmentIds);
        const reasons = [
          ...(ofUnit.length > 0 ? [`仍有 ${ofUnit.join('、')}`] : []),
          ...(ofDepartments.length > 0 ? [`其成员单位仍被 ${ofDepartments.join('、')}引用`] : []),
        ];
        if (reasons.length > 0) throw appError('IN_USE', `不能删除“${unit.name}”：${reasons.join('；')}`);
        await r.deleteDepartments(departmentIds);
        if (committee) await r.deleteCommittee(committee.id);
        await r.deleteUnit(id);
        await bumpDataVersion(trx);
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

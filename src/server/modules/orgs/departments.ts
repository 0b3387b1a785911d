import type { Kysely } from 'kysely';
import type { DepartmentDto, DepartmentInputDto } from '../../../shared/api/orgs';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { assertCan } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { DEPARTMENT_REFERENCES, referencesTo } from './references';
import { orgsRepository, type OrgsRepository } from './repository';
import { departmentDto, unitOrThrow, type OrgsService } from './service';
import { bumpDataVersion } from '../../db/dataVersion';

/** Member departments (成员单位) of a unit's committee; managed by the unit's office or above. */
export function departmentsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = orgsRepository(db);

  async function committeeOf(r: OrgsRepository, unitId: number) {
    const unit = await unitOrThrow(r, unitId);
    if (unit.level === 'street') {
      throw appError('VALIDATION_FAILED', `“${unit.name}”是街道（乡镇），其妇儿工委通过所在区（县）的成员单位开展工作，不单独设成员单位`);
    }
    const committee = await r.findCommitteeOfUnit(unitId);
    if (!committee) throw appError('VALIDATION_FAILED', `“${unit.name}”尚未设立妇儿工委`);
    return committee;
  }

  /** Checks the caller manages departments at all, reads the department to learn its unit, then checks the caller may manage that unit. */
  async function managedDepartment(auth: AuthContext | null, id: number) {
    const tree = await orgs.tree();
    assertCan(auth, 'departments.manage');
    const department = await repo.findDepartment(id);
    if (!department) throw appError('NOT_FOUND', `成员单位（编号 ${id}）不存在`);
    assertCan(auth, 'departments.manage', { orgUnitId: department.org_unit_id, tree });
    return department;
  }

  /** Names are unique within a committee; so are short names, which indicators use to name the responsible department. */
  async function checkNames(r: OrgsRepository, committeeId: number, input: DepartmentInputDto, selfId?: number) {
    const others = (await r.departmentsOf(committeeId)).filter((d) => d.id !== selfId);
    if (others.some((d) => d.name === input.name)) throw invalidField('name', `成员单位“${input.name}”已存在`);
    const sameShort = others.find((d) => d.short_name === input.shortName);
    if (sameShort) throw invalidField('shortName', `简称“${input.shortName}”已被成员单位“${sameShort.name}”使用`);
  }

  return {
    async add(auth: AuthContext | null, unitId: number, input: DepartmentInputDto): Promise<DepartmentDto> {
      assertCan(auth, 'departments.manage', { orgUnitId: unitId, tree: await orgs.tree() });
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        const committee = await committeeOf(r, unitId);
        await checkNames(r, committee.id, input);
        const existing = await r.departmentsOf(committee.id);
        const [id] = await r.insertDepartments(committee.id, [input], Math.max(-1, ...existing.map((d) => d.sort)) + 1);
        return { id: id!, name: input.name, shortName: input.shortName };
      });
    },

    async update(auth: AuthContext | null, id: number, input: DepartmentInputDto): Promise<DepartmentDto> {
      const department = await managedDepartment(auth, id);
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        await checkNames(r, department.committee_id, input, id);
        await r.updateDepartment(id, input);
        // Approval of a value follows its indicator's responsible department by short name.
        await bumpDataVersion(trx);
        return { id, name: input.name, shortName: input.shortName };
      });
    },

    /** `ids` lists every department of the unit's committee, in the new order. */
    async reorder(auth: AuthContext | null, unitId: number, ids: readonly number[]): Promise<DepartmentDto[]> {
      assertCan(auth, 'departments.manage', { orgUnitId: unitId, tree: await orgs.tree() });
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        const committee = await committeeOf(r, unitId);
        const current = await r.departmentsOf(committee.id);
        const complete = ids.length === current.length && new Set(ids).size === ids.length && current.every((d) => ids.includes(d.id));
        if (!complete) throw invalidField('ids', '成员单位顺序须列出本单位的全部成员单位，且每个只出现一次');
        for (const [sort, id] of ids.entries()) await r.setDepartmentSort(id, sort);
        return (await r.departmentsOf(committee.id)).map(departmentDto);
      });
    },

    /** Only a department nothing refers to may go (see references.ts). */
    async remove(auth: AuthContext | null, id: number): Promise<void> {
      const department = await managedDepartment(auth, id);
      await db.transaction().execute(async (trx) => {
        const uses = await referencesTo(trx, DEPARTMENT_REFERENCES, [id]);
        if (uses.length > 0) throw appError('IN_USE', `不能删除成员单位“${department.name}”：仍被 ${uses.join('、')}引用`);
        await orgsRepository(trx).deleteDepartments([id]);
      });
    },
  };
}
export type DepartmentsService = ReturnType<typeof departmentsService>;

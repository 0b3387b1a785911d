import type { Kysely } from 'kysely';
import type { DepartmentChangeDto, DepartmentDto, DepartmentInputDto } from '../../../shared/api/orgs';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { actorId, assertCan, requireAuth } from '../auth/access';
import { changeLogRepository } from '../../services/changeLog/repository';
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
    return { ...committee, parentUnitId: unit.parent_id };
  }

  /**
   * The department of the parent unit's committee this one reports along. Asked for, it must be
   * one of them and no sibling's (a parent department answers through one department per unit);
   * left out when adding, the free one with the same short name; when editing, unchanged.
   */
  async function counterpartFor(
    r: OrgsRepository,
    committee: { id: number; parentUnitId: number | null },
    input: DepartmentInputDto,
    self?: { id: number; counterpartId: number | null },
  ): Promise<number | null> {
    if (committee.parentUnitId === null) {
      if (input.counterpartId) throw invalidField('counterpartId', '最上级妇儿工委的成员单位没有对口的上级成员单位');
      return null;
    }
    if (input.counterpartId === undefined && self) return self.counterpartId;
    const parentCommittee = await r.findCommitteeOfUnit(committee.parentUnitId);
    const candidates = parentCommittee ? await r.departmentsOf(parentCommittee.id) : [];
    const siblings = (await r.departmentsOf(committee.id)).filter((d) => d.id !== self?.id);
    const takenBy = (counterpartId: number) => siblings.find((d) => d.counterpart_id === counterpartId);
    if (input.counterpartId === undefined) {
      const sameShortName = candidates.find((d) => d.short_name === input.shortName);
      return sameShortName && !takenBy(sameShortName.id) ? sameShortName.id : null;
    }
    if (input.counterpartId === null) return null;
    const counterpart = candidates.find((d) => d.id === input.counterpartId);
    if (!counterpart) throw invalidField('counterpartId', `对口成员单位（编号 ${input.counterpartId}）不是上级妇儿工委的成员单位`);
    const sibling = takenBy(counterpart.id);
    if (sibling) throw invalidField('counterpartId', `上级成员单位“${counterpart.name}”已是“${sibling.name}”的对口单位`);
    return counterpart.id;
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
        const counterpartId = await counterpartFor(r, committee, input);
        const existing = await r.departmentsOf(committee.id);
        const runsSurveys = input.runsSurveys ?? false;
        const [id] = await r.insertDepartments(committee.id, [{ ...input, counterpartId, runsSurveys }], Math.max(-1, ...existing.map((d) => d.sort)) + 1);
        return { id: id!, name: input.name, shortName: input.shortName, counterpartId, runsSurveys };
      });
    },

    /**
     * Names are labels: a rename moves no data; it is logged. A new counterpart moves the reporting of
     * indicators, so analytics recompute. 可发起问卷调查 is logged too; grants are read per request, so it applies at once.
     */
    async update(auth: AuthContext | null, id: number, input: DepartmentInputDto): Promise<DepartmentDto> {
      const department = await managedDepartment(auth, id);
      const user = requireAuth(auth);
      return db.transaction().execute(async (trx) => {
        const r = orgsRepository(trx);
        await checkNames(r, department.committee_id, input, id);
        const committee = await committeeOf(r, department.org_unit_id);
        const counterpartId = await counterpartFor(r, committee, input, { id, counterpartId: department.counterpart_id });
        const runsSurveys = input.runsSurveys ?? department.runs_surveys === 1;
        await r.updateDepartment(id, { ...input, counterpartId, runsSurveys });
        const yesNo = (flag: boolean) => (flag ? '是' : '否');
        const label = async (departmentId: number | null) => (departmentId === null ? null : ((await r.findDepartment(departmentId))?.name ?? null));
        const change = (field: string, oldValue: string | null, newValue: string | null) => ({ entity: 'department' as const, entityId: id, field, oldValue, newValue });
        await changeLogRepository(trx).record(
          [
            change('name', department.name, input.name),
            change('shortName', department.short_name, input.shortName),
            change('counterpart', await label(department.counterpart_id), await label(counterpartId)),
            change('runsSurveys', yesNo(department.runs_surveys === 1), yesNo(runsSurveys)),
          ],
          actorId(user),
        );
        if (counterpartId !== department.counterpart_id) await bumpDataVersion(trx);
        return { id, name: input.name, shortName: input.shortName, counterpartId, runsSurveys };
      });
    },

    /** Renames, counterpart and 可发起问卷调查 changes of a department, newest first. */
    async history(auth: AuthContext | null, id: number): Promise<DepartmentChangeDto[]> {
      await managedDepartment(auth, id);
      const rows = await changeLogRepository(db).history('department', id);
      return rows.map((c) => ({ field: c.field, oldValue: c.old_value, newValue: c.new_value, changedAt: c.changed_at, changedBy: c.display_name }));
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

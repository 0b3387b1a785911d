import type { Kysely } from 'kysely';
import type { UserCreateInput, UserCreatedDto, UserDto, UserListFilter, UserUpdateInput } from '../../../shared/api/users';
import { can, scopeRoots } from '../../../shared/policy';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { assertCan, requireAuth } from '../auth/access';
import { hashPassword, randomPassword } from '../auth/password';
import { authRepository } from '../auth/repository';
import type { AuthContext } from '../auth/service';
import { orgsRepository } from '../orgs/repository';
import type { OrgsService } from '../orgs/service';
import type { OrgTree } from '../orgs/tree';
import { usersRepository, type UsersRepository } from './repository';

type UserRow = NonNullable<Awaited<ReturnType<UsersRepository['find']>>>;
type RoleRow = Awaited<ReturnType<UsersRepository['rolesOf']>>[number];

function toDto(user: UserRow, roles: readonly RoleRow[]): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgUnit: user.org_unit_id !== null && user.org_unit_name !== null ? { id: user.org_unit_id, name: user.org_unit_name } : null,
    department: user.department_id !== null && user.department_name !== null ? { id: user.department_id, name: user.department_name } : null,
    disabled: user.disabled === 1,
    createdAt: user.created_at,
    roles: roles
      .filter((r) => r.user_id === user.id)
      .map((r) => ({
        role: r.role as Role,
        orgUnitId: r.org_unit_id,
        orgUnitName: r.org_unit_name,
        departmentId: r.department_id,
        departmentName: r.department_name,
      })),
  };
}

/**
 * A unit's office manages the people placed within its subtree; admin manages everyone.
 * Whatever has no unit (an admin grant, a user placed nowhere) is the admin's alone.
 */
function assertManages(auth: AuthContext | null, unitIds: readonly (number | null)[], tree: OrgTree): AuthContext {
  const user = requireAuth(auth);
  for (const unitId of unitIds) assertCan(user, unitId === null ? 'admin' : 'users.manage', { orgUnitId: unitId, tree });
  return user;
}

/** User accounts and their role assignments (src/shared/policy.ts), each scoped to an org unit. */
export function usersService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = usersRepository(db);

  async function load(r: UsersRepository, id: number): Promise<UserDto> {
    const user = await r.find(id);
    if (!user) throw appError('NOT_FOUND', `用户（编号 ${id}）不存在`);
    return toDto(user, await r.rolesOf([id]));
  }

  /** Checks the caller manages people at all, reads the user to learn where they are placed and what they hold, then checks the caller may manage that. */
  async function managedUser(auth: AuthContext | null, id: number) {
    const tree = await orgs.tree();
    assertCan(auth, 'users.manage');
    const user = await load(repo, id);
    const me = assertManages(auth, [user.orgUnit?.id ?? null, ...user.roles.map((g) => (g.role === 'admin' ? null : g.orgUnitId))], tree);
    return { user, me, tree };
  }

  /** The caller may place a user at the unit and hand out each grant; only admin hands out admin. */
  function assertMayAssign(auth: AuthContext | null, input: UserUpdateInput, tree: OrgTree): void {
    assertManages(auth, [input.orgUnitId], tree);
    for (const grant of input.roles) {
      if (grant.role === 'admin' && !can(auth, 'admin')) {
        throw appError('AUTH_FORBIDDEN', '只有系统管理员可以授予系统管理员角色');
      }
      if (grant.role !== 'admin') assertManages(auth, [grant.orgUnitId], tree);
    }
  }

  /** Units exist, and each department belongs to the committee of the unit it is chosen with. */
  async function checkPlacement(input: UserUpdateInput): Promise<void> {
    const r = orgsRepository(db);
    const check = async (path: string, unitId: number | null, departmentId: number | null) => {
      if (unitId === null) return;
      const unit = await r.findUnitById(unitId);
      if (!unit) throw invalidField(`${path}orgUnitId`, `单位（编号 ${unitId}）不存在`);
      if (departmentId === null) return;
      const department = await r.findDepartment(departmentId);
      if (!department) throw invalidField(`${path}departmentId`, `成员单位（编号 ${departmentId}）不存在`);
      if (department.org_unit_id !== unitId) {
        throw invalidField(`${path}departmentId`, `成员单位“${department.name}”不属于${unit.name}妇儿工委`);
      }
    };
    await check('', input.orgUnitId, input.departmentId);
    for (const [i, grant] of input.roles.entries()) await check(`roles.${i}.`, grant.orgUnitId, grant.departmentId);
  }

  return {
    /** Admin sees everyone; an office sees the users placed within its subtrees. */
    async list(auth: AuthContext | null, filter: UserListFilter): Promise<UserDto[]> {
      const me = requireAuth(auth);
      const tree = await orgs.tree();
      let orgUnitIds: number[] | null;
      if (filter.orgUnitId !== undefined) {
        assertCan(me, 'users.manage', { orgUnitId: filter.orgUnitId, tree });
        orgUnitIds = tree.subtree(filter.orgUnitId);
      } else if (can(me, 'admin')) {
        orgUnitIds = null;
      } else {
        assertCan(me, 'users.manage');
        const scopes = scopeRoots(me, 'users.manage') ?? [];
        orgUnitIds = [...new Set(scopes.flatMap((id) => tree.subtree(id)))];
      }
      const rows = await repo.list({ orgUnitIds, role: filter.role, keyword: filter.keyword || undefined });
      const roles = await repo.rolesOf(rows.map((u) => u.id));
      return rows.map((u) => toDto(u, roles));
    },

    /** Creates the account and its roles together; a generated password is returned this once. */
    async create(auth: AuthContext | null, input: UserCreateInput): Promise<UserCreatedDto> {
      assertMayAssign(auth, input, await orgs.tree());
      await checkPlacement(input);
      if (await repo.findByUsername(input.username)) throw invalidField('username', `用户名“${input.username}”已被使用`);
      const password = input.password ?? randomPassword();
      const passwordHash = await hashPassword(password);
      const user = await db.transaction().execute(async (trx) => {
        const r = usersRepository(trx);
        const id = await authRepository(trx).createUser({ ...input, passwordHash });
        await r.replaceRoles(id, input.roles);
        return load(r, id);
      });
      return { user, password: input.password === null ? password : null };
    },

    async update(auth: AuthContext | null, id: number, input: UserUpdateInput): Promise<UserDto> {
      const { user, me, tree } = await managedUser(auth, id);
      assertMayAssign(auth, input, tree);
      const losesAdmin = user.roles.some((g) => g.role === 'admin') && !input.roles.some((g) => g.role === 'admin');
      if (id === me.userId && losesAdmin) throw invalidField('roles', '不能取消自己的系统管理员角色');
      await checkPlacement(input);
      return db.transaction().execute(async (trx) => {
        const r = usersRepository(trx);
        await r.update(id, input);
        await r.replaceRoles(id, input.roles);
        return load(r, id);
      });
    },

    /** A disabled user cannot sign in, and their open sessions end at once. */
    async setDisabled(auth: AuthContext | null, id: number, disabled: boolean): Promise<UserDto> {
      const { me } = await managedUser(auth, id);
      if (disabled && id === me.userId) throw appError('VALIDATION_FAILED', '不能停用自己的账号');
      return db.transaction().execute(async (trx) => {
        const r = usersRepository(trx);
        await r.setDisabled(id, disabled);
        if (disabled) await authRepository(trx).deleteSessionsOf(id);
        return load(r, id);
      });
    },

    /** Sets a generated password, returned this once; the user's sessions end (but the caller's own, when resetting their own). */
    async resetPassword(auth: AuthContext | null, id: number): Promise<{ password: string }> {
      const { me } = await managedUser(auth, id);
      const password = randomPassword();
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const r = authRepository(trx);
        await r.setPasswordHash(id, passwordHash);
        await r.deleteSessionsOf(id, id === me.userId ? me.tokenHash : undefined);
      });
      return { password };
    },
  };
}
export type UsersService = ReturnType<typeof usersService>;

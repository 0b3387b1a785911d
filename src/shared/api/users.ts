import { z } from 'zod';
import { ASSIGNABLE_ROLES, DEPARTMENT_ROLES, ROLE_LABELS, ROLES } from '../roles';
import { choosePassword } from './auth';

/** One role at one org unit; reporters and dept reviewers also name their member department. */
export const RoleGrantInput = z
  .object({
    role: z.enum(ASSIGNABLE_ROLES, { error: '请选择角色' }),
    orgUnitId: z.number().int().positive().nullable(),
    departmentId: z.number().int().positive().nullable(),
  })
  .superRefine((grant, ctx) => {
    const label = ROLE_LABELS[grant.role];
    if (grant.role === 'admin' && grant.orgUnitId !== null) {
      ctx.addIssue({ code: 'custom', path: ['orgUnitId'], message: '系统管理员管辖全部单位，不需选择单位' });
    }
    if (grant.role !== 'admin' && grant.orgUnitId === null) {
      ctx.addIssue({ code: 'custom', path: ['orgUnitId'], message: `请选择${label}的所属单位` });
    }
    const needsDepartment = DEPARTMENT_ROLES.includes(grant.role);
    if (needsDepartment && grant.departmentId === null) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: `${label}须选择成员单位` });
    }
    if (!needsDepartment && grant.departmentId !== null) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: `${label}不按成员单位分配，请不要选择成员单位` });
    }
  });
export type RoleGrantInputDto = z.infer<typeof RoleGrantInput>;

const grantKey = (g: RoleGrantInputDto) => `${g.role}:${g.orgUnitId}:${g.departmentId}`;

const RoleGrantList = z.array(RoleGrantInput, { error: '请给出角色分配' }).max(20, '角色分配不能超过 20 项').superRefine((grants, ctx) => {
  grants.forEach((grant, i) => {
    if (grants.findIndex((other) => grantKey(other) === grantKey(grant)) < i) {
      ctx.addIssue({ code: 'custom', path: [i], message: `第 ${i + 1} 项角色分配与前面的重复` });
    }
  });
});

const UserFields = {
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字符'),
  orgUnitId: z.number({ error: '请选择所属单位' }).int().positive(),
  departmentId: z.number().int().positive().nullable(),
  roles: RoleGrantList,
};

export const UserCreateBody = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .min(2, '用户名至少 2 个字符')
    .max(32, '用户名不能超过 32 个字符')
    .regex(/^[A-Za-z0-9_.-]*$/, '用户名只能包含字母、数字、下划线、点和连字符'),
  ...UserFields,
  /** null: the server generates one and returns it once. */
  password: choosePassword('初始密码').nullable(),
});
export type UserCreateInput = z.infer<typeof UserCreateBody>;

export const UserUpdateBody = z.object(UserFields);
export type UserUpdateInput = z.infer<typeof UserUpdateBody>;

export const UserListQuery = z.object({
  /** Users whose unit lies in this unit's subtree. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLES).optional(),
  /** Part of the username or the name. */
  keyword: z.string().trim().max(50, '关键词不能超过 50 个字符').optional(),
});
export type UserListFilter = z.infer<typeof UserListQuery>;

const Named = z.object({ id: z.number(), name: z.string() });

export const UserRoleSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
});

export const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgUnit: Named.nullable(),
  department: Named.nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  roles: z.array(UserRoleSchema),
});
export type UserDto = z.infer<typeof UserSchema>;

/** `password` is set only when the server generated it: shown once, never stored in clear. */
export const UserCreatedSchema = z.object({ user: UserSchema, password: z.string().nullable() });
export type UserCreatedDto = z.infer<typeof UserCreatedSchema>;

export const PasswordResetSchema = z.object({ password: z.string() });

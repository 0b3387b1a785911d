import type { RoleGrantInputDto, UserCreateInput, UserDto, UserUpdateInput } from '../../../shared/api/users';
import { DEPARTMENT_ROLES, type Role } from '../../../shared/roles';

/** One row of the role editor, as antd holds it: cleared inputs are null or undefined. */
export interface GrantForm {
  role?: Role;
  orgUnitId?: number | null;
  departmentId?: number | null;
}

export interface UserForm {
  username: string;
  displayName: string;
  orgUnitId?: number;
  departmentId?: number | null;
  password?: string;
  roles?: GrantForm[];
}

/** The fields server validation errors may name (“roles.0.departmentId”). */
export const USER_FORM_FIELDS = [
  'username', 'displayName', 'orgUnitId', 'departmentId', 'password', 'roles.*.role', 'roles.*.orgUnitId', 'roles.*.departmentId',
];

/** Only what the role uses is sent: admin holds no unit, only reporters and dept reviewers a department. */
export function toGrant(grant: GrantForm): RoleGrantInputDto {
  // The form requires a role before it saves; an empty one is left for the server to name.
  const role = grant.role as RoleGrantInputDto['role'];
  return {
    role,
    orgUnitId: role === 'admin' ? null : (grant.orgUnitId ?? null),
    departmentId: DEPARTMENT_ROLES.includes(role) ? (grant.departmentId ?? null) : null,
  };
}

export function toUpdateInput(values: UserForm): UserUpdateInput {
  return {
    displayName: values.displayName.trim(),
    orgUnitId: values.orgUnitId as number,
    departmentId: values.departmentId ?? null,
    roles: (values.roles ?? []).map(toGrant),
  };
}

/** An empty password asks the server to generate one. */
export function toCreateInput(values: UserForm): UserCreateInput {
  return { username: values.username.trim(), ...toUpdateInput(values), password: values.password ? values.password : null };
}

export function formOf(user: UserDto): UserForm {
  return {
    username: user.username,
    displayName: user.displayName,
    orgUnitId: user.orgUnit?.id,
    departmentId: user.department?.id ?? null,
    roles: user.roles.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId, departmentId: g.departmentId })),
  };
}

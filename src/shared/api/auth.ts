import { z } from 'zod';
import { DEPARTMENT_AUTHORISATIONS } from '../policy';
import { ROLES } from '../roles';

export { ROLE_LABELS, ROLES, type Role } from '../roles';

/** Longer than any username can be (32); bounds what failed attempts store per name. */
export const LOGIN_USERNAME_MAX = 64;

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(LOGIN_USERNAME_MAX, `用户名不能超过 ${LOGIN_USERNAME_MAX} 个字符`),
  password: z.string().min(1, '请输入密码'),
});

/** Rules for a password a person chooses, its field named as the form names it. */
export const choosePassword = (label: string) => z.string().min(8, `${label}至少 8 位`).max(128, `${label}不能超过 128 位`);

export const PasswordChangeBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: choosePassword('新密码'),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeBody>;

export const RoleAssignmentSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  departmentId: z.number().nullable(),
  /** What the grant's department is authorised for (可发起问卷调查: `surveys`; owns surveys: `surveyResults`); the menus read it with the policy. */
  authorisations: z.array(z.enum(DEPARTMENT_AUTHORISATIONS)).optional(),
});

export const MeSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleAssignmentSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionResponse = z.object({ user: MeSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionResponse>;

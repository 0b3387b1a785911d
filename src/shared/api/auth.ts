import { z } from 'zod';
import { ROLES } from '../roles';

export { ROLE_LABELS, ROLES, type Role } from '../roles';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名'),
  password: z.string().min(1, '请输入密码'),
});

export const RoleAssignmentSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  departmentId: z.number().nullable(),
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

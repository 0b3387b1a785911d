import { z } from 'zod';

export const ROLES = ['admin', 'office', 'statistics', 'evaluation', 'reporter', 'dept_reviewer', 'leader'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '妇儿工委办公室',
  statistics: '统计监测组',
  evaluation: '评估组',
  reporter: '成员单位填报员',
  dept_reviewer: '成员单位审核员',
  leader: '领导',
};

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

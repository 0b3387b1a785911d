/** The roles of the access policy (src/shared/policy.ts). Kept free of zod so the web app's frame can import the labels cheaply. */
export const ROLES = ['admin', 'office', 'statistics', 'evaluation', 'reporter', 'dept_reviewer', 'leader', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '妇儿工委办公室',
  statistics: '统计监测组',
  evaluation: '评估组',
  reporter: '成员单位填报员',
  dept_reviewer: '成员单位审核员',
  leader: '领导',
  evaluator: '第三方评估',
};

/** Roles the user administration assigns; a third-party evaluator (`evaluator`, bound to one evaluation round) is made by the evaluation module. */
export const ASSIGNABLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'evaluator'> => r !== 'evaluator');

/** Roles that act for one member department, chosen together with the org unit. */
export const DEPARTMENT_ROLES: readonly Role[] = ['reporter', 'dept_reviewer'];

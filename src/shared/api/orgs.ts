import { z } from 'zod';
import { ORG_LEVELS } from '../orgLevels';

export const DepartmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  /** The parent unit's department it reports along (对口上级成员单位); null at the top committee. */
  counterpartId: z.number().nullable(),
  /** 可发起问卷调查: the unit's office authorised it to build and publish its own surveys. */
  runsSurveys: z.boolean(),
});
export type DepartmentDto = z.infer<typeof DepartmentSchema>;

export const OrgUnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.number().nullable(),
  isDemo: z.boolean(),
  committee: z.object({ id: z.number(), name: z.string() }).nullable(),
  departments: z.array(DepartmentSchema),
});
export type OrgUnitDto = z.infer<typeof OrgUnitSchema>;
export const OrgUnitListSchema = z.array(OrgUnitSchema);

const unitCode = z
  .string()
  .trim()
  .min(1, '请填写单位代码')
  .max(32, '单位代码不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_-]*$/, '单位代码只能包含字母、数字、下划线和连字符');
const unitName = z.string().trim().min(1, '请填写单位名称').max(50, '单位名称不能超过 50 个字符');
const committeeName = z.string().trim().min(1, '请填写妇儿工委名称').max(100, '妇儿工委名称不能超过 100 个字符');

/** A new unit sits one level below its parent (市 → 区 → 街道); without a parent it is a city. */
export const OrgUnitCreateBody = z.object({
  parentId: z.number().int().positive().nullable(),
  code: unitCode,
  name: unitName,
  /** Defaults to “<name>妇女儿童工作委员会”. */
  committeeName: committeeName.optional(),
});
export type OrgUnitCreateInput = z.infer<typeof OrgUnitCreateBody>;

export const OrgUnitUpdateBody = z.object({ code: unitCode, name: unitName, committeeName });
export type OrgUnitUpdateInput = z.infer<typeof OrgUnitUpdateBody>;

export const DepartmentInput = z.object({
  name: z.string().trim().min(1, '请填写成员单位名称').max(100, '成员单位名称不能超过 100 个字符'),
  /** A label for tables and lists; who reports what follows `counterpartId`, never this. */
  shortName: z.string().trim().min(1, '请填写成员单位简称').max(20, '成员单位简称不能超过 20 个字符'),
  /**
   * 对口上级成员单位: a department of the parent unit's committee. Left out when adding, the one
   * with the same short name is taken; left out when editing, it stays as it is.
   */
  counterpartId: z.number().int().positive('请选择对口的上级成员单位').nullable().optional(),
  /** 可发起问卷调查; left out when adding, not authorised; left out when editing, it stays as it is. */
  runsSurveys: z.boolean().optional(),
});
export type DepartmentInputDto = z.infer<typeof DepartmentInput>;

/** One logged change of a department: a name, the short name or the counterpart. */
export const DepartmentChangeSchema = z.object({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type DepartmentChangeDto = z.infer<typeof DepartmentChangeSchema>;

export const DepartmentOrderBody = z.object({
  ids: z.array(z.number().int().positive()).min(1, '请给出成员单位的顺序'),
});

import { z } from 'zod';
import { StatusSchema } from './analytics';
import { AttachmentSchema } from './attachments';

const Ref = z.object({ id: z.number(), name: z.string() });
export const ItemKindSchema = z.enum(['goal', 'measure']);
export const RoleSchema = z.enum(['lead', 'partner']);

export const DepartmentRefSchema = z.object({ id: z.number(), name: z.string(), shortName: z.string() });
export type DepartmentRefDto = z.infer<typeof DepartmentRefSchema>;

export const ItemResponsibilitySchema = z.object({
  kind: ItemKindSchema,
  id: z.number(),
  leads: z.array(z.number()),
  partners: z.array(z.number()),
});
export type ItemResponsibilityDto = z.infer<typeof ItemResponsibilitySchema>;

/** A plan's 责任分解: the committee's departments to choose from and each goal's and measure's. */
export const PlanResponsibilitiesSchema = z.object({
  planId: z.number(),
  orgUnit: Ref,
  departments: z.array(DepartmentRefSchema),
  items: z.array(ItemResponsibilitySchema),
  canManage: z.boolean(),
});
export type PlanResponsibilitiesDto = z.infer<typeof PlanResponsibilitiesSchema>;

const ids = z.array(z.number().int().positive()).max(50, '单位过多：每项最多 50 个');
export const SetResponsibilityInput = z.object({ leads: ids, partners: ids });
export type SetResponsibilityInputDto = z.infer<typeof SetResponsibilityInput>;
export const ItemParams = z.object({ kind: ItemKindSchema, id: z.coerce.number().int().positive() });

export const ImportResultSchema = z.object({
  /** Goals and measures the table set (an empty row clears one). */
  items: z.number(),
  leads: z.number(),
  partners: z.number(),
});
export type ResponsibilityImportResultDto = z.infer<typeof ImportResultSchema>;

export const ImplementationStateSchema = z.enum(['submitted', 'accepted', 'returned']);
/** Where a department stands with its 实施方案 of a plan. */
export const ImplementationStandingSchema = z.enum(['not_due', 'due', 'overdue', 'submitted', 'accepted', 'returned']);
export type ImplementationStanding = z.infer<typeof ImplementationStandingSchema>;

export const ImplementationPlanSchema = z.object({
  id: z.number(),
  planId: z.number(),
  department: DepartmentRefSchema,
  state: ImplementationStateSchema,
  text: z.string(),
  attachments: z.array(AttachmentSchema),
  filedAt: z.string(),
  filedBy: z.string().nullable(),
  late: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type ImplementationPlanDto = z.infer<typeof ImplementationPlanSchema>;

/** The office's view of a plan's 实施方案: each department with a responsibility, filed or not. */
export const ImplementationOverviewSchema = z.object({
  plan: z.object({ id: z.number(), title: z.string(), orgUnit: Ref }),
  dueOn: z.string().nullable(),
  today: z.string(),
  counts: z.record(ImplementationStandingSchema, z.number()),
  rows: z.array(z.object({ department: DepartmentRefSchema, standing: ImplementationStandingSchema, latest: ImplementationPlanSchema.nullable() })),
  canReview: z.boolean(),
});
export type ImplementationOverviewDto = z.infer<typeof ImplementationOverviewSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const DueInput = z.object({ dueOn: isoDate });
export const FileImplementationInput = z.object({
  departmentId: z.number().int().positive(),
  text: z.string().trim().min(1, '请填写实施方案的主要内容').max(20000, '实施方案正文最多 20000 字'),
  attachmentIds: z.array(z.number().int().positive()).max(10, '附件最多 10 个').default([]),
});
export type FileImplementationInputDto = z.infer<typeof FileImplementationInput>;
export const ReturnImplementationInput = z.object({ reason: z.string().trim().min(1, '请填写退回理由').max(1000, '退回理由最多 1000 字') });

export const IndicatorStatusSchema = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.string().nullable(),
  decimals: z.number(),
  latest: z.object({ year: z.number(), value: z.number() }).nullable(),
  /** The analytics service's progress status at the unit; null without targets or data. */
  status: StatusSchema.nullable(),
  targetBasis: z.string().nullable(),
});

/** 我的责任目标: a department's goals and measures, grouped by plan and area, with the linked indicators. */
export const MyResponsibilitiesSchema = z.object({
  department: DepartmentRefSchema.extend({ orgUnit: Ref }),
  /** Every seat the user may look at, to switch between. */
  seats: z.array(DepartmentRefSchema.extend({ orgUnit: Ref })),
  today: z.string(),
  plans: z.array(
    z.object({
      plan: z.object({ id: z.number(), title: z.string(), kind: z.enum(['women', 'children']) }),
      areas: z.array(
        z.object({
          no: z.number(),
          title: z.string(),
          items: z.array(
            z.object({
              kind: ItemKindSchema,
              id: z.number(),
              no: z.number(),
              text: z.string(),
              role: RoleSchema,
              leads: z.array(z.string()),
              partners: z.array(z.string()),
              indicators: z.array(IndicatorStatusSchema),
            }),
          ),
        }),
      ),
      implementation: z.object({ dueOn: z.string().nullable(), standing: ImplementationStandingSchema, latest: ImplementationPlanSchema.nullable(), canFile: z.boolean() }),
    }),
  ),
});
export type MyResponsibilitiesDto = z.infer<typeof MyResponsibilitiesSchema>;
export const MyQuery = z.object({ departmentId: z.coerce.number().int().positive().optional() });

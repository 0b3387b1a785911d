import { z } from 'zod';
import { AttachmentSchema } from './attachments';

const PERIOD = z.enum(['annual', 'H1', 'H2']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const UnitRefSchema = z.object({ name: z.string(), departmentId: z.number().nullable(), departmentName: z.string().nullable() });
export type UnitRefDto = z.infer<typeof UnitRefSchema>;

export const ReportSchema = z.object({
  id: z.number(),
  departmentId: z.number(),
  departmentName: z.string(),
  role: z.enum(['lead', 'partner']),
  value: z.number().nullable(),
  text: z.string(),
  completed: z.boolean(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
  attachments: z.array(AttachmentSchema),
});
export type ReportDto = z.infer<typeof ReportSchema>;

export const MilestoneSchema = z.object({
  id: z.number(),
  period: PERIOD,
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['>=', '<=']),
  due: z.string().nullable(),
  status: z.enum(['met', 'reported', 'pending', 'overdue']),
  achieved: z.number().nullable(),
  reports: z.array(ReportSchema),
});
export type MilestoneDto = z.infer<typeof MilestoneSchema>;

export const KeyItemSchema = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  year: z.number(),
  no: z.number(),
  name: z.string(),
  summary: z.string(),
  leads: z.array(UnitRefSchema),
  partners: z.array(UnitRefSchema),
  milestones: z.array(MilestoneSchema),
  status: z.enum(['done', 'on_schedule', 'late']),
  openSupervisions: z.number(),
  isDemo: z.boolean(),
});
export type KeyItemDto = z.infer<typeof KeyItemSchema>;

export const KeyItemListSchema = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  year: z.number().nullable(),
  /** Years with key items at this unit, newest first. */
  years: z.array(z.number()),
  items: z.array(KeyItemSchema),
  canManage: z.boolean(),
});
export type KeyItemListDto = z.infer<typeof KeyItemListSchema>;

export const KeyItemsQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ImportQuery = z.object({
  orgUnitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  dryRun: z.enum(['true', 'false']).default('true'),
});

export const ImportResultSchema = z.object({
  title: z.string().nullable(),
  year: z.number(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  items: z.array(z.object({
    no: z.number(),
    name: z.string(),
    summary: z.string(),
    leads: z.array(UnitRefSchema),
    partners: z.array(UnitRefSchema),
    milestones: z.array(z.object({ period: PERIOD, text: z.string(), value: z.number().nullable(), unit: z.string().nullable(), due: z.string().nullable() })),
  })),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
  /** Items of the year the save replaced (0 in a preview). */
  replaced: z.number(),
  saved: z.boolean(),
});
export type ImportResultDto = z.infer<typeof ImportResultSchema>;

export const ReportInput = z.object({
  departmentId: z.number().int().positive(),
  value: z.number().finite().nullable(),
  text: z.string().trim().min(1, '请填写进展情况').max(5000),
  completed: z.boolean(),
  attachmentIds: z.array(z.number().int().positive()).max(20),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const SupervisionEventSchema = z.object({
  id: z.number(),
  action: z.enum(['issue', 'reply', 'press', 'close']),
  text: z.string(),
  dueOn: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const SupervisionSchema = z.object({
  id: z.number(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  department: z.object({ id: z.number(), name: z.string() }),
  item: z.object({ id: z.number(), no: z.number(), name: z.string(), year: z.number() }).nullable(),
  indicator: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** A 工作要点 point (e.g. a 实事项目) under 督办. */
  workPoint: z.object({ id: z.number(), title: z.string(), year: z.number() }).nullable(),
  subject: z.string(),
  request: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'replied', 'closed']),
  round: z.number(),
  overdue: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the signed-in user may do with it now. */
  canReply: z.boolean(),
  canManage: z.boolean(),
  events: z.array(SupervisionEventSchema),
});
export type SupervisionDto = z.infer<typeof SupervisionSchema>;

export const SupervisionInput = z.object({
  orgUnitId: z.number().int().positive(),
  departmentId: z.number().int().positive(),
  itemId: z.number().int().positive().nullable(),
  indicatorId: z.number().int().positive().nullable(),
  /** At most one of itemId, indicatorId and workPointId names what is under 督办. */
  workPointId: z.number().int().positive().nullable().default(null),
  subject: z.string().trim().min(1, '请填写督办事由').max(200),
  request: z.string().trim().min(1, '请填写督办要求').max(5000),
  dueOn: day,
});
/** As sent: workPointId may be left out. */
export type SupervisionInput = z.input<typeof SupervisionInput>;

export const SupervisionActionInput = z.object({
  action: z.enum(['reply', 'press', 'close']),
  text: z.string().trim().min(1, '请填写内容').max(5000),
  /** Pressing again sets a new deadline. */
  dueOn: day.nullable().optional(),
});
export type SupervisionActionInput = z.infer<typeof SupervisionActionInput>;

const optionalId = z.coerce.number().int().positive().optional();
export const SupervisionsQuery = z.object({ state: z.enum(['open', 'all']).default('open'), orgUnitId: optionalId, itemId: optionalId, indicatorId: optionalId, workPointId: optionalId });

/** Where an office meets a lagging indicator: to whom at that unit a 督办 on it would go. */
export const IndicatorSupervisionQuery = z.object({ indicatorId: z.coerce.number().int().positive(), orgUnitId: z.coerce.number().int().positive() });
export const IndicatorSupervisionSchema = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  indicator: z.object({ id: z.number(), name: z.string() }),
  /** The unit committee's member departments. */
  departments: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The indicator's responsible department at this unit (along counterparts), null when it has none there. */
  departmentId: z.number().nullable(),
  /** 督办 on this indicator at this unit not yet closed. */
  open: z.number(),
});
export type IndicatorSupervisionDto = z.infer<typeof IndicatorSupervisionSchema>;

export const BulletinQuery = z.object({ orgUnitId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100), period: z.enum(['H1', 'annual']) });

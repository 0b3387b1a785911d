import { z } from 'zod';
import { FOLLOWUP_ACTIONS, FOLLOWUP_STATES } from '../followup/stateMachine';
import { AnalyticsQuery, MAX_BULK_WARNINGS, WARNING_KINDS, WarningListSchema, WarningSchema } from './analytics';

const Ref = z.object({ id: z.number(), name: z.string() });
const DateText = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what}应为 YYYY-MM-DD 格式的日期`);

export const FollowupEventSchema = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  comment: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const FollowupSchema = z.object({
  id: z.number(),
  warningKey: z.string(),
  kind: z.enum(WARNING_KINDS),
  orgUnit: Ref,
  department: Ref,
  indicatorId: z.number().nullable(),
  year: z.number().nullable(),
  subject: z.string(),
  reason: z.string(),
  link: z.string(),
  deadline: z.string(),
  state: z.enum(FOLLOWUP_STATES),
  /** The warning no longer fires (read from the data now): shown as 「指标已恢复」 while open. */
  recovered: z.boolean(),
  /** Past its deadline while the department still owes its answer. */
  overdue: z.boolean(),
  cause: z.string().nullable(),
  measures: z.string().nullable(),
  expectedOn: z.string().nullable(),
  assignedBy: z.string().nullable(),
  assignedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** What the reader may do now. */
  actions: z.array(z.enum(FOLLOWUP_ACTIONS)),
});
export type FollowupDto = z.infer<typeof FollowupSchema>;

export const FollowupDetailSchema = FollowupSchema.extend({ events: z.array(FollowupEventSchema) });
export type FollowupDetailDto = z.infer<typeof FollowupDetailSchema>;

export const FollowupListQuery = z.object({
  /** open (default): not closed; all: closed too. */
  status: z.enum(['open', 'all']).default('open'),
  orgUnitId: z.coerce.number().int().positive().optional(),
});

/** 整改 filter of the warnings list: none (never assigned) or the latest follow-up's state. */
export const WARNING_FOLLOWUP_FILTERS = ['none', ...FOLLOWUP_STATES] as const;

export const FollowupWarningsQuery = AnalyticsQuery.extend({
  kind: z.enum(WARNING_KINDS).optional(),
  acknowledged: z.enum(['yes', 'no']).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  followup: z.enum(WARNING_FOLLOWUP_FILTERS).optional(),
});
export type FollowupWarningsQueryInput = z.infer<typeof FollowupWarningsQuery>;

export const WarningRowSchema = WarningSchema.extend({
  /** The responsible member department at the warning's unit, when one matches by name. */
  departmentId: z.number().nullable(),
  followup: z.object({ id: z.number(), state: z.enum(FOLLOWUP_STATES), department: Ref, deadline: z.string() }).nullable(),
});
export type WarningRowDto = z.infer<typeof WarningRowSchema>;

export const FollowupWarningListSchema = WarningListSchema.extend({
  items: z.array(WarningRowSchema),
  /** Member departments of the listed units, for the filter and the assignment form. */
  departments: z.array(Ref.extend({ orgUnitId: z.number() })),
  /** Indicators among all warnings (before filters), for the filter. */
  indicators: z.array(Ref),
  /** Before the filters. */
  total: z.number(),
});
export type FollowupWarningListDto = z.infer<typeof FollowupWarningListSchema>;

export const AssignBody = z.object({
  keys: z.array(z.string().min(1).max(200)).min(1, '请选择预警').max(MAX_BULK_WARNINGS, `一次最多 ${MAX_BULK_WARNINGS} 条预警`),
  /** One department for all; absent: each warning goes to its responsible department at its unit. */
  departmentId: z.number().int().positive().optional(),
  deadline: DateText('整改期限'),
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
});

export const AnswerBody = z.object({
  cause: z.string().trim().min(1, '请填写原因分析').max(2000, '原因分析不超过 2000 字'),
  measures: z.string().trim().min(1, '请填写整改措施').max(2000, '整改措施不超过 2000 字'),
  expectedOn: DateText('预计达标日期'),
});

export const ReviewBody = z.object({ comment: z.string().trim().max(500, '意见不超过 500 字').optional() });

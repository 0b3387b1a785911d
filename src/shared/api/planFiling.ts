import { z } from 'zod';
import { isCalendarDate } from '../plans/filing';
import { LIFECYCLE_ACTIONS } from '../plans/lifecycleActions';
import { ComparatorSchema } from './plans';

/** Plan lifecycle (草案 → 已印发 → 已备案 → 已废止, archive, delete) and 备案 with the unit above. */
const Unit = z.object({ id: z.number(), name: z.string() });
const PlanStatusSchema = z.enum(['draft', 'adopted', 'filed', 'repealed']);
const FilingStateSchema = z.enum(['submitted', 'accepted', 'returned']);
const FilingStatusSchema = z.enum(['not_released', 'due', 'overdue', 'submitted', 'returned', 'accepted']);

export const CalendarDate = z.string().refine(isCalendarDate, '日期应为 YYYY-MM-DD 格式的有效日期');

export const FilingStandingSchema = z.object({ status: FilingStatusSchema, dueOn: z.string().nullable(), late: z.boolean() });

export const PlanLifecycleSchema = z.object({
  planId: z.number(),
  status: PlanStatusSchema,
  releasedOn: z.string().nullable(),
  archived: z.boolean(),
  /** The unit the plan is filed with; null at the top. */
  filesWith: Unit.nullable(),
  standing: FilingStandingSchema,
  latestFilingId: z.number().nullable(),
  actions: z.object(Object.fromEntries(LIFECYCLE_ACTIONS.map((a) => [a, z.object({ ok: z.boolean(), reason: z.string().optional() })])) as Record<
    (typeof LIFECYCLE_ACTIONS)[number],
    z.ZodObject<{ ok: z.ZodBoolean; reason: z.ZodOptional<z.ZodString> }>
  >),
});
export type PlanLifecycleDto = z.infer<typeof PlanLifecycleSchema>;

export const ReleaseInput = z.object({ releasedOn: CalendarDate });
export const FileInput = z.object({ note: z.string().trim().max(500, '说明最多 500 字').nullable() });
export const ReturnInput = z.object({ reason: z.string().trim().min(1, '请填写退回理由').max(500, '退回理由最多 500 字') });

const ComparedTargetSchema = z.object({
  targetId: z.number(),
  indicatorId: z.number().nullable(),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number(),
  baseYear: z.number().nullable(),
});
const VerdictSchema = z.enum(['weaker', 'meets', 'different', 'incomparable', 'unlinked', 'extra']);
export const ComparisonSchema = z.object({
  /** The plan of the unit above it was compared with; null when that unit has no plan of the kind in force. */
  parentPlan: z.object({ id: z.number(), title: z.string() }).nullable(),
  rows: z.array(
    z.object({
      indicatorId: z.number().nullable(),
      indicator: z.string(),
      city: ComparedTargetSchema.nullable(),
      district: ComparedTargetSchema.nullable(),
      verdict: VerdictSchema,
      reasons: z.array(z.enum(['lower_bar', 'later_year', 'missing'])),
      note: z.string(),
    }),
  ),
  counts: z.record(VerdictSchema, z.number()),
});
export type ComparisonDto = z.infer<typeof ComparisonSchema>;

export const FilingSchema = z.object({
  id: z.number(),
  plan: z.object({ id: z.number(), title: z.string(), kind: z.enum(['women', 'children']), releasedOn: z.string().nullable(), orgUnit: Unit }),
  toOrgUnit: Unit,
  state: FilingStateSchema,
  dueOn: z.string(),
  late: z.boolean(),
  note: z.string().nullable(),
  filedAt: z.string(),
  filedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  comparison: ComparisonSchema,
});
export type FilingDto = z.infer<typeof FilingSchema>;

export const FilingOverviewSchema = z.object({
  unit: Unit,
  today: z.string(),
  counts: z.record(FilingStatusSchema, z.number()),
  rows: z.array(
    z.object({
      unit: Unit,
      /** Plans of the unit below that are released, filed or waiting (archived and repealed ones left out); empty: nothing released yet. */
      plans: z.array(
        z.object({
          id: z.number(),
          title: z.string(),
          kind: z.enum(['women', 'children']),
          status: PlanStatusSchema,
          releasedOn: z.string().nullable(),
          standing: FilingStandingSchema,
          latestFilingId: z.number().nullable(),
          weaker: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type FilingOverviewDto = z.infer<typeof FilingOverviewSchema>;

export const FilingListQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

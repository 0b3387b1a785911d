import { z } from 'zod';
import { COMPARATORS } from '../plan-text/types';

const year = z.number().int().min(1949, '年份不合理').max(2100, '年份不合理');

export const ComparatorSchema = z.enum(COMPARATORS);

/** Target fields a person may set by hand. Qualitative comparators take no value. */
export const TargetInput = z
  .object({
    indicator: z.string().trim().min(1, '指标名称不能为空').max(200, '指标名称过长'),
    comparator: ComparatorSchema,
    value: z.number().finite().nullable(),
    unit: z.string().trim().max(20, '单位过长').nullable(),
    year: year.nullable(),
    baseYear: year.nullable(),
  })
  .superRefine((t, ctx) => {
    const qualitative = t.comparator === 'increase' || t.comparator === 'decrease';
    if (!qualitative && t.value === null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '定量目标必须填写目标值' });
    }
    if (t.baseYear !== null && t.year !== null && t.baseYear >= t.year) {
      ctx.addIssue({ code: 'custom', path: ['baseYear'], message: '基期年份应早于目标年份' });
    }
  });
export type TargetInputDto = z.infer<typeof TargetInput>;

export const TargetSchema = z.object({
  id: z.number(),
  seq: z.number(),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().nullable(),
  baseYear: z.number().nullable(),
  quote: z.string(),
  edited: z.boolean(),
});
export type TargetDto = z.infer<typeof TargetSchema>;

const ItemFields = { id: z.number(), no: z.number(), text: z.string(), lineStart: z.number(), lineEnd: z.number() };

export const GoalSchema = z.object({ ...ItemFields, qualitative: z.boolean(), targets: z.array(TargetSchema) });
export type GoalDto = z.infer<typeof GoalSchema>;
export const MeasureSchema = z.object(ItemFields);

export const AreaSchema = z.object({
  id: z.number(),
  no: z.number(),
  title: z.string(),
  line: z.number(),
  goals: z.array(GoalSchema),
  measures: z.array(MeasureSchema),
});

export const PlanSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(['women', 'children']),
  periodStart: z.number(),
  periodEnd: z.number(),
  status: z.string(),
  isDemo: z.boolean(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  sourceName: z.string(),
  counts: z.object({ areas: z.number(), goals: z.number(), measures: z.number(), targets: z.number() }),
  updatedAt: z.string(),
  /** 印发 date, YYYY-MM-DD; archived plans are left out of the list unless asked for. */
  releasedOn: z.string().nullable(),
  archived: z.boolean(),
});
export type PlanSummaryDto = z.infer<typeof PlanSummarySchema>;

export const PlanDetailSchema = PlanSummarySchema.extend({ areas: z.array(AreaSchema) });
export type PlanDetailDto = z.infer<typeof PlanDetailSchema>;

export const PlanSourceSchema = z.object({ name: z.string(), text: z.string() });

export const PlanListQuery = z.object({ archived: z.enum(['include', 'exclude']).default('exclude') });

export const GoalPatch = z.object({ qualitative: z.boolean() });

const ParsedTargetSchema = z.object({
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().nullable(),
  baseYear: z.number().nullable(),
  quote: z.string(),
});
const ParsedItemSchema = z.object({ no: z.number(), text: z.string(), lineStart: z.number(), lineEnd: z.number() });

export const ParseResultSchema = z.object({
  plans: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(['women', 'children']),
      periodStart: z.number(),
      periodEnd: z.number(),
      line: z.number(),
      areas: z.array(
        z.object({
          no: z.number(),
          title: z.string(),
          line: z.number(),
          goals: z.array(ParsedItemSchema.extend({ targets: z.array(ParsedTargetSchema) })),
          measures: z.array(ParsedItemSchema),
        }),
      ),
    }),
  ),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
});

/** What saving a parsed plan did, per plan; lists name items such as “领域1 目标3”. */
export const ImportChangesSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
export type ImportChanges = z.infer<typeof ImportChangesSchema>;

export const ImportOutcomeSchema = z.object({
  planId: z.number().nullable(),
  title: z.string(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  outcome: z.enum(['created', 'updated', 'unchanged']),
  changes: ImportChangesSchema,
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** Preview: what was recognised, and what saving it would do (nothing is written). */
export const PlanPreviewSchema = z.object({
  fileName: z.string(),
  result: ParseResultSchema,
  outcomes: z.array(ImportOutcomeSchema),
});
export type PlanPreviewDto = z.infer<typeof PlanPreviewSchema>;

export const PlanImportSchema = z.object({ fileName: z.string(), outcomes: z.array(ImportOutcomeSchema) });
export type PlanImportDto = z.infer<typeof PlanImportSchema>;

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
  /** The dictionary indicator this target measures. */
  indicatorId: z.number().nullable(),
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

/** One change shown as before → after: a goal's wording (`what` 目标原文) or one of its targets (`what` its indicator). */
export const ChangeDetailSchema = z.object({ item: z.string(), what: z.string(), before: z.string(), after: z.string() });
export type ChangeDetailDto = z.infer<typeof ChangeDetailSchema>;

/** What saving a parsed plan did, per plan; lists name items such as “（一）妇女与健康 目标3”. */
export const ImportChangesSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  details: z.array(ChangeDetailSchema),
});
export type ImportChanges = z.infer<typeof ImportChangesSchema>;

export const IndicatorRefSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
export type IndicatorRefDto = z.infer<typeof IndicatorRefSchema>;

export const LINK_FLAG_KINDS = ['conflict', 'removed'] as const;
export const LINK_FLAG_LABELS: Record<(typeof LINK_FLAG_KINDS)[number], string> = { conflict: '目标冲突', removed: '目标已删除' };

/** What an import did to the links between the plan's targets and the indicator dictionary. */
export const LinkReportSchema = z.object({
  /** Targets linked to an existing indicator of the same name or alias and unit. */
  linked: z.array(z.object({ target: z.string(), indicator: IndicatorRefSchema })),
  /** Targets that more than one indicator could be: left for a person to pick when generating indicators. */
  ambiguous: z.array(z.object({ target: z.string(), candidates: z.array(IndicatorRefSchema) })),
  /** Changed target values written into the yearly targets of the indicators made from them. */
  carried: z.array(z.object({ indicator: IndicatorRefSchema, before: z.string(), after: z.string() })),
  /** Links a person has to look at: a hand-edited target the revision sets differently, a removed goal. */
  flagged: z.array(z.object({ kind: z.enum(LINK_FLAG_KINDS), item: z.string(), indicator: IndicatorRefSchema, message: z.string() })),
  /** Targets of a goal that came back, linked again to the indicator they had. */
  restored: z.array(z.object({ item: z.string(), indicator: IndicatorRefSchema })),
});
export type LinkReportDto = z.infer<typeof LinkReportSchema>;

/** One import that created or changed a plan. */
export const PlanVersionSchema = z.object({
  version: z.number(),
  sourceName: z.string(),
  sourceHash: z.string(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
  changes: ImportChangesSchema,
  links: LinkReportSchema,
});
export type PlanVersionDto = z.infer<typeof PlanVersionSchema>;

/** An open flag on a link between a plan target and an indicator. */
export const LinkFlagSchema = z.object({
  id: z.number(),
  kind: z.enum(LINK_FLAG_KINDS),
  planId: z.number(),
  planTitle: z.string(),
  item: z.string(),
  indicator: IndicatorRefSchema,
  targetId: z.number().nullable(),
  message: z.string(),
  createdAt: z.string(),
});
export type LinkFlagDto = z.infer<typeof LinkFlagSchema>;

export const ImportOutcomeSchema = z.object({
  planId: z.number().nullable(),
  title: z.string(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  outcome: z.enum(['created', 'updated', 'unchanged']),
  changes: ImportChangesSchema,
  links: LinkReportSchema,
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

/** How a person settles a flag: keep things as they are, or take the revised plan's value. */
export const FlagResolveBody = z.object({ action: z.enum(['keep', 'accept'], '请选择处理方式') });

/** A target a plan sets for an indicator, with the plan and unit that set it. */
export const IndicatorPlanTargetSchema = z.object({
  targetId: z.number(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  planId: z.number(),
  planTitle: z.string(),
  item: z.string(),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** The plan's end year when the text names none. */
  year: z.number(),
  baseYear: z.number().nullable(),
  quote: z.string(),
  edited: z.boolean(),
});
export type IndicatorPlanTargetDto = z.infer<typeof IndicatorPlanTargetSchema>;

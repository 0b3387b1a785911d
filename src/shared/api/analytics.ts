import { z } from 'zod';
import { PROGRESS_STATUSES } from '../analytics/progress';
import { OptionCodeSchema } from './reporting';

/** Which data the figures use: only data approved by the unit's statistics group, or all current data. */
export const DATA_SCOPES = ['approved', 'all'] as const;
export const DataScopeSchema = z.enum(DATA_SCOPES);
export type DataScope = z.infer<typeof DataScopeSchema>;

export const StatusSchema = z.enum(PROGRESS_STATUSES);
const StatusCounts = z.record(StatusSchema, z.number());
const Ref = z.object({ id: z.number(), name: z.string() });
const Point = z.object({ year: z.number(), value: z.number() });

export const AnalyticsQuery = z.object({
  orgUnitId: z.coerce.number().int().positive().optional(),
  scope: DataScopeSchema.default('approved'),
  /** Milestone year of the targets to assess; default: the first milestone after the latest data year. */
  milestone: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Data year of the scorecard; default: the recent year with the most figures. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const AssessmentSchema = z.object({
  status: StatusSchema,
  ratio: z.number().nullable(),
  projected: z.number().nullable(),
  targetValue: z.number().nullable(),
  baseline: Point.nullable(),
  latest: Point.nullable(),
  cagrObserved: z.number().nullable(),
  cagrRequired: z.number().nullable(),
  reason: z.string(),
});
export type AssessmentDto = z.infer<typeof AssessmentSchema>;

/** Whose targets a unit is judged by: its own plan's (本级规划目标) or an ancestor's (沿用大连市规划目标). */
export const TargetBasisSchema = z.object({
  source: z.enum(['own', 'inherited']),
  orgUnit: Ref,
  planTitle: z.string().nullable(),
  /** 「本级规划目标」 or 「沿用…规划目标」, for display. */
  label: z.string(),
});
export type TargetBasisDto = z.infer<typeof TargetBasisSchema>;

export const TargetAssessmentSchema = z.object({
  year: z.number(),
  comparator: z.string(),
  value: z.number().nullable(),
  baseYear: z.number().nullable(),
  assessment: AssessmentSchema,
});

export const IndicatorMetaSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(['higher', 'lower', 'band']),
  definition: z.string().nullable(),
  caliber: z.string().nullable(),
  dataSource: z.string().nullable(),
  responsibleDept: z.string().nullable(),
  formula: z.string(),
  decimals: z.number(),
  published: z.boolean(),
  area: z.object({ planTitle: z.string(), no: z.number(), title: z.string() }).nullable(),
});

export const SeriesPointSchema = z.object({
  year: z.number(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** reported: the unit's own figure; aggregated: the ratio of sums over its sub-units. */
  source: z.enum(['reported', 'aggregated']),
});

export const IndicatorAnalyticsSchema = z.object({
  indicator: IndicatorMetaSchema,
  orgUnit: Ref.extend({ level: z.string() }),
  scope: DataScopeSchema,
  series: z.array(z.object({ option: OptionCodeSchema, optionName: z.string(), points: z.array(SeriesPointSchema) })),
  /** The unit's targets: its own plan's, else the nearest ancestor's. */
  targets: z.array(TargetAssessmentSchema),
  /** Whose targets those are; null without any. */
  targetBasis: TargetBasisSchema.nullable(),
  /** The sub-units compared: latest value and the status against the default milestone, each by its own targets. */
  children: z.array(
    z.object({
      orgUnit: Ref,
      latest: Point.nullable(),
      previous: Point.nullable(),
      status: StatusSchema.nullable(),
      targetBasis: TargetBasisSchema.nullable(),
      series: z.array(Point),
    }),
  ),
  milestone: z.number().nullable(),
});
export type IndicatorAnalyticsDto = z.infer<typeof IndicatorAnalyticsSchema>;

export const WARNING_KINDS = ['lagging', 'volatile', 'overdue'] as const;
export const WARNING_KIND_LABELS: Record<(typeof WARNING_KINDS)[number], string> = {
  lagging: '预计达标困难',
  volatile: '波动较大',
  overdue: '逾期未报',
};
export const WarningSchema = z.object({
  /** Stable key of what is warned about; acknowledgements refer to it. */
  key: z.string(),
  kind: z.enum(WARNING_KINDS),
  orgUnit: Ref,
  indicator: Ref.extend({ code: z.string() }).nullable(),
  department: z.string().nullable(),
  year: z.number().nullable(),
  reason: z.string(),
  /** Where the data behind it can be seen, a path of the web app. */
  link: z.string(),
  acknowledged: z.object({ by: z.string().nullable(), at: z.string(), comment: z.string() }).nullable(),
});
export type WarningDto = z.infer<typeof WarningSchema>;

export const WarningsQuery = AnalyticsQuery.extend({
  kind: z.enum(WARNING_KINDS).optional(),
  acknowledged: z.enum(['yes', 'no']).optional(),
});

export const WarningCountsSchema = z.object({
  orgUnit: Ref,
  lagging: z.number(),
  volatile: z.number(),
  overdue: z.number(),
  unacknowledged: z.number(),
});

export const WarningListSchema = z.object({
  orgUnit: Ref,
  milestone: z.number().nullable(),
  milestones: z.array(z.number()),
  items: z.array(WarningSchema),
  /** Per committee (the unit and each sub-unit): warnings by kind. */
  counts: z.array(WarningCountsSchema),
});

/** The most warnings acknowledged (or assigned) in one request. */
export const MAX_BULK_WARNINGS = 500;

/** One warning (`key`) or several at once (`keys`), all with the same note. */
export const AcknowledgeBody = z.object({
  key: z.string().min(1).max(200).optional(),
  keys: z.array(z.string().min(1).max(200)).min(1, '请选择预警').max(MAX_BULK_WARNINGS, `一次最多 ${MAX_BULK_WARNINGS} 条预警`).optional(),
  comment: z.string().trim().min(1, '请填写处理说明').max(500, '说明不超过 500 字'),
});

export const OverviewSchema = z.object({
  orgUnit: Ref.extend({ level: z.string() }),
  scope: DataScopeSchema,
  latestYear: z.number().nullable(),
  milestone: z.number().nullable(),
  milestones: z.array(z.number()),
  statusCounts: StatusCounts,
  /** 达标率: achieved out of the assessable targets (insufficient data excluded). */
  achievement: z.object({ achieved: z.number(), assessable: z.number(), rate: z.number().nullable() }),
  /**
   * The plans' areas in order, then, when there are any, the indicators linked to no plan target
   * as one group with `planTitle` and `no` null (未关联规划的指标).
   */
  areas: z.array(
    z.object({
      planTitle: z.string().nullable(),
      no: z.number().nullable(),
      title: z.string(),
      statusCounts: StatusCounts,
      indicators: z.array(z.object({ id: z.number(), name: z.string(), status: StatusSchema, targetBasis: z.string() })),
    }),
  ),
  /** How many of the assessed indicators are judged by each basis (本级规划目标, 沿用大连市规划目标, …). */
  targetBases: z.array(z.object({ label: z.string(), source: z.enum(['own', 'inherited']), indicators: z.number() })),
  /**
   * Indicators for which neither the unit nor any unit above sets a target (大连市's children's
   * indicators in the demo): monitored, not assessed, so counted nowhere above.
   */
  untargeted: z.number(),
  warnings: WarningCountsSchema,
  completeness: z
    .object({ taskId: z.number(), taskName: z.string(), year: z.number(), total: z.number(), approved: z.number(), submitted: z.number(), overdue: z.number() })
    .nullable(),
});
export type OverviewDto = z.infer<typeof OverviewSchema>;

export const ScorecardSchema = z.object({
  orgUnit: Ref,
  scope: DataScopeSchema,
  year: z.number().nullable(),
  /** Years with figures, latest first. */
  years: z.array(z.number()),
  milestone: z.number().nullable(),
  milestones: z.array(z.number()),
  units: z.array(Ref),
  rows: z.array(
    z.object({
      indicator: Ref.extend({ code: z.string(), unit: z.string().nullable(), direction: z.enum(['higher', 'lower', 'band']), decimals: z.number() }),
      cells: z.array(
        z.object({
          orgUnitId: z.number(),
          value: z.number().nullable(),
          previous: z.number().nullable(),
          /** Change against the previous year: up/down/flat, and whether that is better for this indicator. */
          trend: z.enum(['up', 'down', 'flat']).nullable(),
          better: z.boolean().nullable(),
          status: StatusSchema,
          /** Whose targets the status is against (label); null without any. */
          targetBasis: z.string().nullable(),
          /** 1 = best among the units of this level; null without a value. */
          rank: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type ScorecardDto = z.infer<typeof ScorecardSchema>;

export const PublicIndicatorSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  decimals: z.number(),
  latest: Point.nullable(),
  /** The approved totals, for a sparkline. */
  series: z.array(Point),
  status: StatusSchema.nullable(),
  milestone: z.number().nullable(),
  /** Whose targets the status is against (label); null without any. */
  targetBasis: z.string().nullable(),
});

export const PublicAreasSchema = z.object({
  orgUnit: Ref,
  areas: z.array(z.object({ planTitle: z.string(), no: z.number(), title: z.string(), indicators: z.array(PublicIndicatorSummarySchema) })),
});
export type PublicAreasDto = z.infer<typeof PublicAreasSchema>;

export const PublicQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });

/** One target behind a 达标率 count: the indicator, its target and the status it has. */
const AchievementItem = z.object({
  indicatorId: z.number(), code: z.string(), name: z.string(), target: z.string(), status: StatusSchema,
  /** Whose target it is: 本级规划目标 or 沿用…规划目标. */
  targetBasis: z.string(),
});

/** 达标率 of a set of targets, with the lists behind each count. */
export const AchievementTallySchema = z.object({
  achieved: z.number(),
  notAchieved: z.number(),
  noData: z.number(),
  /** achieved + notAchieved: the targets with data to judge. */
  assessable: z.number(),
  rate: z.number().nullable(),
  lists: z.object({ met: z.array(AchievementItem), notMet: z.array(AchievementItem), noData: z.array(AchievementItem) }),
});
export type AchievementTallyDto = z.infer<typeof AchievementTallySchema>;

export const AchievementSchema = z.object({
  orgUnit: Ref.extend({ level: z.string() }),
  scope: DataScopeSchema,
  milestone: z.number().nullable(),
  milestones: z.array(z.number()),
  overall: AchievementTallySchema,
  plans: z.array(
    z.object({
      planTitle: z.string(),
      tally: AchievementTallySchema,
      areas: z.array(z.object({ no: z.number(), title: z.string(), tally: AchievementTallySchema })),
    }),
  ),
  /** The sub-units ranked by 达标率 (best first; competition ranking, no rate last and unranked). */
  units: z.array(z.object({ orgUnit: Ref, rank: z.number().nullable(), tally: AchievementTallySchema })),
});
export type AchievementDto = z.infer<typeof AchievementSchema>;

import { z } from 'zod';
import { indicatorIssues } from '../indicators/validate';
import { CATEGORY_LABELS, CATEGORY_SETS, DIRECTIONS, INDICATOR_CODE_PATTERN, VALUE_TYPES } from '../indicators/vocabulary';
import { COMPARATORS } from '../plan-text/types';
import { DepartmentSchema } from './orgs';
import { ComparatorSchema } from './plans';

const year = (label: string) => z.number(`请填写${label}`).int(`${label}应为整数`).min(1949, `${label}不合理`).max(2100, `${label}不合理`);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const number = (label: string) => z.number(`${label}应为数字`).finite(`${label}应为数字`);
const code = (label: string) =>
  z.string(`请填写${label}`).trim().regex(INDICATOR_CODE_PATTERN, `${label}应以大写字母开头，只含大写字母、数字和下划线，共 2–32 位`);

const DirectionSchema = z.enum(DIRECTIONS, '请选择方向');
const CategoriesSchema = z.enum(CATEGORY_SETS, `分组应为${Object.values(CATEGORY_LABELS).join('、')}之一`);

/** A reported number an indicator is computed from; data elements are shared by code between indicators. */
export const DataElementInput = z.object({
  code: code('数据元素代码'),
  name: text('数据元素名称', 100).min(1, '请填写数据元素名称'),
  unit: text('数据元素单位', 20).nullable(),
  valueType: z.enum(VALUE_TYPES, '请选择数据元素类型'),
  categories: CategoriesSchema,
});
export type DataElementInputDto = z.infer<typeof DataElementInput>;
export const DataElementSchema = DataElementInput.extend({ id: z.number() });
export type DataElementDto = z.infer<typeof DataElementSchema>;

function formulaOf<D extends z.ZodType>(element: D) {
  const direct = z.object({ type: z.literal('direct'), value: element });
  const ratio = z.object({ type: z.literal('ratio'), numerator: element, denominator: element, factor: number('系数').positive('系数应大于 0') });
  return z.discriminatedUnion('type', [direct, ratio], '请选择计算方式');
}
const FormulaInput = formulaOf(DataElementInput);

export const IndicatorTargetSchema = z.object({
  year: year('目标年份'),
  comparator: z.enum(COMPARATORS, '请选择比较方式'),
  /** For relative targets (`baseYear` set): the change in percent against the base year. */
  value: number('目标值').nullable(),
  baseYear: year('基期年份').nullable(),
});
export type IndicatorTargetDto = z.infer<typeof IndicatorTargetSchema>;

const indicatorFields = {
  code: code('指标代码'),
  name: text('指标名称', 100).min(1, '请填写指标名称'),
  unit: text('单位', 20).nullable(),
  direction: DirectionSchema,
  definition: text('定义', 2000).nullable(),
  caliber: text('统计口径', 2000).nullable(),
  categories: CategoriesSchema,
  /** A member department of the top committee; each unit's counterpart of it reports the indicator. */
  responsibleDepartmentId: z.number('请选择责任单位').int().positive('请选择责任单位').nullable(),
  dataSource: text('数据来源', 500).nullable(),
  baselineYear: year('基线年份').nullable(),
  baselineValue: number('基线值').nullable(),
  minValue: number('最小值').nullable(),
  maxValue: number('最大值').nullable(),
  yoyThreshold: number('同比变动阈值').positive('同比变动阈值应大于 0').nullable(),
  tolerance: number('区间容差').min(0, '区间容差不能为负').nullable(),
  decimals: z.number('请填写小数位数').int('小数位数应为整数').min(0, '小数位数应在 0–6 之间').max(6, '小数位数应在 0–6 之间'),
  published: z.boolean(),
  targets: z.array(IndicatorTargetSchema).max(30, '目标值最多 30 个'),
};

/** Other names plans give the indicator; matched like the name when plans are linked. */
const Aliases = z.array(text('别名', 100).min(1, '别名不能为空')).max(20, '别名最多 20 个');

/**
 * Everything a person sets on an indicator; checked across fields by `indicatorIssues`. Aliases
 * left out (the xlsx dictionary has none) stay as they are.
 */
export const IndicatorInput = z.object({ ...indicatorFields, aliases: Aliases.optional(), formula: FormulaInput }).superRefine((input, ctx) => {
  for (const issue of indicatorIssues(input)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type IndicatorInputDto = z.infer<typeof IndicatorInput>;

/** The plain fields of an indicator, in a fixed order (formula and targets are structured). */
export const INDICATOR_SCALARS = [
  'code', 'name', 'unit', 'direction', 'definition', 'caliber', 'categories', 'responsibleDepartmentId', 'dataSource',
  'baselineYear', 'baselineValue', 'minValue', 'maxValue', 'yoyThreshold', 'tolerance', 'decimals', 'published',
] as const;
export type IndicatorScalars = Pick<IndicatorInputDto, (typeof INDICATOR_SCALARS)[number]>;

export const indicatorScalars = (i: IndicatorScalars): IndicatorScalars =>
  Object.fromEntries(INDICATOR_SCALARS.map((key) => [key, i[key]])) as IndicatorScalars;

/** Where a generated indicator came from: the plan target, its goal and the words of the plan. */
export const IndicatorSourceSchema = z.object({
  planId: z.number(),
  planTitle: z.string(),
  orgUnitId: z.number(),
  areaNo: z.number(),
  areaTitle: z.string(),
  goalNo: z.number(),
  goalText: z.string(),
  indicator: z.string(),
  quote: z.string(),
});
export type IndicatorSourceDto = z.infer<typeof IndicatorSourceSchema>;

export const IndicatorSchema = z.object({
  id: z.number(),
  ...indicatorFields,
  aliases: z.array(z.string()),
  formula: formulaOf(DataElementSchema),
  /** The responsible department's short name, for display. */
  responsibleDept: z.string().nullable(),
  planTargetId: z.number().nullable(),
  source: IndicatorSourceSchema.nullable(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
});
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const IndicatorMetaSchema = z.object({
  /** The top committee's member departments, those `responsibleDepartmentId` may name. */
  departments: z.array(DepartmentSchema),
  dataElements: z.array(DataElementSchema),
});
export type IndicatorMetaDto = z.infer<typeof IndicatorMetaSchema>;

const IndicatorRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

/**
 * One indicator a plan's targets name, with the targets that name it; `linked` when they already
 * measure a dictionary indicator, else what the dictionary offers (`match`: the one indicator of
 * the same name or alias and unit, several of them, or none).
 */
export const CandidateSchema = z.object({
  indicator: z.string(),
  targetIds: z.array(z.number()),
  areaNo: z.number(),
  areaTitle: z.string(),
  goalNo: z.number(),
  goalText: z.string(),
  targets: z.array(
    z.object({ comparator: ComparatorSchema, value: z.number().nullable(), unit: z.string().nullable(), year: z.number().nullable(), baseYear: z.number().nullable(), quote: z.string() }),
  ),
  linked: IndicatorRef.nullable(),
  match: z.enum(['matched', 'ambiguous', 'new']),
  /** The dictionary's indicators of the same meaning (one when matched, several when ambiguous). */
  matches: z.array(IndicatorRef),
});
export type CandidateDto = z.infer<typeof CandidateSchema>;

export const GenerateBody = z.object({
  /** Targets to make indicators from or link; all of the plan's when omitted. */
  targetIds: z.array(z.number().int().positive()).max(5000).optional(),
  /**
   * A person's pick for a candidate (named by its first target id): an existing indicator to link,
   * or null for a new one. Needed for ambiguous candidates; overrides the match of others.
   */
  choices: z
    .array(z.object({ targetId: z.number().int().positive(), indicatorId: z.number().int().positive().nullable() }))
    .max(5000)
    .optional(),
});
export type GenerateBodyDto = z.infer<typeof GenerateBody>;

export const GenerateResultSchema = z.object({
  created: z.array(IndicatorRef),
  /** Existing indicators the plan's targets now measure. */
  linked: z.array(IndicatorRef),
  skipped: z.array(z.object({ indicator: z.string(), reason: z.string() })),
});
export type GenerateResultDto = z.infer<typeof GenerateResultSchema>;

/** What an xlsx import did, by indicator code. */
export const ImportResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type ImportResultDto = z.infer<typeof ImportResultSchema>;

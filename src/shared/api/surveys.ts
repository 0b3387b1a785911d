import { z } from 'zod';
import { AnswersSchema, DefinitionSchema, QuestionSchema } from '../surveys/schema';

export const AUDIENCES = ['adult', 'child'] as const;
export const AUDIENCE_LABELS = { adult: '成人版', child: '儿童版' } as const;
export const SURVEY_STATUS_LABELS = { draft: '草稿', open: '收集中', closed: '已结束' } as const;

const instant = z.string().datetime({ offset: true }).nullable();

export const SurveyInput = z.object({
  orgUnitId: z.number().int().positive(),
  /** 发起单位: the member department that owns the survey (by id); null or left out: the unit's office. Fixed once created. */
  departmentId: z.number().int().positive().nullable().optional(),
  title: z.string().trim().min(1, '请填写问卷标题').max(200),
  description: z.string().max(2000).nullable(),
  audience: z.enum(AUDIENCES),
  definition: DefinitionSchema,
  opensAt: instant,
  closesAt: instant,
  accessMode: z.enum(['open', 'code']),
});
export type SurveyInput = z.infer<typeof SurveyInput>;

export const SurveySummarySchema = z.object({
  id: z.number(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  /** 发起单位: the member department that owns it; null: the unit's office. */
  department: z.object({ id: z.number(), name: z.string() }).nullable(),
  title: z.string(),
  audience: z.enum(AUDIENCES),
  status: z.enum(['draft', 'open', 'closed']),
  /** What a respondent meets now: the status with the dates applied. */
  state: z.enum(['draft', 'not_open', 'open', 'closed']),
  publicId: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  accessMode: z.enum(['open', 'code']),
  variantOf: z.number().nullable(),
  isDemo: z.boolean(),
  responses: z.number(),
  updatedAt: z.string(),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;

export const SurveySchema = SurveySummarySchema.extend({ description: z.string().nullable(), definition: DefinitionSchema });
export type SurveyDto = z.infer<typeof SurveySchema>;

export const CopyInput = z.object({ audience: z.enum(AUDIENCES).optional(), asVariant: z.boolean().optional() });

export const CodesInput = z.object({ count: z.number().int().min(1).max(2000), label: z.string().trim().max(100).nullable() });
export const AccessCodeSchema = z.object({ id: z.number(), code: z.string(), label: z.string().nullable(), usedAt: z.string().nullable() });
export type AccessCodeDto = z.infer<typeof AccessCodeSchema>;

export const StatsQuery = z.object({
  /** `Q1:A,B;Q2:1` — keep respondents whose answer to Q1 is A or B and to Q2 is 1. */
  filter: z.string().max(500).optional(),
  rows: z.string().max(20).optional(),
  columns: z.string().max(20).optional(),
});

export const ReportQuery = StatsQuery.extend({
  /** `Q1:pie;Q4:bar` — the chart picked per choice question on the statistics page. */
  charts: z.string().max(2000).optional(),
});

/** The public answering page's view of a survey: no ids of people, nothing but what it needs. */
export const PublicSurveySchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  audience: z.enum(AUDIENCES),
  state: z.enum(['draft', 'not_open', 'open', 'closed']),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  needsCode: z.boolean(),
  definition: DefinitionSchema,
  /** Region questions' choices: child units of the chosen unit. */
  regions: z.record(z.string(), z.array(z.object({ id: z.number(), name: z.string() }))),
  /** Server-signed issue time, the bot check: a response sent seconds after loading is refused. */
  ticket: z.string(),
});
export type PublicSurveyDto = z.infer<typeof PublicSurveySchema>;

export const SubmitInput = z.object({
  answers: AnswersSchema,
  /** Random per browser, kept in local storage: one response per browser. */
  browserToken: z.string().min(16).max(100),
  /** Random per response: a retried submission is stored once. */
  idempotencyKey: z.string().min(16).max(100),
  ticket: z.string().max(200),
  code: z.string().trim().max(40).optional(),
  /** Honeypot: a field people never see; bots fill it. */
  website: z.string().max(200).optional(),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const FeedInput = z.object({
  questionCode: z.string().max(20),
  optionKeys: z.array(z.string().max(20)).min(1, '请选择计入的选项'),
  regionQuestionCode: z.string().max(20).nullable(),
  indicatorId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  minSample: z.number().int().min(1).max(100000),
});
export type FeedInput = z.infer<typeof FeedInput>;

export const FeedRowSchema = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  positive: z.number(),
  sampleSize: z.number(),
  value: z.number().nullable(),
  /** ready: can be written; written: stored now; small: below the minimum sample; refused: the value path said no (reason). */
  status: z.enum(['ready', 'written', 'small', 'refused']),
  reason: z.string().nullable(),
  /** The figure last written by this mapping, with its sample. */
  stored: z.object({ value: z.number(), sampleSize: z.number(), writtenAt: z.string() }).nullable(),
});
export const FeedSchema = z.object({
  id: z.number(),
  questionCode: z.string(),
  optionKeys: z.array(z.string()),
  regionQuestionCode: z.string().nullable(),
  indicator: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  year: z.number(),
  minSample: z.number(),
  rows: z.array(FeedRowSchema),
});
export type FeedDto = z.infer<typeof FeedSchema>;
export type FeedRow = z.infer<typeof FeedRowSchema>;

/** A question of a unit's question bank: kept without its code and skip rules, which belong to a survey. */
export const BankQuestionSchema = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  question: QuestionSchema.omit({ code: true, showIf: true }),
  createdAt: z.string(),
});
export type BankQuestionDto = z.infer<typeof BankQuestionSchema>;

export const BankInput = z.object({ orgUnitId: z.number().int().positive(), question: QuestionSchema });
export const BankQuery = z.object({
  orgUnitId: z.coerce.number().int().positive(),
  /** Words of the wording, found anywhere in it. */
  q: z.string().trim().max(100).optional(),
});
/** A survey open for answers, as the portal links to it. */
export const OpenSurveySchema = z.object({
  id: z.number(),
  title: z.string(),
  orgUnitName: z.string(),
  audience: z.enum(AUDIENCES),
  closesAt: z.string().nullable(),
  /** The answering page, `/s/<public id>`. */
  url: z.string(),
  isDemo: z.boolean(),
});
export type OpenSurveyDto = z.infer<typeof OpenSurveySchema>;

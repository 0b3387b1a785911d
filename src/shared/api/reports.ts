import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_KINDS, REPORT_STATUSES } from '../reports/workflow';
import { IndicatorAnalyticsSchema, StatusSchema } from './analytics';

/** Reports as documents (annual monitoring reports, evaluation reports): drafts, the office's words, the workflow, the published list. */
const Unit = z.object({ id: z.number(), name: z.string() });
export const ReportPlanChoiceSchema = z.enum(['women', 'children', 'both']);
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export const ReportKindSchema = z.enum(REPORT_KINDS);

/** Limits of what the office may write into a finding (README「监测报告」). */
export const FINDING_LIMITS = { headline: 80, sentences: 20, sentence: 500, note: 500 } as const;

/** Limits of the office's 意见建议 in an evaluation report (README「监测报告」). */
export const ADVICE_LIMITS = { paragraphs: 20, paragraph: 500 } as const;

export const EvaluationReportCreateInput = z.object({ roundId: z.number().int().positive() });

/** The office's 意见建议 of an evaluation report: its paragraphs, or null to go back to the generated ones. */
export const EvaluationAdviceInput = z.object({
  advice: z
    .array(z.string().trim().min(1, '段落不能为空').max(ADVICE_LIMITS.paragraph, `每段不能超过 ${ADVICE_LIMITS.paragraph} 个字`))
    .min(1, '至少保留一段')
    .max(ADVICE_LIMITS.paragraphs, `最多 ${ADVICE_LIMITS.paragraphs} 段`)
    .nullable(),
  expectedVersion: z.number().int(),
});
export type EvaluationAdviceInputDto = z.infer<typeof EvaluationAdviceInput>;

export const ReportCreateInput = z.object({
  orgUnitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  plan: ReportPlanChoiceSchema.default('both'),
});

const FindingTextSchema = z.object({
  headline: z.string().trim().min(1, '请填写标题句').max(FINDING_LIMITS.headline, `标题句不能超过 ${FINDING_LIMITS.headline} 个字`),
  sentences: z
    .array(z.string().trim().min(1, '句子不能为空').max(FINDING_LIMITS.sentence, `每句不能超过 ${FINDING_LIMITS.sentence} 个字`))
    .min(1, '至少保留一句')
    .max(FINDING_LIMITS.sentences, `最多 ${FINDING_LIMITS.sentences} 句`),
});
export type FindingTextDto = z.infer<typeof FindingTextSchema>;

/** A finding's words: edited text, or null to go back to the generated text; and the note. */
export const FindingEditInput = z.object({
  text: FindingTextSchema.nullable(),
  note: z.string().trim().max(FINDING_LIMITS.note, `附注不能超过 ${FINDING_LIMITS.note} 个字`).nullable(),
  expectedVersion: z.number().int(),
});
export type FindingEditInputDto = z.infer<typeof FindingEditInput>;

export const ReportActionInput = z.object({
  action: z.enum(REPORT_ACTIONS),
  comment: z.string().trim().max(500, '意见不能超过 500 个字').nullable().default(null),
});

export const ReportFindingSchema = z.object({
  indicatorId: z.number(),
  code: z.string(),
  name: z.string(),
  /** What the report says: the office's words where edited, else the generated ones. */
  text: FindingTextSchema,
  generated: FindingTextSchema,
  edited: z.boolean(),
  note: z.string().nullable(),
  status: StatusSchema.nullable(),
  footnote: z.string().nullable(),
  /** The figures the chart draws, as frozen in the snapshot. */
  view: IndicatorAnalyticsSchema,
});
export type ReportFindingDto = z.infer<typeof ReportFindingSchema>;

export const ReportSummarySchema = z.object({
  id: z.number(),
  kind: ReportKindSchema,
  title: z.string(),
  orgUnit: Unit,
  year: z.number(),
  plan: ReportPlanChoiceSchema,
  status: ReportStatusSchema,
  dataVersion: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type ReportSummaryDto = z.infer<typeof ReportSummarySchema>;

export const ReportStepSchema = z.object({
  action: z.enum([...REPORT_ACTIONS, 'create', 'regenerate']),
  fromStatus: ReportStatusSchema.nullable(),
  toStatus: ReportStatusSchema,
  comment: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ReportStepDto = z.infer<typeof ReportStepSchema>;

/** What an annual monitoring report says: the verdict, then per plan and area its findings. */
const AnnualContentSchema = z.object({
  kind: z.literal('annual'),
  /** The opening verdict: “54 项可监测目标中 44 项已达标，达标率 81.5%”. */
  verdict: z.string(),
  plans: z.array(
    z.object({
      title: z.string(),
      verdict: z.string(),
      areas: z.array(z.object({ no: z.number(), title: z.string(), verdict: z.string(), findings: z.array(ReportFindingSchema) })),
    }),
  ),
});

/** What an evaluation report says, as frozen: 达标率 per area, the units' scores, the 意见建议. */
const EvaluationContentSchema = z.object({
  kind: z.literal('evaluation'),
  roundId: z.number().nullable(),
  planTitle: z.string(),
  milestone: z.number(),
  verdict: z.string(),
  areas: z.array(z.object({ no: z.number(), title: z.string(), goals: z.number(), met: z.number(), assessable: z.number(), rate: z.number().nullable() })),
  units: z.array(z.object({ rank: z.number().nullable(), label: z.string(), forms: z.number(), submitted: z.number(), selfScore: z.number().nullable(), reviewScore: z.number().nullable() })),
  notMet: z.number(),
  /** As printed: the office's paragraphs where it wrote its own, else the generated ones. */
  advice: z.array(z.string()),
  generatedAdvice: z.array(z.string()),
  adviceEdited: z.boolean(),
});
export type EvaluationContentDto = z.infer<typeof EvaluationContentSchema>;

export const ReportDocumentSchema = ReportSummarySchema.extend({
  version: z.number(),
  /** The data version now: when it differs from dataVersion, a draft can be regenerated. */
  currentDataVersion: z.string(),
  content: z.discriminatedUnion('kind', [AnnualContentSchema, EvaluationContentSchema]),
  steps: z.array(ReportStepSchema),
  files: z.object({ docx: z.boolean(), pdf: z.boolean() }),
});
export type ReportDocumentDto = z.infer<typeof ReportDocumentSchema>;
export type AnnualContentDto = Extract<ReportDocumentDto['content'], { kind: 'annual' }>;

export const RegenerateResultSchema = z.object({ document: ReportDocumentSchema, restored: z.array(z.string()) });

export const PublicReportSchema = z.object({
  id: z.number(),
  kind: ReportKindSchema,
  title: z.string(),
  orgUnit: Unit,
  year: z.number(),
  publishedAt: z.string(),
  docxUrl: z.string(),
  /** Null when the server had no LibreOffice to print it. */
  pdfUrl: z.string().nullable(),
});
export type PublicReportDto = z.infer<typeof PublicReportSchema>;

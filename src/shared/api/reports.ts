import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATUSES } from '../reports/workflow';
import { IndicatorAnalyticsSchema, StatusSchema } from './analytics';

/** Monitoring reports as documents: drafts, their findings as the office words them, the workflow, the published list. */
const Unit = z.object({ id: z.number(), name: z.string() });
export const ReportPlanChoiceSchema = z.enum(['women', 'children', 'both']);
export const ReportStatusSchema = z.enum(REPORT_STATUSES);

/** Limits of what the office may write into a finding (README「监测报告」). */
export const FINDING_LIMITS = { headline: 80, sentences: 20, sentence: 500, note: 500 } as const;

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

export const ReportDocumentSchema = ReportSummarySchema.extend({
  version: z.number(),
  /** The data version now: when it differs from dataVersion, a draft can be regenerated. */
  currentDataVersion: z.string(),
  /** The opening verdict: “54 项可监测目标中 44 项已达标，达标率 81.5%”. */
  verdict: z.string(),
  plans: z.array(
    z.object({
      title: z.string(),
      verdict: z.string(),
      areas: z.array(z.object({ no: z.number(), title: z.string(), verdict: z.string(), findings: z.array(ReportFindingSchema) })),
    }),
  ),
  steps: z.array(ReportStepSchema),
  files: z.object({ docx: z.boolean(), pdf: z.boolean() }),
});
export type ReportDocumentDto = z.infer<typeof ReportDocumentSchema>;

export const RegenerateResultSchema = z.object({ document: ReportDocumentSchema, restored: z.array(z.string()) });

export const PublicReportSchema = z.object({
  id: z.number(),
  title: z.string(),
  orgUnit: Unit,
  year: z.number(),
  publishedAt: z.string(),
  docxUrl: z.string(),
  /** Null when the server had no LibreOffice to print it. */
  pdfUrl: z.string().nullable(),
});
export type PublicReportDto = z.infer<typeof PublicReportSchema>;

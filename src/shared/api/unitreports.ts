import { z } from 'zod';
import { PROGRESS_STATUSES } from '../analytics/progress';
import { FORM_STATES } from '../unitreports/workflow';
import { AttachmentSchema } from './attachments';

/** Every limit of a report, checked before anything is written (README「成员单位年度报告」). */
export const UNIT_REPORT_LIMITS = { textChars: 5000, items: 500, attachments: 20, noteChars: 1000, reasonChars: 1000 } as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (label: string) => z.string().max(UNIT_REPORT_LIMITS.textChars, `${label}不超过 ${UNIT_REPORT_LIMITS.textChars} 字`);
const Ref = z.object({ id: z.number(), name: z.string() });

/** The free sections of every report, in the order they are printed. */
export const SECTION_KEYS = ['overview', 'practices', 'problems', 'nextYear'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SECTION_LABELS: Record<SectionKey, string> = { overview: '综述', practices: '经验做法', problems: '存在问题', nextYear: '下一年工作安排' };

/** What a unit writes per item it is responsible for. */
export const ENTRY_KEYS = ['done', 'figures', 'problems', 'nextYear'] as const;
export type EntryKey = (typeof ENTRY_KEYS)[number];
export const ENTRY_LABELS: Record<EntryKey, string> = { done: '主要工作', figures: '数据情况', problems: '存在问题及原因', nextYear: '下一年工作安排' };

export const EntrySchema = z.object({ done: text('主要工作'), figures: text('数据情况'), problems: text('存在问题及原因'), nextYear: text('下一年工作安排') });
export type EntryDto = z.infer<typeof EntrySchema>;

export const FormContentSchema = z.object({
  sections: z.object({ overview: text('综述'), practices: text('经验做法'), problems: text('存在问题'), nextYear: text('下一年工作安排') }),
  /** By item key (`indicator:12`, `area:…`); entries of items the unit no longer holds are kept, not shown. */
  items: z.record(z.string().max(200), EntrySchema).refine((r) => Object.keys(r).length <= UNIT_REPORT_LIMITS.items, `最多 ${UNIT_REPORT_LIMITS.items} 项`),
});
export type FormContentDto = z.infer<typeof FormContentSchema>;

export const RoundInput = z.object({
  orgUnitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  dueOn: day,
  note: z.string().trim().max(UNIT_REPORT_LIMITS.noteChars, `说明不超过 ${UNIT_REPORT_LIMITS.noteChars} 字`).default(''),
});
export type RoundInput = z.infer<typeof RoundInput>;

export const RoundsQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });

const Counts = z.record(z.enum(FORM_STATES), z.number());

export const RoundSummarySchema = z.object({
  id: z.number(),
  orgUnit: Ref,
  year: z.number(),
  dueOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
  counts: Counts,
  total: z.number(),
  overdue: z.number(),
  isDemo: z.boolean(),
});
export type RoundSummaryDto = z.infer<typeof RoundSummarySchema>;

export const RoundListSchema = z.object({ orgUnit: Ref, rounds: z.array(RoundSummarySchema), canManage: z.boolean() });
export type RoundListDto = z.infer<typeof RoundListSchema>;

export const ParticipantSchema = z.object({
  formId: z.number(),
  kind: z.enum(['department', 'area']),
  /** The department, or the lower committee (its unit's name) reporting about its area. */
  name: z.string(),
  orgUnit: Ref,
  departmentId: z.number().nullable(),
  state: z.enum(FORM_STATES),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  overdueDays: z.number(),
  remindedAt: z.string().nullable(),
});
export type ParticipantDto = z.infer<typeof ParticipantSchema>;

export const RoundSchema = RoundSummarySchema.extend({ participants: z.array(ParticipantSchema), canManage: z.boolean() });
export type RoundDto = z.infer<typeof RoundSchema>;

export const FormItemSchema = z.object({
  key: z.string(),
  kind: z.enum(['indicator', 'area']),
  name: z.string(),
  unit: z.string().nullable(),
  latest: z.object({ year: z.number(), value: z.number() }).nullable(),
  decimals: z.number(),
  status: z.enum(PROGRESS_STATUSES).nullable(),
  /** Whose targets the status is against; for an area, its 达标率 in words. */
  note: z.string().nullable(),
});
export type FormItemDto = z.infer<typeof FormItemSchema>;

export const FormGroupSchema = z.object({ planTitle: z.string().nullable(), title: z.string(), items: z.array(FormItemSchema) });
export type FormGroupDto = z.infer<typeof FormGroupSchema>;

export const FormEventSchema = z.object({ action: z.enum(['submit', 'accept', 'return', 'remind']), text: z.string(), by: z.string().nullable(), at: z.string() });

export const FormSchema = z.object({
  id: z.number(),
  round: z.object({ id: z.number(), orgUnit: Ref, year: z.number(), dueOn: z.string(), note: z.string() }),
  participant: ParticipantSchema,
  version: z.number(),
  content: FormContentSchema,
  groups: z.array(FormGroupSchema),
  /** Once accepted: the Beijing date of acceptance, whose figures and statuses `groups` keeps; null while the figures are today's. */
  figuresAsOf: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  events: z.array(FormEventSchema),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  canEdit: z.boolean(),
  canDecide: z.boolean(),
  isDemo: z.boolean(),
});
export type FormDto = z.infer<typeof FormSchema>;

export const MyFormSchema = z.object({ formId: z.number(), roundId: z.number(), committee: z.string(), year: z.number(), dueOn: z.string(), name: z.string(), state: z.enum(FORM_STATES), overdueDays: z.number(), returnedReason: z.string().nullable(), isDemo: z.boolean() });
export type MyFormDto = z.infer<typeof MyFormSchema>;

export const SaveFormInput = z.object({
  version: z.number().int().nonnegative(),
  content: FormContentSchema,
  attachmentIds: z.array(z.number().int().positive()).max(UNIT_REPORT_LIMITS.attachments, `附件最多 ${UNIT_REPORT_LIMITS.attachments} 个`),
  /** Files of the draft to take off it (they stay with their uploader, no longer part of the report). */
  removeAttachmentIds: z.array(z.number().int().positive()).max(UNIT_REPORT_LIMITS.attachments).default([]),
});
export type SaveFormInput = z.input<typeof SaveFormInput>;

export const SubmitInput = z.object({ version: z.number().int().nonnegative() });
export const ReturnInput = z.object({ reason: z.string().trim().min(1, '请填写退回原因').max(UNIT_REPORT_LIMITS.reasonChars, `退回原因不超过 ${UNIT_REPORT_LIMITS.reasonChars} 字`) });
export const RemindInput = z.object({ formIds: z.array(z.number().int().positive()).max(1000).optional() });

export const emptyContent = (): FormContentDto => ({ sections: { overview: '', practices: '', problems: '', nextYear: '' }, items: {} });

import { z } from 'zod';
import { ParticipantSchema } from './evaluation';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
// Generous bounds against oversized bodies; the limits users meet (SITE_CHECK_LIMITS) are checked by the service in Chinese, per field.
const text = (max: number) => z.string().trim().max(max);

export const RectificationSchema = z.object({
  id: z.number(),
  seq: z.number(),
  requirement: z.string(),
  dueOn: z.string(),
  answer: z.string().nullable(),
  doneOn: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  state: z.enum(['pending', 'overdue', 'answered']),
  /** The visited unit's people may answer (again) while the round is open. */
  canAnswer: z.boolean(),
});
export type RectificationDto = z.infer<typeof RectificationSchema>;

export const SiteCheckSchema = z.object({
  id: z.number(),
  roundId: z.number(),
  participant: ParticipantSchema,
  visitedOn: z.string(),
  inspectors: z.array(z.string()),
  findings: z.string(),
  rectifications: z.array(RectificationSchema),
  recordedBy: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  isDemo: z.boolean(),
});
export type SiteCheckDto = z.infer<typeof SiteCheckSchema>;

export const SiteChecksSchema = z.object({
  checks: z.array(SiteCheckSchema),
  /** The 评估组 / office of the round's unit or above, while the round is open. */
  canRecord: z.boolean(),
});
export type SiteChecksDto = z.infer<typeof SiteChecksSchema>;

export const SiteCheckInput = z.object({
  participantId: z.number().int().positive(),
  visitedOn: day,
  inspectors: z.array(text(200)).max(100),
  findings: text(50_000),
  /** With `id`, an existing request (its answer kept); without, a new one. */
  rectifications: z.array(z.object({ id: z.number().int().positive().optional(), requirement: text(10_000), dueOn: day })).max(100),
});
export type SiteCheckInput = z.infer<typeof SiteCheckInput>;

export const AnswerRectificationInput = z.object({
  answer: text(20_000),
  doneOn: day,
});
export type AnswerRectificationInput = z.infer<typeof AnswerRectificationInput>;

import { z } from 'zod';
import { ATTAINMENTS } from '../evaluation/attainment';
import { PROGRESS_STATUSES } from '../analytics/progress';
import { AttachmentSchema } from './attachments';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Ref = z.object({ id: z.number(), name: z.string() });
const AttainmentSchema = z.enum(ATTAINMENTS);
const ScoresSchema = z.record(z.string(), z.number());

export const CriterionSchema = z.object({
  key: z.string().min(1).max(40),
  label: z.string().max(40),
  weight: z.number(),
  /** Full marks of the raw score when the goal's weight differs from the round's (shared/evaluation/weights.ts). */
  max: z.number().optional(),
});

export const FORM_STATES = ['draft', 'submitted', 'returned', 'reviewed'] as const;
export const FormStateSchema = z.enum(FORM_STATES);

export const ParticipantSchema = z.object({
  id: z.number(),
  /** A member department of the plan's committee, or the committee of a unit below. */
  kind: z.enum(['department', 'committee']),
  orgUnit: Ref,
  department: Ref.nullable(),
  /** 大连市卫生健康委员会 / 西岗区妇儿工委. */
  label: z.string(),
});
export type ParticipantDto = z.infer<typeof ParticipantSchema>;

const Counts = z.object({ total: z.number(), draft: z.number(), submitted: z.number(), returned: z.number(), reviewed: z.number() });

export const RoundSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(['midterm', 'final']),
  milestone: z.number(),
  plan: z.object({ id: z.number(), title: z.string() }),
  orgUnit: Ref,
  selfDueOn: z.string(),
  reviewDueOn: z.string(),
  state: z.enum(['open', 'closed']),
  /** When and by whom the round was closed (结束评估): from then on read-only. */
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** The forms the reader may see. */
  counts: Counts,
  isDemo: z.boolean(),
});
export type RoundSummaryDto = z.infer<typeof RoundSummarySchema>;

export const GoalRefSchema = z.object({ id: z.number(), no: z.number(), text: z.string(), area: z.object({ id: z.number(), no: z.number(), title: z.string() }) });
export type GoalRefDto = z.infer<typeof GoalRefSchema>;

/** A linked indicator of the goal and its progress at the round's milestone, where the suggestion comes from. */
export const EvidenceIndicatorSchema = z.object({
  indicatorId: z.number(),
  name: z.string(),
  target: z.string(),
  targetYear: z.number().nullable(),
  status: z.enum(PROGRESS_STATUSES),
});

export const FormSummarySchema = z.object({
  id: z.number(),
  goal: GoalRefSchema,
  participant: ParticipantSchema,
  state: FormStateSchema,
  attainment: AttainmentSchema.nullable(),
  selfTotal: z.number().nullable(),
  reviewTotal: z.number().nullable(),
  submittedAt: z.string().nullable(),
  isDemo: z.boolean(),
});
export type FormSummaryDto = z.infer<typeof FormSummarySchema>;

export const FormEventSchema = z.object({ action: z.enum(['save', 'submit', 'return', 'review']), text: z.string(), actor: z.string().nullable(), at: z.string() });

export const FormSchema = FormSummarySchema.extend({
  round: RoundSummarySchema.omit({ counts: true }).extend({ criteria: z.array(CriterionSchema) }),
  /** What the data suggest now (while the unit edits), or suggested when it submitted. */
  suggested: AttainmentSchema,
  indicators: z.array(EvidenceIndicatorSchema),
  attainmentReason: z.string().nullable(),
  evidence: z.string(),
  problems: z.string(),
  rectification: z.string(),
  selfScores: ScoresSchema.nullable(),
  reviewScores: ScoresSchema.nullable(),
  reviewComment: z.string().nullable(),
  returnReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  events: z.array(FormEventSchema),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type FormDto = z.infer<typeof FormSchema>;

export const RoundDetailSchema = RoundSummarySchema.extend({
  criteria: z.array(CriterionSchema),
  participants: z.array(ParticipantSchema),
  forms: z.array(FormSummarySchema),
  /** The committee roles of the round's unit and above: every form, the results and the report. */
  oversees: z.boolean(),
  canManage: z.boolean(),
  canReview: z.boolean(),
  /** The office may add, extend and revoke third-party evaluators of the round. */
  canManageEvaluators: z.boolean(),
  /** The user is a third-party evaluator of this round: read-only, plus its own scores. */
  isEvaluator: z.boolean(),
});
export type RoundDetailDto = z.infer<typeof RoundDetailSchema>;

/** Who could take part in a round of a plan: the departments that lead its goals' indicators, and the units below with a committee. */
export const CandidatesSchema = z.object({
  plan: z.object({ id: z.number(), title: z.string(), periodStart: z.number(), periodEnd: z.number() }),
  orgUnit: Ref,
  departments: z.array(z.object({ department: Ref, goals: z.number() })),
  committees: z.array(z.object({ orgUnit: Ref })),
  goals: z.number(),
  milestones: z.array(z.number()),
});
export type CandidatesDto = z.infer<typeof CandidatesSchema>;

export const CreateRoundInput = z.object({
  planId: z.number().int().positive(),
  milestone: z.number().int(),
  title: z.string().trim().max(100).optional(),
  criteria: z.array(CriterionSchema).max(20),
  selfDueOn: day,
  reviewDueOn: day,
  departmentIds: z.array(z.number().int().positive()).max(200),
  committeeUnitIds: z.array(z.number().int().positive()).max(200),
});
export type CreateRoundInput = z.infer<typeof CreateRoundInput>;

export const SaveFormInput = z.object({
  attainment: AttainmentSchema.nullable(),
  attainmentReason: z.string().trim().max(2000),
  evidence: z.string().trim().max(10000),
  problems: z.string().trim().max(5000),
  rectification: z.string().trim().max(5000),
  scores: ScoresSchema,
  attachmentIds: z.array(z.number().int().positive()).max(20),
  /** Files of the form to take off it while it is a draft or returned (they stay with their uploader, no longer evidence). */
  removeAttachmentIds: z.array(z.number().int().positive()).max(20).default([]),
  submit: z.boolean(),
});
export type SaveFormInput = z.input<typeof SaveFormInput>;

export const ReviewFormInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('review'), scores: ScoresSchema, comment: z.string().trim().max(5000) }),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(1, '请写明需要补充的材料').max(2000) }),
]);
export type ReviewFormInput = z.infer<typeof ReviewFormInput>;

const Rate = z.object({ met: z.number(), assessable: z.number(), rate: z.number().nullable() });

export const ResultsSchema = z.object({
  round: RoundSummarySchema.omit({ counts: true }).extend({ criteria: z.array(CriterionSchema) }),
  overall: Rate,
  /** The plan's 自评 and 评估组 scores: the areas' weighted by their weights (shared/evaluation/weights.ts). */
  score: z.object({ self: z.number().nullable(), review: z.number().nullable() }),
  areas: z.array(z.object({
    id: z.number(), no: z.number(), title: z.string(), rate: Rate,
    /** Its weight in the plan's score; the scores are its goals' weighted by theirs. */
    weight: z.number(), selfScore: z.number().nullable(), reviewScore: z.number().nullable(),
  })),
  goals: z.array(z.object({
    goal: GoalRefSchema,
    /** The worst attainment the lead departments submitted; null before any. */
    attainment: AttainmentSchema.nullable(),
    selfScore: z.number().nullable(),
    reviewScore: z.number().nullable(),
    /** The mean of the third-party evaluators' totals (第三方评估). */
    thirdPartyScore: z.number().nullable(),
    units: z.array(z.string()),
  })),
  units: z.array(z.object({
    participant: ParticipantSchema, forms: z.number(), submitted: z.number(), reviewed: z.number(),
    selfScore: z.number().nullable(), reviewScore: z.number().nullable(), rank: z.number().nullable(),
    /** 督导检查 of the unit: visits, rectification requests, answered, overdue. */
    checks: z.object({ visits: z.number(), requests: z.number(), answered: z.number(), overdue: z.number() }),
  })),
  /** The goals a unit judged 未达标 or 基本达标, with its causes and 整改 commitments. */
  notMet: z.array(z.object({ formId: z.number(), goal: GoalRefSchema, attainment: AttainmentSchema, participant: ParticipantSchema, problems: z.string(), rectification: z.string() })),
  /** The third-party evaluators who scored: who, from where, how many goals, their mean total. */
  thirdParty: z.array(z.object({ name: z.string(), organisation: z.string(), scored: z.number(), mean: z.number().nullable() })),
});
export type ResultsDto = z.infer<typeof ResultsSchema>;

const WeightMap = z.record(z.string(), z.number());
const WeightSourceSchema = z.enum(['round', 'area', 'goal']);

/** A round's weights by area and goal: the overrides set and what applies (shared/evaluation/weights.ts). */
export const WeightsSchema = z.object({
  /** The round's criteria: the default weights and the full marks of every raw score. */
  criteria: z.array(CriterionSchema),
  canEdit: z.boolean(),
  areas: z.array(z.object({
    id: z.number(), no: z.number(), title: z.string(),
    /** The area's own criterion weights, null when it keeps the round's. */
    criteria: WeightMap.nullable(),
    /** Its own weight in the plan's total, null for the default (its number of goals). */
    share: z.number().nullable(),
    effectiveShare: z.number(),
    /** Its share of the plan's total in per cent (one decimal). */
    percent: z.number(),
    goals: z.array(z.object({
      id: z.number(), no: z.number(), text: z.string(),
      criteria: WeightMap.nullable(),
      share: z.number().nullable(),
      effectiveShare: z.number(),
      /** The criterion weights that apply to the goal, and where they come from. */
      weights: WeightMap,
      source: WeightSourceSchema,
    })),
  })),
});
export type WeightsDto = z.infer<typeof WeightsSchema>;

export const SetWeightsInput = z.object({
  scope: z.enum(['area', 'goal']),
  targetId: z.number().int().positive(),
  criteria: WeightMap.nullable(),
  share: z.number().nullable(),
});
export type SetWeightsInput = z.infer<typeof SetWeightsInput>;

export const ResetWeightsQuery = z.object({ scope: z.enum(['area', 'goal']), targetId: z.coerce.number().int().positive() });

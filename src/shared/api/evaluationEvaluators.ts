import { z } from 'zod';
import { CriterionSchema, GoalRefSchema } from './evaluation';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** How long an evaluator account may run from today: at most a year, extended as needed. */
export const EVALUATOR_MAX_DAYS = 366;

export const EvaluatorSchema = z.object({
  id: z.number(),
  roundId: z.number(),
  username: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  /** The last day the account works (Beijing). */
  expiresOn: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
  /** Goals it has scored. */
  scored: z.number(),
});
export type EvaluatorDto = z.infer<typeof EvaluatorSchema>;

export const EvaluatorCreatedSchema = z.object({ evaluator: EvaluatorSchema, password: z.string() });
export type EvaluatorCreatedDto = z.infer<typeof EvaluatorCreatedSchema>;

export const CreateEvaluatorInput = z.object({
  username: z.string({ error: '请填写用户名' }).trim().min(2, '用户名至少 2 个字符').max(32, '用户名不能超过 32 个字符').regex(/^[A-Za-z0-9_.-]*$/, '用户名只能包含字母、数字、下划线、点和连字符'),
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字符'),
  organisation: z.string({ error: '请填写所在机构' }).trim().min(1, '请填写所在机构').max(100, '所在机构不能超过 100 个字符'),
  expiresOn: day,
});
export type CreateEvaluatorInput = z.infer<typeof CreateEvaluatorInput>;

export const ExtendEvaluatorInput = z.object({ expiresOn: day });
export type ExtendEvaluatorInput = z.infer<typeof ExtendEvaluatorInput>;

export const EvaluatorAuditSchema = z.array(z.object({ action: z.string(), detail: z.string().nullable(), at: z.string() }));
export type EvaluatorAuditDto = z.infer<typeof EvaluatorAuditSchema>;

/** The signed-in evaluator's scoring sheet: every goal of the round's plan with its own score and comment. */
export const ThirdPartySheetSchema = z.object({
  evaluator: z.object({ displayName: z.string(), organisation: z.string(), expiresOn: z.string() }),
  goals: z.array(z.object({
    goal: GoalRefSchema,
    /** The criteria with the weights that apply to the goal. */
    criteria: z.array(CriterionSchema),
    scores: z.record(z.string(), z.number()).nullable(), comment: z.string(), total: z.number().nullable() })),
  canScore: z.boolean(),
});
export type ThirdPartySheetDto = z.infer<typeof ThirdPartySheetSchema>;

export const ThirdPartyScoreInput = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string().trim().max(2000, '评价意见不能超过 2000 字'),
});
export type ThirdPartyScoreInput = z.infer<typeof ThirdPartyScoreInput>;

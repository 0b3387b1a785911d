import { z } from 'zod';
import { CONDITION_OPS, QUESTION_TYPES, type Answers, type SurveyDefinition } from './model';

/**
 * The questionnaire model's schemas for the API, apart from model.ts so that the answering page
 * does not carry zod.
 */
const code = z.string().trim().min(1, '编码不能为空').max(20).regex(/^[A-Za-z0-9_]+$/, '编码只能由字母、数字和下划线组成');

export const OptionSchema = z.object({
  code,
  label: z.string().trim().min(1, '选项文字不能为空').max(200),
  /** “其他（请注明）”: choosing it asks for a short text. */
  other: z.boolean().optional(),
});

export const ConditionSchema = z.object({
  question: code,
  op: z.enum(CONDITION_OPS),
  /** An option code (equals / notEquals / includes), absent for `answered`. */
  value: z.string().max(20).optional(),
});

export const QuestionSchema = z.object({
  code,
  type: z.enum(QUESTION_TYPES),
  title: z.string().trim().min(1, '题目不能为空').max(500),
  help: z.string().max(500).optional(),
  required: z.boolean(),
  options: z.array(OptionSchema).max(50).optional(),
  minChoices: z.number().int().min(0).optional(),
  maxChoices: z.number().int().min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Rating and matrix: the scale's end points, e.g. 1–5 with 很不满意 … 很满意. */
  scale: z.object({ min: z.number().int(), max: z.number().int(), minLabel: z.string().max(20).optional(), maxLabel: z.string().max(20).optional() }).optional(),
  rows: z.array(OptionSchema).max(30).optional(),
  /** Region picker: the org unit whose child units are offered. */
  regionRootId: z.number().int().positive().optional(),
  /** Shuffle the options for each respondent (against order bias). */
  randomize: z.boolean().optional(),
  /** Shown only when all conditions hold (“show Q5 only if Q4 = 是”). */
  showIf: z.array(ConditionSchema).max(5).optional(),
  maxLength: z.number().int().positive().max(2000).optional(),
});

export const SectionSchema = z.object({
  title: z.string().trim().max(200),
  questions: z.array(QuestionSchema).max(200),
  /** Shuffle the section's questions for each respondent, skip rules and their causes kept in place. */
  randomize: z.boolean().optional(),
});

export const DefinitionSchema: z.ZodType<SurveyDefinition> = z.object({ sections: z.array(SectionSchema).min(1).max(30) });

export const AnswersSchema: z.ZodType<Answers> = z.object({
  values: z.record(z.string().max(20), z.union([z.string().max(2000), z.array(z.string().max(20)).max(50), z.number(), z.record(z.string().max(20), z.number())])),
  other: z.record(z.string().max(20), z.string().max(500)).optional(),
});



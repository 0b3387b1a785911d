import { z } from 'zod';

/**
 * The questionnaire model, shared by the builder, the public answering page and the server.
 * Questions and options are addressed by stable codes (`Q3`, `A`): answers, skip rules, exports
 * and indicator mappings all refer to them, so wording can change without breaking anything.
 */
export const QUESTION_TYPES = ['single', 'multiple', 'text', 'number', 'rating', 'matrix', 'region'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  text: '填空题',
  number: '数字题',
  rating: '量表题',
  matrix: '矩阵量表题',
  region: '所在地区',
};

const code = z.string().trim().min(1, '编码不能为空').max(20).regex(/^[A-Za-z0-9_]+$/, '编码只能由字母、数字和下划线组成');

export const OptionSchema = z.object({
  code,
  label: z.string().trim().min(1, '选项文字不能为空').max(200),
  /** “其他（请注明）”: choosing it asks for a short text. */
  other: z.boolean().optional(),
});
export type SurveyOption = z.infer<typeof OptionSchema>;

export const CONDITION_OPS = ['equals', 'notEquals', 'includes', 'answered'] as const;
export const ConditionSchema = z.object({
  question: code,
  op: z.enum(CONDITION_OPS),
  /** An option code (equals / notEquals / includes), absent for `answered`. */
  value: z.string().max(20).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

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
export type Question = z.infer<typeof QuestionSchema>;

export const SectionSchema = z.object({
  title: z.string().trim().max(200),
  questions: z.array(QuestionSchema).max(200),
});
export type Section = z.infer<typeof SectionSchema>;

export const DefinitionSchema = z.object({ sections: z.array(SectionSchema).min(1).max(30) });
export type SurveyDefinition = z.infer<typeof DefinitionSchema>;

/** One answer: a choice code, several, a text, a number (also ratings and region unit ids), or a matrix row → scale point. */
export type AnswerValue = string | string[] | number | Record<string, number>;

/** A response as submitted and stored: answers by question code, “other” texts beside them. */
export interface Answers {
  values: Record<string, AnswerValue>;
  other?: Record<string, string>;
}

export const AnswersSchema = z.object({
  values: z.record(z.string().max(20), z.union([z.string().max(2000), z.array(z.string().max(20)).max(50), z.number(), z.record(z.string().max(20), z.number())])),
  other: z.record(z.string().max(20), z.string().max(500)).optional(),
});

/** Limits, enforced before any work: documented in README. */
export const SURVEY_LIMITS = { questions: 200, textLength: 2000, defaultTextLength: 500 } as const;

export const allQuestions = (def: SurveyDefinition): Question[] => def.sections.flatMap((s) => s.questions);

/** Choice-like questions whose answers fall into a fixed set of codes: the ones statistics can count and cross-tabulate. */
export const isCategorical = (q: Question) => q.type === 'single' || q.type === 'multiple' || q.type === 'region' || q.type === 'rating';

/** The points of a rating or matrix scale, low to high. */
export function scalePoints(q: Question): number[] {
  const s = q.scale ?? { min: 1, max: 5 };
  const out: number[] = [];
  for (let v = s.min; v <= s.max; v++) out.push(v);
  return out;
}

/**
 * Problems of a definition a schema cannot see: duplicate codes, a skip rule pointing forward or
 * at nothing, a choice question without options. Each message names the question by its number.
 */
export function checkDefinition(def: SurveyDefinition): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Question>();
  allQuestions(def).forEach((q, i) => {
    const label = `第 ${i + 1} 题（${q.code}）`;
    if (seen.has(q.code)) problems.push(`${label}：编码与前面的题目重复`);
    if ((q.type === 'single' || q.type === 'multiple') && (q.options?.length ?? 0) < 2) problems.push(`${label}：至少需要两个选项`);
    const optionCodes = new Set<string>();
    for (const o of q.options ?? []) {
      if (optionCodes.has(o.code)) problems.push(`${label}：选项编码“${o.code}”重复`);
      optionCodes.add(o.code);
    }
    if (q.type === 'matrix' && (q.rows?.length ?? 0) < 1) problems.push(`${label}：矩阵题至少需要一行`);
    if (q.type === 'region' && !q.regionRootId) problems.push(`${label}：请选择地区范围`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) problems.push(`${label}：最小值不能大于最大值`);
    if (q.minChoices !== undefined && q.maxChoices !== undefined && q.minChoices > q.maxChoices) problems.push(`${label}：最少选择数不能大于最多选择数`);
    if (q.scale && q.scale.min >= q.scale.max) problems.push(`${label}：量表的最低分应小于最高分`);
    for (const c of q.showIf ?? []) {
      const target = seen.get(c.question);
      if (!target) problems.push(`${label}：显示条件引用的题目“${c.question}”不在本题之前`);
      else if (c.op !== 'answered' && target.options && !target.options.some((o) => o.code === c.value)) {
        problems.push(`${label}：显示条件中的选项“${c.value ?? ''}”不属于题目 ${c.question}`);
      }
    }
    seen.set(q.code, q);
  });
  return problems;
}

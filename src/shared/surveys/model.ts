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

export interface SurveyOption {
  code: string;
  label: string;
  /** “其他（请注明）”: choosing it asks for a short text. */
  other?: boolean;
}

export const CONDITION_OPS = ['equals', 'notEquals', 'includes', 'answered'] as const;
export interface Condition {
  question: string;
  op: (typeof CONDITION_OPS)[number];
  /** An option code (equals / notEquals / includes), absent for `answered`. */
  value?: string;
}

export interface Question {
  code: string;
  type: QuestionType;
  title: string;
  help?: string;
  required: boolean;
  options?: SurveyOption[];
  minChoices?: number;
  maxChoices?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Rating and matrix: the scale's end points, e.g. 1–5 with 很不满意 … 很满意. */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
  rows?: SurveyOption[];
  /** Region picker: the org unit whose child units are offered. */
  regionRootId?: number;
  /** Shuffle the options for each respondent (against order bias). */
  randomize?: boolean;
  /** Shown only when all conditions hold (“show Q5 only if Q4 = 是”). */
  showIf?: Condition[];
  maxLength?: number;
}

export interface Section {
  title: string;
  questions: Question[];
  /** Shuffle the section's questions for each respondent, skip rules and their causes kept in place. */
  randomize?: boolean;
}

export interface SurveyDefinition {
  sections: Section[];
}

/** One answer: a choice code, several, a text, a number (also ratings and region unit ids), or a matrix row → scale point. */
export type AnswerValue = string | string[] | number | Record<string, number>;

/** A response as submitted and stored: answers by question code, “other” texts beside them. */
export interface Answers {
  values: Record<string, AnswerValue>;
  other?: Record<string, string>;
}

/** Limits, enforced before any work: documented in README. */
export const SURVEY_LIMITS = { questions: 200, textLength: 2000, defaultTextLength: 500 } as const;

export function allQuestions(def: SurveyDefinition): Question[] {
  // A loop, not flatMap: called for every submitted response, and flatMap is several times slower.
  const out: Question[] = [];
  for (const s of def.sections) out.push(...s.questions);
  return out;
}

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

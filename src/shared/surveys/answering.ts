import { allQuestions, scalePoints, SURVEY_LIMITS, type AnswerValue, type Answers, type Condition, type Question, type SurveyDefinition } from './model';

/** Whether an answer counts as given: empty text, an empty list or an empty matrix does not. */
export function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return Number.isFinite(v);
  return Object.keys(v).length > 0;
}

function holds(c: Condition, v: AnswerValue | undefined): boolean {
  if (c.op === 'answered') return isAnswered(v);
  const chosen = Array.isArray(v) ? v : v === undefined || typeof v === 'object' ? [] : [String(v)];
  if (c.op === 'notEquals') return isAnswered(v) && !chosen.includes(c.value ?? '');
  return chosen.includes(c.value ?? '');
}

/**
 * The codes of the questions shown for these answers, in order. A question is shown when all its
 * conditions hold; a condition on a hidden question never holds, so chains of skips work.
 */
export function visibleQuestions(def: SurveyDefinition, values: Answers['values']): Set<string> {
  return visibleAmong(allQuestions(def), values);
}

function visibleAmong(questions: Question[], values: Answers['values']): Set<string> {
  const visible = new Set<string>();
  for (const q of questions) {
    const shown = (q.showIf ?? []).every((c) => visible.has(c.question) && holds(c, values[c.question]));
    if (shown) visible.add(q.code);
  }
  return visible;
}

export interface AnswerProblem {
  question: string;
  message: string;
}

/**
 * Checks a response against the questionnaire and returns it cleaned: answers to hidden questions
 * and unknown codes dropped, texts trimmed. Hidden questions are never required.
 */
export function validateAnswers(def: SurveyDefinition, answers: Answers, regionChoices: (q: Question) => number[] = () => []): { problems: AnswerProblem[]; clean: Answers } {
  // Runs on every submitted response: a plain loop, no closure per question (README, bench:survey).
  const questions = allQuestions(def);
  const visible = visibleAmong(questions, answers.values);
  const problems: AnswerProblem[] = [];
  const clean: Answers = { values: {}, other: {} };
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    if (!visible.has(q.code)) continue;
    const v = answers.values[q.code];
    const message = isAnswered(v)
      ? checkValue(q, v!, answers.other?.[q.code], regionChoices)
      : q.required ? (q.type === 'single' || q.type === 'multiple' || q.type === 'region' ? '请选择' : '请填写') : null;
    if (message) {
      problems.push({ question: q.code, message: `第 ${i + 1} 题：${message}` });
      continue;
    }
    if (!isAnswered(v)) continue;
    clean.values[q.code] = typeof v === 'string' ? v.trim() : v!;
    if (chosesOther(q, v!)) clean.other![q.code] = answers.other![q.code]!.trim();
  }
  if (Object.keys(clean.other!).length === 0) delete clean.other;
  return { problems, clean };
}

/** Whether the answer picks an option that asks “please specify”. */
function chosesOther(q: Question, v: AnswerValue): boolean {
  return q.options?.some((o) => o.other && (Array.isArray(v) ? v.includes(o.code) : v === o.code)) ?? false;
}

const hasOption = (q: Question, code: string) => q.options?.some((o) => o.code === code) ?? false;

/** What is wrong with one given answer, in words for the respondent, or null. */
function checkValue(q: Question, v: AnswerValue, other: string | undefined, regionChoices: (q: Question) => number[]): string | null {
  switch (q.type) {
    case 'single':
      if (typeof v !== 'string' || !hasOption(q, v)) return '选项无效';
      return chosesOther(q, v) && !other?.trim() ? '选择“其他”时请注明' : null;
    case 'multiple': {
      if (!Array.isArray(v) || v.some((c) => !hasOption(q, c))) return '选项无效';
      if (new Set(v).size !== v.length) return '选项重复';
      if (q.minChoices !== undefined && v.length < q.minChoices) return `至少选择 ${q.minChoices} 项`;
      if (q.maxChoices !== undefined && v.length > q.maxChoices) return `最多选择 ${q.maxChoices} 项`;
      return chosesOther(q, v) && !other?.trim() ? '选择“其他”时请注明' : null;
    }
    case 'text':
      if (typeof v !== 'string') return '请填写文字';
      return v.trim().length > (q.maxLength ?? SURVEY_LIMITS.defaultTextLength) ? `不能超过 ${q.maxLength ?? SURVEY_LIMITS.defaultTextLength} 个字` : null;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return '请填写数字';
      if (q.integer && !Number.isInteger(v)) return '请填写整数';
      if (q.min !== undefined && v < q.min) return `不能小于 ${q.min}`;
      if (q.max !== undefined && v > q.max) return `不能大于 ${q.max}`;
      return null;
    case 'rating':
      return typeof v === 'number' && scalePoints(q).includes(v) ? null : '请在量表上选择一个分值';
    case 'matrix': {
      if (typeof v !== 'object' || Array.isArray(v)) return '请逐行选择';
      const points = scalePoints(q);
      const rows = q.rows ?? [];
      if (Object.keys(v).some((k) => !rows.some((r) => r.code === k)) || Object.values(v).some((p) => !points.includes(p))) return '选项无效';
      const missing = rows.filter((r) => v[r.code] === undefined);
      return missing.length && q.required ? `请为“${missing[0]!.label}”选择` : null;
    }
    case 'region':
      return typeof v === 'number' && regionChoices(q).includes(v) ? null : '请从列表中选择地区';
  }
}

import { isAnswered } from './answering';
import { allQuestions, scalePoints, type AnswerValue, type Answers, type Question, type SurveyDefinition } from './model';

/** A category of a countable question: its key as answers store it (option code, scale point, unit id) and its label. */
export interface Category {
  key: string;
  label: string;
}
export interface CategoryCount extends Category {
  count: number;
  /** Of the respondents who answered the question (a multiple choice's shares add up to more than 1). */
  share: number;
}

export type QuestionStats =
  | { code: string; title: string; kind: 'choice'; type: Question['type']; answered: number; categories: CategoryCount[]; mean: number | null; otherTexts: string[] }
  | { code: string; title: string; kind: 'numeric'; type: Question['type']; answered: number; mean: number | null; median: number | null; min: number | null; max: number | null; histogram: { label: string; count: number }[] }
  | { code: string; title: string; kind: 'matrix'; type: Question['type']; answered: number; points: number[]; rows: { code: string; label: string; counts: number[]; mean: number | null }[] }
  | { code: string; title: string; kind: 'text'; type: Question['type']; answered: number; words: { word: string; count: number }[]; latest: string[] };

export interface Filter {
  question: string;
  keys: string[];
}

export interface CrossTab {
  rowQuestion: string;
  columnQuestion: string;
  rows: Category[];
  columns: (Category & { total: number })[];
  /** counts[row][column]; shares are of the column's respondents. */
  counts: number[][];
  shares: number[][];
}

/** Names of the units a region question offers, by id. */
export type RegionLabels = Map<number, string>;

export function categoriesOf(q: Question, regions: RegionLabels): Category[] {
  if (q.type === 'single' || q.type === 'multiple') return (q.options ?? []).map((o) => ({ key: o.code, label: o.label }));
  if (q.type === 'rating') return scalePoints(q).map((p) => ({ key: String(p), label: String(p) }));
  if (q.type === 'region') return [...regions].map(([id, name]) => ({ key: String(id), label: name }));
  return [];
}

/** The category keys one answer falls into. */
export function keysOf(v: AnswerValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return [];
  return [String(v)];
}

export function applyFilters(responses: Answers[], filters: Filter[]): Answers[] {
  if (filters.length === 0) return responses;
  return responses.filter((r) => filters.every((f) => keysOf(r.values[f.question]).some((k) => f.keys.includes(k))));
}

const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null);

/** Per-question statistics of a survey's responses, in question order. */
export function surveyStats(def: SurveyDefinition, responses: Answers[], regions: RegionLabels): QuestionStats[] {
  return allQuestions(def).map((q) => questionStats(q, responses, regions));
}

function questionStats(q: Question, responses: Answers[], regions: RegionLabels): QuestionStats {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'region' || q.type === 'rating') return choiceStats(q, responses, regions);
  const given = responses.filter((r) => isAnswered(r.values[q.code]));
  const base = { code: q.code, title: q.title, type: q.type, answered: given.length };
  if (q.type === 'number') return { ...base, kind: 'numeric', ...numeric(given.map((r) => r.values[q.code] as number), q.integer ?? false) };
  if (q.type === 'text') return { ...base, kind: 'text', words: wordList(given.map((r) => r.values[q.code] as string)), latest: given.slice(-10).map((r) => r.values[q.code] as string).reverse() };
  // The one kind left: a matrix.
  const points = scalePoints(q);
  return {
    ...base,
    kind: 'matrix',
    points,
    rows: (q.rows ?? []).map((row) => {
      const values = given.map((r) => (r.values[q.code] as Record<string, number>)[row.code]).filter((v): v is number => v !== undefined);
      return { code: row.code, label: row.label, counts: points.map((p) => values.filter((v) => v === p).length), mean: mean(values) };
    }),
  };
}

/** Counts of a choice-like question in one pass without an object per answer: this runs over every response on every refresh. */
function choiceStats(q: Question, responses: Answers[], regions: RegionLabels): QuestionStats {
  const counts = new Map<string, number>();
  let answered = 0;
  let sum = 0;
  for (const r of responses) {
    const v = r.values[q.code];
    if (v === undefined || !isAnswered(v)) continue;
    answered++;
    if (Array.isArray(v)) for (const k of v) counts.set(k, (counts.get(k) ?? 0) + 1);
    else {
      const k = String(v);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (typeof v === 'number') sum += v;
    }
  }
  const categories = categoriesOf(q, regions).map((c) => ({ ...c, count: counts.get(c.key) ?? 0, share: answered ? round((counts.get(c.key) ?? 0) / answered) : 0 }));
  // The latest twenty “other” texts, newest first; a question without “other” would walk every response for none.
  const otherTexts: string[] = [];
  const hasOther = q.options?.some((o) => o.other) ?? false;
  for (let i = responses.length - 1; hasOther && i >= 0 && otherTexts.length < 20; i--) {
    const t = responses[i]!.other?.[q.code];
    if (t) otherTexts.push(t);
  }
  const mean = q.type === 'rating' && answered ? round(sum / answered, 2) : null;
  return { code: q.code, title: q.title, type: q.type, answered, kind: 'choice', categories, mean, otherTexts };
}

function numeric(xs: number[], integer: boolean) {
  if (xs.length === 0) return { mean: null, median: null, min: null, max: null, histogram: [] };
  const sorted = [...xs].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean: mean(xs), median, min, max, histogram: histogram(sorted, min, max, integer) };
}

/** One bar per value for a few whole numbers, otherwise ten equal-width bins labelled by their range. */
export function histogram(sorted: number[], min: number, max: number, integer: boolean): { label: string; count: number }[] {
  if (integer && max - min < 15) {
    const out = [];
    for (let v = min; v <= max; v++) out.push({ label: String(v), count: 0 });
    for (const x of sorted) out[x - min]!.count++;
    return out;
  }
  const bins = 10;
  const width = (max - min) / bins || 1;
  const fmt = (v: number) => String(round(v, 2));
  const out = Array.from({ length: bins }, (_, i) => ({ label: `${fmt(min + i * width)}–${fmt(min + (i + 1) * width)}`, count: 0 }));
  for (const x of sorted) out[Math.min(bins - 1, Math.floor((x - min) / width))]!.count++;
  return out;
}

/** Words too common to say anything about a survey's free texts. */
const STOP_WORDS = new Set(['我们', '你们', '他们', '这个', '那个', '没有', '可以', '就是', '还是', '一个', '什么', '因为', '所以', '但是', '如果', '已经', '希望', '觉得', '比较', '非常']);

/** The most frequent words of free texts: Chinese is segmented into words (ICU), not characters. */
export function wordList(texts: string[], limit = 30): { word: string; count: number }[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const s of segmenter.segment(text)) {
      const w = s.segment.trim().toLowerCase();
      if (!s.isWordLike || [...w].length < 2 || STOP_WORDS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, limit);
}

/** Answers of one question broken down by another (e.g. 知晓 by district or by sex). */
export function crossTab(def: SurveyDefinition, responses: Answers[], rowCode: string, columnCode: string, regions: RegionLabels): CrossTab {
  const find = (code: string) => {
    const q = allQuestions(def).find((x) => x.code === code);
    if (!q || categoriesOf(q, regions).length === 0) throw new Error(`题目 ${code} 不能用于交叉分析（只能用选择题、量表题或地区题）`);
    return q;
  };
  const rowQ = find(rowCode);
  const colQ = find(columnCode);
  const rows = categoriesOf(rowQ, regions);
  const columns = categoriesOf(colQ, regions);
  const rowIndex = new Map(rows.map((c, i) => [c.key, i]));
  const colIndex = new Map(columns.map((c, i) => [c.key, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const totals = columns.map(() => 0);
  for (const r of responses) {
    const rk = keysOf(r.values[rowCode]);
    if (rk.length === 0) continue;
    for (const ck of keysOf(r.values[columnCode])) {
      const ci = colIndex.get(ck);
      if (ci === undefined) continue;
      totals[ci]!++;
      for (const k of rk) {
        const ri = rowIndex.get(k);
        if (ri !== undefined) counts[ri]![ci]!++;
      }
    }
  }
  return {
    rowQuestion: rowCode,
    columnQuestion: columnCode,
    rows,
    columns: columns.map((c, i) => ({ ...c, total: totals[i]! })),
    counts,
    shares: counts.map((row) => row.map((n, ci) => (totals[ci] ? round(n / totals[ci]!) : 0))),
  };
}

export interface ShareCount {
  /** Respondents whose answer is in the chosen set. */
  positive: number;
  /** Respondents who answered the question (valid answers). */
  valid: number;
}

/**
 * “Share answering 知道 among valid answers” — overall and per region answer — the figure an
 * indicator mapping writes. Respondents who skipped the question are not in the base.
 */
export function shareByRegion(responses: Answers[], questionCode: string, keys: string[], regionCode: string | null): { total: ShareCount; byRegion: Map<number, ShareCount> } {
  const total: ShareCount = { positive: 0, valid: 0 };
  const byRegion = new Map<number, ShareCount>();
  const chosen = new Set(keys);
  for (const r of responses) {
    const answer = keysOf(r.values[questionCode]);
    if (answer.length === 0) continue;
    const hit = answer.some((k) => chosen.has(k)) ? 1 : 0;
    total.valid++;
    total.positive += hit;
    const region = regionCode ? r.values[regionCode] : undefined;
    if (typeof region !== 'number') continue;
    let c = byRegion.get(region);
    if (!c) byRegion.set(region, (c = { positive: 0, valid: 0 }));
    c.valid++;
    c.positive += hit;
  }
  return { total, byRegion };
}

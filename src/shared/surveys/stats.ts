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

export const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;
export const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null);

/** One bar per value for a few whole numbers, otherwise ten equal-width bins labelled by their range. */
export function histogram(sorted: Iterable<number>, min: number, max: number, integer: boolean): { label: string; count: number }[] {
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

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Counts the words of one free text into `counts`: Chinese is segmented into words (ICU), not characters. */
export function addWords(text: string, counts: Map<string, number>): void {
  for (const s of segmenter.segment(text)) {
    const w = s.segment.trim().toLowerCase();
    if (!s.isWordLike || [...w].length < 2 || STOP_WORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
}

/** The `limit` most frequent words, ties in dictionary order. */
export function topWords(counts: Map<string, number>, limit = 30): { word: string; count: number }[] {
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

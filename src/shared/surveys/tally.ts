import { isAnswered } from './answering';
import { allQuestions, scalePoints, type AnswerValue, type Answers, type Question, type SurveyDefinition } from './model';
import { addWords, categoriesOf, histogram, mean, round, topWords, type QuestionStats, type RegionLabels } from './stats';

/** One question's running counts: fed every response in submission order, read at any time. */
interface QuestionTally {
  add(value: AnswerValue | undefined, other: string | undefined): void;
  result(): QuestionStats;
}

/**
 * A survey's per-question statistics counted in one pass, one response at a time: the answers seen
 * so far give the same figures as `surveyStats` over them, so a cache can keep a tally and feed it
 * only the responses added since (context.ts), and a filtered view counts its subset the same way.
 */
export interface StatsTally {
  add(response: Answers): void;
  result(): QuestionStats[];
}

export function statsTally(def: SurveyDefinition, regions: RegionLabels): StatsTally {
  const tallies = allQuestions(def).map((q) => ({ code: q.code, tally: questionTally(q, regions) }));
  return {
    add(response) {
      for (const { code, tally } of tallies) tally.add(response.values[code], response.other?.[code]);
    },
    result: () => tallies.map(({ tally }) => tally.result()),
  };
}

/** Per-question statistics of a survey's responses, in question order. */
export function surveyStats(def: SurveyDefinition, responses: Answers[], regions: RegionLabels): QuestionStats[] {
  const tally = statsTally(def, regions);
  for (const r of responses) tally.add(r);
  return tally.result();
}

function questionTally(q: Question, regions: RegionLabels): QuestionTally {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'region' || q.type === 'rating') return choiceTally(q, regions);
  if (q.type === 'number') return numberTally(q);
  if (q.type === 'text') return textTally(q);
  return matrixTally(q);
}

const base = (q: Question, answered: number) => ({ code: q.code, title: q.title, type: q.type, answered });

/** Counts by category index; a number answer (a scale point, a unit id) is looked up as itself, not as a new string each time. */
function choiceTally(q: Question, regions: RegionLabels): QuestionTally {
  const categories = categoriesOf(q, regions);
  const index = new Map<string | number, number>();
  categories.forEach((c, i) => {
    index.set(c.key, i);
    if (String(Number(c.key)) === c.key) index.set(Number(c.key), i);
  });
  const counts = categories.map(() => 0);
  const hasOther = q.options?.some((o) => o.other) ?? false;
  const otherTexts: string[] = [];
  let answered = 0;
  let sum = 0;
  return {
    add(v, other) {
      if (hasOther && other) otherTexts.push(other);
      if (v === undefined || !isAnswered(v)) return;
      answered++;
      if (Array.isArray(v)) {
        for (const k of v) {
          const i = index.get(k);
          if (i !== undefined) counts[i]!++;
        }
        return;
      }
      const i = index.get(typeof v === 'object' ? String(v) : v);
      if (i !== undefined) counts[i]!++;
      if (typeof v === 'number') sum += v;
    },
    result: () => ({
      ...base(q, answered),
      kind: 'choice',
      categories: categories.map((c, i) => ({ ...c, count: counts[i]!, share: answered ? round(counts[i]! / answered) : 0 })),
      mean: q.type === 'rating' && answered ? round(sum / answered, 2) : null,
      // The latest twenty “other” texts, newest first.
      otherTexts: otherTexts.slice(-20).reverse(),
    }),
  };
}

function numberTally(q: Question): QuestionTally {
  const values: number[] = [];
  return {
    add(v) {
      if (isAnswered(v)) values.push(v as number);
    },
    result: () => ({ ...base(q, values.length), kind: 'numeric', ...numeric(values, q.integer ?? false) }),
  };
}

function numeric(xs: number[], integer: boolean) {
  if (xs.length === 0) return { mean: null, median: null, min: null, max: null, histogram: [] };
  // A typed array sorts numbers natively, several times faster than with a comparator; this runs on every refresh.
  const sorted = Float64Array.from(xs).sort();
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean: mean(xs), median, min, max, histogram: histogram(sorted, min, max, integer) };
}

/** Texts are cut into words once, as they arrive: the segmenter is the costly part of a word list. */
function textTally(q: Question): QuestionTally {
  const texts: string[] = [];
  const words = new Map<string, number>();
  return {
    add(v) {
      if (!isAnswered(v)) return;
      texts.push(v as string);
      addWords(v as string, words);
    },
    result: () => ({ ...base(q, texts.length), kind: 'text', words: topWords(words), latest: texts.slice(-10).reverse() }),
  };
}

/** Per row: the answers' count at each scale point, and their sum and number for the mean. */
function matrixTally(q: Question): QuestionTally {
  const points = scalePoints(q);
  const rows = (q.rows ?? []).map((row) => ({ row, counts: points.map(() => 0), n: 0, sum: 0 }));
  let answered = 0;
  return {
    add(v) {
      if (!isAnswered(v)) return;
      answered++;
      const given = v as Record<string, number>;
      for (const r of rows) {
        const p = given[r.row.code];
        if (p === undefined) continue;
        r.n++;
        r.sum += p;
        const i = points.indexOf(p);
        if (i >= 0) r.counts[i]!++;
      }
    },
    result: () => ({
      ...base(q, answered),
      kind: 'matrix',
      points,
      rows: rows.map((r) => ({ code: r.row.code, label: r.row.label, counts: [...r.counts], mean: r.n ? round(r.sum / r.n, 2) : null })),
    }),
  };
}

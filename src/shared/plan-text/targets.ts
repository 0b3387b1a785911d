import {
  cleanSubject, DOWN_VERBS, hasChinese, isDownVerb, matchesOf, MAX_CLAUSE, oneOf, RATIO_END, splitKeep, splitSubjects, UP_VERBS, YEAR, yearsIn,
  type FoundTarget, type Separator,
} from './phrases';
import type { Comparator } from './types';
import { coverageIn, qualitativeIn } from './worded';

const NUM = String.raw`\d+(?:\.\d+)?(?:\s*\/\s*(?!10\s*万)\d+)?`;
const UNIT = String.raw`%|％|‰|\/\s*10\s*万\s*活产|\/\s*10\s*万|个百分点|岁|个|名|人|家|所`;
const VALUE = String.raw`(?:${NUM})(?:\s*[-－~～—至]\s*(?:${NUM}))?\s*(?:${UNIT})?`;
const VALUES = String.raw`${VALUE}(?:\s*[、和及]\s*${VALUE})*`;
const SUFFIX = String.raw`及以上|以上|以下|以内|左右`;
/**
 * Sentence ends, and the dash that introduces a sub-goal (“1．妇女常见病防治——妇女常见病定期筛查率
 * 达到80%以上”): what comes before a dash is the goal's title, never part of an indicator's name.
 */
const STOP = oneOf('。；;！!');
const DASH = oneOf('—―');
const SENTENCE_END: Separator = (text, at) => {
  if (STOP(text, at)) return 1;
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const dashes = (DASH(text, at) && DASH(text, at + 1)) || (a === b && (a === 0x2d || a === 0xff0d)); // “——” “--” “－－”
  return dashes ? 2 : 0;
};
const CLAUSE_END = oneOf('，,');

const GE_VERBS = ['至少各配备', '至少配备', '至少有', '提高到', '提升到', '增加到', '增长到', '达到', '实现', '不低于', '不少于', '高于', '超过', '保证'];
const LE_VERBS = ['控制在', '下降到', '下降至', '降低到', '降低至', '减少到', '减少至', '降至', '不高于', '不超过', '低于'];
const BAND_VERBS = ['保持在', '稳定在', '维持在'];

const verbAlternation = (verbs: string[]) => verbs.join('|');

const PATTERNS = {
  relative: new RegExp(
    String.raw`(?<!\s)(分别)?\s*(?:在|以)\s*(${YEAR}(?:\s*[和、]\s*${YEAR})*)\s*(?:的?数据)?\s*(?:为基数|为基期|基础上)\s*(${UP_VERBS}|${DOWN_VERBS})\s*(${VALUE})`,
    'g',
  ),
  annual: new RegExp(String.raw`(每年|年均)\s*(${UP_VERBS}|${DOWN_VERBS})\s*(${VALUE})\s*(以上)?`, 'g'),
  absolute: new RegExp(
    String.raw`(?<!\s)(均|分别)?\s*(${verbAlternation([...GE_VERBS, ...LE_VERBS, ...BAND_VERBS])})\s*(${VALUES})\s*(${SUFFIX})?`,
    'g',
  ),
  bare: new RegExp(String.raw`(?<=率|比例|比重|占比)\s*(?!${YEAR})(${VALUES})\s*(${SUFFIX})?`, 'g'),
  leading: new RegExp(String.raw`(?<!\d)(${NUM})\s*[%％]\s*(的)?(?=[\u4e00-\u9fff])`, 'g'),
};

interface Value {
  value: number;
  unit: string | null;
}

function parseNumber(text: string): number {
  const [a, b] = text.split('/').map((s) => Number(s.trim()));
  // “1/2 以上的领导班子” is a share: 50 %.
  return b === undefined ? a! : (a! / b) * 100;
}

function normaliseUnit(unit: string | undefined): string | null {
  if (!unit) return null;
  const u = unit.replace(/\s+/g, '').replace('％', '%');
  return u;
}

/** “2.8‰、3‰和 4‰” → three values; a range “0.5-1 个百分点” keeps its lower bound. */
function parseValues(text: string): Value[] {
  const one = new RegExp(String.raw`(${NUM})(?:\s*[-－~～—至]\s*(${NUM}))?\s*(${UNIT})?`, 'g');
  const values = [...text.matchAll(one)].map((m) => ({ value: parseNumber(m[1]!), unit: normaliseUnit(m[3]) }));
  const fraction = /\d\s*\/\s*\d/.test(text) && !/10\s*万/.test(text);
  // A unit written once at the end (“2.8、3 和 4‰”) applies to all; fractions are percentages.
  const shared = values[values.length - 1]?.unit ?? (fraction ? '%' : null);
  return values.map((v) => ({ value: v.value, unit: v.unit ?? shared }));
}

function finishIndicator(subject: string, unit: string | null): string {
  if (unit === '%' && !RATIO_END.test(subject) && !subject.endsWith('比例')) return `${subject}比例`;
  return subject;
}

interface Match {
  kind: keyof typeof PATTERNS;
  m: RegExpExecArray;
  start: number;
  end: number;
}

function findMatches(clause: string): Match[] {
  const taken: Match[] = [];
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && e > t.start);
  for (const kind of ['relative', 'annual', 'absolute', 'bare'] as const) {
    for (const m of matchesOf(PATTERNS[kind], clause)) {
      const start = m.index!;
      const end = start + m[0].trimEnd().length;
      if (!overlaps(start, end)) taken.push({ kind, m, start, end });
    }
  }
  if (taken.length === 0) {
    for (const m of matchesOf(PATTERNS.leading, clause)) taken.push({ kind: 'leading', m, start: m.index!, end: m.index! + m[0].length });
  }
  return taken.sort((a, b) => a.start - b.start);
}

function comparatorOf(verb: string, suffix: string | undefined): Comparator {
  if (suffix === '以上' || suffix === '及以上') return '>=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  if (suffix === '左右') return '~';
  if (LE_VERBS.includes(verb)) return '<=';
  if (BAND_VERBS.includes(verb)) return '~';
  return '>=';
}

/**
 * The noun phrase a value counts: any phrase after a count (“1名女干部”); after a share only one
 * introduced by 的 (“1/2以上的领导班子配备女干部”) or directly after a leading share (“100%入学”).
 */
function objectAfter(clause: string, match: Match, unit: string | null): { object: string; length: number } {
  const after = clause.slice(match.end);
  const counted = unit === '名' || unit === '人' || unit === '个' || unit === '家' || unit === '所';
  const pattern = counted || match.kind === 'leading' ? /^的?([\u4e00-\u9fff][\u4e00-\u9fff（）()]*)/ : /^的([\u4e00-\u9fff][\u4e00-\u9fff（）()]*)/;
  const m = pattern.exec(after);
  return m ? { object: m[1]!, length: m[0].length } : { object: '', length: 0 };
}

/**
 * Every quantified statement in a goal's text, full coverage (“实现全覆盖”) unless the goal already
 * put the same indicator at 100%, and qualitative ones (“…率逐步提高”) for indicators that have no
 * quantified target in the same goal.
 */
export function extractTargets(goal: string): FoundTarget[] {
  const found: FoundTarget[] = [];
  const coverage: FoundTarget[] = [];
  const qualitative: FoundTarget[] = [];
  // “提高妇女供水保障水平，农村自来水普及率2025年达到88%”: the figure that follows a general level
  // is how the plan measures it, so the level is no target of its own.
  const measuredLevels = new Set<FoundTarget>();

  for (const sentence of splitKeep(goal, 0, SENTENCE_END)) {
    let subject: string[] = [];
    let pendingYears: number[] = [];
    let carry = '';
    // The targets of the sentence's latest statement, for a clause that goes on about them.
    let previous: FoundTarget[] = [];

    for (const clause of splitKeep(sentence.text, sentence.start, CLAUSE_END)) {
      if (clause.text.length > MAX_CLAUSE) continue;
      // A blank clause (“，，”) says nothing and ends what the clause before it was about.
      if (clause.text.trim() === '') {
        carry = '';
        continue;
      }
      const matches = findMatches(clause.text);
      if (matches.length === 0) {
        const covered = coverageIn(clause, previous, pendingYears);
        if (covered) {
          coverage.push(...covered);
          continue;
        }
        const q = qualitativeIn(clause, pendingYears);
        if (q.length > 0) {
          qualitative.push(...q);
          subject = q.map((t) => t.indicator);
          previous = q;
          continue;
        }
        const { subject: s, years } = cleanSubject(clause.text);
        if (years.length > 0 && !hasChinese(s)) pendingYears = years;
        else carry = s.replace(/(要|应)(有|当).*$/, '');
        continue;
      }

      let cursor = 0;
      for (const match of matches) {
        const { subject: own, years } = cleanSubject(clause.text.slice(cursor, match.start));
        const ownSubject = hasChinese(own) ? own : '';
        const quoteStart = clause.start + (ownSubject ? cursor + clause.text.slice(cursor).search(/\S/) : clause.text.search(/\S/));
        cursor = match.end;

        const values = matchValues(match);
        const distributive = match.kind === 'absolute' ? match.m[1] === '分别' || /分别$/.test(clause.text.slice(0, match.start).trim()) : false;
        let subjects: string[];
        if (ownSubject) {
          const base = carry.endsWith('中') ? carry + ownSubject : ownSubject;
          subjects = splitSubjects(base, values.length, distributive || clause.text.slice(0, match.start).includes('均'));
          subject = subjects;
        } else if (subject.length > 0) {
          subjects = subject;
        } else {
          subjects = carry ? [carry] : [];
        }
        const { object, length } =
          match.kind === 'absolute' || match.kind === 'leading' ? objectAfter(clause.text, match, values[0]?.unit ?? null) : { object: '', length: 0 };
        // “100%的城市社区建立家长学校”: the phrase after the share names the indicator by itself.
        if (subjects.length === 0 && object) subjects = [''];
        if (subjects.length === 0) continue;

        const milestoneYears = years.length > 0 ? years : pendingYears;
        for (const t of previous) if (t.value === null && t.indicator.endsWith('水平')) measuredLevels.add(t);
        previous = buildTargets(match, subjects, values, milestoneYears, object, quoteStart, clause.start + match.end + length);
        found.push(...previous);
      }
    }
  }

  // “100%的城市社区建立家长学校…，力争实现全覆盖” says 100% twice: one target.
  const atFull = new Set(found.filter((t) => t.value === 100 && t.unit === '%').map((t) => t.indicator));
  const numeric = [...found, ...coverage.filter((c) => !atFull.has(c.indicator))];
  const quantified = new Set(numeric.map((t) => t.indicator));
  const stated = qualitative.filter((q) => !quantified.has(q.indicator) && !measuredLevels.has(q));
  return [...numeric, ...stated].sort((a, b) => a.start - b.start);
}

function matchValues(match: Match): Value[] {
  switch (match.kind) {
    case 'relative':
    case 'annual':
      return parseValues(match.m[match.kind === 'relative' ? 4 : 3]!).slice(0, 1);
    case 'absolute':
      return parseValues(match.m[3]!);
    case 'bare':
      return parseValues(match.m[1]!);
    default:
      return [{ value: parseNumber(match.m[1]!), unit: '%' }];
  }
}

function buildTargets(
  match: Match,
  subjects: string[],
  values: Value[],
  milestoneYears: number[],
  object: string,
  start: number,
  end: number,
): FoundTarget[] {
  const at = (i: number) => milestoneYears.length === 1 ? milestoneYears[0]! : (milestoneYears[i] ?? null);
  const { m } = match;

  if (match.kind === 'relative') {
    const baseYears = yearsIn(m[2]!);
    const down = isDownVerb(m[3]!);
    const { value, unit } = values[0]!;
    const years = milestoneYears.length > 0 ? milestoneYears : [null];
    return subjects.flatMap((indicator) =>
      (baseYears.length > 1 ? baseYears : [baseYears[0]!]).map((baseYear, i) => ({
        indicator,
        comparator: down ? '<=' : '>=',
        value: down ? -value : value,
        unit,
        year: baseYears.length > 1 ? (years[i] ?? null) : at(0),
        baseYear,
        start,
        end,
      })),
    );
  }

  if (match.kind === 'annual') {
    const down = isDownVerb(m[2]!);
    const { value, unit } = values[0]!;
    return subjects.map((indicator) => ({
      indicator,
      comparator: down ? 'decrease' : 'increase',
      value,
      unit: `${unit ?? ''}/年`,
      year: at(0),
      baseYear: null,
      start,
      end,
    }));
  }

  const verb = match.kind === 'absolute' ? m[2]! : '';
  const suffix = match.kind === 'absolute' ? m[4] : match.kind === 'bare' ? m[2] : undefined;
  const comparator = comparatorOf(verb, suffix);
  const named = (subjectName: string, unit: string | null) => {
    if (unit === '名' || unit === '人') return subjectName.endsWith('人数') ? subjectName + object : `${subjectName}${object}人数`;
    if (object && (unit === '个' || unit === '家' || unit === '所')) return `${subjectName}${object}数量`;
    if (object && unit === '%') return `${subjectName}${object}${object.length <= 3 ? '率' : '的比例'}`;
    return finishIndicator(subjectName, unit);
  };

  if (subjects.length === values.length && values.length > 1) {
    return subjects.map((s, i) => ({ indicator: named(s, values[i]!.unit), comparator, ...values[i]!, year: at(0), baseYear: null, start, end }));
  }
  return subjects.flatMap((s) =>
    values.map((v) => ({ indicator: named(s, v.unit), comparator, value: v.value, unit: v.unit, year: at(0), baseYear: null, start, end })),
  );
}

/**
 * The edge of `POST /api/dataValueSets`: how much a body may hold, counted while it streams in so
 * an oversized one is refused before it is parsed, and the shape every entry must have, so a
 * client's mistake is a 400 naming the entry and field instead of a failure further in.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { appError, type ErrorDetail } from '../../errors';
import type { Dhis2DataValue, Dhis2DataValueSet } from './dataValueSets';

export const DATA_VALUE_SET_LIMITS = {
  /** Entries (JSON objects or CSV rows) in one import: a whole city's ten years with every disaggregation fits many times. */
  entries: 1_000_000,
  /** Bytes of one body: a million entries of about 130 bytes, with room for comments. */
  bodyBytes: 200 * 1024 * 1024,
  /** Conflicts listed in an import summary; `conflictCount` gives them all. */
  listedConflicts: 1_000,
  /** Problems listed when the body itself is malformed. */
  listedProblems: 100,
} as const;

/** JSON tokens besides the objects: a flat entry has under 16 fields, so more commas than this are no entries. */
const MAX_JSON_COMMAS = DATA_VALUE_SET_LIMITS.entries * 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BRACE = 0x7b;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

const tooMany = (what: string) =>
  appError('REQUEST_TOO_LARGE', `数据过多，未导入：一次最多导入 ${DATA_VALUE_SET_LIMITS.entries.toLocaleString('en-US')} 条数据，${what}；请分批导入`);

/**
 * Counts entries in a body as it streams (JSON objects outside strings, or CSV lines outside
 * quotes) and fails the stream the moment there are too many, so the parser never sees it.
 */
export function entryCounter(format: 'json' | 'csv'): Transform {
  let inString = false;
  let escaped = false;
  let objects = 0;
  let commas = 0;
  let lines = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        if (format === 'csv') {
          // "" inside a quoted field toggles twice: the state stays right without lookahead.
          if (c === QUOTE) inString = !inString;
          else if (c === NEWLINE && !inString) lines++;
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) inString = true;
        else if (c === BRACE) objects++;
        else if (c === COMMA) commas++;
      }
      // The JSON envelope is one object, a CSV header one line.
      if (objects > DATA_VALUE_SET_LIMITS.entries + 1 || lines > DATA_VALUE_SET_LIMITS.entries + 1) return done(tooMany('本次请求超过此数'));
      if (commas > MAX_JSON_COMMAS) return done(tooMany('本次请求的 JSON 元素过多'));
      done(null, chunk);
    },
  });
}

const SCALAR_FIELDS = ['dataElement', 'period', 'orgUnit', 'categoryOptionCombo'] as const;

const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? '数组' : typeof v === 'object' ? '对象' : typeof v === 'string' ? '文本' : typeof v === 'number' ? '数字' : typeof v === 'boolean' ? '布尔值' : typeof v;

/** Problems of one entry: each field must be of the type DHIS2 gives it. */
function entryProblems(dv: unknown, index: number): ErrorDetail[] {
  const path = `dataValues.${index}`;
  const at = `第 ${index + 1} 条（${path}）`;
  if (dv === null || typeof dv !== 'object' || Array.isArray(dv)) return [{ path, message: `${at}应为对象 {"dataElement", "period", "orgUnit", "value", …}，实为${kindOf(dv)}` }];
  const entry = dv as Record<string, unknown>;
  const out: ErrorDetail[] = [];
  const wrong = (field: string, expected: string) =>
    out.push({ path: `${path}.${field}`, message: `${at}的 ${field} 应为${expected}，实为${kindOf(entry[field])}` });
  for (const field of SCALAR_FIELDS) {
    const v = entry[field];
    if (v !== undefined && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) wrong(field, '文本');
  }
  const { value, comment, deleted } = entry;
  if (value !== undefined && value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) wrong('value', '数字或文本');
  if (comment !== undefined && comment !== null && typeof comment !== 'string') wrong('comment', '文本');
  if (deleted !== undefined && typeof deleted !== 'boolean' && typeof deleted !== 'string') wrong('deleted', ' true 或 false');
  return out;
}

/**
 * A parsed JSON body as a data value set, or a 400 listing (the first 100 of) every entry and
 * field of the wrong type; nothing is imported then.
 */
export function checkDataValueSet(body: unknown): Dhis2DataValueSet {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray((body as Dhis2DataValueSet).dataValues)) {
    throw appError('VALIDATION_FAILED', '请求体应为 JSON {"dataValues": [...]}，或 Content-Type: text/csv 的 DHIS2 CSV');
  }
  const set = body as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  for (const field of ['period', 'orgUnit'] as const) {
    const v = set[field];
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number') problems.push({ path: field, message: `${field} 应为文本，实为${kindOf(v)}` });
  }
  const values = set.dataValues as unknown[];
  let total = problems.length;
  for (let i = 0; i < values.length; i++) {
    const found = entryProblems(values[i], i);
    total += found.length;
    if (problems.length < DATA_VALUE_SET_LIMITS.listedProblems) problems.push(...found.slice(0, DATA_VALUE_SET_LIMITS.listedProblems - problems.length));
  }
  if (total > 0) {
    const head = problems.slice(0, 3).map((p) => p.message).join('；');
    throw appError('VALIDATION_FAILED', `未导入任何数据，共 ${total} 处格式错误：${head}${total > 3 ? '……' : ''}`, problems);
  }
  return { period: set.period as string | undefined, orgUnit: set.orgUnit as string | undefined, dataValues: values as Dhis2DataValue[] };
}

/**
 * Structure-aware mutations for `npm run fuzz`: of plan text (lines, numerals, headings), of a real
 * xlsx template (cells, shared strings, the hidden stamp, zip entries, raw bytes) and of a real
 * dataValueSets body (field types, codes, shapes, JSON and CSV). Seeded, so a finding can be replayed.
 */
import { readZip, writeZip, type ZipPart } from '../../test/support/zipFiles';
import type { Rng } from '../random';


const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!;

/** Text that has broken parsers and readers before: numerals, units, formula starts, huge and odd numbers. */
const HOSTILE_TEXT = [
  '', ' ', '删除', '=HYPERLINK("http://x","点")', '+1+1', '-1', '@SUM(A1)', '\t=1', '1,234.5', '１２３', '95%', '９５％', '1e309', '-0', '0x1F', 'NaN',
  'Infinity', '1'.repeat(20), '3.14159265358979323846', '（一）', '一、', '第一章', '（十）', '到2025年', '2030年', '不低于', '达到95%以上',
  '控制在10/10万以下', '‰', '％', '\u0000', '\uFEFF', '\uD800', '"', '""', ',', '\r\n', '<', '&amp;', ']]>', '说明'.repeat(600), '目标'.repeat(5_000),
];
const HOSTILE_NUMBERS = [-1, 0, 1, 2, 3, 7, 99, 1e9, 16_385, 1_048_577, 3.5, -0.5, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER];

const randomCjk = (rng: Rng, n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + int(rng, 0x5000))).join('');
function randomText(rng: Rng): string {
  const r = rng();
  if (r < 0.6) return pick(rng, HOSTILE_TEXT);
  if (r < 0.8) return randomCjk(rng, 1 + int(rng, 30));
  return String(pick(rng, HOSTILE_NUMBERS));
}

// ---------------------------------------------------------------- plan text

const PLAN_PIECES = [
  '一、', '（一）', '（二）', '1.', '2．', '主要目标：', '策略措施：', '妇女与健康', '到2025年，', '到2030年', '孕产妇死亡率下降到9/10万以下',
  '提高到95%以上', '稳定在98%以上', '比2020年提高10个百分点', '逐步缩小', '，', '。', '；', '\n', '\n\n', '大连市妇女发展规划（2021—2030年）', '第', '章',
];

/** A window of a real plan text with line-level and character-level damage. */
export function mutatePlanText(rng: Rng, texts: readonly string[]): string {
  const lines = pick(rng, texts).split('\n');
  const start = int(rng, lines.length);
  // Mostly windows (fast), sometimes the whole document.
  let out = rng() < 0.1 ? [...lines] : lines.slice(start, start + 1 + int(rng, 120));
  const rounds = 1 + int(rng, 6);
  for (let i = 0; i < rounds; i++) {
    const at = int(rng, out.length + 1);
    const r = rng();
    if (r < 0.15) out.splice(at, 1);
    else if (r < 0.3) out.splice(at, 0, ...out.slice(at, at + 1 + int(rng, 5)));
    else if (r < 0.45) out.splice(at, 0, Array.from({ length: 1 + int(rng, 8) }, () => pick(rng, PLAN_PIECES)).join(''));
    else if (r < 0.55) out.splice(at, 0, randomText(rng));
    else if (r < 0.65) out[at] = (out[at] ?? '').replace(/\d+(\.\d+)?/g, () => String(pick(rng, HOSTILE_NUMBERS)));
    else if (r < 0.72) out = out.map((l) => l.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')));
    else if (r < 0.78) out.splice(at, 0, pick(rng, PLAN_PIECES).repeat(1 + int(rng, 3_000)));
    else if (r < 0.84) out.splice(at, 0, ...Array.from({ length: 1 + int(rng, 200) }, () => pick(rng, ['一、', '（一）', '1.', '到2025年，'])));
    else if (r < 0.9) out = out.reverse();
    else {
      const line = out[at] ?? '';
      const cut = int(rng, line.length + 1);
      out[at] = line.slice(0, cut) + randomText(rng) + line.slice(cut);
    }
  }
  return out.join(rng() < 0.2 ? '\r\n' : '\n');
}

// ---------------------------------------------------------------- xlsx template

/** Replaces the n-th match of `pattern` in `text` (counted from a random start). */
function replaceOne(rng: Rng, text: string, pattern: RegExp, replace: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = pick(rng, matches);
  return text.slice(0, m.index) + replace(m[0]) + text.slice(m.index! + m[0].length);
}

/** XML-escaped text without the control characters XML 1.0 cannot hold at all. */
const xmlEscape = (s: string) =>
  [...s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')].filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r').join('');

function randomCellBody(rng: Rng, ref: string): string {
  const r = rng();
  if (r < 0.3) return `<c r="${ref}"><v>${pick(rng, HOSTILE_NUMBERS)}</v></c>`;
  if (r < 0.5) return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(randomText(rng))}</t></is></c>`;
  if (r < 0.6) return `<c r="${ref}" t="s"><v>${pick(rng, HOSTILE_NUMBERS)}</v></c>`;
  if (r < 0.7) return `<c r="${ref}" t="b"><v>${int(rng, 2)}</v></c>`;
  if (r < 0.8) return `<c r="${ref}" t="e"><v>#DIV/0!</v></c>`;
  if (r < 0.9) return `<c r="${ref}"><f>1/0</f></c>`;
  return `<c r="${ref}" t="str"><f>A1</f><v>${xmlEscape(randomText(rng))}</v></c>`;
}

const isSheet = (p: ZipPart) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name);

/** One mutation of a template's parts; the stamp is the last worksheet. */
function mutateParts(rng: Rng, parts: ZipPart[]): ZipPart[] {
  const sheets = parts.filter(isSheet);
  const stamp = sheets.at(-1);
  const edit = (part: ZipPart | undefined, change: (xml: string) => string) => {
    if (!part) return;
    part.data = Buffer.from(change(part.data.toString('utf8')));
  };
  const r = rng();
  if (r < 0.3) {
    // A value or comment cell of a visible sheet.
    edit(pick(rng, sheets.slice(0, -1).length ? sheets.slice(0, -1) : sheets), (xml) =>
      replaceOne(rng, xml, /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (m) => randomCellBody(rng, /r="([A-Z]+\d+)"/.exec(m)![1]!)));
  } else if (r < 0.45) {
    edit(parts.find((p) => p.name === 'xl/sharedStrings.xml'), (xml) => replaceOne(rng, xml, /<t( [^>]*)?>[^<]*<\/t>/g, () => `<t>${xmlEscape(randomText(rng))}</t>`));
  } else if (r < 0.65) {
    // The hidden stamp: ids, rows, columns, versions and texts it holds.
    edit(stamp, (xml) =>
      rng() < 0.7
        ? replaceOne(rng, xml, /<v>[^<]*<\/v>/g, () => `<v>${pick(rng, HOSTILE_NUMBERS)}</v>`)
        : replaceOne(rng, xml, /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (m) => randomCellBody(rng, /r="([A-Z]+\d+)"/.exec(m)![1]!)));
  } else if (r < 0.72) {
    edit(pick(rng, sheets), (xml) => replaceOne(rng, xml, /<row [^>]*>[\s\S]*?<\/row>/g, (m) => (rng() < 0.5 ? '' : m + m)));
  } else if (r < 0.77) {
    edit(parts.find((p) => p.name === 'xl/workbook.xml'), (xml) => replaceOne(rng, xml, /name="[^"]*"/g, () => `name="${xmlEscape(randomText(rng)).replace(/"/g, '')}"`));
  } else if (r < 0.82) {
    parts.splice(int(rng, parts.length), 1);
  } else if (r < 0.86) {
    const part = pick(rng, parts);
    part.data = part.data.subarray(0, int(rng, part.data.length));
  } else if (r < 0.9) {
    // An entity bomb in a sheet: an XML reader must not expand it.
    edit(pick(rng, sheets), (xml) => xml.replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet').replace(/<v>([^<]*)<\/v>/, '<v>&c;</v>'));
  } else {
    edit(stamp, (xml) => replaceOne(rng, xml, /<row [^>]*>[\s\S]*?<\/row>/g, (m) => m.replace(/<v>[^<]*<\/v>/g, () => `<v>${pick(rng, HOSTILE_NUMBERS)}</v>`)));
  }
  return parts;
}

/** A mutated copy of a real template: 1–3 structural mutations, sometimes raw byte damage on top. */
export function mutateXlsx(rng: Rng, template: Uint8Array): Buffer {
  let parts: ZipPart[] = readZip(template).map((p) => ({ ...p, data: Buffer.from(p.data) }));
  const rounds = 1 + int(rng, 3);
  for (let i = 0; i < rounds; i++) parts = mutateParts(rng, parts);
  const bytes = writeZip(parts);
  if (rng() < 0.08) {
    for (let i = 0; i < 1 + int(rng, 8); i++) bytes[int(rng, bytes.length)] = int(rng, 256);
  }
  return rng() < 0.03 ? bytes.subarray(0, int(rng, bytes.length)) : bytes;
}

// ---------------------------------------------------------------- dataValueSets body

export type Entry = Record<string, unknown>;

const FIELDS = ['dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'value', 'comment', 'deleted', 'storedBy', 'followup'];
const HOSTILE_VALUES: unknown[] = [null, true, false, 0, -1, Number.MAX_VALUE, 2 ** 53 + 1, {}, { a: 1 }, [], [1], '', ' 5 ', '-0', '1,000', '１２', '1e3', 'NaN', 'default', 'female', 'total', '2024', '2025', '1899', '20245', '210203', '=1+1'];

function mutateEntry(rng: Rng, entry: Entry, codes: { dataElements: string[]; units: string[] }): unknown {
  const r = rng();
  if (r < 0.06) return pick(rng, [null, 0, 'x', [], [entry]]);
  const copy: Entry = { ...entry };
  const field = pick(rng, FIELDS);
  if (r < 0.35) copy[field] = pick(rng, HOSTILE_VALUES);
  else if (r < 0.5) delete copy[field];
  else if (r < 0.6) copy.dataElement = rng() < 0.8 ? pick(rng, codes.dataElements) : randomText(rng);
  else if (r < 0.7) copy.orgUnit = rng() < 0.8 ? pick(rng, codes.units) : randomText(rng);
  else if (r < 0.85) copy.value = rng() < 0.5 ? String(Math.round(rng() * 10_000) / 100) : pick(rng, HOSTILE_VALUES);
  else copy.comment = rng() < 0.6 ? randomText(rng) : pick(rng, HOSTILE_VALUES);
  return copy;
}

const CSV_HEADER = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';
const csvField = (v: unknown) => {
  const s = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export interface BodyCase {
  body: string;
  contentType: string;
  query: string;
  dryRun: boolean;
}

/** A body made of real exported entries, mutated; JSON mostly, sometimes CSV, sometimes broken. */
export function mutateDataValueSet(rng: Rng, base: readonly Entry[], codes: { dataElements: string[]; units: string[] }): BodyCase {
  const count = 1 + int(rng, 25);
  const entries: unknown[] = Array.from({ length: count }, () => {
    const e = pick(rng, base);
    return rng() < 0.7 ? mutateEntry(rng, e, codes) : { ...e };
  });
  if (rng() < 0.1 && entries.length) entries.push(entries[0]);
  const query = [
    rng() < 0.5 ? 'dryRun=true' : '',
    rng() < 0.3 ? `importStrategy=${pick(rng, ['CREATE', 'UPDATE', 'DELETE', 'CREATE_AND_UPDATE', 'MERGE'])}` : '',
    rng() < 0.3 ? `atomicMode=${pick(rng, ['ALL', 'NONE', 'SOME'])}` : '',
    rng() < 0.1 ? `idScheme=${pick(rng, ['id', 'code', 'uid'])}` : '',
  ].filter(Boolean).join('&');
  const dryRun = query.includes('dryRun=true');
  if (rng() < 0.2) {
    const rows = entries.map((e) => {
      const o = (e && typeof e === 'object' ? e : {}) as Entry;
      return [o.dataElement, o.period, o.orgUnit, o.categoryOptionCombo, 'default', o.value, o.storedBy, '', o.comment, 'false', o.deleted].map(csvField).join(',');
    });
    let body = (rng() < 0.7 ? `${CSV_HEADER}\n` : '') + rows.join(rng() < 0.5 ? '\r\n' : '\n');
    if (rng() < 0.2) body = body.replace(/,/, rng() < 0.5 ? '"' : ',,');
    return { body, contentType: 'text/csv', query, dryRun };
  }
  const r = rng();
  const envelope = r < 0.05 ? entries : r < 0.1 ? { dataValues: 'x' } : r < 0.13 ? { dataValues: entries, period: {}, orgUnit: [] } : { dataValues: entries };
  let body = JSON.stringify(envelope);
  if (rng() < 0.05) body = body.slice(0, int(rng, body.length));
  if (rng() < 0.02) body = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  return { body, contentType: 'application/json', query, dryRun };
}

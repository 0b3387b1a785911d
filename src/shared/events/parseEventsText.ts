/**
 * Parses a 大事记 text in the form of seed 000: an optional heading, then numbered items
 * (「1.标题」), each followed by body paragraphs. Text copied from a paged document breaks
 * mid-sentence at page ends, leaving a blank line inside a sentence; a paragraph that does not end
 * a sentence is joined with the next one.
 */
export interface ParsedEvent {
  no: number;
  title: string;
  /** "YYYY-MM" or "YYYY" from the body (「2011年3月，…」), null when the body names no year. */
  date: string | null;
  text: string;
}

export interface ParsedEvents {
  heading: string | null;
  events: ParsedEvent[];
  warnings: string[];
}

export class EventsTextError extends Error {}

/** A numbered title: 1 to 3 digits, then 「.」「．」 or 「、」, not a decimal number like 23.51万. */
const NUMBERED = /^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$/;
/** Characters that end a sentence, with closing quotes and brackets after them. */
const SENTENCE_END = /[。！？!?；;…：:][”’」』）)]*$|^$/;
const MAX_TITLE = 80;
const MAX_EVENTS = 500;

export function parseEventsText(input: string): ParsedEvents {
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, ''));
  const heading: string[] = [];
  const items: { no: number; title: string; line: number; paragraphs: string[] }[] = [];
  const warnings: string[] = [];

  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const m = NUMBERED.exec(line);
    const current = items.at(-1);
    if (m && m[2]!.length <= MAX_TITLE && Number(m[1]) === (current?.no ?? 0) + 1) {
      items.push({ no: Number(m[1]), title: m[2]!.trim(), line: i + 1, paragraphs: [] });
    } else if (m && m[2]!.length <= MAX_TITLE && !SENTENCE_END.test(current?.paragraphs.at(-1) ?? '')) {
      // A number that does not continue the sequence, right after an unfinished sentence: body text broken by a page.
      current!.paragraphs.push(line);
    } else if (m && m[2]!.length <= MAX_TITLE) {
      throw new EventsTextError(`第 ${i + 1} 行：编号 ${m[1]} 不连续，应为 ${(current?.no ?? 0) + 1}（“${line.slice(0, 30)}”）`);
    } else if (!current) {
      heading.push(line);
    } else {
      current.paragraphs.push(line);
    }
  }

  if (!items.length) throw new EventsTextError('没有找到编号的大事标题（应为“1.标题”这样一行，后面是正文）');
  if (items.length > MAX_EVENTS) throw new EventsTextError(`大事记最多 ${MAX_EVENTS} 条，文本中有 ${items.length} 条`);

  const events = items.map((item): ParsedEvent => {
    if (!item.paragraphs.length) throw new EventsTextError(`第 ${item.line} 行：第 ${item.no} 条“${item.title}”没有正文`);
    const text = joinBrokenParagraphs(item.paragraphs);
    const date = dateOf(text);
    if (!date) warnings.push(`第 ${item.no} 条“${item.title}”：正文中没有年份，未设日期`);
    return { no: item.no, title: item.title, date, text };
  });
  return { heading: heading.length ? heading.join('') : null, events, warnings };
}

/** Joins a paragraph that stops mid-sentence with the next; real paragraphs stay apart. */
function joinBrokenParagraphs(paragraphs: string[]): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const last = out.at(-1);
    if (last !== undefined && !SENTENCE_END.test(last)) out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out.join('\n');
}

/** The first 「YYYY年M月」 of the text as YYYY-MM, else its first 「YYYY年」. */
export function dateOf(text: string): string | null {
  const ym = /((?:19|20)\d{2})年(\d{1,2})月/.exec(text);
  const y = /((?:19|20)\d{2})年/.exec(text);
  if (ym && ym.index === y?.index) return `${ym[1]}-${ym[2]!.padStart(2, '0')}`;
  return y ? y[1]! : null;
}

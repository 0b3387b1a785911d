import type { DocumentSpec, DrawnBlock as Block, Inline } from './model';
import { HeadingCounter } from './numbering';

/*
 * The page each level 1–2 heading starts on, for the table of contents, worked out from the
 * document model rather than from the written XML. The committee's format makes this a matter of
 * counting: body text and headings sit on a fixed 28-point line (./styles), so a paragraph is its
 * number of lines times 28 points; CJK characters are one em wide, Latin text is measured with Times
 * New Roman's widths; figures are as high as their image; table rows as high as their longest cell.
 * The measures are those LibreOffice prints with (docx.test.ts compares them with its PDF); Word
 * lays out the same grid, and recounts when 更新域 is asked for.
 */

const PT_PER_MM = 72 / 25.4;
/** The text block of the page (./styles PAGE): A4 less the margins. */
const PAGE_HEIGHT = (297 - 37 - 35) * PT_PER_MM;
const TEXT_WIDTH = (210 - 28 - 26) * PT_PER_MM;
const BODY = { size: 16, line: 28, indent: 32 };
/** Lines that set their own height (at least the rule) are as high as the CJK font's line: 1.448 em in Noto CJK. */
const naturalLine = (size: number, atLeast: number) => Math.max(atLeast, size * 1.448);
const CAPTION_HEIGHT = 6 + naturalLine(12, 18) + 6;
const TABLE = { size: 10.5, line: naturalLine(10.5, 14), spacing: 2, cellMargin: 8, border: 0.5 };
const NOTE = { size: 10.5, line: naturalLine(10.5, 15) };
const FOOTNOTE = { size: 9, line: naturalLine(9, 12), separator: 13.5 };
const TITLE = { size: 22, line: 35, after: 14 };

/** Times New Roman advance widths in em for the Latin characters reports use; other Latin letters are taken as 0.5. */
const LATIN_WIDTHS: Record<string, number> = {
  ' ': 0.25, '.': 0.25, ',': 0.25, ':': 0.278, ';': 0.278, '%': 0.833, '-': 0.333, '+': 0.564, '/': 0.278, '(': 0.333, ')': 0.333,
  '=': 0.564, '<': 0.564, '>': 0.564, '×': 0.564, 'I': 0.333, 'i': 0.278, 'l': 0.278, 'j': 0.278, 't': 0.278, 'f': 0.333, 'r': 0.333,
  'm': 0.778, 'w': 0.722, 'M': 0.889, 'W': 0.944,
};
const latinWidth = (ch: string) => LATIN_WIDTHS[ch] ?? (/[A-Z]/.test(ch) ? 0.667 : 0.5);
/** Set in the CJK font, one em wide: ideographs, CJK and full-width punctuation, ≥ ≤ — … “ ”. */
const isWide = (ch: string) => /[\u2010-\u2027\u2030-\u205e\u2190-\u23ff\u2460-\u27bf\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(ch) && ch !== '\u2013';
/**
 * Characters a line may not start with. In justified text (the body) LibreOffice lets one hang past the
 * margin; in table cells the character before goes down to the next line with it.
 */
const NO_LINE_START = new Set('，。、；：？！）》」』〕】〉”’％·…—,.;:?!)%');

interface Token {
  text: string;
  width: number;
  noLineStart: boolean;
}

/** Break opportunities: each wide character on its own, runs of Latin text (a number, a word) whole. */
function tokens(text: string, size: number): Token[] {
  const out: Token[] = [];
  let latin = '';
  let latinWidthEm = 0;
  const endLatin = () => {
    if (latin) out.push({ text: latin, width: latinWidthEm * size, noLineStart: false });
    latin = '';
    latinWidthEm = 0;
  };
  for (const ch of text) {
    if (isWide(ch)) {
      endLatin();
      out.push({ text: ch, width: size, noLineStart: NO_LINE_START.has(ch) });
    } else {
      latin += ch;
      latinWidthEm += latinWidth(ch);
      if (ch === ' ') endLatin();
    }
  }
  endLatin();
  return out;
}

/**
 * The quarter em viewers set between Chinese and a number or Latin word (autoSpaceDN/DE), added to the
 * token after each such boundary. It decides where a narrow table cell wraps; in the body it does not
 * change the line count (checked on the demo and benchmark reports), so only cells count it.
 */
function spacedTokens(list: Token[], size: number): Token[] {
  const alnumAt = (text: string, at: number) => /[0-9A-Za-z]/.test(text.at(at) ?? '');
  return list.map((token, i) => {
    const before = list[i - 1];
    const wide = isWide(token.text);
    const boundary = before !== undefined && (wide ? !isWide(before.text) && alnumAt(before.text, -1) : isWide(before.text) && alnumAt(token.text, 0));
    return boundary ? { ...token, width: token.width + size / 4 } : token;
  });
}

/** Lines a run of text fills at a width, the first line `firstIndent` narrower. */
export function countLines(text: string, size: number, width: number, { firstIndent = 0, hanging = true, autoSpace = false } = {}): number {
  let lines = 1;
  let used = firstIndent;
  let previous = 0;
  for (const token of autoSpace ? spacedTokens(tokens(text, size), size) : tokens(text, size)) {
    if (used + token.width <= width + 0.01 || used === 0 || (hanging && token.noLineStart)) {
      used += token.width;
    } else {
      lines += 1;
      used = token.noLineStart ? previous + token.width : token.width;
    }
    previous = token.width;
  }
  return lines;
}

/**
 * A title too long for one line, in lines of about equal length (GB/T 9704: a title that runs over is
 * set in balanced lines, not with a word left alone on the last), each no longer than the page allows.
 */
export function titleLines(title: string): string[] {
  const parts = tokens(title, TITLE.size);
  // Viewers set a quarter em of space between Chinese and a number or Latin word in it (autoSpaceDN):
  // the body's line counts hold without it, a title that fills the line to the last point does not.
  const spacing = parts.filter((t) => !isWide(t.text)).length * 0.5 * TITLE.size;
  const total = parts.reduce((sum, t) => sum + t.width, spacing);
  const lines = Math.ceil(total / TEXT_WIDTH);
  if (lines <= 1) return [title];
  const out: string[] = [];
  let line = '';
  let used = 0;
  let done = 0;
  for (const [i, token] of parts.entries()) {
    const target = ((out.length + 1) * total) / lines;
    // Break before this token when the line has reached its share, unless the token may not start a line.
    if (line && out.length < lines - 1 && !token.noLineStart && done + used + token.width / 2 > target && used > 0) {
      out.push(line);
      done += used;
      line = '';
      used = 0;
    }
    line += token.text;
    used += token.width;
    if (i === parts.length - 1) out.push(line);
  }
  return out.map((l) => l.trim());
}

const inlineText = (content: Inline[]) => content.map((i) => (typeof i === 'string' ? i : `${i.text}${i.footnote ? '1' : ''}`)).join('');
const footnotesOf = (content: Inline[]) => content.flatMap((i) => (typeof i !== 'string' && i.footnote ? [i.footnote] : []));

/** Lays blocks onto pages: tracks the height used on the current page and its footnotes. */
class Pages {
  page = 1;
  private used = 0;
  private footnotes = 0;

  private room(): number {
    return PAGE_HEIGHT - this.used - (this.footnotes > 0 ? this.footnotes + FOOTNOTE.separator : 0);
  }

  newPage(): void {
    this.page += 1;
    this.used = 0;
    this.footnotes = 0;
  }

  /** Space for `height` on this page, or a new one (a block taller than a page starts a page and runs over). */
  keep(height: number): void {
    if (height > this.room() && this.used > 0) this.newPage();
  }

  add(height: number, footnoteHeight = 0): void {
    if (footnoteHeight > 0 && height + footnoteHeight + (this.footnotes ? 0 : FOOTNOTE.separator) > this.room() && this.used > 0) this.newPage();
    this.used += height;
    this.footnotes += footnoteHeight;
    while (this.room() < 0) {
      const over = -this.room();
      this.newPage();
      this.used = over;
    }
  }

  /** Lines of a fixed height that may break across pages, with at least two of them kept together at each end. */
  addLines(lines: number, line: number, footnoteHeight = 0): void {
    let left = lines;
    let fits = Math.floor((this.room() - (footnoteHeight ? footnoteHeight + (this.footnotes ? 0 : FOOTNOTE.separator) : 0)) / line);
    if (fits >= left) return this.add(left * line, footnoteHeight);
    if (left >= 4 && fits >= 2) {
      fits = Math.min(fits, left - 2);
      this.add(fits * line);
      left -= fits;
    }
    this.newPage();
    while (left * line > this.room()) {
      const full = Math.floor(this.room() / line);
      this.add(full * line);
      left -= full;
      this.newPage();
    }
    this.add(left * line, footnoteHeight);
  }
}

const paragraphLines = (text: string, indent: boolean) => countLines(text, BODY.size, TEXT_WIDTH, { firstIndent: indent ? BODY.indent : 0 });

function footnoteHeight(notes: string[]): number {
  return notes.reduce((sum, note) => sum + countLines(note, FOOTNOTE.size, TEXT_WIDTH) * FOOTNOTE.line, 0);
}

function tableRowHeight(cells: string[], widths: number[]): number {
  const linesOf = (text: string, width: number) => text.split('\n').reduce((sum, line) => sum + countLines(line, TABLE.size, width, { hanging: false, autoSpace: true }), 0);
  const lines = Math.max(1, ...cells.map((text, i) => linesOf(text, widths[i]! - TABLE.cellMargin)));
  return lines * TABLE.line + TABLE.spacing + TABLE.border;
}

/** How high the first line(s) of a block are, which a heading before it keeps on its page. */
function leadHeight(block: Block | undefined): number {
  if (!block) return 0;
  switch (block.kind) {
    case 'paragraph':
      return Math.min(2, paragraphLines(inlineText(block.content), block.indent !== false)) * BODY.line;
    case 'heading':
      return BODY.line * 2;
    case 'figure':
      return figureHeight(block) + CAPTION_HEIGHT;
    case 'table':
      return CAPTION_HEIGHT + 2 * TABLE.line;
    case 'pageBreak':
      return 0;
  }
}

function figureHeight(block: Extract<Block, { kind: 'figure' }>): number {
  // As the builder sizes it: CSS pixels at 96 dpi, 0.75 pt each; 6 pt before.
  const widthPx = Math.round(block.widthCm !== undefined ? Math.min(block.widthCm, TEXT_WIDTH / PT_PER_MM / 10) * (96 / 2.54) : (TEXT_WIDTH / 72) * 96);
  return Math.round((widthPx * block.pixelHeight) / block.pixelWidth) * 0.75 + 6;
}

/** The pages of the front matter: title, subtitle lines and the contents, then a page break. */
function frontPages(spec: DocumentSpec<Block>, headings: string[]): Pages {
  const pages = new Pages();
  pages.add(titleLines(spec.title).length * TITLE.line + TITLE.after);
  for (const line of spec.subtitle ?? []) pages.addLines(countLines(line, BODY.size, TEXT_WIDTH), BODY.line);
  if (spec.tableOfContents) {
    pages.add(12 + BODY.line + 12);
    // An entry is its text, the dot leader and the page number: three ems kept for the last two.
    for (const text of headings) pages.addLines(countLines(text, BODY.size, TEXT_WIDTH - 3 * BODY.size), BODY.line);
    pages.newPage();
    pages.add(BODY.line); // the empty paragraph that carries the page break
  }
  return pages;
}

/** The page (counted from 1) each level 1–2 heading of the document starts on, in order. */
export function headingPages(spec: DocumentSpec<Block>): number[] {
  const counter = new HeadingCounter();
  const numbered = spec.blocks.map((block) => (block.kind === 'heading' ? counter.next(block.level, block.text) : ''));
  const listed = spec.blocks.flatMap((block, i) => (block.kind === 'heading' && block.level <= 2 ? [numbered[i]!] : []));
  const pages = frontPages(spec, listed);
  const found: number[] = [];
  spec.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading': {
        const lines = paragraphLines(numbered[index]!, true);
        pages.keep(lines * BODY.line + leadHeight(spec.blocks[index + 1]));
        if (block.level <= 2) found.push(pages.page);
        pages.addLines(lines, BODY.line);
        return;
      }
      case 'paragraph':
        pages.addLines(paragraphLines(inlineText(block.content), block.indent !== false && block.align !== 'center'), BODY.line, footnoteHeight(footnotesOf(block.content)));
        return;
      case 'pageBreak':
        pages.newPage();
        pages.add(BODY.line);
        return;
      case 'figure': {
        const height = figureHeight(block) + CAPTION_HEIGHT;
        pages.keep(height);
        pages.add(height);
        return;
      }
      case 'table': {
        const weights = block.widths ?? block.header.map(() => 1);
        const total = weights.reduce((a, b) => a + b, 0);
        const widths = weights.map((w) => (w / total) * TEXT_WIDTH);
        const header = tableRowHeight(block.header, widths);
        pages.keep(CAPTION_HEIGHT + header + (block.rows[0] ? tableRowHeight(block.rows[0], widths) : 0));
        pages.add(CAPTION_HEIGHT + header);
        for (const row of block.rows) {
          const height = tableRowHeight(row, widths);
          const before = pages.page;
          pages.keep(height);
          if (pages.page !== before) pages.add(header); // the header row repeats on the new page
          pages.add(height);
        }
        if (block.note) pages.addLines(countLines(block.note, NOTE.size, TEXT_WIDTH), NOTE.line);
        return;
      }
    }
  });
  return found;
}

import type { ChartJob } from './chartKinds';

/*
 * What a document is made of, independent of .docx: the reports build this, the builder writes it.
 * Headings, figures and tables are numbered by the builder, so callers never count.
 */

/** A run of text; `footnote` attaches a footnote (source, 统计口径) after it. */
export type Inline = string | { text: string; bold?: boolean; footnote?: string };

export type HeadingLevel = 1 | 2 | 3;

export type DrawnBlock =
  /** Numbered 一、 / （一） / 1. by level. */
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; content: Inline[]; align?: 'left' | 'center' | 'right'; indent?: boolean }
  /** A table with a header row repeated on every page; its caption (表N …) goes above it. A cell's `\n` starts a new line in it. */
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; align?: ('left' | 'center' | 'right')[]; widths?: number[]; note?: string }
  /** A PNG image with its caption (图N …) below it; width in centimetres on the page. */
  | { kind: 'figure'; png: Uint8Array; pixelWidth: number; pixelHeight: number; widthCm?: number; caption: string }
  | { kind: 'pageBreak' };

/** One of the shared charts (./chartKinds), drawn by the builder (all of a document's in parallel) and placed as a figure. */
export type ChartBlock = { kind: 'chart'; chart: ChartJob; widthCm?: number; caption: string };

export type Block = DrawnBlock | ChartBlock;

export interface DocumentSpec<B extends Block = Block> {
  title: string;
  /** Under the title, e.g. the issuing office and date. */
  subtitle?: string[];
  /** A table of contents after the title, from the headings of levels 1–2. */
  tableOfContents?: boolean;
  /** Written into the file's properties. */
  creator?: string;
  blocks: B[];
}

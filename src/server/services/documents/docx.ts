import {
  AlignmentType, BorderStyle, Document, Footer, FootnoteReferenceRun, HeadingLevel as DocxHeadingLevel, ImageRun, Packer, PageNumber,
  Paragraph, ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, VerticalAlignTable, WidthType, type PageNumberEstimator,
} from 'docx';
import { renderCharts } from './chartPool';
import type { DocumentSpec, DrawnBlock, Inline } from './model';
import { HeadingCounter } from './numbering';
import { headingPages, titleLines } from './pageEstimate';
import { DOCUMENT_STYLES, PAGE, STYLE, TEXT_WIDTH_CM } from './styles';

/*
 * Writes a DocumentSpec as a .docx in the committee's format (./styles). Headings are numbered
 * 一、（一）1., figures 图1… and tables 表1… in order; footnotes are collected as the text goes.
 */

/** Limits, checked before writing: a document past them is a bug in its caller, not a big report. */
export const DOCUMENT_LIMITS = { maxBlocks: 20_000, maxTableRows: 5_000, maxImageBytes: 8 * 1024 * 1024 } as const;

export class DocumentLimitError extends Error {}

const HEADINGS = { 1: DocxHeadingLevel.HEADING_1, 2: DocxHeadingLevel.HEADING_2, 3: DocxHeadingLevel.HEADING_3 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
/** A full-width space (U+3000) between a caption's number and its text. */
const CAPTION_GAP = '\u3000';
const CM_TO_PX = 96 / 2.54; // docx image sizes are in CSS pixels at 96 dpi

function checkLimits(spec: DocumentSpec): void {
  if (spec.blocks.length > DOCUMENT_LIMITS.maxBlocks) throw new DocumentLimitError(`文档内容过多：${spec.blocks.length} 段，上限 ${DOCUMENT_LIMITS.maxBlocks}`);
  for (const block of spec.blocks) {
    if (block.kind === 'table' && block.rows.length > DOCUMENT_LIMITS.maxTableRows) {
      throw new DocumentLimitError(`表格「${block.caption}」有 ${block.rows.length} 行，上限 ${DOCUMENT_LIMITS.maxTableRows}`);
    }
    if (block.kind === 'figure' && block.png.byteLength > DOCUMENT_LIMITS.maxImageBytes) {
      throw new DocumentLimitError(`图「${block.caption}」过大：${block.png.byteLength} 字节`);
    }
  }
}

class Writer {
  private readonly headings = new HeadingCounter();
  private figures = 0;
  private tables = 0;
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private footnoteCount = 0;

  private runs(content: Inline[]) {
    return content.flatMap((inline) => {
      if (typeof inline === 'string') return [new TextRun(inline)];
      const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun({ text: inline.text, bold: inline.bold })];
      if (inline.footnote) {
        const id = ++this.footnoteCount;
        this.footnotes[id] = { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(inline.footnote)] })] };
        runs.push(new FootnoteReferenceRun(id));
      }
      return runs;
    });
  }

  block(block: DrawnBlock): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level], text: this.headings.next(block.level, block.text) })];
      case 'paragraph':
        return [
          new Paragraph({
            style: STYLE.body,
            alignment: block.align ? ALIGN[block.align] : undefined,
            indent: block.indent === false || block.align === 'center' ? { firstLine: 0 } : undefined,
            children: this.runs(block.content),
          }),
        ];
      case 'pageBreak':
        return [new Paragraph({ pageBreakBefore: true })];
      case 'figure':
        return this.figure(block);
      case 'table':
        return this.table(block);
    }
  }

  private figure(block: Extract<DrawnBlock, { kind: 'figure' }>): Paragraph[] {
    const widthCm = Math.min(block.widthCm ?? TEXT_WIDTH_CM, TEXT_WIDTH_CM);
    const width = Math.round(widthCm * CM_TO_PX);
    const height = Math.round((width * block.pixelHeight) / block.pixelWidth);
    this.figures += 1;
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, line: 240, lineRule: 'auto' },
        children: [new ImageRun({ type: 'png', data: block.png, transformation: { width, height }, altText: { name: `图${this.figures}`, title: block.caption, description: block.caption } })],
      }),
      new Paragraph({ style: STYLE.caption, keepNext: false, text: `图${this.figures}${CAPTION_GAP}${block.caption}` }),
    ];
  }

  private table(block: Extract<DrawnBlock, { kind: 'table' }>): (Paragraph | Table)[] {
    this.tables += 1;
    const columns = block.header.length;
    const weights = block.widths ?? block.header.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.round((w / total) * 5000)); // fiftieths of a percent
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const borders = { top: border, bottom: border, left: border, right: border };
    const cell = (text: string, i: number, header: boolean) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.PERCENTAGE },
        borders,
        verticalAlign: VerticalAlignTable.CENTER,
        shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
        margins: { left: 80, right: 80 },
        children: [
          new Paragraph({
            style: header ? STYLE.tableHeader : STYLE.tableText,
            alignment: header ? AlignmentType.CENTER : ALIGN[block.align?.[i] ?? 'left'],
            // A cell's lines (split at \n) are kept apart by line breaks, e.g. a value above its year.
            children: text.split('\n').map((line, n) => new TextRun({ text: line, break: n > 0 ? 1 : undefined })),
          }),
        ],
      });
    const rows = [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: Array.from({ length: columns }, (_, i) => cell(row[i] ?? '', i, false)) })),
    ];
    const parts: (Paragraph | Table)[] = [
      new Paragraph({ style: STYLE.caption, text: `表${this.tables}${CAPTION_GAP}${block.caption}` }),
      new Table({ width: { size: 5000, type: WidthType.PERCENTAGE }, rows }),
    ];
    if (block.note) parts.push(new Paragraph({ style: STYLE.note, children: [new TextRun(block.note)] }));
    return parts;
  }
}

/** The names of the bookmarks docx gives the headings the contents list, in the order of the body. */
function contentsBookmarks(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) contentsBookmarks(child, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'w:bookmarkStart') {
        const attributes = (Array.isArray(value) ? value[0] : value) as { _attr?: { 'w:name'?: string } } | undefined;
        const name = attributes?._attr?.['w:name'];
        if (name?.startsWith('_Toc')) found.push(name);
      } else if (key !== '_attr') {
        contentsBookmarks(value, found);
      }
    }
  }
  return found;
}

/** The contents' page numbers from the document model (./pageEstimate): the bookmarks are the listed headings, in order. */
const pageNumbersOf = (spec: DocumentSpec<DrawnBlock>): PageNumberEstimator => (body) => {
  const pages = headingPages(spec);
  return { bookmarks: new Map(contentsBookmarks(body).map((name, i) => [name, String(pages[i] ?? '')])) };
};

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' }, size: 28 })],
      }),
    ],
  });

/** The spec with its charts drawn (in parallel, ./chartPool) and placed as figures. */
async function drawCharts(spec: DocumentSpec): Promise<DocumentSpec<DrawnBlock>> {
  const charts = spec.blocks.filter((b) => b.kind === 'chart');
  const images = await renderCharts(charts.map((b) => b.chart));
  let next = 0;
  const blocks = spec.blocks.map((block): DrawnBlock => {
    if (block.kind !== 'chart') return block;
    const image = images[next++]!;
    return { kind: 'figure', png: image.png, pixelWidth: image.width, pixelHeight: image.height, widthCm: block.widthCm, caption: block.caption };
  });
  return { ...spec, blocks };
}

/** The document as .docx bytes. */
export async function buildDocx(input: DocumentSpec): Promise<Buffer> {
  checkLimits(input);
  const spec = await drawCharts(input);
  const writer = new Writer();
  // A long title goes over balanced lines (./pageEstimate titleLines), each after a line break.
  const title = new Paragraph({ style: STYLE.title, children: titleLines(spec.title).map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })) });
  const front: (Paragraph | Table | TableOfContents)[] = [title];
  for (const line of spec.subtitle ?? []) front.push(new Paragraph({ style: STYLE.subtitle, text: line }));
  if (spec.tableOfContents) {
    front.push(
      new Paragraph({ style: STYLE.tocHeading, text: `目${CAPTION_GAP}录` }),
      // Entries and page numbers are written with the file (counted by ./pageEstimate), so the contents
      // are complete in every viewer; 更新域 in Word recounts them.
      new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
      new Paragraph({ pageBreakBefore: true }),
    );
  }
  const body = spec.blocks.flatMap((block) => writer.block(block));
  const document = new Document({
    title: spec.title,
    creator: spec.creator ?? '半边天',
    styles: DOCUMENT_STYLES,
    footnotes: writer.footnotes,
    pageNumbers: spec.tableOfContents ? pageNumbersOf(spec) : undefined,
    sections: [
      {
        properties: { page: { size: PAGE.size, margin: PAGE.margin } },
        footers: { default: pageNumberFooter() },
        children: [...front, ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}


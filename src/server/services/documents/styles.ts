import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

/*
 * The committee's document format, after GB/T 9704 (党政机关公文格式): A4, body 仿宋 三号 on a fixed
 * 28-point line, first level headings 黑体, second 楷体, third 仿宋 bold, the title in 小标宋 二号,
 * page numbers 「— N —」 at the foot. Latin text and figures use Times New Roman. The font names are
 * those of Chinese Windows/WPS; a viewer without them substitutes its own CJK face.
 */

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2; // docx sizes are half-points

export const PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
} as const;

/** Width of the text block in centimetres: figures are scaled to fit it. */
export const TEXT_WIDTH_CM = (210 - 28 - 26) / 10;

export const FONTS = {
  body: '仿宋',
  heading: '黑体',
  heading2: '楷体',
  title: '方正小标宋简体',
  table: '仿宋',
  latin: 'Times New Roman',
} as const;

const BODY_SIZE = pt(16); // 三号
const LINE = 560; // 28 pt, exact

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

/** Paragraph style ids the builder refers to. */
export const STYLE = {
  title: 'HsTitle',
  subtitle: 'HsSubtitle',
  body: 'HsBody',
  caption: 'HsCaption',
  tableText: 'HsTableText',
  tableHeader: 'HsTableHeader',
  note: 'HsNote',
  tocHeading: 'HsTocHeading',
} as const;

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: font(FONTS.body), size: BODY_SIZE }, paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } } },
    heading1: {
      run: { font: font(FONTS.heading), size: BODY_SIZE, bold: false, color: '000000' },
      paragraph: { indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: font(FONTS.heading2), size: BODY_SIZE, bold: false, color: '000000' },
      paragraph: { indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true, outlineLevel: 1 },
    },
    heading3: {
      run: { font: font(FONTS.body), size: BODY_SIZE, bold: true, color: '000000' },
      paragraph: { indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true, outlineLevel: 2 },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.title, name: '文档标题', basedOn: 'Normal', next: STYLE.subtitle,
      run: { font: font(FONTS.title), size: pt(22) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 280, line: 700, lineRule: LineRuleType.EXACT } },
    },
    {
      id: STYLE.subtitle, name: '文档副标题', basedOn: 'Normal', next: STYLE.body,
      run: { font: font(FONTS.heading2), size: BODY_SIZE },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
    },
    {
      id: STYLE.body, name: '正文（仿宋）', basedOn: 'Normal', quickFormat: true,
      run: { font: font(FONTS.body), size: BODY_SIZE },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
    },
    {
      id: STYLE.caption, name: '图表题注', basedOn: 'Normal',
      run: { font: font(FONTS.heading), size: pt(12) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120, line: 360, lineRule: LineRuleType.AT_LEAST }, keepNext: true },
    },
    {
      id: STYLE.tableText, name: '表格文字', basedOn: 'Normal',
      run: { font: font(FONTS.table), size: pt(10.5) },
      paragraph: { spacing: { before: 20, after: 20, line: 280, lineRule: LineRuleType.AT_LEAST } },
    },
    {
      id: STYLE.tableHeader, name: '表头', basedOn: STYLE.tableText,
      run: { font: font(FONTS.heading), size: pt(10.5) },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE.note, name: '注释', basedOn: 'Normal',
      run: { font: font(FONTS.body), size: pt(10.5) },
      paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST } },
    },
    {
      id: STYLE.tocHeading, name: '目录标题', basedOn: 'Normal',
      run: { font: font(FONTS.heading), size: pt(16) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: LINE, lineRule: LineRuleType.EXACT } },
    },
    // Word's footnote text style, so footnotes are 小五 仿宋 rather than 三号.
    { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', run: { font: font(FONTS.body), size: pt(9) }, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AT_LEAST } } },
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', run: { font: font(FONTS.body), size: BODY_SIZE } },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', run: { font: font(FONTS.body), size: BODY_SIZE }, paragraph: { indent: { left: 640 } } },
  ],
};

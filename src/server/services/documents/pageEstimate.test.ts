import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDocx, type PrintedDocument } from '../../../../test/support/libreoffice';
import { renderChartPng } from './charts';
import { buildDocx } from './docx';
import type { DocumentSpec, DrawnBlock as Block } from './model';
import { countLines, headingPages, titleLines } from './pageEstimate';

const WIDTH = 442.2; // the text block, in points
const CJK = (n: number) => '监'.repeat(n);

describe('countLines', () => {
  it.each([
    ['27 CJK characters fill one line of 三号', CJK(27), 0, 1],
    ['the 28th goes to a second line', CJK(28), 0, 2],
    ['a first-line indent of two characters takes two from the first line', CJK(26), 32, 2],
    ['a closing comma hangs past the end of a full line of body text', `${CJK(27)}，`, 0, 1],
    ['digits are half an em: 54 digits in one line', '1'.repeat(54), 0, 1],
    ['a number is not broken: it moves whole to the next line', `${CJK(26)}2024`, 0, 2],
    ['empty text is one line', '', 0, 1],
  ])('%s', (_, text, indent, lines) => {
    expect(countLines(text, 16, WIDTH, { firstIndent: indent })).toBe(lines);
  });

  it('in a table cell a closing comma does not hang: the character before goes down with it', () => {
    expect(countLines(`${CJK(20)}，乙丙`, 10.5, 213, { hanging: false })).toBe(2);
    expect(countLines(`${CJK(20)}乙丙`, 10.5, 213, { hanging: false })).toBe(2);
    expect(countLines(`${CJK(19)}，`, 10.5, 213, { hanging: false })).toBe(1);
  });

  it('in a table cell a quarter em stands between Chinese and a number (LibreOffice printed this reason in 6 lines)', () => {
    const reason = '2030年目标（本级规划目标）出现倒退：按2022—2025年均变化-0.2%推算，2030年约为61，目标≥67.98（比2022年提高10%）需年均变化1.2%，进度比-0.14，出现倒退';
    const cell = (6 / 15.5) * WIDTH - 8; // the reason column of the warnings table
    expect(countLines(reason, 10.5, cell, { hanging: false })).toBe(5);
    expect(countLines(reason, 10.5, cell, { hanging: false, autoSpace: true })).toBe(6);
    expect(countLines(CJK(15), 10.5, cell, { hanging: false, autoSpace: true })).toBe(1); // nothing to space
  });
});

describe('titleLines', () => {
  it.each([
    ['a title that fits stays one line', '大连市2024年妇女发展规划统计监测报告', ['大连市2024年妇女发展规划统计监测报告']],
    ['one character over goes over two balanced lines, not one character alone', '大连市2024年妇女儿童发展规划统计监测报告', ['大连市2024年妇女儿童', '发展规划统计监测报告']],
  ])('%s', (_, title, lines) => {
    expect(titleLines(title)).toEqual(lines);
  });

  it('does not split a number across lines, and keeps the lines about as long as each other', () => {
    const lines = titleLines('大连市妇女儿童工作委员会办公室关于印发2024年妇女儿童工作要点的通知');
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.includes('2024'))).toBe(true);
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(3);
  });
});

const chart = renderChartPng({ xAxis: { type: 'category', data: ['2023年', '2024年'] }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1, 2] }] }, { width: 640, height: 300 });
const finding = (i: number): Block[] => [
  { kind: 'heading', level: 3, text: `第${i}项指标` },
  {
    kind: 'paragraph',
    content: [
      { text: `2024年，第${i}项指标为${(60 + i * 0.37).toFixed(2)}%，比上年提高${(i % 3) + 0.5}个百分点，比2020年提高${i}个百分点`, footnote: '资料来源：市统计局。' },
      '，已实现2025年目标（≥75%），'.repeat(1 + (i % 4)),
    ],
  },
  { kind: 'figure', png: chart.png, pixelWidth: chart.width, pixelHeight: chart.height, widthCm: 15, caption: `第${i}项指标（%）` },
];

const spec: DocumentSpec<Block> = {
  title: '合成市2024年妇女儿童发展规划统计监测报告',
  subtitle: ['合成市妇女儿童工作委员会办公室', '2026年12月7日'],
  tableOfContents: true,
  blocks: [
    { kind: 'heading', level: 1, text: '总体情况' },
    { kind: 'paragraph', content: ['根据《合成市妇女发展规划（2021—2030年）》确定的监测指标体系，'.repeat(6)] },
    ...[1, 2, 3].flatMap((area): Block[] => [
      { kind: 'heading', level: area === 1 ? 1 : 2, text: `妇女与领域${area}` },
      ...Array.from({ length: 3 + area }, (_, i) => finding(area * 10 + i)).flat(),
    ]),
    { kind: 'heading', level: 1, text: '各区比较' },
    { kind: 'table', caption: '各区达标情况', header: ['单位', '达标率', '说明'], widths: [2, 1, 5], rows: Array.from({ length: 40 }, (_, i) => [`第${i + 1}区`, `${80 - i * 0.5}%`, '进展缓慢：按2020—2024年均变化推算'.repeat(1 + (i % 3))]), note: '注：达标率 = 已达标数 ÷ 有数据的指标数。' },
    { kind: 'heading', level: 1, text: '附表' },
    { kind: 'pageBreak' },
    { kind: 'paragraph', content: ['附表说明。'] },
  ],
};

describe('the contents’ page numbers, as LibreOffice prints the document', () => {
  let printed: PrintedDocument;
  let written: number[];
  beforeAll(async () => {
    const docx = await buildDocx(spec);
    const document = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    written = [...document.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g)].map((m) => Number(m[1]));
    printed = printDocx(docx, 'pages');
  }, 180_000);
  afterAll(() => printed?.dispose());

  it('writes for each listed heading the page LibreOffice prints it on', () => {
    const pages = printed.text.split('\f').map((page) => page.replace(/\s+/g, ''));
    const headings = ['一、总体情况', '二、妇女与领域1', '（一）妇女与领域2', '（二）妇女与领域3', '三、各区比较', '四、附表'];
    // The contents fill pages 1–2's top; a heading is looked for after them.
    const printedOn = headings.map((h) => pages.findIndex((page, i) => i > 0 && page.includes(h) && !/\.{3}/.test(page)) + 1);
    expect(printed.pages).toBeGreaterThan(8);
    expect(written).toEqual(printedOn);
    expect(headingPages(spec)).toEqual(printedOn);
  });
});

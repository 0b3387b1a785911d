import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDocx, type PrintedDocument } from '../../../../test/support/libreoffice';
import { renderChartPng } from './charts';
import { buildDocx, DocumentLimitError } from './docx';
import type { DocumentSpec } from './model';

const chart = renderChartPng(
  {
    legend: { top: 0 },
    xAxis: { type: 'category', data: ['2020年', '2021年', '2022年'] },
    yAxis: { type: 'value', min: 50, max: 75 },
    series: [{ type: 'line', name: '合计', data: [55, 57, 58.4], markLine: { symbol: 'none', data: [{ yAxis: 70, name: '目标' }] } }],
  },
  { width: 480, height: 240 },
);

const spec: DocumentSpec = {
  title: '大连市2024年妇女发展规划统计监测报告',
  subtitle: ['大连市妇女儿童工作委员会办公室'],
  tableOfContents: true,
  blocks: [
    { kind: 'heading', level: 1, text: '总体情况' },
    { kind: 'paragraph', content: ['54 项可监测指标中 44 项已达标，达标率 81.5%', { text: '。', footnote: '资料来源：市统计局。统计口径：常住人口。' }] },
    { kind: 'heading', level: 1, text: '妇女与健康' },
    { kind: 'heading', level: 2, text: '孕产妇系统管理率稳步提高' },
    { kind: 'heading', level: 3, text: '孕产妇系统管理率' },
    { kind: 'figure', png: chart.png, pixelWidth: chart.width, pixelHeight: chart.height, caption: '孕产妇系统管理率（%）' },
    { kind: 'heading', level: 2, text: '各区达标情况' },
    {
      kind: 'table', caption: '各区县达标率', header: ['单位', '达标率'], align: ['left', 'right'],
      rows: Array.from({ length: 60 }, (_, i) => [`第${i + 1}区`, `${80 - i * 0.5}%`]), note: '注：达标率 = 已达标数 ÷ 有数据的指标数。',
    },
  ],
};

async function parts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footnotes: await read('word/footnotes.xml'),
    footers: await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)),
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
  };
}

describe('docx builder', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await buildDocx(spec);
  });

  it('numbers headings 一、（一）1. and figures and tables', async () => {
    const { document } = await parts(docx);
    for (const text of ['一、总体情况', '二、妇女与健康', '（一）孕产妇系统管理率稳步提高', '1.孕产妇系统管理率', '（二）各区达标情况', '图1　孕产妇系统管理率（%）', '表1　各区县达标率']) {
      expect(document).toContain(`>${text}<`);
    }
  });

  it('uses the committee styles: 仿宋 body, 黑体 and 楷体 headings, A4', async () => {
    const { styles, document } = await parts(docx);
    expect(styles).toMatch(/w:styleId="HsBody"[\s\S]*?w:eastAsia="仿宋"/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?w:eastAsia="楷体"/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('writes a table of contents with page numbers, a page number footer, footnotes, a repeated header row and the image', async () => {
    const { document, footers, footnotes, media } = await parts(docx);
    expect(document).toContain('TOC \\h \\o &quot;1-2&quot;');
    // The first heading starts page 2, after the title page with the contents.
    expect(document).toMatch(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">2<\/w:t>/);
    expect(footers.join('')).toContain('PAGE');
    expect(footnotes).toContain('资料来源：市统计局。统计口径：常住人口。');
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(media).toHaveLength(1);
  });

  it('breaks a table cell at its \\n: a value above its year', async () => {
    const { document } = await parts(await buildDocx({ title: 't', blocks: [{ kind: 'table', caption: '附表', header: ['最新值'], rows: [['31.86%\n（2024）']] }] }));
    expect(document).toMatch(/<w:t xml:space="preserve">31\.86%<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">（2024）<\/w:t>/);
  });

  it('refuses a table past the row limit before writing', async () => {
    const rows = Array.from({ length: 5001 }, () => ['x']);
    await expect(buildDocx({ title: 't', blocks: [{ kind: 'table', caption: '大表', header: ['a'], rows }] })).rejects.toThrow(DocumentLimitError);
  });
});

describe('docx builder, as LibreOffice prints it', () => {
  let printed: PrintedDocument;
  beforeAll(async () => {
    printed = printDocx(await buildDocx(spec), 'sample');
  }, 180_000);
  afterAll(() => printed?.dispose());

  it('prints the title, the table of contents, the numbered headings, the caption and the footnote', () => {
    const text = printed.text.replace(/[ \t]+/g, '');
    for (const line of ['大连市2024年妇女发展规划统计监测报告', '目录', '一、总体情况', '（一）孕产妇系统管理率稳步提高', '1.孕产妇系统管理率', '图1孕产妇系统管理率（%）', '资料来源：市统计局。']) {
      expect(text).toContain(line);
    }
  });

  it('places the chart image and spreads the long table over pages, header repeated', () => {
    expect(printed.images).toBe(1);
    expect(printed.pages).toBeGreaterThanOrEqual(3);
    const pagesWithHeader = printed.text.split('\f').filter((page) => /单位\s+达标率/.test(page));
    expect(pagesWithHeader.length).toBeGreaterThanOrEqual(2);
  });
});

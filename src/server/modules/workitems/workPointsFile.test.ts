import { describe, expect, it } from 'vitest';
import type { ParsedWorkPoint } from '../../../shared/workitems/parseWorkPoints';
import { handMadeWorkPoints, sheetXlsx, type SheetCell } from '../../../../test/support/workPointSheets';
import { readWorkPointsFile, WORK_POINTS_FILE_LIMIT } from './workPointsFile';

const EXPORT_HEADER = ['编号', '标题', '内容', '牵头单位', '配合单位', '完成时限', '实事项目', '状态', '最近备案', '最近通报', '关联重要事项'];
const outline = (points: ParsedWorkPoint[]): unknown[] =>
  points.map((p) => ({ label: p.label, title: p.title, leads: p.leads, partners: p.partners, due: p.due, practical: p.practical, ...(p.children.length ? { children: outline(p.children) } : {}) }));
const read = async (rows: SheetCell[][], options: { merges?: string[]; year?: number } = {}) =>
  readWorkPointsFile('要点.xlsx', await sheetXlsx(rows, { name: '要点', merges: options.merges }), { year: options.year });

describe('readWorkPointsFile on .xlsx', () => {
  it('reads the layout the export writes: the numbering path gives the tree, text keeps its lines', async () => {
    const parsed = await read([
      ['大连市妇女儿童工作委员会2027年工作要点'],
      EXPORT_HEADER,
      ['一、', '加强组织领导', '', '', '', '', '', '', '', '', ''],
      ['一、1、', '召开全体会议', '总结上年工作。\n部署本年任务。', '大连市妇联', '大连市教育局、大连市民政局', '2027-06-30', '', '', '', '', ''],
      ['一、1、（1）', '印发会议纪要', '', '大连市妇联', '', '', '是', '未备案', '', '', ''],
      ['一、2、', '开展中期评估', '', '大连市统计局', '', '', '', '', '', '', '1. 妇女就业'],
      ['二、', '保障健康', '', '', '', '2027-12-31', '是', '已备案', '2027-03-01 大妇儿工委〔2027〕2号', '', ''],
    ]);
    expect([parsed.title, parsed.year, parsed.warnings]).toEqual(['大连市妇女儿童工作委员会2027年工作要点', 2027, []]);
    expect(outline(parsed.points)).toEqual([
      {
        label: '一、', title: '加强组织领导', leads: [], partners: [], due: null, practical: false, children: [
          { label: '1、', title: '召开全体会议', leads: ['大连市妇联'], partners: ['大连市教育局', '大连市民政局'], due: '2027-06-30', practical: false, children: [
            { label: '（1）', title: '印发会议纪要', leads: ['大连市妇联'], partners: [], due: null, practical: true },
          ] },
          { label: '2、', title: '开展中期评估', leads: ['大连市统计局'], partners: [], due: null, practical: false },
        ],
      },
      { label: '二、', title: '保障健康', leads: [], partners: [], due: '2027-12-31', practical: true },
    ]);
    expect(parsed.points[0]!.children[0]!.text).toBe('总结上年工作。\n部署本年任务。');
    expect(parsed.points[0]!.children[0]!.line).toBe(4);
  });

  it('reads a sheet made by hand: title and sections merged, stray spaces, numbers, units split, Excel and text dates', async () => {
    const parsed = await readWorkPointsFile('手工.xlsx', await handMadeWorkPoints());
    expect([parsed.title, parsed.year, parsed.warnings]).toEqual(['大连市妇女儿童工作委员会2027年工作要点', 2027, []]);
    expect(outline(parsed.points)).toEqual([
      {
        label: '一、', title: '加强组织领导', leads: [], partners: [], due: null, practical: false, children: [
          { label: '1、', title: '召开妇儿工委全体会议', leads: ['市妇儿工委办公室'], partners: [], due: '2027-06-30', practical: false },
          { label: '2、', title: '开展规划中期评估', leads: ['市统计局'], partners: ['市妇联'], due: '2027-09-30', practical: true },
        ],
      },
      {
        label: '二、', title: '保障妇女儿童健康', leads: [], partners: [], due: null, practical: false, children: [
          // Merged down over two rows: one point with the units of both.
          { label: '1、', title: '推进“两癌”免费检查', leads: ['市卫生健康委员会'], partners: ['市财政局', '市妇联'], due: '2027-12-31', practical: true },
          { label: '2、', title: '建设儿童友好医院', leads: ['市卫生健康委员会'], partners: [], due: null, practical: false },
        ],
      },
    ]);
  });

  it('reads a sheet without a 序号 column: sections by their numbering in the title, other rows numbered in order, a header repeated on a new page skipped', async () => {
    const parsed = await read([
      ['工作要点', '具体内容', '牵头单位', '配合单位'],
      ['一、加强组织领导', null, null, null],
      ['召开全体会议', '总结上年工作', '市妇联', '市教育局；市民政局'],
      [null, '部署本年任务', null, null],
      ['工作要点', '具体内容', '牵头单位', '配合单位'],
      ['开展中期评估', null, '市统计局', null],
      ['二、保障妇女儿童健康', null, null, null],
      ['推进“两癌”免费检查', null, '市卫生健康委员会', '市财政局'],
    ], { year: 2027 });
    expect(outline(parsed.points)).toEqual([
      {
        label: '一、', title: '加强组织领导', leads: [], partners: [], due: null, practical: false, children: [
          { label: '1、', title: '召开全体会议', leads: ['市妇联'], partners: ['市教育局', '市民政局'], due: null, practical: false },
          { label: '2、', title: '开展中期评估', leads: ['市统计局'], partners: [], due: null, practical: false },
        ],
      },
      {
        label: '二、', title: '保障妇女儿童健康', leads: [], partners: [], due: null, practical: false, children: [
          { label: '1、', title: '推进“两癌”免费检查', leads: ['市卫生健康委员会'], partners: ['市财政局'], due: null, practical: false },
        ],
      },
    ]);
    // A row with only 内容 goes on with the point above.
    expect(parsed.points[0]!.children[0]!.text).toBe('总结上年工作\n部署本年任务');
    expect([parsed.title, parsed.year, parsed.warnings]).toEqual([null, 2027, []]);
  });

  it.each<[string, SheetCell, number | undefined, string | null]>([
    ['an Excel date', new Date(Date.UTC(2027, 5, 30)), undefined, '2027-06-30'],
    ['an Excel date serial without a date format', 46_568, undefined, '2027-06-30'],
    ['a date typed as text', '2027年6月30日', undefined, '2027-06-30'],
    ['a date with slashes', '2027/6/15', undefined, '2027-06-15'],
    ['「6月底前」 in the title year', '6月底前', undefined, '2027-06-30'],
    ['「6月底前」 in the year asked for', '6月底前', 2030, '2030-06-30'],
    ['「9月30日前」', '9月30日前', undefined, '2027-09-30'],
    ['「上半年」', '上半年', undefined, '2027-06-30'],
    ['「年底前」', '年底前', undefined, '2027-12-31'],
    ['「长期坚持」 (no date)', '长期坚持', undefined, null],
    ['an empty cell, with a date in the title', null, undefined, '2027-10-31'],
  ])('reads the 完成时限 of %s', async (_what, due, year, expected) => {
    const parsed = await read([['2027年工作要点'], ['序号', '工作要点', '完成时限'], [1, '10月底前完成评估', due]], { year });
    expect(parsed.points[0]!.due).toBe(expected);
  });

  it.each<[string, SheetCell[][], string]>([
    ['no header', [['2027年工作要点'], ['一、', '加强领导']], '工作表“要点”前 20 行中没有找到表头'],
    ['a header and nothing under it', [['序号', '工作要点', '责任单位']], '工作表“要点”表头下没有工作要点'],
    ['a 序号 that is no number', [['序号', '工作要点'], ['甲', '召开会议']], '工作表“要点”第 2 行 A 列（序号）“甲”不是编号'],
    ['an empty 序号', [['序号', '工作要点'], [1, '召开会议'], [null, '印发纪要']], '工作表“要点”第 3 行 A 列的序号为空'],
    ['an empty title', [['序号', '工作要点'], [1, null, '']], '工作表“要点”第 2 行 B 列的工作要点为空'],
    ['a bad 完成时限', [['2027年工作要点'], ['序号', '工作要点', '完成时限'], [1, '召开会议', '下周']], '工作表“要点”第 3 行 C 列（完成时限）“下周”无法识别'],
    ['a day that does not exist', [['序号', '工作要点', '完成时限'], [1, '召开会议', '2027-02-30']], '第 2 行 C 列（完成时限）“2027-02-30”无法识别'],
    ['a bad 实事项目 mark', [['序号', '工作要点', '实事项目'], [1, '召开会议', '也许']], '工作表“要点”第 2 行 C 列（实事项目）“也许”无法识别'],
    ['a path without its parent', [['编号', '标题'], ['一、', '甲'], ['一、1、（1）', '乙']], '工作表“要点”第 3 行 A 列的编号“一、1、（1）”没有上级条目'],
    ['a fourth level', [['编号', '标题'], ['一、', '甲'], ['一、1、', '乙'], ['一、1、（1）', '丙'], ['一、1、（1）（一）', '丁']], '是第 4 级，工作要点最多 3 级'],
  ])('refuses %s with the sheet, row and column', async (_what, rows, message) => {
    await expect(read(rows)).rejects.toMatchObject({ code: 'WORK_POINTS_INVALID', message: expect.stringContaining(message) });
  });

  it('refuses a sheet of more than 1,000 rows before reading a row', async () => {
    const rows: SheetCell[][] = [['序号', '工作要点'], ...Array.from({ length: 1_000 }, (_, i) => [i + 1, `第${i + 1}条`])];
    await expect(read(rows)).rejects.toMatchObject({ code: 'WORK_POINTS_INVALID', message: '工作表“要点”有 1001 行：工作要点表最多 1000 行、300 条' });
  });

  it.each<[string, string, Uint8Array, string]>([
    ['a file over the limit', 'big.xlsx', new Uint8Array(WORK_POINTS_FILE_LIMIT + 1), '文件过大：工作要点最大 5 MB'],
    ['an .xlsx that is no workbook', 'broken.xlsx', new TextEncoder().encode('not a zip'), '无法读取 .xlsx 文件'],
    ['an old .xls', 'old.xls', new Uint8Array(10), '不支持旧版 Excel 格式（.xls）'],
    ['a PDF', 'x.pdf', new Uint8Array(10), '不支持的文件类型“.pdf”：请上传 .txt（UTF-8 或 GB18030 编码）、.docx 或 .xlsx 文件'],
  ])('refuses %s', async (_what, name, bytes, message) => {
    await expect(readWorkPointsFile(name, bytes)).rejects.toMatchObject({ code: 'WORK_POINTS_INVALID', message: expect.stringContaining(message) });
  });
});

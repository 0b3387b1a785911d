import { describe, expect, it } from 'vitest';
import { problemRows, summaryText } from './outcome';

describe('summaryText', () => {
  it('counts what changed, naming deletions only when there were some', () => {
    expect(summaryText({ imported: 4, updated: 1, deleted: 0, ignored: 7 })).toBe('导入完成：新增 4 项，修改 1 项，未变 7 项');
    expect(summaryText({ imported: 0, updated: 0, deleted: 2, ignored: 0 })).toBe('导入完成：新增 0 项，修改 0 项，删除 2 项，未变 0 项');
  });

  it('says so when the file changed nothing', () => {
    expect(summaryText({ imported: 0, updated: 0, deleted: 0, ignored: 9 })).toBe('上传成功，没有数据变化：文件中的 9 项与已有数据相同');
    expect(summaryText({ imported: 0, updated: 0, deleted: 0, ignored: 0 })).toBe('上传成功，但文件中没有填写任何数据');
  });
});

describe('problemRows', () => {
  it('splits a cell’s problem into its place and the reason', () => {
    expect(problemRows([{ path: '西岗区!G6', line: 6, message: '工作表“西岗区”第 6 行 G 列（女）：应为数字，实为“约300”' }])).toEqual([
      { key: '0', place: '工作表“西岗区”第 6 行 G 列（女）', reason: '应为数字，实为“约300”' },
    ]);
  });

  it('keeps a reason that itself holds a colon whole', () => {
    const [row] = problemRows([{ message: '工作表“中山区”第 12 行 AB 列（说明）：说明过长：不超过 500 字' }]);
    expect(row).toMatchObject({ place: '工作表“中山区”第 12 行 AB 列（说明）', reason: '说明过长：不超过 500 字' });
  });

  it('falls back to the cell reference, or a dash, for other wording', () => {
    expect(problemRows([{ path: '西岗区!F4', message: '已被他人修改' }, { message: '模板已损坏' }])).toEqual([
      { key: '0', place: '西岗区!F4', reason: '已被他人修改' },
      { key: '1', place: '—', reason: '模板已损坏' },
    ]);
  });
});

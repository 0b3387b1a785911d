import { describe, expect, it } from 'vitest';
import { describeProblem, parseAreaCell, parseItemCell, parseResponsibilityRows, type PlanItemRef, type SourceRow } from './responsibilityTable';

const DEPARTMENTS = [
  { id: 11, name: '大连市卫生健康委员会', shortName: '市卫健委' },
  { id: 12, name: '大连市教育局', shortName: '市教育局' },
  { id: 13, name: '大连市妇女联合会', shortName: '市妇联' },
];
const ITEMS: PlanItemRef[] = [
  { kind: 'goal', id: 101, areaNo: 1, no: 1 },
  { kind: 'goal', id: 102, areaNo: 1, no: 2 },
  { kind: 'measure', id: 201, areaNo: 1, no: 1 },
  { kind: 'goal', id: 103, areaNo: 2, no: 1 },
];
const HEADER = ['领域', '目标/措施编号', '牵头单位', '配合单位', '内容（仅供参考，导入时不读取）'];
const sheet = (...body: string[][]): SourceRow[] => [
  { line: 1, cells: ['大连市妇女发展规划责任分解表'] },
  { line: 2, cells: HEADER },
  ...body.map((cells, i) => ({ line: i + 3, cells })),
];
const parse = (rows: SourceRow[]) => parseResponsibilityRows(rows, ITEMS, DEPARTMENTS, '大连市妇儿工委');

describe('area and item cells', () => {
  it.each([
    ['（一）', 1], ['（一）妇女与健康', 1], ['(二)妇女与教育', 2], ['一、', 1], ['十一', 11], ['3', 3], ['１', 1], ['妇女与健康', null], ['', null],
  ])('area %s → %s', (cell, no) => expect(parseAreaCell(cell)).toBe(no));
  it.each([
    ['目标2', { kind: 'goal', no: 2 }], ['目标 2', { kind: 'goal', no: 2 }], ['措施３', { kind: 'measure', no: 3 }],
    ['策略措施1', { kind: 'measure', no: 1 }], ['2', { kind: 'goal', no: 2 }], ['第2条', { kind: 'goal', no: 2 }], ['目标0', null], ['目标二', null], ['措施', null],
  ])('item %s → %j', (cell, ref) => expect(parseItemCell(cell)).toEqual(ref));
});

describe('parseResponsibilityRows', () => {
  it('reads good rows: short and full names, several per cell, blank rows skipped, an empty row clears', () => {
    const result = parse(sheet(
      ['（一）妇女与健康', '目标1', '市卫健委', '市教育局、大连市妇女联合会', '孕产妇死亡率…'],
      ['', '', '', ''],
      ['（一）', '措施 1', '大连市卫生健康委员会；市妇联', ''],
      ['（二）', '目标1', '', ''],
    ));
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 3, item: ITEMS[0], leads: [11], partners: [12, 13] },
        { line: 5, item: ITEMS[2], leads: [11, 13], partners: [] },
        { line: 6, item: ITEMS[3], leads: [], partners: [] },
      ],
    });
  });

  it.each([
    ['unknown department', ['（一）', '目标1', '市民政局', ''], [{ line: 3, column: 'C', message: '“市民政局”不是大连市妇儿工委的成员单位（请填写成员单位的简称或全称）' }]],
    ['no such goal', ['（一）', '目标9', '市卫健委', ''], [{ line: 3, column: 'B', message: '规划中没有（一）目标9' }]],
    ['bad area', ['健康', '目标1', '市卫健委', ''], [{ line: 3, column: 'A', message: '“健康”不是领域序号，应写作“（一）”或“（一）妇女与健康”' }]],
    ['bad number', ['（一）', '第二个', '市卫健委', ''], [{ line: 3, column: 'B', message: '“第二个”不是目标或措施编号，应写作“目标2”或“措施3”' }]],
    ['partners without lead', ['（一）', '目标1', '', '市妇联'], [{ line: 3, column: 'C', message: '已填写配合单位，但未填写牵头单位' }]],
    ['lead also partner', ['（一）', '目标1', '市卫健委', '市卫健委'], [{ line: 3, column: 'D', message: '“市卫健委”已是牵头单位，不能同时作为配合单位' }]],
  ])('refuses %s', (_name, cells, problems) => {
    expect(parse(sheet(cells as string[]))).toEqual({ ok: false, problems });
  });

  it('reports every bad row at once, good rows not returned, duplicates named', () => {
    const result = parse(sheet(
      ['（一）', '目标1', '市卫健委', ''],
      ['（一）', '目标1', '市教育局', ''],
      ['（二）', '目标1', '市公安局', '市体育局'],
    ));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => describeProblem('责任分解', p))).toEqual([
      '工作表“责任分解”第 4 行 B 列（目标/措施编号）：（一）目标1与第 3 行重复',
      '工作表“责任分解”第 5 行 C 列（牵头单位）：“市公安局”不是大连市妇儿工委的成员单位（请填写成员单位的简称或全称）',
      '工作表“责任分解”第 5 行 D 列（配合单位）：“市体育局”不是大连市妇儿工委的成员单位（请填写成员单位的简称或全称）',
    ]);
  });

  it('needs the header and at least one row', () => {
    expect(parse([{ line: 1, cells: ['编号', '单位'] }])).toMatchObject({ ok: false, problems: [{ line: 1, column: null }] });
    expect(parse(sheet())).toEqual({ ok: false, problems: [{ line: 2, column: null, message: '表头下没有任何目标或措施' }] });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparatorOf, dueOf, firstQuantity } from './milestones';
import { KeyItemsError, parseKeyItemRows, parseKeyItemsText } from './parseKeyItems';
import { cleanCell, matchDepartment, splitUnits } from './text';

const SEED = readFileSync(new URL('../../server/demo/texts/yantai-key-items-2023.txt', import.meta.url), 'utf8');
const HEADER = '序号\t事项名称\t事项简介\t年度任务目标\t年度工作计划\t\t牵头单位\n\t\t\t\t上半年\t下半年\t';

describe('key-items table parser', () => {
  it('reads seed 004: 20 items under repeated headers, the year from the title', () => {
    const { title, year, items, warnings } = parseKeyItemsText(SEED);
    expect(title).toBe('烟台市“十四五”妇女儿童发展规划2023年重要事项推进计划表');
    expect(year).toBe(2023);
    expect(items.map((i) => i.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(warnings).toEqual([]);
    expect(items[0]).toMatchObject({
      no: 1,
      name: '扩大农村适龄妇女、城镇低保家庭妇女宫颈癌和乳腺癌检查覆盖面',
      leads: ['市卫生健康委'],
      partners: [],
      milestones: [
        { period: 'annual', value: 22, unit: '万人', due: '2023-12-31', comparator: '>=' },
        { period: 'H1', text: '完成10万人，制定“两癌”检查质控方案。', value: 10, unit: '万人', due: '2023-06-30' },
        { period: 'H2', value: 12, unit: '万人', due: '2023-12-31' },
      ],
    });
    expect(items[0]!.summary).toMatch(/^宫颈癌和乳腺癌是严重威胁妇女健康的恶性肿瘤。/);
  });

  it.each([
    // [what, item no, name, leads]
    ['a name wrapped with stray spaces', 7, '建立学校家庭社会协同育人机制', ['市教育局', '市妇联']],
    ['a unit name wrapped across a space is one unit', 8, '举办女性专场招聘活动', ['市人力资源社会保障局']],
    ['three lead units in one cell', 10, '开展“爱在山海遇见幸福”青年人才喜相逢联谊活动', ['市妇联', '市总工会', '团市委']],
    ['a unit that is a government', 20, '创建国家儿童友好城市', ['龙口市政府']],
  ])('seed 004: %s', (_what, no, name, leads) => {
    const item = parseKeyItemsText(SEED).items.find((i) => i.no === no)!;
    expect([item.name, item.leads]).toEqual([name, leads]);
  });

  it.each([
    // [item, period, value, unit, due]
    [2, 'H2', null, null, '2023-12-30'], // 「于12月30日前上报」
    [3, 'annual', 52, '%', '2023-12-31'],
    [4, 'annual', 0.5, '个百分点', '2023-12-31'],
    [5, 'annual', 13, '处', '2023-12-31'],
    [13, 'H1', 2500, '个', '2023-06-30'],
    [17, 'annual', 3000, '件', '2023-12-31'],
    [19, 'annual', 50, '场次', '2023-12-31'], // 「50 场次」 with spaces
    [20, 'annual', null, null, '2023-12-31'], // 「（32991 平方米）」 describes the site, it is no target
  ] as const)('seed 004 item %i, %s: %s %s due %s', (no, period, value, unit, due) => {
    const item = parseKeyItemsText(SEED).items.find((i) => i.no === no)!;
    expect(item.milestones.find((m) => m.period === period)).toMatchObject({ value, unit, due });
  });

  it('item 3 has one plan for the whole year: no 下半年 milestone', () => {
    expect(parseKeyItemsText(SEED).items[2]!.milestones.map((m) => m.period)).toEqual(['annual', 'H1']);
  });

  it('joins a cell broken over two lines, and reads a 配合单位 column and 所 as a unit', () => {
    const text = `2024年重点事项表\n序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位\t配合单位\n` +
      `1\t新建 普惠性\t幼儿园\t新增普惠性幼儿园12所\t完成\n6 所\t完成6所\t市教育局\t市财政局、市住房和城乡 建设局\n`;
    const { year, items } = parseKeyItemsText(text);
    expect(year).toBe(2024);
    expect(items[0]).toMatchObject({ name: '新建普惠性', summary: '幼儿园', leads: ['市教育局'], partners: ['市财政局', '市住房和城乡建设局'] });
    expect(items[0]!.milestones.map((m) => [m.period, m.value, m.unit])).toEqual([['annual', 12, '所'], ['H1', 6, '所'], ['H2', 6, '所']]);
  });

  it('a worksheet’s rows, the year given, helpers after 配合：', () => {
    const rows = [HEADER.split('\n')[0]!.split('\t'), HEADER.split('\n')[1]!.split('\t'), ['1', '控制死亡率', '', '孕产妇死亡率控制在10/10万以下', '', '', '市卫生健康委 配合：市妇联']];
    const parsed = parseKeyItemRows(rows.map((cells, i) => ({ line: i + 1, cells })), { year: 2025 });
    expect(parsed.items[0]).toMatchObject({ leads: ['市卫生健康委'], partners: ['市妇联'], milestones: [{ period: 'annual', due: '2025-12-31', comparator: '<=' }] });
  });

  it.each([
    ['no item at all', '会议纪要\n一、事项', '未识别到重要事项'],
    ['only headers', HEADER, '未识别到重要事项'],
  ])('refuses %s with a Chinese message', (_what, text, message) => {
    expect(() => parseKeyItemsText(text)).toThrow(KeyItemsError);
    expect(() => parseKeyItemsText(text)).toThrow(message);
  });

  it('warns about a repeated number, an item without a lead, a stray line and an unknown year', () => {
    const text = `${HEADER}\n1\t甲\t\t完成10场\t\t\t市妇联\n1\t乙\t\t完成5场\t\t\t市妇联\n2\t丙\t\t完成3场\t\t\t\n注：以上为计划\n`;
    expect(parseKeyItemsText(text).warnings).toEqual([
      { line: 6, message: '无法识别的行，已跳过：“注：以上为计划”' },
      { line: 0, message: '标题中没有年份，也未指定年度：各节点未设截止日期' },
      { line: 4, message: '序号 1 重复（第 3 行已有），已跳过' },
      { line: 5, message: '第 2 项“丙”没有牵头单位' },
    ]);
  });
});

describe('cell text', () => {
  it.each([
    ['建立学校 家庭社会 协同育人 机制', '建立学校家庭社会协同育人机制'],
    ['烟台市博物馆活动场次 50 场次；', '烟台市博物馆活动场次50场次；'],
    ['  Open  SDG 指标 ', 'Open SDG指标'],
  ])('cleans %s', (raw, clean) => expect(cleanCell(raw)).toBe(clean));

  it.each([
    ['市教育局 市妇联', ['市教育局', '市妇联']],
    ['市人力资源 社会保障局', ['市人力资源社会保障局']],
    ['市文化和旅游局、市妇联，市教育局', ['市文化和旅游局', '市妇联', '市教育局']],
    ['市妇联 市总工会 团市委', ['市妇联', '市总工会', '团市委']],
    ['', []],
  ])('splits %s', (cell, units) => expect(splitUnits(cell)).toEqual(units));

  const departments = [
    { id: 1, name: '大连市卫生健康委员会', shortName: '卫健委' },
    { id: 2, name: '大连市人力资源和社会保障局', shortName: '人社局' },
    { id: 3, name: '大连市妇女联合会', shortName: '妇联' },
    { id: 4, name: '共青团大连市委员会', shortName: '团委' },
    { id: 5, name: '大连市教育局', shortName: '教育局' },
  ];
  it.each([
    ['市卫生健康委', 1],
    ['市人力资源社会保障局', 2],
    ['市妇联', 3],
    ['团市委', 4],
    ['大连市教育局', 5],
    ['市残联', null],
    ['龙口市政府', null],
  ])('matches %s to department %s', (name, id) => expect(matchDepartment(name, departments, '大连市')?.id ?? null).toBe(id));
});

describe('milestone figures', () => {
  it.each([
    ['预计完成“两癌”检查 22 万人。', 22, '万人'],
    ['达标优良率达到52%。', 52, '%'],
    ['新增托位5000个，总托位数达24000个', 5000, '个'],
    ['新建普惠性幼儿园 3 所', 3, '所'],
    ['确定的11个部门分工，开展2场', 2, '场'],
    ['发放600余本指南', 600, '本'],
    ['2023年开展工作', null, null],
  ])('%s → %s %s', (text, value, unit) => expect(firstQuantity(text)).toEqual(value === null ? null : { value, unit }));

  it.each([
    ['H1', '完成10万人', '2024-06-30'],
    ['H2', '于12月30日前上报活动情况', '2024-12-30'],
    ['annual', '全年完成', '2024-12-31'],
  ] as const)('%s 「%s」 is due %s', (period, text, due) => expect(dueOf(period, text, 2024)).toBe(due));

  it.each([
    ['孕产妇死亡率控制在10/10万以下', '<='],
    ['比例不低于20%', '>='],
  ])('%s compares with %s', (text, comparator) => expect(comparatorOf(text)).toBe(comparator));
});

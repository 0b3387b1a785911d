import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dueOf, paragraphsOf, parseWorkPoints, WorkPointsError, type ParsedWorkPoint } from './parseWorkPoints';

/** Seed 003 as it came: 淄博市妇儿工委 2015年工作要点 with its notice. */
const SEED = readFileSync(new URL('../../server/demo/texts/zibo-work-points-2015.txt', import.meta.url), 'utf8');

const outline = (points: ParsedWorkPoint[]): string[] => points.flatMap((p) => [`${p.label}${p.title}`, ...outline(p.children).map((c) => `  ${c}`)]);

describe('work points parser over seed 003', () => {
  const parsed = parseWorkPoints(SEED);

  it('finds the title broken over two lines, the year and the introduction', () => {
    expect(parsed.title).toBe('淄博市妇女儿童工作委员会2015年工作要点');
    expect(parsed.year).toBe(2015);
    expect(parsed.intro).toMatch(/^2015年是实施妇女儿童发展“十二五”收官之年，.*推动妇女儿童工作再上新台阶。$/);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads five sections and their numbered items as a tree', () => {
    expect(outline(parsed.points)).toEqual([
      '一、抓住有利契机，推动国策教育培训制度化、常态化',
      '  1、继续开展男女平等和儿童优先原则宣传月主题活动',
      '  2、建立男女平等基本国策宣传教育长效机制',
      '二、围绕重点难点，坚持办实事，确保“两个规划”目标全面落实',
      '  1、切实做好科学发展综合考核工作',
      '  2、进一步完善为妇女儿童办实事长效机制',
      '  3、做好“两个规划”监测评估组织工作',
      '三、高度重视、科学谋划、组织编制好妇女儿童发展“十三五”规划',
      '四、创新工作模式，继续实施农村妇女“两癌”免费检查全覆盖项目',
      '  1、进一步推动党委政府加大“两癌”检查力度',
      '  2、完善建立“两癌”贫困患病妇女救助长效机制',
      '  3、建立“两癌”患病妇女心理干预咨询站',
      '五、加强自身建设，发挥好妇儿工委办公室职能作用',
      '  1、组织开展妇女儿童专题调研',
      '  2、加强妇儿工委办公室机构建设',
      '  3、完善督查、会议、信息交流、总结报告、数据统计等各项工作机制',
    ]);
  });

  it.each([
    // [section, item (0: the section), line, text begins, text ends]
    [1, 0, 13, '抓住95世妇会召开', '进一步优化妇女儿童发展的社会环境。'],
    [1, 1, 16, '在全市组织开展3月男女平等基本国策宣传月', '知晓率和认同度。'],
    [2, 2, 24, '落实好市委、市政府', '查找原因，制定政策，加大投入，重点突破。'],
    [3, 0, 27, '“十三五”是促进妇女儿童事业', '促进妇女儿童与经济社会同步协调发展。'], // the paragraph after a blank line
    [4, 3, 38, '定期组织专家', '建立健康心理。'], // an item without a blank line before it
    [5, 0, 39, '', ''], // a section of items only
  ])('section %i item %i: line %i, its text', (section, item, line, begins, ends) => {
    const s = parsed.points[section - 1]!;
    const p = item === 0 ? s : s.children[item - 1]!;
    expect(p.line).toBe(line);
    expect(p.text.startsWith(begins)).toBe(true);
    expect(p.text.endsWith(ends)).toBe(true);
  });

  it('offers the units the text mentions, and assigns none', () => {
    const p = parsed.points[3]!.children[0]!;
    expect(p.mentioned).toEqual(['市财政局', '市卫计委']);
    expect([p.leads, p.partners]).toEqual([[], []]);
    const all = (ps: ParsedWorkPoint[]): ParsedWorkPoint[] => ps.flatMap((q) => [q, ...all(q.children)]);
    // 「为全市妇女儿童办好事实事」 and 「市妇儿工委」 name no member unit.
    expect(all(parsed.points).filter((q) => q.mentioned.length > 0).map((q) => q.line)).toEqual([35]);
  });

  it('reads the seed the same with every line ending CRLF and with hard wraps every 30 characters', () => {
    expect(outline(parseWorkPoints(SEED.replace(/\n/g, '\r\n')).points)).toEqual(outline(parsed.points));
    const wrapped = SEED.split('\n').map((l) => (l.length > 40 ? l.match(/.{1,30}/gu)!.join('\n') : l)).join('\n');
    const again = parseWorkPoints(wrapped);
    expect(outline(again.points)).toEqual(outline(parsed.points));
    expect(again.points[3]!.children[0]!.text).toBe(parsed.points[3]!.children[0]!.text);
  });
});

describe('numbering levels, units, deadlines and warnings', () => {
  const TEXT = [
    '某市妇女儿童工作委员会',
    '2024年工作要点',
    '一、加强组织领导',
    '（一）健全工作机制',
    '1.召开全体委员会议。6月底前召开年度全体委员会议（牵头单位：市妇儿工委办公室；配合单位：市教育局、市人力资源 社会保障局）',
    '2.开展统计监测。',
    '（1）印发监测方案。会后一周内印发。',
    '（2）督促落实。（实事项目）年底前完成（市卫生健康委牵头，市妇联配合）',
    '（二）加强督查',
    '二、为妇女儿童办实事',
    '1、新建公办幼儿园20所。（责任单位：市教育局、市财政局）',
  ].join('\n');
  const parsed = parseWorkPoints(TEXT);

  it('keeps the first three levels in the order they first appear: 一、 → （一） → 1.', () => {
    expect(outline(parsed.points)).toEqual([
      '一、加强组织领导', '  （一）健全工作机制', '    1.召开全体委员会议', '    2.开展统计监测', '  （二）加强督查',
      '二、为妇女儿童办实事', '  1、新建公办幼儿园20所',
    ]);
  });

  it.each([
    // [path, leads, partners, due, practical]
    [[0, 0, 0], ['市妇儿工委办公室'], ['市教育局', '市人力资源社会保障局'], '2024-06-30', false],
    [[0, 0, 1], ['市卫生健康委'], ['市妇联'], '2024-12-31', true], // from its 4th-level lines
    [[1, 0], ['市教育局'], ['市财政局'], null, false],
  ] as const)('point %j: leads %j, partners %j, due %s', (path, leads, partners, due, practical) => {
    let p = parsed.points[path[0]]!;
    for (const i of path.slice(1)) p = p.children[i]!;
    expect({ leads: p.leads, partners: p.partners, due: p.due, practical: p.practical }).toEqual({ leads, partners, due, practical });
    expect(p.text).not.toMatch(/单位：/);
  });

  it('joins a fourth level into the point above it, with a warning naming the line', () => {
    const item = parsed.points[0]!.children[0]!.children[1]!;
    expect(item.text).toBe('（1）印发监测方案。会后一周内印发。\n（2）督促落实。年底前完成');
    expect(parsed.warnings).toEqual([
      { line: 7, message: '第 7 行“（1）”是第 4 级编号，工作要点最多 3 级：并入上一条的内容' },
      { line: 8, message: '第 8 行“（2）”是第 4 级编号，工作要点最多 3 级：并入上一条的内容' },
    ]);
  });

  it.each([
    ['a gap in the numbering', '一、甲\n1、乙\n3、丙', { line: 3, message: '第 3 行编号“3、”与上一条不连续（应为第 2 条）' }],
    ['a section that does not start at 一', '二、甲', { line: 1, message: '第 1 行编号“二、”与上一条不连续（应为第 1 条）' }],
  ])('warns about %s', (_what, text, warning) => {
    expect(parseWorkPoints(text).warnings).toEqual([warning]);
  });

  it('marks 实事项目 and takes the marker out of the text', () => {
    const p = parseWorkPoints('2024年工作要点\n一、办实事\n1、新建儿童之家10个（实事项目）。年底前建成。').points[0]!.children[0]!;
    expect([p.title, p.practical, p.due]).toEqual(['新建儿童之家10个', true, '2024-12-31']);
  });

  it('uses the given year when the text names none', () => {
    expect(parseWorkPoints('一、甲\n1、乙。9月底前完成。').points[0]!.children[0]!.due).toBeNull();
    expect(parseWorkPoints('一、甲\n1、乙。9月底前完成。', { year: 2025 }).points[0]!.children[0]!.due).toBe('2025-09-30');
  });

  it.each([
    ['no numbered points', '这是一段普通的文字。', '没有找到“一、”“1、”这样编号的条目'],
    ['text past the limit', `一、${'字'.repeat(100_001)}`, '文本过长'],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseWorkPoints(text)).toThrow(WorkPointsError);
    expect(() => parseWorkPoints(text)).toThrow(message);
  });
});

describe('paragraphs', () => {
  it.each([
    ['an open 《 joins the next line', '关于印发《某市\n2015年工作要点》的通知', ['关于印发《某市2015年工作要点》的通知']],
    ['a heading without a full stop stays alone', '一、加强领导\n完善机制。', ['一、加强领导', '完善机制。']],
    ['a heading ending in 、 goes on', '一、加强领导、\n完善机制', ['一、加强领导、完善机制']],
    ['a blank line ends a paragraph', '一、甲\n\n乙', ['一、甲', '乙']],
    ['a numbered line starts one', '一、甲。进一步加强妇女儿童工作的组织领导和统筹协调\n1、乙', ['一、甲。进一步加强妇女儿童工作的组织领导和统筹协调', '1、乙']],
    ['a long body line without a stop was wrapped', '一、甲\n进一步加强全市妇女儿童工作的组织领导和统筹\n协调。', ['一、甲', '进一步加强全市妇女儿童工作的组织领导和统筹协调。']],
  ])('%s', (_what, text, expected) => {
    expect(paragraphsOf(text).map((p) => p.text)).toEqual(expected);
  });

  it.each([
    ['6月底前完成', '2024-06-30'],
    ['于9月30日前上报', '2024-09-30'],
    ['2月底前', '2024-02-29'],
    ['上半年完成，年底前总结', '2024-06-30'],
    ['适时开展', null],
  ])('deadline of 「%s」: %s', (text, due) => {
    expect(dueOf(text, 2024)).toBe(due);
  });
});

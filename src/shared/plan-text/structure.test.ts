import { describe, expect, it } from 'vitest';
import { PLAN_TEXT_LIMITS, parsePlanText, PlanTextError } from './index';
import { seedText } from './testTexts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('plan structure of the seed documents (goal and measure counts per area)', () => {
  const dalian = parsePlanText(seedText('dalian'));
  const xigang = parsePlanText(seedText('xigang'));

  it.each([
    { doc: dalian, index: 0, title: '大连市妇女发展规划', kind: 'women', goals: [13, 10, 10, 12, 9, 9, 10, 9], measures: [14, 12, 14, 10, 11, 10, 12, 13] },
    { doc: xigang, index: 0, title: '西岗区妇女发展规划', kind: 'women', goals: [13, 10, 7, 10, 9, 9, 8, 9], measures: [14, 12, 12, 10, 11, 10, 12, 13] },
    { doc: xigang, index: 1, title: '西岗区儿童发展规划', kind: 'children', goals: [16, 11, 11, 10, 8, 10, 11], measures: [16, 13, 15, 13, 9, 12, 14] },
  ])('$title: goals $goals, measures $measures', ({ doc, index, title, kind, goals, measures }) => {
    const plan = doc.plans[index]!;
    expect(plan.title).toBe(title);
    expect(plan.kind).toBe(kind);
    expect([plan.periodStart, plan.periodEnd]).toEqual([2021, 2030]);
    expect(plan.areas.map((a) => a.goals.length)).toEqual(goals);
    expect(plan.areas.map((a) => a.measures.length)).toEqual(measures);
    // Every item is numbered 1..n in order.
    for (const area of plan.areas) {
      expect(area.goals.map((g) => g.no)).toEqual(area.goals.map((_, i) => i + 1));
      expect(area.measures.map((m) => m.no)).toEqual(area.measures.map((_, i) => i + 1));
    }
  });

  it('totals: 82/96, 75/94, 77/92', () => {
    const totals = [...dalian.plans, ...xigang.plans].map((p) => [sum(p.areas.map((a) => a.goals.length)), sum(p.areas.map((a) => a.measures.length))]);
    expect(totals).toEqual([[82, 96], [75, 94], [77, 92]]);
  });

  it('area titles drop the （一） prefix; area 5 of 001 is written with ASCII parentheses', () => {
    expect(dalian.plans[0]!.areas.map((a) => a.title)).toEqual([
      '妇女与健康', '妇女与教育', '妇女与经济', '妇女参与决策和管理', '妇女与社会保障', '妇女与家庭建设', '妇女与环境', '妇女与法律',
    ]);
    expect(xigang.plans[1]!.areas.map((a) => a.title)).toEqual([
      '儿童与健康', '儿童与安全', '儿童与教育', '儿童与福利', '儿童与家庭', '儿童与环境', '儿童与法律保护',
    ]);
  });

  it('joins text that a page break split, without counting it as a new item', () => {
    const economy = xigang.plans[0]!.areas[2]!;
    expect(economy.goals[0]!.text).toBe('鼓励支持妇女为推动我区经济高质量发展贡献力量，妇女平等参与经济发展的权利和机会得到保障。');
    expect(economy.goals[0]!.lineEnd).toBeGreaterThan(economy.goals[0]!.lineStart);
    const measure = dalian.plans[0]!.areas[0]!.measures[1]!;
    expect(measure.text).toContain('按规定落实对妇幼保健机构等专业公共卫生机构的财政补助政策');
    expect([measure.lineStart, measure.lineEnd]).toEqual([81, 83]);
  });

  it('keeps goal text verbatim and points to its source lines', () => {
    const text = seedText('dalian');
    const lines = text.split('\n');
    const goal = dalian.plans[0]!.areas[0]!.goals[1]!;
    expect(goal.text).toBe('孕产妇系统管理率达到 95%以上。孕产妇死亡率到 2025 年控制在 9/10 万以下，到 2030 年控制在 8/10 万以下，城乡差距逐步缩小。');
    expect(lines[goal.lineStart - 1]).toContain(goal.text);
  });

  it('leaves no quantity in a seed goal unrecognised', () => {
    const unrecognised = (result: typeof dalian) => result.warnings.filter((w) => w.message.includes('没有识别为量化指标'));
    expect(unrecognised(dalian)).toEqual([]);
    expect(unrecognised(xigang)).toEqual([]);
  });
});

describe('bad plan text', () => {
  it.each([
    ['an unrelated document', '淄博市2015年妇女儿童工作要点\n\n一、加强规划实施\n\n1.开展监测。', /未识别到发展规划/],
    ['a title without areas', '某市妇女发展规划\n(2021—2030年)\n\n前言\n\n正文。', /没有识别到任何领域/],
    ['a text past the limit', `某市妇女发展规划\n(2021—2030年)\n${'正文。'.repeat(PLAN_TEXT_LIMITS.characters / 3)}`, /文本过长：共 500,020 字，规划文本最多 500,000 字/],
  ])('%s → PlanTextError', (_name, text, message) => {
    expect(() => parsePlanText(text)).toThrow(PlanTextError);
    expect(() => parsePlanText(text)).toThrow(message);
  });

  it('warns about a gap in numbering and an area without measures', () => {
    const text = ['某市儿童发展规划', '（2021—2030年）', '（一）儿童与健康', '主要目标：', '1．婴儿死亡率控制在5‰以下。', '3．儿童贫血率逐步降低。'].join('\n');
    const result = parsePlanText(text);
    expect(result.plans[0]!.areas[0]!.goals.map((g) => g.no)).toEqual([1, 3]);
    expect(result.warnings).toEqual([
      { line: 3, message: '领域“儿童与健康”没有识别到策略措施' },
      { line: 6, message: '主要目标编号不连续：第 1 条之后是第 3 条' },
    ]);
  });
});

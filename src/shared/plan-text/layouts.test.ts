import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index';
import { layoutText, seedText, type LayoutFixture } from './testTexts';
import type { ParsedPlan, ParseResult } from './types';

/** What a plan says, without where it says it: areas, items and targets in order. */
function content(plan: ParsedPlan) {
  return {
    title: plan.title,
    kind: plan.kind,
    period: [plan.periodStart, plan.periodEnd],
    areas: plan.areas.map((a) => ({
      no: a.no,
      title: a.title,
      goals: a.goals.map((g) => ({ no: g.no, text: g.text, targets: g.targets.map(target) })),
      measures: a.measures.map((m) => `${m.no} ${m.text}`),
    })),
  };
}
const target = (t: ParsedPlan['areas'][number]['goals'][number]['targets'][number]) =>
  `${t.indicator} ${t.comparator} ${t.value ?? ''}${t.unit ?? ''}${t.year ? ` @${t.year}` : ''}`;
const targetsOf = (result: ParseResult) => result.plans.flatMap((p) => p.areas.map((a) => a.goals.map((g) => g.targets.map(target))));

/** 丙市's plan as every layout below must read it. */
const BING = {
  title: '丙市妇女发展规划',
  kind: 'women',
  period: [2021, 2030],
  areas: [
    {
      no: 1,
      title: '妇女与健康',
      goals: [
        {
          no: 1,
          text: '妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长，人均健康预期寿命提高。',
          targets: ['妇女人均预期寿命 increase ', '人均健康预期寿命 increase '],
        },
        { no: 2, text: '孕产妇死亡率下降到8/10万以下，城乡差距逐步缩小。', targets: ['孕产妇死亡率 <= 8/10万', '城乡差距 decrease '] },
        {
          no: 3,
          text: '适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。',
          targets: ['适龄妇女宫颈癌人群筛查率 >= 70%', '乳腺癌人群筛查率 increase '],
        },
      ],
      measures: [
        '1 完善保障妇女健康的制度机制。全面推进健康丙市建设，把保障人民健康放在优先发展的战略位置。',
        '2 加强妇幼健康服务体系建设。健全以妇幼保健机构为核心、以基层医疗卫生机构为基础的妇幼健康服务网络。',
      ],
    },
    {
      no: 2,
      title: '妇女与教育',
      goals: [
        { no: 1, text: '女童九年义务教育巩固率保持在97%以上。', targets: ['女童九年义务教育巩固率 >= 97%'] },
        {
          no: 2,
          text: '高中阶段教育毛入学率达到96%以上，高等教育在学总规模中女性比例保持在50%左右。',
          targets: ['高中阶段教育毛入学率 >= 96%', '高等教育在学总规模中女性比例 ~ 50%'],
        },
      ],
      measures: ['1 将男女平等基本国策落实在教育全过程。', '2 保障女童平等接受义务教育的权利。'],
    },
  ],
};

describe('one plan in every layout reads the same', () => {
  it.each<{ layout: LayoutFixture; how: string }>([
    { layout: 'ascii-headings', how: 'ASCII “(一)” headings, “一、” chapters, “主要目标:” with an ASCII colon' },
    { layout: 'chapter-areas', how: '“二、妇女与健康” chapters as areas, “（一）主要目标”, goals “1、”, measures “（1）”' },
    { layout: 'paren-numbers', how: 'goals “（1）”, measures “1、”, heads without colons, blank lines between' },
    { layout: 'web-one-line', how: 'pasted from a web page: one line, with the page’s menu and footer around it' },
  ])('$layout: $how', ({ layout }) => {
    const result = parsePlanText(layoutText(layout));
    expect(result.plans.map(content)).toEqual([BING]);
    expect(result.warnings).toEqual([]);
  });
});

describe('the national outline’s wording (中国妇女发展纲要)', () => {
  const result = parsePlanText(layoutText('national-outline'));
  const plan = result.plans[0]!;

  it('areas “（一）妇女与健康。” end with a full stop that is no part of the title', () => {
    expect([plan.title, plan.periodStart, plan.periodEnd]).toEqual(['中国妇女发展纲要', 2021, 2030]);
    expect(plan.areas.map((a) => [a.title, a.goals.length, a.measures.length])).toEqual([['妇女与健康', 5, 3], ['妇女与教育', 2, 2]]);
  });

  it('measures keep their lead sentence and the text after it', () => {
    expect(plan.areas[0]!.measures[0]!.text).toMatch(/^完善保障妇女健康的制度机制。全面推进健康中国建设，.*健康知识普及行动。$/);
  });

  it('reads “达到并保持在92%以上” as one target on the rate', () => {
    expect(targetsOf(result)).toEqual([
      [
        ['妇女人均预期寿命 increase ', '人均健康预期寿命 increase '],
        ['孕产妇死亡率 <= 12/10万', '城乡、区域差距 decrease '],
        ['妇女的宫颈癌和乳腺癌防治意识 increase ', '适龄妇女宫颈癌人群筛查率 >= 70%', '乳腺癌人群筛查率 increase '],
        ['艾滋病母婴传播率 <= 2%'],
        ['妇女营养水平 increase ', '孕妇贫血率 <= 10%'],
      ],
      [['九年义务教育巩固率 >= 96%'], ['女性接受高中阶段教育和高等教育的机会和比例 increase ', '高中阶段教育毛入学率 >= 92%']],
    ]);
  });

  it('reads the same when pasted in one line (“（一）妇女与健康。 主要目标：1.妇女…”)', () => {
    const oneLine = parsePlanText(layoutText('national-outline').split('\n').filter(Boolean).join(' '));
    expect(oneLine.plans.map(content)).toEqual(result.plans.map(content));
  });
});

describe('sub-goals introduced by dashes (the 2011–2020 plans)', () => {
  const result = parsePlanText(layoutText('dash-subgoals-2011'));
  const [health, education] = result.plans[0]!.areas;

  it('dash lines under a numbered goal belong to that goal', () => {
    expect([result.plans[0]!.periodStart, result.plans[0]!.periodEnd]).toEqual([2011, 2020]);
    expect(health!.goals.map((g) => g.no)).toEqual([1, 2, 3, 4]);
    expect(health!.goals[0]!.text).toBe(
      '妇女在整个生命周期享有良好的基本医疗卫生服务。——妇女人均预期寿命延长。——孕产妇死亡率控制在15/10万以下，逐步缩小城乡差距。——孕产妇住院分娩率达到98%以上。',
    );
    expect(health!.measures.map((m) => m.text)).toEqual(['加大妇女卫生保健投入。——将妇幼卫生经费纳入财政预算。', '完善妇幼卫生服务体系。']);
  });

  it('a block of dash lines alone is a list numbered in order', () => {
    expect(education!.goals.map((g) => [g.no, g.text])).toEqual([
      [1, '女童九年义务教育巩固率达到95%以上。'],
      [2, '高中阶段教育毛入学率达到92%以上。'],
      [3, '妇女平均受教育年限达到11.5年。'],
    ]);
    expect(education!.measures.map((m) => m.no)).toEqual([1, 2]);
  });

  it('target names carry neither the goal’s title nor the dash', () => {
    expect(targetsOf(result)).toEqual([
      [
        ['妇女人均预期寿命 increase ', '孕产妇死亡率 <= 15/10万', '城乡差距 decrease ', '孕产妇住院分娩率 >= 98%'],
        ['妇女常见病定期筛查率 >= 80%', '宫颈癌和乳腺癌早诊早治率 increase '],
        ['妇女营养水平 increase ', '孕产妇中重度贫血患病率 <= 2%'],
        ['妇女心理健康知识知晓率 >= 80%'],
      ],
      [['女童九年义务教育巩固率 >= 95%'], ['高中阶段教育毛入学率 >= 92%'], ['妇女平均受教育年限 >= 11.5']],
    ]);
    const quotes = result.plans[0]!.areas.flatMap((a) => a.goals.flatMap((g) => g.targets.map((t) => [t.quote, g.text] as const)));
    for (const [quote, text] of quotes) expect(text).toContain(quote);
  });
});

describe('the seeds with every line break lost', () => {
  it.each([
    { seed: 'dalian' as const, joiner: '' },
    { seed: 'dalian' as const, joiner: ' ' },
    { seed: 'xigang' as const, joiner: '' },
    { seed: 'xigang' as const, joiner: ' ' },
  ])('$seed joined with “$joiner” keeps its counts and targets', ({ seed, joiner }) => {
    const text = seedText(seed);
    const original = parsePlanText(text);
    const oneLine = parsePlanText(text.split('\n').map((l) => l.trim()).filter(Boolean).join(joiner));
    const shape = (r: ParseResult) => r.plans.map((p) => [p.title, p.areas.map((a) => [a.title, a.goals.length, a.measures.length])]);
    expect(shape(oneLine)).toEqual(shape(original));
    expect(targetsOf(oneLine)).toEqual(targetsOf(original));
  });
});

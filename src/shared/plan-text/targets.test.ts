import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index';
import { extractTargets } from './targets';
import { seedText } from './testTexts';
import type { ParsedGoal, ParsedTarget } from './types';

type Expected = Omit<ParsedTarget, 'quote'> & { quote?: string };

const dalian = parsePlanText(seedText('dalian')).plans[0]!;
const [xigangWomen, xigangChildren] = parsePlanText(seedText('xigang')).plans;

function goal(plan: typeof dalian, area: number, no: number): ParsedGoal {
  return plan.areas[area - 1]!.goals[no - 1]!;
}

const t = (indicator: string, comparator: Expected['comparator'], value: number | null, unit: string | null, year: number | null = null, baseYear: number | null = null, quote?: string): Expected =>
  ({ indicator, comparator, value, unit, year, baseYear, ...(quote ? { quote } : {}) });

/** Seed goal → every target it must yield, in order, field by field. */
const SEED_CASES: { name: string; plan: typeof dalian; area: number; goal: number; targets: Expected[] }[] = [
  {
    name: '001 1.1 qualitative increase (延长 / 提高)', plan: dalian, area: 1, goal: 1,
    targets: [t('妇女人均预期寿命', 'increase', null, null, null, null, '妇女人均预期寿命延长'), t('人均健康预期寿命', 'increase', null, null)],
  },
  {
    name: '001 1.2 达到…以上, milestone pair 控制在 …/10万 以下, qualitative decrease', plan: dalian, area: 1, goal: 2,
    targets: [
      t('孕产妇系统管理率', '>=', 95, '%', null, null, '孕产妇系统管理率达到 95%以上'),
      t('孕产妇死亡率', '<=', 9, '/10万', 2025, null, '孕产妇死亡率到 2025 年控制在 9/10 万以下'),
      t('孕产妇死亡率', '<=', 8, '/10万', 2030, null, '到 2030 年控制在 8/10 万以下'),
      t('城乡差距', 'decrease', null, null),
    ],
  },
  {
    name: '001 1.6 per 10万活产 and 下降到…以下', plan: dalian, area: 1, goal: 6,
    targets: [
      t('孕产妇艾滋病、梅毒和乙肝检测率', '>=', 99, '%'),
      t('梅毒孕产妇感染者治疗率', '>=', 95, '%'),
      t('艾滋病母婴传播率', '<=', 2, '%', null, null, '艾滋病母婴传播率下降到 2%以下'),
      t('先天梅毒报告发病率', '<=', 15, '/10万活产', null, null, '先天梅毒报告发病率控制在 15/10 万活产以下'),
    ],
  },
  {
    name: '001 1.7 relative to two base years (在2019年和2022年基础上提高10%)', plan: dalian, area: 1, goal: 7,
    targets: [
      t('妇女肥胖增长率', 'decrease', null, null),
      t('妇女营养健康知识知晓率', '>=', 10, '%', 2025, 2019, '妇女营养健康知识知晓率分别在 2019 年和 2022 年基础上提高 10%'),
      t('妇女营养健康知识知晓率', '>=', 10, '%', 2030, 2022),
    ],
  },
  { name: '001 1.8 力争到2030年控制在', plan: dalian, area: 1, goal: 8, targets: [t('孕妇贫血率', '<=', 10, '%', 2030)] },
  {
    name: '001 1.11 稳定在…左右 (band) and 不低于', plan: dalian, area: 1, goal: 11,
    targets: [t('妇女经常参加体育锻炼的人数比例', '~', 55, '%'), t('妇女体质测定标准合格以上的比例', '>=', 93, '%', null, null, '妇女体质测定标准合格以上的比例不低于 93%')],
  },
  { name: '001 2.5 保持在…以上', plan: dalian, area: 2, goal: 5, targets: [t('九年义务教育巩固率', '>=', 97, '%', null, null, '九年义务教育巩固率保持在97%以上')] },
  {
    name: '001 3.3 达到…左右 and verb-first qualitative', plan: dalian, area: 3, goal: 3,
    targets: [t('城镇单位就业人员中的女性比例', '~', 40, '%'), t('农村妇女非农就业比例', 'increase', null, null), t('男女非农就业差距', 'decrease', null, null)],
  },
  {
    name: '001 4.4 count (至少各配备1名)', plan: dalian, area: 4, goal: 4,
    targets: [t('市、区（市）县两级地方党委、政府领导班子女干部人数', '>=', 1, '名'), t('市、区（市）县政府领导班子中的女干部比例', 'increase', null, null)],
  },
  { name: '001 4.6 a share written as a fraction (1/2 以上)', plan: dalian, area: 4, goal: 6, targets: [t('市、区(市)县党政工作部门领导班子配备女干部的比例', '>=', 50, '%')] },
  { name: '001 4.7 不少于 with the unit of the clause before', plan: dalian, area: 4, goal: 7, targets: [t('市、区(市)县两级储备的优秀年轻干部队伍中女干部比例', '>=', 20, '%')] },
  {
    // “提高妇女供水保障水平” comes first: the rate is how the plan measures that level, so the level is no target.
    name: '001 7.7 milestones 2025年达到88%，2030年达到90%', plan: dalian, area: 7, goal: 7,
    targets: [t('农村自来水普及率', '>=', 88, '%', 2025, null, '农村自来水普及率2025年达到88%'), t('农村自来水普及率', '>=', 90, '%', 2030, null, '2030年达到90%')],
  },
  {
    name: '002 women 1.13 在不低于98%基础上，力争实现100%', plan: xigangWomen!, area: 1, goal: 13,
    targets: [t('女性药品、化妆品质量抽检合格率', '>=', 95, '%'), t('女性保健品抽检合格率', '>=', 98, '%'), t('女性保健品抽检合格率', '>=', 100, '%')],
  },
  {
    name: '002 women 4.9 bare value after the indicator (比例 50%以上)', plan: xigangWomen!, area: 4, goal: 9,
    targets: [t('社区党组织成员、社区党组织书记中女性比例', '>=', 50, '%'), t('社区居委会成员中女性比例', '~', 70, '%'), t('社区居委会主任中女性比例', '>=', 50, '%')],
  },
  {
    name: '002 children 1.3 分别: three indicators × two milestones, ‰', plan: xigangChildren!, area: 1, goal: 3,
    targets: [
      t('新生儿死亡率', '<=', 2.8, '‰', 2025), t('婴儿死亡率', '<=', 3, '‰', 2025), t('5岁以下儿童死亡率', '<=', 4, '‰', 2025),
      t('新生儿死亡率', '<=', 2.3, '‰', 2030), t('婴儿死亡率', '<=', 2.8, '‰', 2030), t('5岁以下儿童死亡率', '<=', 3.8, '‰', 2030),
    ],
  },
  { name: '002 children 1.5 均: two indicators, one value', plan: xigangChildren!, area: 1, goal: 5, targets: [t('3岁以下儿童系统管理率', '>=', 92, '%'), t('7岁以下儿童健康管理率', '>=', 92, '%')] },
  { name: '002 children 1.7 控制在…以内', plan: xigangChildren!, area: 1, goal: 7, targets: [t('12岁儿童龋患率', '<=', 25, '%')] },
  { name: '002 children 2.1 relative decrease (以2020年数据为基数下降20%)', plan: xigangChildren!, area: 2, goal: 1, targets: [t('儿童伤害死亡率', '<=', -20, '%', null, 2020, '儿童伤害死亡率以 2020 年数据为基数下降 20%')] },
  { name: '002 children 3.3 a leading share (确保适龄儿童 100%入学)', plan: xigangChildren!, area: 3, goal: 3, targets: [t('适龄儿童入学率', '>=', 100, '%'), t('九年义务教育巩固率', '>=', 97, '%'), t('义务教育阶段专任教师中本科及以上学历人员比例', '>=', 95, '%')] },
  { name: '002 children 4.4 a count with 个', plan: xigangChildren!, area: 4, goal: 4, targets: [t('普惠托育机构和托位数量', 'increase', null, null), t('每千人口3岁以下婴幼儿托位数', '>=', 4.5, '个')] },
  {
    name: '002 children 4.5 annual rate (到2025年年均提高6%以上)', plan: xigangChildren!, area: 4, goal: 5,
    targets: [t('孤儿和事实无人抚养儿童基本生活养育标准', 'increase', 6, '%/年', 2025), t('残疾儿童康复服务覆盖率', 'increase', null, null), t('流浪儿童数量', 'decrease', null, null)],
  },
  { name: '002 children 4.10 至少有1家 / 至少配备1名', plan: xigangChildren!, area: 4, goal: 10, targets: [t('我区儿童服务类社会组织数量', '>=', 1, '家'), t('每个街道专职儿童社会工作者人数', '>=', 1, '名')] },
  {
    name: '002 children 5.6 share leading a noun phrase (100%的城市社区…); 力争实现全覆盖 restates the 100%', plan: xigangChildren!, area: 5, goal: 6,
    targets: [t('城市社区建立家长学校或家庭教育指导服务站点的比例', '>=', 100, '%', null, null, '100%的城市社区建立家长学校或家庭教育指导服务站点')],
  },
  { name: '002 children 7.11 verb-first decrease of a 比重', plan: xigangChildren!, area: 7, goal: 11, targets: [t('未成年人犯罪人数占未成年人人口数量的比重', 'decrease', null, null)] },  // Targets stated in words: qualitative directions, slowing trends, full coverage.
  { name: '001 3.6 明显降低 → decrease', plan: dalian, area: 3, goal: 6, targets: [t('女职工职业病发病率', 'decrease', null, null, null, null, '女职工职业病发病率明显降低')] },
  { name: '001 2.7 逐步提高 of a 水平', plan: dalian, area: 2, goal: 7, targets: [t('女性接受职业教育的水平', 'increase', null, null, null, null, '女性接受职业教育的水平逐步提高')] },
  {
    name: '001 1.4 明显提高 names an awareness as the indicator', plan: dalian, area: 1, goal: 4,
    targets: [
      t('妇女的宫颈癌和乳腺癌防治意识', 'increase', null, null, null, null, '妇女的宫颈癌和乳腺癌防治意识明显提高'),
      t('适龄妇女宫颈癌人群筛查率', '>=', 70, '%'),
      t('乳腺癌人群筛查率', 'increase', null, null),
      t('农村妇女宫颈癌和乳腺癌筛查覆盖率', '>=', 100, '%', null, null, '农村妇女宫颈癌和乳腺癌筛查覆盖率达到 100%'),
    ],
  },
  {
    name: '002 children 1.16 不断提高 and 明显提高 (可及性)', plan: xigangChildren!, area: 1, goal: 16,
    targets: [t('适龄儿童性教育和生殖健康教育知识普及率', 'increase', null, null), t('儿童性健康服务可及性', 'increase', null, null, null, null, '儿童性健康服务可及性明显提高')],
  },
  {
    name: '002 children 4.2 明显提高 of a 水平', plan: xigangChildren!, area: 4, goal: 2,
    targets: [t('面向儿童的基本公共服务均等化水平', 'increase', null, null, null, null, '面向儿童的基本公共服务均等化水平明显提高')],
  },
  { name: '001 1.12 不断提高 after clauses that name no measure', plan: dalian, area: 1, goal: 12, targets: [t('妇女健康水平', 'increase', null, null, null, null, '妇女健康水平不断提高')] },
  { name: '002 women 2.9 不断提高 (a 增强 beside it is no target)', plan: xigangWomen!, area: 2, goal: 9, targets: [t('接受终身教育水平', 'increase', null, null, null, null, '接受终身教育水平不断提高')] },
  { name: '002 children 1.1 不断提高 (明显增强 of a capacity is no target)', plan: xigangChildren!, area: 1, goal: 1, targets: [t('儿童健康水平', 'increase', null, null, null, null, '儿童健康水平不断提高')] },
  { name: '001 5.1 不断提高 with an ASCII comma before it', plan: dalian, area: 5, goal: 1, targets: [t('保障水平', 'increase', null, null, null, null, '保障水平不断提高')] },
  {
    name: '001 5.4 力争实现全覆盖 of the rate before it, then 稳步提高', plan: dalian, area: 5, goal: 4,
    targets: [
      t('妇女基本养老保险参保率', '>=', 95, '%'),
      t('妇女基本养老保险参保率', '=', 100, '%', null, null, '力争实现全覆盖'),
      t('待遇水平', 'increase', null, null, null, null, '待遇水平稳步提高'),
    ],
  },
  { name: '001 5.7 持续提高 verb first', plan: dalian, area: 5, goal: 7, targets: [t('妇女福利待遇水平', 'increase', null, null, null, null, '持续提高妇女福利待遇水平')] },
  {
    name: '001 5.8 不断提高 after two figures and a plain 提高', plan: dalian, area: 5, goal: 8,
    targets: [
      t('城市新建城区、新建居住（小）区按标准配建养老服务设施达标率', '>=', 100, '%'),
      t('农村社区建立具有养老服务功能的社区综合服务设施和站点比例', '>=', 80, '%'),
      t('以城乡社区为单位的养老服务覆盖率', 'increase', null, null),
      t('失能妇女的照护服务水平', 'increase', null, null, null, null, '对失能妇女的照护服务水平不断提高'),
    ],
  },
  {
    name: '002 children 1.15 提升 verb first, 降低 of two rates', plan: xigangChildren!, area: 1, goal: 15,
    targets: [
      t('儿童心理健康水平', 'increase', null, null, null, null, '提升儿童心理健康水平'),
      t('儿童心理行为问题发生率', 'decrease', null, null),
      t('儿童精神疾病患病率', 'decrease', null, null),
      t('配备专兼职心理健康工作人员的中小学校比例', '>=', 100, '%'),
    ],
  },
  {
    name: '001 1.10 上升趋势减缓 → decrease', plan: dalian, area: 1, goal: 10,
    targets: [t('妇女心理健康素养水平', 'increase', null, null), t('妇女焦虑障碍、抑郁症患病率', 'decrease', null, null, null, null, '妇女焦虑障碍、抑郁症患病率上升趋势减缓')],
  },
  { name: '002 children 1.12 上升趋势得到有效控制 → decrease of the rate', plan: xigangChildren!, area: 1, goal: 12, targets: [t('儿童超重、肥胖率', 'decrease', null, null, null, null, '儿童超重、肥胖上升趋势得到有效控制')] },
  {
    name: '001 7.2 实现县级以上全覆盖 named from its clause', plan: dalian, area: 7, goal: 2,
    targets: [t('县级以上男女平等基本国策培训进党校覆盖率', '=', 100, '%', null, null, '男女平等基本国策培训进党校实现县级以上全覆盖')],
  },
  {
    name: '002 children 4.9 实现“两个全覆盖”: one coverage per part', plan: xigangChildren!, area: 4, goal: 9,
    targets: [
      t('街道儿童督导员、儿童主任配备覆盖率', '=', 100, '%', null, null, '街道儿童督导员、儿童主任配备以及新任职培训实现“两个全覆盖”'),
      t('街道儿童督导员、儿童主任新任职培训覆盖率', '=', 100, '%'),
      t('区级儿童福利工作人员培训率', '>=', 100, '%'),
    ],
  },
  {
    // A range keeps its lower bound, the least the plan accepts; the quote shows the whole range.
    name: '002 children 1.13 每年下降0.5-1个百分点: the lower bound, per year', plan: xigangChildren!, area: 1, goal: 13,
    targets: [
      t('儿童新发近视率', 'decrease', null, null),
      t('儿童总体近视率', 'decrease', 0.5, '个百分点/年', null, null, '儿童总体近视率力争每年下降 0.5-1 个百分点'),
      t('0-6岁儿童眼保健和视力检查覆盖率', '>=', 92, '%'),
      t('小学生近视率', '<=', 38, '%'), t('初中生近视率', '<=', 60, '%'), t('高中生近视率', '<=', 70, '%'),
    ],
  },
  {
    name: '002 children 3.4 a level (巩固提高…普及水平) measured by the rate after it', plan: xigangChildren!, area: 3, goal: 4,
    targets: [t('高中阶段教育毛入学率', '>=', 100, '%'), t('省级示范性高中学生数占比', '>=', 60, '%')],
  },
];

describe('targets extracted from the seed goals', () => {
  it.each(SEED_CASES)('$name', ({ plan, area, goal: no, targets }) => {
    const g = goal(plan, area, no);
    expect(g.targets.map(({ quote, ...rest }) => rest)).toEqual(targets.map(({ quote, ...rest }) => rest));
    targets.forEach((expected, i) => {
      if (expected.quote) expect(g.targets[i]!.quote).toBe(expected.quote);
    });
  });

  it('asserts at least 30 targets field by field', () => {
    expect(SEED_CASES.reduce((n, c) => n + c.targets.length, 0)).toBeGreaterThanOrEqual(30);
  });

  it('quotes every target with an exact substring of the source', () => {
    const sources = [seedText('dalian'), seedText('xigang')];
    for (const plan of [dalian, xigangWomen!, xigangChildren!]) {
      for (const area of plan.areas) {
        for (const g of area.goals) {
          for (const target of g.targets) expect(sources.some((s) => s.includes(target.quote))).toBe(true);
        }
      }
    }
  });

  it('finds no target in goals that state no measurable aim', () => {
    expect(goal(dalian, 1, 3).targets).toEqual([]); // 妇女常见病防治力度不断加大。
    expect(goal(dalian, 4, 2).targets).toEqual([]); // 不低于本地区党员总数中女性比例: no number
  });

  it('counts targets per seed plan', () => {
    const count = (p: typeof dalian) => p.areas.reduce((n, a) => n + a.goals.reduce((m, g) => m + g.targets.length, 0), 0);
    expect([count(dalian), count(xigangWomen!), count(xigangChildren!)]).toEqual([75, 52, 64]);
  });

  it('warns, instead of guessing a value, where a goal holds a share against another figure', () => {
    const warning = (line: number, area: string, goalNo: number, quote: string) =>
      ({ line, message: `${area} 目标 ${goalNo} 中的“${quote}”以其他数据为参照，无法自动生成目标值，请人工设定` });
    const party = '中国共产党地方各级党员代表大会中女党员代表比例一般不低于本地区党员总数中女性比例';
    const congress = '企事业单位职工代表大会中女性比例与女职工比例相适应';
    expect(parsePlanText(seedText('dalian')).warnings).toEqual([
      warning(129, '妇女与教育', 4, '在园男童女童比例保持均衡'),
      warning(243, '妇女参与决策和管理', 2, party),
      warning(257, '妇女参与决策和管理', 9, congress),
    ]);
    // Both 西岗区 plans: the children's plan compares no share with another figure.
    expect(parsePlanText(seedText('xigang')).warnings).toEqual([
      warning(130, '妇女与教育', 4, '在园男童女童比例保持均衡'),
      warning(238, '妇女参与决策和管理', 2, party),
      warning(248, '妇女参与决策和管理', 8, congress),
    ]);
  });

  it('reads targets from goals only: a measure’s 全覆盖 or 不断提高 is no target', () => {
    const measure = dalian.areas[4]!.measures[3]!;
    expect(measure.text).toContain('坚持全覆盖');
    expect(measure).not.toHaveProperty('targets');
  });
});

describe('extractTargets on single sentences', () => {
  it.each([
    ['下降至', '婴儿死亡率下降至5‰以下。', [{ indicator: '婴儿死亡率', comparator: '<=', value: 5, unit: '‰', year: null }]],
    ['不高于', '剖宫产率不高于40%。', [{ indicator: '剖宫产率', comparator: '<=', value: 40, unit: '%', year: null }]],
    ['full-width percent', '学前教育毛入园率达到９０％以上。'.normalize('NFKC'), [{ indicator: '学前教育毛入园率', comparator: '>=', value: 90, unit: '%', year: null }]],
    ['unit written once for a list', '城乡儿童死亡率分别控制在3、4‰以下。', [
      { indicator: '城乡儿童死亡率', comparator: '<=', value: 3, unit: '‰', year: null },
      { indicator: '城乡儿童死亡率', comparator: '<=', value: 4, unit: '‰', year: null },
    ]],
    ['age unit', '女性平均初婚年龄保持在25岁以上。', [{ indicator: '女性平均初婚年龄', comparator: '>=', value: 25, unit: '岁', year: null }]],
    ['逐年下降 qualitative', '儿童溺水死亡率逐年下降。', [{ indicator: '儿童溺水死亡率', comparator: 'decrease', value: null, unit: null, year: null }]],
    ['a qualitative target takes the year its sentence names', '到2025年，儿童近视率明显下降。', [
      { indicator: '儿童近视率', comparator: 'decrease', value: null, unit: null, year: 2025 },
    ]],
    ['no qualitative twin of a quantified indicator', '孕妇贫血率控制在10%以下，孕妇贫血率逐步降低。', [
      { indicator: '孕妇贫血率', comparator: '<=', value: 10, unit: '%', year: null },
    ]],
    ['a goal without a measurable subject', '妇女常见病防治能力不断增强，服务质量提高。', []],
    ['全覆盖 in a year, ASCII quotes and full-width comma', '社区儿童之家到2025年实现"全覆盖"，服务能力持续提升。', [
      { indicator: '社区儿童之家覆盖率', comparator: '=', value: 100, unit: '%', year: 2025 },
    ]],
    ['全覆盖 with nothing to cover names no target', '力争实现全覆盖。', []],
  ])('%s', (_name, sentence, expected) => {
    expect(extractTargets(sentence).map(({ indicator, comparator, value, unit, year }) => ({ indicator, comparator, value, unit, year }))).toEqual(expected);
  });
});

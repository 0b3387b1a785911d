/**
 * The demo indicator dictionary (演示数据): indicators of seed plan 001, 大连市妇女发展规划（2021—2030年）,
 * each grounded in one of its goals. Shares of people are ratios of real counts, so that analytics
 * can add districts up as a ratio of sums; survey results and life expectancy are reported rates.
 * Baselines are given only where the plan's 前言 states a 2020 figure. Codes follow the generator:
 * W + area + goal + the indicator's place among the goal's indicators.
 */
import type { Formula as GenericFormula } from '../../shared/indicators/formula';
import type { CategorySet, Direction } from '../../shared/indicators/vocabulary';

/**
 * A plausible 2020 level for generating demo values, not a statistic. `value` is in the indicator's
 * unit: the city's level for rates and ratios, a typical district's figure for counts. For ratio
 * indicators `denominator` is a typical denominator of one district or county (the demo city has
 * ten), so a district's numerator ≈ value × denominator ÷ factor. Sex parts split the total about evenly.
 */
export interface DemoLevel {
  value: number;
  denominator?: number;
  /** Where the values head by 2030 when not to the plan's target: one met already in 2020, or one without a figure (持续下降). */
  heading?: number;
  /** Girls' or women's rate as a multiple of the total, where it differs (more myopia among girls); 1 when not given. */
  femaleRelative?: number;
}

/** Data elements are named by their code in catalogueElements.ts. */
type Formula = GenericFormula<string>;

export interface CatalogueEntry {
  code: string;
  name: string;
  unit: string | null;
  direction: Direction;
  formula: Formula;
  categories?: CategorySet;
  dept: string | null;
  dataSource: string;
  definition: string;
  /** The plan target measured: area no., goal no. and the indicator as the plan names it (the city's plan; 西岗区's for CHILDREN_CATALOGUE). */
  target: readonly [number, number, string];
  /** 2020 value, only where the plan's text gives it. */
  baseline2020?: number;
  /** Kept off the public portal: figures on notifiable diseases and occupational illness are released by their departments. */
  unpublished?: true;
  demoLevel: DemoLevel;
}

export const pct = (numerator: string, denominator: string): Formula => ({ type: 'ratio', numerator, denominator, factor: 100 });
export const per1000 = (numerator: string, denominator: string): Formula => ({ type: 'ratio', numerator, denominator, factor: 1000 });
export const per100k = (numerator: string, denominator: string): Formula => ({ type: 'ratio', numerator, denominator, factor: 100_000 });
export const direct = (value: string): Formula => ({ type: 'direct', value });

const H = '卫健委';
const MCH = '妇幼卫生年报';

export const CATALOGUE: readonly CatalogueEntry[] = [
  // （一）妇女与健康
  { code: 'W01_011', name: '妇女人均预期寿命', unit: '岁', direction: 'higher', formula: direct('LIFE_EXP_F'), dept: H, dataSource: '卫生健康统计年报（生命表测算）',
    definition: '当年出生的女性按当年分年龄死亡率度过一生平均可存活的年数。', target: [1, 1, '妇女人均预期寿命'], baseline2020: 84.04, demoLevel: { value: 84.04 } },
  { code: 'W01_012', name: '人均健康预期寿命', unit: '岁', direction: 'higher', formula: direct('HALE'), dept: H, dataSource: '卫生健康统计年报（测算）',
    definition: '扣除疾病和伤残影响后，人群平均能够健康生存的年数。', target: [1, 1, '人均健康预期寿命'], demoLevel: { value: 71.5 } },
  { code: 'W01_021', name: '孕产妇系统管理率', unit: '%', direction: 'higher', formula: pct('MAT_SYS_MGMT', 'LIVE_BIRTHS'), dept: H, dataSource: MCH,
    definition: '孕产妇系统管理人数占活产数的百分比；系统管理指早孕建册、产前检查5次及以上并接受产后访视。', target: [1, 2, '孕产妇系统管理率'], demoLevel: { value: 95.6, denominator: 4200 } },
  { code: 'W01_022', name: '孕产妇死亡率', unit: '/10万', direction: 'lower', formula: per100k('MAT_DEATHS', 'LIVE_BIRTHS'), dept: H, dataSource: MCH,
    definition: '孕产妇死亡人数与活产数之比，以每10万活产计。', target: [1, 2, '孕产妇死亡率'], baseline2020: 7.16, demoLevel: { value: 7.16, denominator: 4200 } },
  { code: 'W01_041', name: '适龄妇女宫颈癌人群筛查率', unit: '%', direction: 'higher', formula: pct('CERV_SCREENED', 'WOMEN_35_64'), dept: H, dataSource: '妇女“两癌”筛查项目统计',
    definition: '35～64岁妇女中近5年内接受过宫颈癌筛查者所占百分比。', target: [1, 4, '适龄妇女宫颈癌人群筛查率'], demoLevel: { value: 56, denominator: 160_000 } },
  { code: 'W01_042', name: '乳腺癌人群筛查率', unit: '%', direction: 'higher', formula: pct('BREAST_SCREENED', 'WOMEN_35_64'), dept: H, dataSource: '妇女“两癌”筛查项目统计',
    definition: '35～64岁妇女中近2年内接受过乳腺癌筛查者所占百分比。', target: [1, 4, '乳腺癌人群筛查率'], demoLevel: { value: 42, denominator: 160_000 } },
  { code: 'W01_043', name: '农村妇女宫颈癌和乳腺癌筛查覆盖率', unit: '%', direction: 'higher', formula: pct('AGRI_COUNTIES_SCREENING', 'AGRI_COUNTIES'), dept: H, dataSource: '妇女“两癌”筛查项目统计',
    definition: '以县为单位统计：开展农村妇女宫颈癌和乳腺癌筛查的涉农区（市）县占涉农区（市）县的百分比。', target: [1, 4, '农村妇女宫颈癌和乳腺癌筛查覆盖率'], demoLevel: { value: 90, denominator: 1 } },
  { code: 'W01_061', name: '孕产妇艾滋病、梅毒和乙肝检测率', unit: '%', direction: 'higher', formula: pct('MAT_TESTED', 'MATERNAL'), dept: H, dataSource: '预防艾滋病、梅毒和乙肝母婴传播管理信息系统',
    definition: '孕产妇中孕期或产时接受艾滋病、梅毒和乙肝检测者所占百分比。', target: [1, 6, '孕产妇艾滋病、梅毒和乙肝检测率'], demoLevel: { value: 99.5, denominator: 4150 } },
  { code: 'W01_062', unpublished: true, name: '梅毒孕产妇感染者治疗率', unit: '%', direction: 'higher', formula: pct('SYPH_MAT_TREATED', 'SYPH_MAT'), dept: H, dataSource: '预防艾滋病、梅毒和乙肝母婴传播管理信息系统',
    definition: '梅毒感染孕产妇中接受规范治疗者所占百分比。', target: [1, 6, '梅毒孕产妇感染者治疗率'], demoLevel: { value: 96, denominator: 12 } },
  { code: 'W01_063', name: '艾滋病母婴传播率', unit: '%', direction: 'lower', formula: pct('HIV_MAT_CHILDREN_INFECTED', 'HIV_MAT_CHILDREN'), dept: H, dataSource: '预防艾滋病、梅毒和乙肝母婴传播管理信息系统',
    definition: '艾滋病感染孕产妇所生儿童中感染艾滋病者所占百分比。', target: [1, 6, '艾滋病母婴传播率'], demoLevel: { value: 2.5, denominator: 4 } },
  { code: 'W01_064', unpublished: true, name: '先天梅毒报告发病率', unit: '/10万活产', direction: 'lower', formula: per100k('CONG_SYPH', 'LIVE_BIRTHS'), dept: H, dataSource: '传染病报告信息管理系统',
    definition: '报告的先天梅毒病例数与活产数之比，以每10万活产计。', target: [1, 6, '先天梅毒报告发病率'], demoLevel: { value: 9, denominator: 4200 } },
  { code: 'W01_072', name: '妇女营养健康知识知晓率', unit: '%', direction: 'higher', formula: direct('NUTR_KNOWLEDGE_F'), dept: H, dataSource: '居民营养与健康状况抽样调查',
    definition: '调查妇女中营养健康知识问卷达到知晓标准者所占百分比；抽样调查结果，不能按区加总。', target: [1, 7, '妇女营养健康知识知晓率'], demoLevel: { value: 58 } },
  { code: 'W01_081', name: '孕妇贫血率', unit: '%', direction: 'lower', formula: pct('PREG_ANAEMIA', 'PREG_HB_TESTED'), dept: H, dataSource: MCH,
    definition: '接受血红蛋白检测的孕妇中贫血（Hb<110g/L）者所占百分比。', target: [1, 8, '孕妇贫血率'], demoLevel: { value: 12.5, denominator: 4100 } },
  { code: 'W01_091', name: '妇女健康素养水平', unit: '%', direction: 'higher', formula: direct('HEALTH_LITERACY_F'), dept: H, dataSource: '居民健康素养监测',
    definition: '具备基本健康素养的妇女占监测妇女的百分比；抽样监测结果。', target: [1, 9, '妇女健康素养水平'], demoLevel: { value: 27 } },
  { code: 'W01_101', name: '妇女心理健康素养水平', unit: '%', direction: 'higher', formula: direct('MENTAL_LITERACY_F'), dept: H, dataSource: '心理健康素养抽样调查',
    definition: '具备心理健康素养的妇女占调查妇女的百分比；抽样调查结果。', target: [1, 10, '妇女心理健康素养水平'], demoLevel: { value: 18 } },
  { code: 'W01_111', name: '妇女经常参加体育锻炼的人数比例', unit: '%', direction: 'band', formula: direct('EXERCISE_F'), dept: '体育局', dataSource: '全民健身活动状况调查',
    definition: '每周参加体育锻炼3次及以上、每次30分钟及以上、中等及以上强度的妇女所占百分比；抽样调查结果。', target: [1, 11, '妇女经常参加体育锻炼的人数比例'], demoLevel: { value: 53 } },
  { code: 'W01_112', name: '妇女体质测定标准合格以上的比例', unit: '%', direction: 'higher', formula: pct('FITNESS_PASS_F', 'FITNESS_TESTED_F'), dept: '体育局', dataSource: '国民体质监测',
    definition: '参加国民体质测定的女性中达到合格及以上等级者所占百分比。', target: [1, 11, '妇女体质测定标准合格以上的比例'], demoLevel: { value: 92.4, denominator: 1800 } },
  { code: 'W01_131', name: '女性药品、化妆品质量抽检合格率', unit: '%', direction: 'higher', formula: pct('DRUG_COSM_PASSED', 'DRUG_COSM_SAMPLED'), dept: '市场监管局', dataSource: '药品、化妆品监督抽检',
    definition: '女性药品、化妆品抽检合格批次占抽检批次的百分比。', target: [1, 13, '女性药品、化妆品质量抽检合格率'], demoLevel: { value: 96.5, denominator: 260 } },
  { code: 'W01_132', name: '女性保健品抽检合格率', unit: '%', direction: 'higher', formula: pct('SUPPL_PASSED', 'SUPPL_SAMPLED'), dept: '市场监管局', dataSource: '保健食品监督抽检',
    definition: '女性保健品抽检合格批次占抽检批次的百分比。', target: [1, 13, '女性保健品抽检合格率'], demoLevel: { value: 98.6, denominator: 90 } },
  // （二）妇女与教育
  { code: 'W02_051', name: '九年义务教育巩固率', unit: '%', direction: 'higher', formula: pct('EDU9_GRADUATES', 'EDU9_ENTRANTS'), categories: 'sex', dept: '教育局', dataSource: '教育事业统计',
    definition: '初中毕业班学生数占该届学生入小学一年级时学生数的百分比，分性别统计。', target: [2, 5, '九年义务教育巩固率'], demoLevel: { value: 97.8, denominator: 5600 } },
  { code: 'W02_061', name: '高中阶段教育毛入学率', unit: '%', direction: 'higher', formula: pct('HIGH_SCHOOL_ENROLLED', 'POP_15_17'), categories: 'sex', dept: '教育局', dataSource: '教育事业统计',
    definition: '高中阶段教育在校生数占15～17岁常住人口数的百分比，分性别统计；可超过100%。', target: [2, 6, '高中阶段教育毛入学率'], demoLevel: { value: 98.6, denominator: 16_500 } },
  { code: 'W02_081', name: '男女两性公民科学素质水平差距', unit: '百分点', direction: 'lower', formula: direct('SCIENCE_LITERACY_GAP'), dept: '科协', dataSource: '公民科学素质抽样调查',
    definition: '男性与女性公民具备科学素质比例之差。', target: [2, 8, '男女两性的科学素质水平差距'], demoLevel: { value: 3.2 } },
  { code: 'W02_101', name: '女性平均受教育年限', unit: '年', direction: 'higher', formula: direct('EDU_YEARS_F'), dept: '统计局', dataSource: '人口普查与人口变动抽样调查',
    definition: '6岁及以上女性人口人均接受学历教育的年数。', target: [2, 10, '女性平均受教育年限'], demoLevel: { value: 10.9 } },
  // （三）妇女与经济
  { code: 'W03_021', name: '就业人员中的女性比例', unit: '%', direction: 'band', formula: pct('EMPLOYED_F', 'EMPLOYED'), dept: '统计局', dataSource: '劳动力调查',
    definition: '女性就业人员占全部就业人员的百分比。', target: [3, 2, '就业人员中的女性比例'], demoLevel: { value: 44.2, denominator: 380_000 } },
  { code: 'W03_031', name: '城镇单位就业人员中的女性比例', unit: '%', direction: 'band', formula: pct('URBAN_EMPLOYED_F', 'URBAN_EMPLOYED'), dept: '统计局', dataSource: '劳动工资统计',
    definition: '城镇单位女性就业人员占城镇单位就业人员的百分比。', target: [3, 3, '城镇单位就业人员中的女性比例'], demoLevel: { value: 41.3, denominator: 120_000 } },
  { code: 'W03_032', name: '农村妇女非农就业比例', unit: '%', direction: 'higher', formula: pct('RURAL_NONFARM_F', 'RURAL_LABOUR_F'), dept: '农业农村局', dataSource: '农村劳动力调查',
    definition: '从事非农产业的农村女性劳动力占农村女性劳动力的百分比。', target: [3, 3, '农村妇女非农就业比例'], demoLevel: { value: 52, denominator: 45_000 } },
  { code: 'W03_041', name: '高级专业技术人员中的女性比例', unit: '%', direction: 'band', formula: pct('SENIOR_PRO_F', 'SENIOR_PRO'), dept: '人社局', dataSource: '专业技术人员统计',
    definition: '女性高级专业技术人员占高级专业技术人员的百分比。', target: [3, 4, '高级专业技术人员中的女性比例'], demoLevel: { value: 43.5, denominator: 4800 } },
  { code: 'W03_051', name: '男女收入差距', unit: '%', direction: 'lower', formula: direct('WAGE_GAP'), dept: '统计局', dataSource: '劳动工资统计',
    definition: '城镇非私营单位男性与女性职工平均工资之差占男性平均工资的百分比。', target: [3, 5, '男女收入差距'], demoLevel: { value: 14 } },
  { code: 'W03_061', unpublished: true, name: '女职工职业病发病率', unit: '/10万', direction: 'lower', formula: per100k('OCC_DISEASE_F', 'EXPOSED_WORKERS_F'), dept: H, dataSource: '职业病报告',
    definition: '新发职业病女职工人数与接触职业病危害因素的女职工人数之比，以每10万人计。', target: [3, 6, '女职工职业病发病率'], demoLevel: { value: 18, denominator: 22_000 } },
  // （四）妇女参与决策和管理
  { code: 'W04_031', name: '人大代表中的女性比例', unit: '%', direction: 'higher', formula: pct('NPC_DEPUTIES_F', 'NPC_DEPUTIES'), dept: null, dataSource: '人大常委会办公厅',
    definition: '本级女性人大代表占本级人大代表的百分比；市本级填报市人大代表，区（市）县填报本级人大代表。', target: [4, 3, '市、区（市）县两级人大代表和常委会委员中的女性比例'], baseline2020: 30.09, demoLevel: { value: 30.09, denominator: 260 } },
  { code: 'W04_032', name: '政协委员中的女性比例', unit: '%', direction: 'higher', formula: pct('CPPCC_MEMBERS_F', 'CPPCC_MEMBERS'), dept: null, dataSource: '政协办公厅',
    definition: '本级女性政协委员占本级政协委员的百分比；市本级填报市政协委员，区（市）县填报本级政协委员。', target: [4, 3, '市、区（市）县两级政协委员和常委中的女性比例'], baseline2020: 28.82, demoLevel: { value: 28.82, denominator: 240 } },
  { code: 'W04_041', name: '党委、政府领导班子中的女干部人数', unit: '名', direction: 'higher', formula: direct('LEAD_TEAMS_F'), dept: null, dataSource: '组织部门干部统计',
    definition: '本级党委、政府领导班子中女干部的人数。', target: [4, 4, '市、区（市）县两级地方党委、政府领导班子女干部人数'], demoLevel: { value: 2 } },
  { code: 'W04_042', name: '政府领导班子中的女干部比例', unit: '%', direction: 'higher', formula: pct('GOV_LEADERS_F', 'GOV_LEADERS'), dept: null, dataSource: '组织部门干部统计',
    definition: '本级政府领导班子中女干部占领导班子成员的百分比。', target: [4, 4, '市、区（市）县政府领导班子中的女干部比例'], demoLevel: { value: 14, denominator: 9 } },
  { code: 'W04_061', name: '配备女干部的党政工作部门领导班子比例', unit: '%', direction: 'higher', formula: pct('DEPT_TEAMS_WITH_F', 'DEPT_TEAMS'), dept: null, dataSource: '组织部门干部统计',
    definition: '配备女干部的党政工作部门领导班子占党政工作部门领导班子的百分比。', target: [4, 6, '市、区(市)县党政工作部门领导班子配备女干部的比例'], demoLevel: { value: 52, denominator: 40 } },
  { code: 'W04_071', name: '储备优秀年轻干部中的女干部比例', unit: '%', direction: 'higher', formula: pct('YOUNG_CADRES_F', 'YOUNG_CADRES'), dept: null, dataSource: '组织部门干部统计',
    definition: '储备的优秀年轻干部中女干部所占百分比。', target: [4, 7, '市、区(市)县两级储备的优秀年轻干部队伍中女干部比例'], demoLevel: { value: 24, denominator: 120 } },
  { code: 'W04_081', name: '事业单位领导班子成员中的女性比例', unit: '%', direction: 'higher', formula: pct('INST_LEADERS_F', 'INST_LEADERS'), dept: '人社局', dataSource: '事业单位人事统计',
    definition: '各级各类事业单位领导班子成员中女性所占百分比。', target: [4, 8, '各级各类事业单位领导班子成员中的女性比例'], demoLevel: { value: 31, denominator: 900 } },
  { code: 'W04_102', name: '村委会成员中女性比例', unit: '%', direction: 'higher', formula: pct('VC_MEMBERS_F', 'VC_MEMBERS'), dept: '民政局', dataSource: '民政统计（村民委员会）',
    definition: '村委会女性成员占村委会成员的百分比。', target: [4, 10, '村委会成员中女性比例'], demoLevel: { value: 32, denominator: 420 } },
  { code: 'W04_103', name: '村委会主任中女性比例', unit: '%', direction: 'higher', formula: pct('VC_HEADS_F', 'VC_HEADS'), dept: '民政局', dataSource: '民政统计（村民委员会）',
    definition: '女性村委会主任占村委会主任的百分比。', target: [4, 10, '村委会主任中女性比例'], demoLevel: { value: 11, denominator: 90 } },
  { code: 'W04_112', name: '社区居委会成员中女性比例', unit: '%', direction: 'band', formula: pct('RC_MEMBERS_F', 'RC_MEMBERS'), dept: '民政局', dataSource: '民政统计（居民委员会）',
    definition: '社区居委会女性成员占社区居委会成员的百分比。', target: [4, 11, '社区居委会成员中女性比例'], demoLevel: { value: 73, denominator: 480 } },
  { code: 'W04_113', name: '社区居委会主任中女性比例', unit: '%', direction: 'higher', formula: pct('RC_HEADS_F', 'RC_HEADS'), dept: '民政局', dataSource: '民政统计（居民委员会）',
    definition: '女性社区居委会主任占社区居委会主任的百分比。', target: [4, 11, '社区居委会主任中女性比例'], demoLevel: { value: 47, denominator: 70 } },
  { code: 'W04_121', name: '社会组织女性负责人比例', unit: '%', direction: 'higher', formula: pct('SOC_ORG_HEADS_F', 'SOC_ORG_HEADS'), dept: '民政局', dataSource: '社会组织登记统计',
    definition: '社会组织负责人中女性所占百分比。', target: [4, 12, '社会组织女性负责人比例'], demoLevel: { value: 26, denominator: 600 } },
  // （五）妇女与社会保障
  { code: 'W05_021', name: '生育保险参保率', unit: '%', direction: 'higher', formula: pct('MATERNITY_INS', 'MATERNITY_INS_DUE'), dept: '医保局', dataSource: '医疗保障统计',
    definition: '参加生育保险的职工占应参加生育保险职工的百分比。', target: [5, 2, '生育保险参保率'], demoLevel: { value: 93, denominator: 150_000 } },
  { code: 'W05_031', name: '妇女基本医疗保险参保率', unit: '%', direction: 'higher', formula: pct('MED_INS_F', 'POP_F'), dept: '医保局', dataSource: '医疗保障统计',
    definition: '参加基本医疗保险（职工医保和城乡居民医保）的女性占女性常住人口的百分比。', target: [5, 3, '妇女基本医疗保险参保率'], demoLevel: { value: 96.2, denominator: 370_000 } },
  { code: 'W05_041', name: '妇女基本养老保险参保率', unit: '%', direction: 'higher', formula: pct('PENSION_F', 'PENSION_DUE_F'), dept: '人社局', dataSource: '社会保险统计',
    definition: '参加基本养老保险的女性占应参保女性（16周岁及以上、不含在校学生）的百分比。', target: [5, 4, '妇女基本养老保险参保率'], demoLevel: { value: 92.5, denominator: 300_000 } },
  { code: 'W05_051', name: '妇女失业保险参保人数', unit: '人', direction: 'higher', formula: direct('UNEMP_INS_F'), dept: '人社局', dataSource: '社会保险统计',
    definition: '年末参加失业保险的女性人数。', target: [5, 5, '妇女失业保险和工伤保险参保人数'], demoLevel: { value: 68_000 } },
  { code: 'W05_052', name: '妇女工伤保险参保人数', unit: '人', direction: 'higher', formula: direct('INJURY_INS_F'), dept: '人社局', dataSource: '社会保险统计',
    definition: '年末参加工伤保险的女性人数。', target: [5, 5, '妇女失业保险和工伤保险参保人数'], demoLevel: { value: 72_000 } },
  { code: 'W05_081', name: '新建城区和居住（小）区养老服务设施配建达标率', unit: '%', direction: 'higher', formula: pct('NEW_RESIDENTIAL_ELDER', 'NEW_RESIDENTIAL'), dept: '民政局', dataSource: '民政统计',
    definition: '按标准配建养老服务设施的新建城区和新建居住（小）区占新建城区和新建居住（小）区的百分比。', target: [5, 8, '城市新建城区、新建居住（小）区按标准配建养老服务设施达标率'], demoLevel: { value: 95, denominator: 12 } },
  { code: 'W05_082', name: '农村社区养老服务设施和站点覆盖率', unit: '%', direction: 'higher', formula: pct('RURAL_COMMUNITIES_ELDER', 'RURAL_COMMUNITIES'), dept: '民政局', dataSource: '民政统计',
    definition: '建有具备养老服务功能的社区综合服务设施和站点的农村社区占农村社区的百分比。', target: [5, 8, '农村社区建立具有养老服务功能的社区综合服务设施和站点比例'], demoLevel: { value: 72, denominator: 90 } },
  { code: 'W05_083', name: '城乡社区养老服务覆盖率', unit: '%', direction: 'higher', formula: pct('COMMUNITIES_ELDER', 'COMMUNITIES'), dept: '民政局', dataSource: '民政统计',
    definition: '养老服务覆盖的城乡社区占城乡社区的百分比。', target: [5, 8, '以城乡社区为单位的养老服务覆盖率'], demoLevel: { value: 80, denominator: 150 } },
  // （六）妇女与家庭建设
  { code: 'W06_071', name: '两性家务劳动时间差距', unit: '分钟', direction: 'lower', formula: direct('HOUSEWORK_GAP'), dept: '统计局', dataSource: '时间利用调查',
    definition: '女性与男性平均每日家务劳动时间之差；抽样调查结果。', target: [6, 7, '两性家务劳动时间差距'], demoLevel: { value: 95 } },
  // （七）妇女与环境
  { code: 'W07_061', name: '城市集中式饮用水水源水质达到或优于III类标准的比例', unit: '%', direction: 'higher', formula: pct('WATER_SOURCES_OK', 'WATER_SOURCES'), dept: '生态环境局', dataSource: '生态环境质量监测',
    definition: '水质达到或优于III类标准的城市集中式饮用水水源占城市集中式饮用水水源的百分比。', target: [7, 6, '城市集中式饮用水水源水质达到或优于III类标准的比例'], demoLevel: { value: 100, denominator: 3 } },
  { code: 'W07_071', name: '农村自来水普及率', unit: '%', direction: 'higher', formula: pct('RURAL_TAP', 'RURAL_POP'), dept: '农业农村局', dataSource: '农村供水工程统计',
    definition: '使用自来水的农村人口占农村常住人口的百分比。', target: [7, 7, '农村自来水普及率'], demoLevel: { value: 85.5, denominator: 110_000 } },
  { code: 'W07_081', name: '农村卫生厕所普及率', unit: '%', direction: 'higher', formula: pct('RURAL_TOILET', 'RURAL_HOUSEHOLDS'), dept: '农业农村局', dataSource: '农村改厕统计',
    definition: '使用卫生厕所的农村户数占农村户数的百分比。', target: [7, 8, '农村卫生厕所普及率'], demoLevel: { value: 89, denominator: 38_000 } },
];

/**
 * The demo dictionary's children's indicators (演示数据). 大连市 monitors the 儿童发展规划 indicators for
 * all its districts, but the demo has no text of the city's own children's plan, so each indicator is
 * drawn from the quantitative target of 西岗区儿童发展规划 (seed 002) it measures and sets no target of
 * the city's: the city is not judged on them, 西岗区 is judged by its own plan (README, 演示数据).
 * The target tuple names 西岗区's plan; codes are the generator's, C + area + goal + place.
 * 九年义务教育巩固率, 高中阶段教育毛入学率 and the drinking-water indicator are the women's ones,
 * linked to this plan in seedDemoTargetLinks.ts.
 */
import { direct, pct, per1000, per100k, type CatalogueEntry } from './indicatorCatalogue';

const H = '卫健委';
const E = '教育局';
const MCH = '妇幼卫生年报';
const SCREENING = '儿童青少年近视筛查';

export const XIGANG_CHILDREN_PLAN = '西岗区儿童发展规划';

export const CHILDREN_CATALOGUE: readonly CatalogueEntry[] = [
  // （一）儿童与健康
  { code: 'C01_031', name: '新生儿死亡率', unit: '‰', direction: 'lower', formula: per1000('NEONATAL_DEATHS', 'LIVE_BIRTHS'), dept: H, dataSource: MCH,
    definition: '出生后28天内死亡的新生儿数与活产数之比，以每千活产计。', target: [1, 3, '新生儿死亡率'], demoLevel: { value: 2.5, denominator: 4200 } },
  { code: 'C01_032', name: '婴儿死亡率', unit: '‰', direction: 'lower', formula: per1000('INFANT_DEATHS', 'LIVE_BIRTHS'), dept: H, dataSource: MCH,
    definition: '未满1周岁死亡的婴儿数与活产数之比，以每千活产计。', target: [1, 3, '婴儿死亡率'], demoLevel: { value: 3.2, denominator: 4200 } },
  { code: 'C01_033', name: '5岁以下儿童死亡率', unit: '‰', direction: 'lower', formula: per1000('U5_DEATHS', 'LIVE_BIRTHS'), dept: H, dataSource: MCH,
    definition: '未满5周岁死亡的儿童数与活产数之比，以每千活产计。', target: [1, 3, '5岁以下儿童死亡率'], demoLevel: { value: 4.2, denominator: 4200 } },
  { code: 'C01_051', name: '3岁以下儿童系统管理率', unit: '%', direction: 'higher', formula: pct('U3_MANAGED', 'CHILDREN_U3'), dept: H, dataSource: MCH,
    definition: '3岁以下儿童中按年龄要求接受生长发育监测（1岁以内4次、1～2岁每年2次）者所占百分比。', target: [1, 5, '3岁以下儿童系统管理率'], demoLevel: { value: 91.2, denominator: 12_000 } },
  { code: 'C01_052', name: '7岁以下儿童健康管理率', unit: '%', direction: 'higher', formula: pct('U7_MANAGED', 'CHILDREN_U7'), dept: H, dataSource: MCH,
    definition: '7岁以下儿童中当年接受1次及以上健康检查者所占百分比。', target: [1, 5, '7岁以下儿童健康管理率'], demoLevel: { value: 93.8, denominator: 30_000, heading: 95 } },
  { code: 'C01_071', name: '12岁儿童龋患率', unit: '%', direction: 'lower', formula: pct('CARIES_12', 'EXAMINED_12'), dept: H, dataSource: '儿童口腔健康检查',
    definition: '接受口腔检查的12岁儿童中患龋者所占百分比。', target: [1, 7, '12岁儿童龋患率'], demoLevel: { value: 28.5, denominator: 3600 } },
  { code: 'C01_081', name: '适龄儿童免疫规划疫苗接种率', unit: '%', direction: 'higher', formula: pct('VACCINATED', 'VACCINE_DUE'), dept: H, dataSource: '免疫规划信息管理系统',
    definition: '应接种免疫规划疫苗的适龄儿童中按程序完成接种者所占百分比。', target: [1, 8, '适龄儿童免疫规划疫苗接种率'], demoLevel: { value: 98.4, denominator: 32_000, heading: 99 } },
  { code: 'C01_101', name: '0～6个月婴儿纯母乳喂养率', unit: '%', direction: 'higher', formula: pct('EXCL_BREASTFED', 'INFANTS_0_6M'), dept: H, dataSource: MCH,
    definition: '调查的0～6个月婴儿中过去24小时内纯母乳喂养者所占百分比。', target: [1, 10, '0-6个月婴儿纯母乳喂养率'], demoLevel: { value: 46, denominator: 2000 } },
  { code: 'C01_111', name: '5岁以下儿童贫血率', unit: '%', direction: 'lower', formula: pct('U5_ANAEMIA', 'U5_HB_TESTED'), dept: H, dataSource: MCH,
    definition: '接受血红蛋白检测的5岁以下儿童中贫血（Hb<110g/L）者所占百分比。', target: [1, 11, '5岁以下儿童贫血率'], demoLevel: { value: 6.1, denominator: 18_000, heading: 5 } },
  { code: 'C01_112', name: '5岁以下儿童生长迟缓率', unit: '%', direction: 'lower', formula: pct('U5_STUNTED', 'U5_MEASURED'), dept: H, dataSource: MCH,
    definition: '测量身高（身长）的5岁以下儿童中身高（身长）低于同年龄同性别标准中位数减2个标准差者所占百分比。', target: [1, 11, '5岁以下儿童生长迟缓率'], demoLevel: { value: 1.3, denominator: 20_000, heading: 1.1 } },
  { code: 'C01_132', name: '儿童青少年总体近视率', unit: '%', direction: 'lower', formula: pct('MYOPIA', 'VISION_SCREENED'), categories: 'sex', dept: E, dataSource: SCREENING,
    definition: '接受视力筛查的6～18岁儿童青少年中筛查性近视者所占百分比，分性别统计。', target: [1, 13, '儿童总体近视率'], demoLevel: { value: 54.6, denominator: 45_000, heading: 47, femaleRelative: 1.07 } },
  { code: 'C01_133', name: '0～6岁儿童眼保健和视力检查覆盖率', unit: '%', direction: 'higher', formula: pct('EYE_CHECKED_U7', 'CHILDREN_U7'), dept: H, dataSource: MCH,
    definition: '0～6岁儿童中当年接受眼保健和视力检查者所占百分比。', target: [1, 13, '0-6岁儿童眼保健和视力检查覆盖率'], demoLevel: { value: 90.4, denominator: 30_000 } },
  { code: 'C01_134', name: '小学生近视率', unit: '%', direction: 'lower', formula: pct('PRIMARY_MYOPIA', 'PRIMARY_SCREENED'), categories: 'sex', dept: E, dataSource: SCREENING,
    definition: '接受视力筛查的小学生中筛查性近视者所占百分比，分性别统计。', target: [1, 13, '小学生近视率'], demoLevel: { value: 40.2, denominator: 24_000, femaleRelative: 1.06 } },
  { code: 'C01_141', name: '中小学生体质健康标准达标优良率', unit: '%', direction: 'higher', formula: pct('FITNESS_GOOD', 'FITNESS_TESTED'), categories: 'sex', dept: E, dataSource: '国家学生体质健康标准测试',
    definition: '参加《国家学生体质健康标准》测试的中小学生中成绩达到良好及以上者所占百分比，分性别统计。', target: [1, 14, '中小學生国家學生体质健康标准达标优良率'], demoLevel: { value: 50.5, denominator: 40_000, femaleRelative: 1.04 } },
  { code: 'C01_151', name: '配备专兼职心理健康工作人员的中小学校比例', unit: '%', direction: 'higher', formula: pct('SCHOOLS_COUNSELLOR', 'SCHOOLS'), dept: E, dataSource: '教育事业统计',
    definition: '配备专职或兼职心理健康教育教师的中小学校占中小学校的百分比。', target: [1, 15, '配备专兼职心理健康工作人员的中小学校比例'], demoLevel: { value: 84, denominator: 60 } },
  // （二）儿童与安全
  { code: 'C02_011', name: '儿童伤害死亡率', unit: '/10万', direction: 'lower', formula: per100k('CHILD_INJURY_DEATHS', 'POP_0_17'), dept: H, dataSource: '死因监测',
    definition: '0～17岁儿童因伤害（溺水、道路交通伤害、跌落等）死亡人数与0～17岁常住人口数之比，以每10万人计。', target: [2, 1, '儿童伤害死亡率'], demoLevel: { value: 8.6, denominator: 90_000, heading: 7.2 } },
  { code: 'C02_051', name: '儿童食品抽查批次合格率', unit: '%', direction: 'higher', formula: pct('CHILD_FOOD_PASSED', 'CHILD_FOOD_SAMPLED'), dept: '市场监管局', dataSource: '食品安全监督抽检',
    definition: '儿童食品监督抽检合格批次占抽检批次的百分比。', target: [2, 5, '儿童食品抽查批次合格率'], demoLevel: { value: 97.6, denominator: 180 } },
  // （三）儿童与教育
  { code: 'C03_021', name: '学前教育毛入园率', unit: '%', direction: 'higher', formula: pct('KG_ENROLLED', 'POP_3_5'), dept: E, dataSource: '教育事业统计',
    definition: '幼儿园在园幼儿数占3～5岁常住人口数的百分比；可超过100%。', target: [3, 2, '学前教育毛入园率'], demoLevel: { value: 94.8, denominator: 9500 } },
  { code: 'C03_022', name: '普惠性幼儿园在园幼儿占比', unit: '%', direction: 'higher', formula: pct('KG_INCLUSIVE', 'KG_ENROLLED'), dept: E, dataSource: '教育事业统计',
    definition: '公办幼儿园和普惠性民办幼儿园在园幼儿数占幼儿园在园幼儿数的百分比。', target: [3, 2, '普惠性幼儿园在园幼儿占比'], demoLevel: { value: 81.5, denominator: 9000 } },
  { code: 'C03_051', name: '义务教育阶段残疾儿童入学率', unit: '%', direction: 'higher', formula: pct('DISABLED_ENROLLED', 'DISABLED_SCHOOL_AGE'), dept: E, dataSource: '教育事业统计、残疾人基本服务状况调查',
    definition: '义务教育阶段入学（含送教上门）的适龄残疾儿童占适龄残疾儿童的百分比。', target: [3, 5, '义务教育阶段残疾儿童入学率'], demoLevel: { value: 97.2, denominator: 220 } },
  // （四）儿童与福利
  { code: 'C04_041', name: '每千人口3岁以下婴幼儿托位数', unit: '个', direction: 'higher', formula: per1000('NURSERY_PLACES', 'POP_TOTAL'), dept: H, dataSource: '托育服务统计',
    definition: '托育机构（含幼儿园托班）提供的3岁以下婴幼儿托位数与常住人口数之比，以每千人计。', target: [4, 4, '每千人口3岁以下婴幼儿托位数'], demoLevel: { value: 2.1, denominator: 600_000 } },
  { code: 'C04_051', name: '孤儿和事实无人抚养儿童基本生活养育标准', unit: '元/月', direction: 'higher', formula: direct('ORPHAN_ALLOWANCE'), dept: '民政局', dataSource: '民政统计',
    definition: '社会散居孤儿和事实无人抚养儿童每人每月基本生活费标准。', target: [4, 5, '孤儿和事实无人抚养儿童基本生活养育标准'], demoLevel: { value: 1780, heading: 3000 } },
  { code: 'C04_071', name: '社区儿童之家覆盖率', unit: '%', direction: 'higher', formula: pct('COMMUNITIES_CHILD_HOME', 'COMMUNITIES'), dept: '民政局', dataSource: '民政统计',
    definition: '建有儿童之家的城乡社区占城乡社区的百分比。', target: [4, 7, '社区儿童之家覆盖率'], demoLevel: { value: 88, denominator: 150, heading: 97 } },
  // （五）儿童与家庭
  { code: 'C05_061', name: '建立家长学校或家庭教育指导服务站点的城市社区比例', unit: '%', direction: 'higher', formula: pct('URBAN_COMMUNITIES_PARENTING', 'URBAN_COMMUNITIES'), dept: '妇联', dataSource: '家庭教育工作统计',
    definition: '建立家长学校或家庭教育指导服务站点的城市社区占城市社区的百分比。', target: [5, 6, '城市社区建立家长学校或家庭教育指导服务站点的比例'], demoLevel: { value: 91, denominator: 110 } },
  // （七）儿童与法律保护
  { code: 'C07_111', name: '未成年人犯罪人数占未成年人人口数量的比重', unit: '/10万', direction: 'lower', formula: per100k('JUVENILE_OFFENDERS', 'POP_0_17'), dept: '法院', dataSource: '人民法院司法统计',
    definition: '当年判决生效的未成年人罪犯人数与0～17岁常住人口数之比，以每10万人计。', target: [7, 11, '未成年人犯罪人数占未成年人人口数量的比重'], demoLevel: { value: 14, denominator: 90_000, heading: 11.5 } },
];

/**
 * Demo organisation (演示数据): 大连市 with its districts and counties (administrative division
 * codes), the streets of 西岗区, and the member departments of each 妇儿工委. The departments are
 * the ones seed plan 001 gives work to: statistics (监测评估), health (妇女与健康), education,
 * human resources and social security (就业、社保), medical insurance, civil affairs (社会救助),
 * public security and justice (妇女与法律), the women's federation, trade union, and so on.
 */
export interface DemoUnit {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street';
  children?: DemoUnit[];
}

const XIGANG_STREETS = ['白云街道', '日新街道', '北京街道', '八一路街道', '人民广场街道', '香炉礁街道'].map((name, i) => ({
  code: `210203${String(i + 1).padStart(3, '0')}`,
  name,
  level: 'street' as const,
}));

export const DEMO_ORG: DemoUnit = {
  code: '210200',
  name: '大连市',
  level: 'city',
  children: [
    { code: '210202', name: '中山区', level: 'district' },
    { code: '210203', name: '西岗区', level: 'district', children: XIGANG_STREETS },
    { code: '210204', name: '沙河口区', level: 'district' },
    { code: '210211', name: '甘井子区', level: 'district' },
    { code: '210212', name: '旅顺口区', level: 'district' },
    { code: '210213', name: '金州区', level: 'district' },
    { code: '210214', name: '普兰店区', level: 'district' },
    { code: '210224', name: '长海县', level: 'district' },
    { code: '210281', name: '瓦房店市', level: 'district' },
    { code: '210283', name: '庄河市', level: 'district' },
  ],
};

/** [full name suffix, short name]; prefixed with 市 / the district's name per committee. */
export const DEMO_DEPARTMENTS: ReadonlyArray<readonly [string, string]> = [
  ['统计局', '统计局'],
  ['卫生健康委员会', '卫健委'],
  ['教育局', '教育局'],
  ['人力资源和社会保障局', '人社局'],
  ['医疗保障局', '医保局'],
  ['民政局', '民政局'],
  ['公安局', '公安局'],
  ['司法局', '司法局'],
  ['财政局', '财政局'],
  ['农业农村局', '农业农村局'],
  ['生态环境局', '生态环境局'],
  ['住房和城乡建设局', '住建局'],
  ['文化和旅游局', '文旅局'],
  ['体育局', '体育局'],
  ['科学技术局', '科技局'],
  ['市场监督管理局', '市场监管局'],
  ['应急管理局', '应急局'],
  ['退役军人事务局', '退役军人局'],
  ['人民法院', '法院'],
  ['总工会', '总工会'],
  ['共青团', '团委'],
  ['妇女联合会', '妇联'],
  ['科学技术协会', '科协'],
];

/** Street offices have no departments of their own; their committees work through the district's. */
export function departmentsFor(unit: DemoUnit): { name: string; shortName: string }[] {
  if (unit.level === 'street') return [];
  const prefix = unit.level === 'city' ? '大连市' : unit.name;
  return DEMO_DEPARTMENTS.map(([suffix, short]) => ({
    name: suffix === '共青团' ? `共青团${prefix}委员会` : suffix === '人民法院' ? `${prefix}人民法院` : `${prefix}${suffix}`,
    shortName: short,
  }));
}

import { indicatorKey } from '../../shared/indicators/fromPlan';
import type { Db } from '../db/connection';
import { XIGANG_CHILDREN_PLAN } from './childrenCatalogue';

/**
 * 西岗区 judged by its own plan (演示数据): the targets of 西岗区妇女发展规划 (seed 002) that measure an
 * indicator of the city's dictionary, as indicator code ↦ area no., goal no. and the indicator as
 * the district's text names it. The plan import already links the targets whose name and unit match
 * an indicator; this list also reaches those the district words differently, and is what the demo
 * test holds the links to. Left out where the district measures something else under a similar
 * name (区人大代表 vs 人大代表, 区党政正职 vs 领导班子).
 */
export const XIGANG_TARGET_LINKS: readonly (readonly [code: string, area: number, goal: number, indicator: string])[] = [
  ['W01_011', 1, 1, '妇女人均预期寿命'],
  ['W01_021', 1, 2, '孕产妇系统管理率'],
  ['W01_022', 1, 2, '孕产妇死亡率'],
  ['W01_041', 1, 4, '适龄妇女宫颈癌人群筛查率'],
  ['W01_042', 1, 4, '乳腺癌人群筛查率'],
  ['W01_072', 1, 7, '妇女营养健康知识知晓率'],
  ['W01_081', 1, 8, '孕妇贫血率'],
  ['W01_091', 1, 9, '妇女健康素养水平'],
  ['W01_101', 1, 10, '妇女心理健康素养水平'],
  ['W01_111', 1, 11, '妇女经常参加体育锻炼的人数比例'],
  ['W01_112', 1, 11, '妇女体质测定标准合格以上的比例'],
  ['W01_131', 1, 13, '女性药品、化妆品质量抽检合格率'],
  ['W01_132', 1, 13, '女性保健品抽检合格率'],
  ['W02_051', 2, 5, '九年义务教育巩固率'],
  ['W02_061', 2, 6, '高中阶段教育毛入学率'],
  ['W02_101', 2, 10, '女性平均受教育年限'],
  ['W03_021', 3, 2, '就业人员中的女性比例'],
  ['W03_041', 3, 4, '高级专业技术人员中的女性比例'],
  ['W03_051', 3, 5, '男女收入差距'],
  ['W03_061', 3, 6, '女职工职业病发病率'],
  ['W04_061', 4, 5, '区党政工作部门领导班子配备女干部的比例'],
  ['W04_071', 4, 6, '区储备的优秀年轻干部队伍中女干部比例'],
  ['W04_112', 4, 9, '社区居委会成员中女性比例'],
  ['W04_113', 4, 9, '社区居委会主任中女性比例'],
  ['W04_121', 4, 10, '社会组织女性负责人比例'],
  ['W05_081', 5, 8, '城市新建城区、新建居住（小）区按标准配建养老服务设施达标率'],
  ['W06_071', 6, 7, '两性家务劳动时间差距'],
  ['W07_061', 7, 6, '城市集中式饮用水水源水质达到或优于Ⅲ类标准的比例'],
];

/**
 * Indicators of the women's plan that 西岗区儿童发展规划 sets targets for too (one indicator across
 * plans): its children's indicators are linked where they are made (childrenCatalogue.ts). These
 * targets are listed on the indicator's page; 西岗区 stays judged by its women's plan for them, the
 * plan of the indicator's kind (analytics/targets.ts).
 */
export const XIGANG_CHILDREN_TARGET_LINKS: readonly (readonly [code: string, area: number, goal: number, indicator: string])[] = [
  ['W02_051', 3, 3, '九年义务教育巩固率'],
  ['W02_061', 3, 4, '高中阶段教育毛入学率'],
  ['W07_061', 6, 7, '城市集中式饮用水水源水质达到或优于Ⅲ类比例'],
];

export const XIGANG_WOMEN_PLAN = '西岗区妇女发展规划';

/** Links the district plans' targets to the city's indicators by the lists above; a pair the text no longer has stops the seed. */
export async function seedDemoTargetLinks(db: Db): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const indicators = new Map((await trx.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [i.code, i.id]));
    let linked = 0;
    for (const [title, links] of [[XIGANG_WOMEN_PLAN, XIGANG_TARGET_LINKS], [XIGANG_CHILDREN_PLAN, XIGANG_CHILDREN_TARGET_LINKS]] as const) {
      const plan = await trx.selectFrom('plans').select('id').where('title', '=', title).where('is_demo', '=', 1).executeTakeFirstOrThrow();
      const targets = await trx
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .select(['t.id', 't.indicator', 'a.no as area_no', 'g.no as goal_no'])
        .where('a.plan_id', '=', plan.id)
        .execute();
      for (const [code, areaNo, goalNo, name] of links) {
        const indicatorId = indicators.get(code);
        const ids = targets.filter((t) => t.area_no === areaNo && t.goal_no === goalNo && indicatorKey(t.indicator) === indicatorKey(name)).map((t) => t.id);
        if (indicatorId === undefined || !ids.length) throw new Error(`演示数据：${title}（${areaNo}）${goalNo}中没有“${name}”，或没有指标 ${code}`);
        await trx.updateTable('plan_targets').set({ indicator_id: indicatorId }).where('id', 'in', ids).execute();
        linked += ids.length;
      }
    }
    return linked;
  });
}

import type { Db } from '../db/connection';
import { responsibilitiesRepository } from '../modules/plans/responsibilities/repository';

/** The 实施方案 due dates: three months after each plan's release (seedDemoFiling). */
const CITY_DUE = '2022-04-30';
const XIGANG_DUE = '2022-05-31';

/**
 * Where an area has no goal with a linked indicator (西岗区's children's plan links none yet), its
 * lead is the department whose field the area's title names, as the demo's organisation data
 * (orgData.ts) calls it; a plausible choice, not the plan's wording.
 */
const AREA_LEADS: [RegExp, string][] = [
  [/健康/, '卫健委'], [/安全/, '公安局'], [/教育/, '教育局'], [/福利|社会保障/, '民政局'], [/家庭/, '妇联'], [/环境/, '生态环境局'], [/法律/, '司法局'], [/经济/, '人社局'],
];

/**
 * 责任分解 in the demo, for 大连市's women's plan and 西岗区's two plans. The seed texts give no
 * per-goal 牵头 wording, so it is derived: a goal's 牵头单位 are the departments responsible for
 * the indicators linked to its targets (at a district, the department reporting along the
 * counterpart chain to the city's, by id); a goal without linked indicators takes its area's most
 * frequent lead (or AREA_LEADS). The 配合单位 are plausible, not from the texts: the area's other leads, and the
 * women's federation (妇联, which coordinates the committee's work). A measure is led by its area's
 * most frequent lead, with the other leads supporting.
 *
 * 实施方案: due dates set and past; at each unit 卫健委 filed and was accepted, 妇联 filed and waits
 * for the office, the others are overdue (教育局 of 西岗区 too, which the e2e test files for).
 */
export async function seedDemoResponsibilities(db: Db): Promise<void> {
  const k = db.kysely;
  const repo = responsibilitiesRepository(k);
  const plans = await k
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select(['p.id', 'p.kind', 'p.org_unit_id', 'o.code'])
    .where((eb) => eb.or([eb.and([eb('o.code', '=', '210200'), eb('p.kind', '=', 'women')]), eb('o.code', '=', '210203')]))
    .orderBy('p.id')
    .execute();
  const offices = await k.selectFrom('users').select(['id', 'username']).where('username', 'in', ['dalian_office', 'xigang_office']).execute();
  for (const plan of plans) {
    const departments = await k
      .selectFrom('departments as d')
      .innerJoin('committees as c', 'c.id', 'd.committee_id')
      .select(['d.id', 'd.short_name', 'd.counterpart_id'])
      .where('c.org_unit_id', '=', plan.org_unit_id)
      .execute();
    // The committee's own department answering for a top-committee department: itself at the top, its counterpart below.
    const local = (topId: number) => departments.find((d) => d.id === topId || d.counterpart_id === topId)?.id;
    // The demo's own organisation data names the women's federation 妇联 (orgData.ts).
    const federation = departments.find((d) => d.short_name === '妇联')?.id;
    const items = await repo.items(plan.id);
    const goals = items.filter((i) => i.kind === 'goal');
    const links = await repo.indicatorsOfGoals(goals.map((g) => g.id));
    const owners = new Map(
      (await k.selectFrom('indicators').select(['id', 'responsible_department_id']).where('id', 'in', [0, ...links.map((l) => l.indicatorId)]).execute()).map((i) => [i.id, i.responsible_department_id]),
    );
    const leadsOf = new Map<number, number[]>();
    for (const g of goals) {
      const ids = links.filter((l) => l.goalId === g.id).flatMap((l) => {
        const top = owners.get(l.indicatorId);
        const d = top == null ? undefined : local(top);
        return d === undefined ? [] : [d];
      });
      leadsOf.set(g.id, [...new Set(ids)]);
    }
    const areaNos = [...new Set(items.map((i) => i.area_no))];
    for (const areaNo of areaNos) {
      const areaGoals = goals.filter((g) => g.area_no === areaNo);
      const tally = new Map<number, number>();
      for (const g of areaGoals) for (const d of leadsOf.get(g.id)!) tally.set(d, (tally.get(d) ?? 0) + 1);
      const ranked = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([d]) => d);
      const byTitle = AREA_LEADS.find(([re]) => re.test(items.find((i) => i.area_no === areaNo)!.area_title))?.[1];
      const main = ranked[0] ?? departments.find((d) => d.short_name === byTitle)?.id ?? federation;
      if (main === undefined) continue;
      const partnersFor = (leads: number[]) => [...ranked, ...(federation === undefined ? [] : [federation])].filter((d, i, all) => !leads.includes(d) && all.indexOf(d) === i).slice(0, 3);
      for (const g of areaGoals) {
        const leads = leadsOf.get(g.id)!.length ? leadsOf.get(g.id)! : [main];
        await repo.replaceItem(plan.id, 'goal', g.id, leads, partnersFor(leads));
      }
      for (const m of items.filter((i) => i.kind === 'measure' && i.area_no === areaNo)) await repo.replaceItem(plan.id, 'measure', m.id, [main], partnersFor([main]));
    }

    if (plan.kind === 'children' && plan.code === '210203') continue; // its due date is the office's to set in the demo
    const office = offices.find((o) => o.username === (plan.code === '210200' ? 'dalian_office' : 'xigang_office'))?.id ?? null;
    const due = plan.code === '210200' ? CITY_DUE : XIGANG_DUE;
    await repo.setDue(plan.id, due, office, '2022-03-20T02:00:00.000Z');
    const owing = await repo.departmentsOwing(plan.id);
    const health = owing.find((d) => d.shortName === '卫健委');
    if (health) {
      // Filed by the department's demo reporter, where it has one.
      const [filer] = await repo.seatUsers(plan.org_unit_id, [health.id]);
      const id = await repo.insertImplementation({
        planId: plan.id, departmentId: health.id, filedBy: filer?.user_id ?? null, filedAt: `${due.slice(0, 8)}20T03:00:00.000Z`, isDemo: true,
        text: '一、工作目标：落实规划“妇女与健康”领域各项目标。\n二、主要措施：完善妇幼健康服务体系，推进两癌筛查和孕产妇系统管理。\n三、进度安排：2022年完成体系建设，2025年达到中期目标。\n四、保障措施：纳入部门年度重点工作，每半年报送一次进展。',
      });
      if (office !== null && id !== null) await repo.decide(id, 'accepted', office, `${due.slice(0, 8)}25T02:00:00.000Z`, null);
    }
    if (federation !== undefined && owing.some((d) => d.id === federation)) {
      await repo.insertImplementation({
        planId: plan.id, departmentId: federation, filedBy: null, filedAt: `${due.slice(0, 8)}28T06:00:00.000Z`, isDemo: true,
        text: '一、工作目标：发挥妇联组织优势，协同推进规划各领域目标。\n二、主要措施：开展“巾帼建功”“家庭文明建设”等活动，维护妇女儿童合法权益。\n三、进度安排：按年度制定工作要点。',
      });
    }
  }
}

import type { Db } from '../db/connection';
import { analyticsService } from '../modules/analytics/service';
import { COMMAND_LINE } from '../modules/auth/service';
import { followupService } from '../modules/followup/service';
import { orgsService } from '../modules/orgs/service';
import { addDays, beijingDate } from '../services/reminders/dates';

/**
 * Two of 西岗区's warnings under 整改 (演示数据): one just assigned to its responsible department,
 * one the department has answered and the office has to decide on.
 */
export async function seedDemoFollowup(db: Db): Promise<number> {
  const orgs = orgsService(db.kysely);
  const analytics = analyticsService(db.kysely, orgs);
  const followups = followupService(db.kysely, orgs, analytics);
  const xigang = await db.kysely.selectFrom('org_units').select('id').where('name', '=', '西岗区').executeTakeFirst();
  if (!xigang) return 0;
  const list = await followups.warnings(COMMAND_LINE, { orgUnitId: xigang.id, scope: 'all', unitId: xigang.id });
  const candidates = list.items.filter((w) => w.indicator && w.departmentId !== null).slice(0, 2);
  const today = beijingDate(new Date());
  const ids: number[] = [];
  for (const [i, w] of candidates.entries()) {
    const { assigned } = await followups.assign(COMMAND_LINE, { keys: [w.key], deadline: addDays(today, i === 0 ? 20 : 10), note: '请分析原因，提出整改措施和预计达标时间（演示数据）' });
    ids.push(...assigned);
  }
  if (ids[1]) {
    await followups.act(COMMAND_LINE, ids[1], 'answer', {
      answer: { cause: '部分街道统计口径不一致，年度数据汇总偏低（演示数据）', measures: '统一统计口径，按季度核对各街道报表，加强宣传和服务覆盖', expectedOn: addDays(today, 180) },
    });
  }
  await db.kysely.updateTable('followups').set({ is_demo: 1 }).where('id', 'in', ids.length ? ids : [0]).execute();
  return ids.length;
}

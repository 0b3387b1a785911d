import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection';
import { COMMAND_LINE } from '../modules/auth/service';
import { orgsService } from '../modules/orgs/service';
import { workitemsRepository } from '../modules/workitems/repository';
import { keyItemsService } from '../modules/workitems/service';
import { supervisionsService } from '../modules/workitems/supervisions';
import { attachmentStore } from '../services/attachments/store';

/** The demo year: its 上半年 is over, so the demo shows done, on-schedule and late items. */
export const DEMO_WORKITEMS_YEAR = 2026;
/** The item that lags and is under 督办: 7 家校社协同育人, 10 of its 上半年 lectures not held. */
const LATE_ITEM = 7;

/**
 * Seed 004's key-items table imported for 大连市 as an example, H1 progress reported by the lead
 * departments of most items, item 7 behind its 上半年 plan and under 督办 of 教育局.
 */
export async function seedDemoWorkitems(db: Db): Promise<void> {
  const orgs = orgsService(db.kysely);
  const repo = workitemsRepository(db.kysely);
  const city = await repo.topUnit();
  if (!city) return;
  const bytes = readFileSync(fileURLToPath(new URL('./texts/yantai-key-items-2023.txt', import.meta.url)));
  const service = keyItemsService(db.kysely, orgs, attachmentStore(db.kysely));
  await service.import(COMMAND_LINE, { fileName: '重要事项推进计划表（示例）.txt', bytes, orgUnitId: city.id, year: DEMO_WORKITEMS_YEAR, dryRun: false }, { isDemo: true });

  const items = await repo.items({ orgUnitId: city.id, year: DEMO_WORKITEMS_YEAR });
  const units = await repo.unitsOf(items.map((i) => i.id));
  const milestones = await repo.milestonesOf(items.map((i) => i.id));
  const reportedAt = `${DEMO_WORKITEMS_YEAR}-06-28T08:00:00.000Z`;
  for (const item of items) {
    const lead = units.find((u) => u.item_id === item.id && u.role === 'lead' && u.department_id !== null);
    const h1 = milestones.find((m) => m.item_id === item.id && m.period === 'H1');
    if (!lead || !h1) continue;
    const late = item.no === LATE_ITEM;
    await repo.insertReport({
      milestoneId: h1.id, departmentId: lead.department_id!, role: 'lead', reportedBy: null, reportedAt, isDemo: true,
      value: h1.value === null ? null : late ? h1.value - 4 : h1.value,
      text: late ? '5月开展“家庭教育宣传周”活动；公益大讲堂已举办6场，其余4场因场地调整推迟至下半年。' : '上半年工作已按计划完成。',
      completed: !late,
    });
  }
  const late = items.find((i) => i.no === LATE_ITEM);
  const education = late && units.find((u) => u.item_id === late.id && u.role === 'lead' && u.department_id !== null);
  if (late && education) {
    await supervisionsService(db.kysely, orgs).issue(
      COMMAND_LINE,
      { orgUnitId: city.id, departmentId: education.department_id!, itemId: late.id, indicatorId: null, subject: `${late.name}上半年进度滞后`, request: '上半年计划举办10场家庭教育公益大讲堂，仅完成6场。请说明原因，报送下半年补齐的安排。', dueOn: `${DEMO_WORKITEMS_YEAR}-12-20` },
      { isDemo: true, now: new Date(`${DEMO_WORKITEMS_YEAR}-07-10T02:00:00.000Z`) },
    );
  }
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointToSave } from '../../shared/workitems/workPoints';
import type { Db } from '../db/connection';
import { COMMAND_LINE } from '../modules/auth/service';
import { orgsService } from '../modules/orgs/service';
import { workitemsRepository } from '../modules/workitems/repository';
import { workPointsRepository } from '../modules/workitems/workPointsRepository';
import { supervisionsService } from '../modules/workitems/supervisions';
import { workPointsService } from '../modules/workitems/workPointsService';
import { pointTree } from '../modules/workitems/workPointsTree';
import { DEMO_WORKITEMS_YEAR } from './seedDemoWorkitems';

/** The key item that carries out the 「两癌」 work point: 1, 两癌检查 coverage. */
const TWO_CANCERS_ITEM = 1;

/**
 * Seed 003 (a year's 工作要点, as an example) imported for 大连市 in the key items' demo year: 四、1
 * 「两癌」检查 a 实事项目 led by the department that leads key item 1 and linked to it, filed and
 * notified on; 四、2 救助 a 实事项目 not yet filed. Runs after seedDemoWorkitems.
 */
export async function seedDemoWorkPoints(db: Db): Promise<void> {
  const city = await workitemsRepository(db.kysely).topUnit();
  if (!city) return;
  const service = workPointsService(db.kysely, orgsService(db.kysely));
  const bytes = readFileSync(fileURLToPath(new URL('./texts/zibo-work-points-2015.txt', import.meta.url)));
  const preview = await service.preview(COMMAND_LINE, { fileName: '工作要点（示例）.txt', bytes, orgUnitId: city.id, year: DEMO_WORKITEMS_YEAR });
  await service.import(COMMAND_LINE, { orgUnitId: city.id, year: DEMO_WORKITEMS_YEAR, points: preview.points.map(pointToSave) }, { isDemo: true });

  const points = await pointTree(workPointsRepository(db.kysely), city.id, DEMO_WORKITEMS_YEAR);
  const [checks, relief] = points[3]!.children;
  const keyItems = await workitemsRepository(db.kysely).items({ orgUnitId: city.id, year: DEMO_WORKITEMS_YEAR });
  const item = keyItems.find((k) => k.no === TWO_CANCERS_ITEM);
  const lead = item && (await workitemsRepository(db.kysely).unitsOf([item.id])).find((u) => u.role === 'lead' && u.department_id !== null)?.department_id;
  if (!checks || !relief || !item || !lead) return;
  const partnerIds = checks.partners.map((d) => d.id).filter((id) => id !== lead);
  await service.update(COMMAND_LINE, checks.id, { version: checks.version, title: checks.title, text: checks.text, dueOn: `${DEMO_WORKITEMS_YEAR}-12-31`, practical: true, leadIds: [lead], partnerIds });
  await service.link(COMMAND_LINE, checks.id, [item.id]);
  const at = (day: string) => ({ isDemo: true, now: new Date(`${DEMO_WORKITEMS_YEAR}-${day}T02:00:00.000Z`) });
  await service.record(COMMAND_LINE, checks.id, { kind: 'filing', onDate: `${DEMO_WORKITEMS_YEAR}-03-10`, ref: `大妇儿工委〔${DEMO_WORKITEMS_YEAR}〕2号`, text: '农村妇女“两癌”免费检查列入市政府为民办实事项目，年度任务22万人。' }, at('03-10'));
  await service.record(COMMAND_LINE, checks.id, { kind: 'notice', onDate: `${DEMO_WORKITEMS_YEAR}-07-15`, ref: '', text: '上半年完成“两癌”检查10万人，达到半年计划；下半年继续推进。' }, at('07-15'));
  await service.update(COMMAND_LINE, relief.id, { version: relief.version, title: relief.title, text: relief.text, dueOn: `${DEMO_WORKITEMS_YEAR}-11-30`, practical: true, leadIds: [], partnerIds: relief.partners.map((d) => d.id) });
  // The unfiled 实事项目 under 督办 (of its first department, else the 两癌 lead), as the office would after the half-year.
  await supervisionsService(db.kysely, orgsService(db.kysely)).issue(
    COMMAND_LINE,
    {
      orgUnitId: city.id, departmentId: relief.partners[0]?.id ?? lead, itemId: null, indicatorId: null, workPointId: relief.id, subject: `实事项目“${relief.title}”尚未备案`, request: '该实事项目半年过去仍未备案。请于期限前报送实施方案和备案材料，说明下半年推进安排。', dueOn: `${DEMO_WORKITEMS_YEAR}-12-15`,
    },
    at('07-20'),
  );
}

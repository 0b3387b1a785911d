import type { Db } from '../db/connection';
import { COMMAND_LINE } from '../modules/auth/service';
import { siteChecksService } from '../modules/evaluation/siteChecks/service';
import { orgsService } from '../modules/orgs/service';

/**
 * Two site checks (督导检查) in the 2025 mid-term round (seedDemoEvaluation): 西岗区's committee,
 * whose first rectification request it has answered and whose second is past its deadline, and the
 * first lead department, with one request still running.
 */
export async function seedDemoSiteChecks(db: Db): Promise<void> {
  const round = await db.kysely.selectFrom('evaluation_rounds').select('id').where('milestone', '=', 2025).where('is_demo', '=', 1).orderBy('id').executeTakeFirst();
  if (!round) return;
  const checks = siteChecksService(db.kysely, orgsService(db.kysely));
  const participants = await db.kysely.selectFrom('evaluation_participants').select(['id', 'department_id']).where('round_id', '=', round.id).orderBy('id').execute();
  const committee = participants.find((p) => p.department_id === null);
  const department = participants.find((p) => p.department_id !== null);
  const options = { isDemo: true, now: new Date('2025-11-10T02:00:00.000Z') };

  if (committee) {
    const made = await checks.create(COMMAND_LINE, round.id, {
      participantId: committee.id, visitedOn: '2025-10-20', inspectors: ['张丽（市妇儿工委办公室）', '刘强（市统计局）', '陈静（大连市统计学会）'],
      findings: '西岗区妇儿工委按要求完成规划中期自评，建立了成员单位目标责任台账；抽查 3 个街道，妇女儿童之家建设和儿童友好社区创建资料齐全；部分指标的分性别统计数据采集不完整，2024 年街道层面的数据尚未汇总。',
      rectifications: [
        { requirement: '建立街道层面分性别统计数据报送制度，补齐 2024 年数据。', dueOn: '2025-12-31' },
        { requirement: '对辖区妇女儿童之家开展星级评定，形成评定结果报市妇儿工委办公室。', dueOn: '2026-06-30' },
      ],
    }, options);
    await checks.answer(COMMAND_LINE, made.rectifications[0]!.id, {
      answer: '已印发《西岗区妇女儿童发展统计监测工作方案》，明确 8 个街道按季度报送分性别统计数据；2024 年数据已补报并通过区统计局审核。', doneOn: '2025-12-15',
    }, new Date('2025-12-16T02:00:00.000Z'));
  }
  if (department) {
    await checks.create(COMMAND_LINE, round.id, {
      participantId: department.id, visitedOn: '2025-11-05', inspectors: ['张丽（市妇儿工委办公室）', '王海（市妇儿工委评估组）'],
      findings: '对照中期自评表逐项核查佐证材料，牵头指标的年度监测数据与统计部门口径一致，相关工作纳入部门年度工作要点；基层专业人员配备不足，个别区县工作进展不平衡。',
      rectifications: [{ requirement: '制定基层专业人员培训计划，2027 年上半年前完成对滞后区县的专项指导。', dueOn: '2027-06-30' }],
    }, options);
  }
}

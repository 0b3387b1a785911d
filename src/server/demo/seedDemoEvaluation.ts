import type { Db } from '../db/connection';
import { DEFAULT_CRITERIA, type Scores } from '../../shared/evaluation/scoring';
import { analyticsService } from '../modules/analytics/service';
import { COMMAND_LINE } from '../modules/auth/service';
import { evaluationFormsService } from '../modules/evaluation/forms';
import { evaluationRoundsService } from '../modules/evaluation/service';
import { evaluationWeightsService } from '../modules/evaluation/weights/service';
import { orgsService } from '../modules/orgs/service';
import { attachmentStore } from '../services/attachments/store';

/** Points per criterion as a share of its weight, rounded to halves: 0.9 of 60 is 54. */
const scored = (share: number): Scores => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, Math.round(c.weight * share * 2) / 2]));

/**
 * The 2025 mid-term evaluation of the city's women's plan, in progress: every department that
 * leads a goal's indicators and 西岗区's committee take part; the first four departments have
 * submitted all but their last form (attainment as the data suggest), the 评估组 has scored some
 * of them and returned one for more evidence; the rest are still drafts. 妇女与健康 weighs indicator
 * attainment higher (70 / 20 / 10), its goals being mostly measured by monitoring data.
 */
export async function seedDemoEvaluation(db: Db): Promise<void> {
  const orgs = orgsService(db.kysely);
  const plan = await db.kysely
    .selectFrom('plans as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id')
    .select(['p.id', 'p.org_unit_id']).where('u.parent_id', 'is', null).where('p.kind', '=', 'women').orderBy('p.id').executeTakeFirst();
  if (!plan) return;
  const rounds = evaluationRoundsService(db.kysely, orgs);
  const forms = evaluationFormsService(db.kysely, orgs, analyticsService(db.kysely, orgs), attachmentStore(db.kysely));
  const candidates = await rounds.candidates(COMMAND_LINE, plan.id);
  const xigang = candidates.committees.find((c) => c.orgUnit.name === '西岗区');
  const round = await rounds.create(COMMAND_LINE, {
    planId: plan.id, milestone: 2025, criteria: [...DEFAULT_CRITERIA], selfDueOn: '2025-09-30', reviewDueOn: '2025-11-30',
    departmentIds: candidates.departments.map((d) => d.department.id), committeeUnitIds: xigang ? [xigang.orgUnit.id] : [],
  }, { isDemo: true, now: new Date('2025-07-01T02:00:00.000Z') });
  const weights = evaluationWeightsService(db.kysely, orgs);
  const health = (await weights.get(COMMAND_LINE, round.id)).areas.find((a) => a.title === '妇女与健康');
  if (health) {
    await weights.set(COMMAND_LINE, round.id, { scope: 'area', targetId: health.id, criteria: { indicators: 70, measures: 20, mechanisms: 10 }, share: null }, new Date('2025-07-01T02:10:00.000Z'));
  }

  // The fourth department's first form came back for more evidence.
  const departments = round.participants.filter((p) => p.kind === 'department');
  const submitting = new Set(departments.slice(0, 4).map((p) => p.id));
  const submittedAt = new Date('2025-09-20T02:00:00.000Z');
  const reviewedAt = new Date('2025-10-15T02:00:00.000Z');
  let returned = false;
  let reviewed = 0;
  // Each of them still works on its last goal: a draft left to fill in.
  const lastOf = new Map(round.forms.map((f) => [f.participant.id, f.id]));
  for (const summary of round.forms.filter((f) => submitting.has(f.participant.id) && lastOf.get(f.participant.id) !== f.id)) {
    const form = await forms.get(COMMAND_LINE, summary.id);
    const lacking = form.suggested === 'not_met' || form.suggested === 'partly';
    const shown = form.indicators.filter((i) => i.status !== 'insufficient_data').map((i) => `${i.name}（目标${i.target}）`).join('、');
    await forms.save(COMMAND_LINE, form.id, {
      attainment: form.suggested, attainmentReason: '',
      evidence: `${form.participant.label}对照目标逐项自查：${shown ? `${shown}已按年度监测数据评估，` : '本目标暂无可用监测数据，'}相关工作纳入年度工作要点，定期调度推进。`,
      problems: lacking ? '部分区县工作进展不平衡，基层专业人员不足。' : '',
      rectification: lacking ? '2026年起每半年调度一次进展，对滞后区县开展专项督导，力争2027年底前达到目标要求。' : '',
      scores: scored(form.suggested === 'met' ? 0.92 : lacking ? 0.75 : 0.8), attachmentIds: [], submit: true,
    }, submittedAt);
    if (!returned && summary.participant.id === departments[3]?.id) {
      await forms.review(COMMAND_LINE, form.id, { action: 'return', reason: '请补充2024年分区县统计数据和相关工作的文件依据。' }, reviewedAt);
      returned = true;
    } else if (reviewed < 6 && summary.participant.id !== departments[3]?.id) {
      await forms.review(COMMAND_LINE, form.id, { action: 'review', scores: scored(form.suggested === 'met' ? 0.88 : 0.7), comment: '自评材料基本完整，数据与监测结果一致。' }, reviewedAt);
      reviewed++;
    }
  }
}

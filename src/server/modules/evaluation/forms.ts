import type { Kysely } from 'kysely';
import type { FormDto, ReviewFormInput, SaveFormInput } from '../../../shared/api/evaluation';
import { ATTAINMENT_LABELS, type Attainment } from '../../../shared/evaluation/attainment';
import { scoreProblems, type Scores } from '../../../shared/evaluation/scoring';
import { can } from '../../../shared/policy';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { attachmentDto } from '../../services/attachments/routes';
import type { AttachmentStore } from '../../services/attachments/store';
import type { AnalyticsService } from '../analytics/service';
import { actorId, assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { auditEvaluator } from './evaluators/audit';
import { goalLeads } from './leads';
import { evaluationRepository } from './repository';
import { suggestForGoal } from './suggest';
import { formAccess, formSummary, parseScores, participantDto, placeOf, roundBase, type FormRow, type ParticipantRow, type RoundRow } from './views';
import { roundWeights } from './weights/service';

export const FORM_OWNER = 'evaluation_form';
const EDITABLE: readonly FormRow['state'][] = ['draft', 'returned'];

/** Self-evaluation forms: reading one with what the data suggest, saving and submitting it, the 评估组's review or return. */
export function evaluationFormsService(db: Kysely<Database>, orgs: OrgsService, analytics: AnalyticsService, attachments: AttachmentStore) {
  const repo = evaluationRepository(db);

  /** A form with its round and participant, and what the user may do with it; refused when they may not read it. */
  async function load(auth: AuthContext | null, id: number) {
    const user = requireAuth(auth);
    const [form] = await repo.forms({ ids: [id] });
    if (!form) throw appError('NOT_FOUND', `自评表（编号 ${id}）不存在`);
    const round = (await repo.round(form.round_id))!;
    const participant = (await repo.participants([round.id])).find((p) => p.id === form.participant_id)!;
    const tree = await orgs.tree();
    const access = formAccess(user, tree, round, participant);
    if (!access.read) assertCan(user, 'evaluation.read', { orgUnitId: participant.org_unit_id, departmentId: participant.department_id ?? -1, tree });
    return { user, form, round, participant, access };
  }

  attachments.registerOwner(FORM_OWNER, {
    label: '评估佐证材料',
    canUpload: (auth) => can(auth, 'evaluation.selfAssess') || can(auth, 'evaluation.selfAssessArea'),
    async canRead(auth, formId) {
      if (!auth) return false;
      try {
        const loaded = await load(auth, formId);
        if (loaded.access.read) await auditEvaluator(db, auth, 'download_file', `${loaded.form.area_title}目标 ${loaded.form.goal_no} · ${participantDto(loaded.participant).label}的佐证材料`);
        return loaded.access.read;
      } catch {
        return false;
      }
    },
  });

  /** The goal's indicators the participant answers for: a department its own, a committee all of them. */
  async function suggestion(round: RoundRow, participant: ParticipantRow, goalId: number) {
    const plan = (await repo.plan(round.plan_id))!;
    const { leads, indicatorsOfGoal } = await goalLeads(db, round.plan_id, round.org_unit_id);
    const ids = participant.department_id === null ? (indicatorsOfGoal.get(goalId) ?? []) : (leads.get(participant.department_id)?.get(goalId) ?? []);
    return suggestForGoal(await analytics.context('all'), ids, participant.org_unit_id, round.milestone, plan.period_end);
  }

  /** The form as the page shows it; `known` is the suggestion when the caller has just computed it. */
  async function dto(loaded: Awaited<ReturnType<typeof load>>, known?: Awaited<ReturnType<typeof suggestion>>): Promise<FormDto> {
    const { form, round, participant, access } = loaded;
    const criteria = await goalCriteria(round, form);
    const live = known ?? (await suggestion(round, participant, form.goal_id));
    const [files, events] = await Promise.all([attachments.listOfOwner(FORM_OWNER, form.id), repo.events(form.id)]);
    return {
      ...formSummary(form, participantDto(participant), criteria),
      round: { ...roundBase(round), criteria },
      // Once submitted, the suggestion the unit saw stays what the 评估组 compares with.
      suggested: EDITABLE.includes(form.state) || !form.suggested ? live.suggested : (form.suggested as Attainment),
      indicators: live.indicators,
      attainmentReason: form.attainment_reason, evidence: form.evidence, problems: form.problems, rectification: form.rectification,
      selfScores: parseScores(form.self_scores), reviewScores: parseScores(form.review_scores), reviewComment: form.review_comment, returnReason: form.return_reason,
      reviewedAt: form.reviewed_at, reviewedBy: form.reviewed_by_name ?? null,
      attachments: files.map(attachmentDto), events,
      canEdit: access.edit && round.state === 'open' && EDITABLE.includes(form.state),
      canReview: access.review && round.state === 'open' && (form.state === 'submitted' || form.state === 'reviewed'),
    };
  }

  /** The criteria with the weights that apply to the form's goal. */
  async function goalCriteria(round: RoundRow, form: FormRow) {
    return (await roundWeights(db, round)).forGoal(placeOf(form));
  }

  /** A submission must be complete: every problem names its field. */
  function checkSubmission(input: SaveFormInput, suggested: Attainment, hasFiles: boolean, criteria: Awaited<ReturnType<typeof goalCriteria>>) {
    if (!input.attainment) throw invalidField('attainment', '请选择达标情况');
    if (input.attainment !== suggested && !input.attainmentReason) {
      throw invalidField('attainmentReason', `数据显示为“${ATTAINMENT_LABELS[suggested]}”，改为“${ATTAINMENT_LABELS[input.attainment]}”须说明理由`);
    }
    if (!input.evidence && !hasFiles) throw invalidField('evidence', '请填写佐证说明或上传佐证材料');
    if (input.attainment === 'not_met' || input.attainment === 'partly') {
      if (!input.problems) throw invalidField('problems', '未完全达标的目标须写明存在问题及原因');
      if (!input.rectification) throw invalidField('rectification', '未完全达标的目标须写明整改措施及承诺');
    }
    const problems = scoreProblems(criteria, input.scores);
    if (problems.length) throw invalidField('scores', problems.join('；'));
  }

  return {
    async get(auth: AuthContext | null, id: number): Promise<FormDto> {
      const loaded = await load(auth, id);
      await auditEvaluator(db, loaded.user, 'view_form', `${loaded.form.area_title}目标 ${loaded.form.goal_no} · ${participantDto(loaded.participant).label}`);
      return dto(loaded);
    },

    /** Save a draft, or submit (complete, checked): compare-and-set on the state, files bound or taken off, an event kept. */
    async save(auth: AuthContext | null, id: number, input: SaveFormInput, now = new Date()): Promise<FormDto> {
      const loaded = await load(auth, id);
      const { user, form, round, participant, access } = loaded;
      if (!access.edit) {
        if (participant.department_id === null) assertCan(user, 'evaluation.selfAssessArea', { orgUnitId: participant.org_unit_id, tree: await orgs.tree() });
        else assertCan(user, 'evaluation.selfAssess', { orgUnitId: participant.org_unit_id, departmentId: participant.department_id, tree: await orgs.tree() });
      }
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED');
      if (!EDITABLE.includes(form.state)) throw appError('EVALUATION_FORM_LOCKED', form.state === 'reviewed' ? '自评表已评审，不能再修改' : '自评表已提交，等待评估组评审');
      const criteria = await goalCriteria(round, form);
      // A draft may be partly scored, but what is given must be in range.
      const given = Object.fromEntries(Object.entries(input.scores).filter(([, v]) => Number.isFinite(v))) as Scores;
      const rangeProblems = scoreProblems(criteria, given).filter((p) => !p.endsWith('没有打分'));
      if (rangeProblems.length) throw invalidField('scores', rangeProblems.join('；'));
      const live = await suggestion(round, participant, form.goal_id);
      const { suggested } = live;
      const removed = input.removeAttachmentIds ?? [];
      const keptFiles = (await attachments.listOfOwner(FORM_OWNER, form.id)).filter((a) => !removed.includes(a.id));
      if (input.submit) checkSubmission(input, suggested, keptFiles.length + input.attachmentIds.length > 0, criteria);
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const r = evaluationRepository(trx);
        const moved = await r.updateForm(form.id, form.state, {
          state: input.submit ? 'submitted' : form.state,
          attainment: input.attainment, attainment_reason: input.attainment && input.attainment !== suggested ? input.attainmentReason || null : null,
          evidence: input.evidence, problems: input.problems, rectification: input.rectification,
          self_scores: Object.keys(given).length ? JSON.stringify(given) : null,
          suggested: input.submit ? suggested : form.suggested,
          submitted_at: input.submit ? at : form.submitted_at, updated_at: at,
        });
        if (!moved) throw appError('EVALUATION_FORM_LOCKED', '自评表已被他人更新，请刷新后再办理');
        await attachments.bind(trx, user, FORM_OWNER, form.id, input.attachmentIds);
        await attachments.detach(trx, FORM_OWNER, form.id, removed);
        const note = removed.length ? `（移除佐证材料 ${removed.length} 个）` : '';
        await r.insertEvent({ form_id: form.id, action: input.submit ? 'submit' : 'save', text: input.submit ? `提交自评：${ATTAINMENT_LABELS[input.attainment!]}${note}` : `保存草稿${note}`, actor_id: actorId(user), at });
      });
      return dto(await load(auth, id), live);
    },

    /** The 评估组 scores and comments a submitted form (again, while the round is open), or returns it for more evidence. */
    async review(auth: AuthContext | null, id: number, input: ReviewFormInput, now = new Date()): Promise<FormDto> {
      const { user, form, round } = await load(auth, id);
      assertCan(user, 'evaluation.review', { orgUnitId: round.org_unit_id, tree: await orgs.tree() });
      if (round.state !== 'open') throw appError('EVALUATION_ROUND_CLOSED');
      if (form.state !== 'submitted' && form.state !== 'reviewed') throw appError('EVALUATION_FORM_LOCKED', form.state === 'returned' ? '自评表已退回，等待单位补充后重新提交' : '自评表尚未提交');
      if (input.action === 'return' && form.state !== 'submitted') throw appError('EVALUATION_FORM_LOCKED', '已评审的自评表不能退回');
      const at = now.toISOString();
      const criteria = await goalCriteria(round, form);
      if (input.action === 'review') {
        const problems = scoreProblems(criteria, input.scores);
        if (problems.length) throw invalidField('scores', problems.join('；'));
      }
      await db.transaction().execute(async (trx) => {
        const r = evaluationRepository(trx);
        const moved = input.action === 'review'
          ? await r.updateForm(form.id, form.state, { state: 'reviewed', review_scores: JSON.stringify(input.scores), review_comment: input.comment || null, reviewed_by: actorId(user), reviewed_at: at, updated_at: at })
          : await r.updateForm(form.id, form.state, { state: 'returned', return_reason: input.reason, updated_at: at });
        if (!moved) throw appError('EVALUATION_FORM_LOCKED', '自评表已被他人更新，请刷新后再办理');
        await r.insertEvent({ form_id: form.id, action: input.action, text: input.action === 'review' ? input.comment || '评审打分' : `退回补充材料：${input.reason}`, actor_id: actorId(user), at });
      });
      return dto(await load(auth, id));
    },
  };
}
export type EvaluationFormsService = ReturnType<typeof evaluationFormsService>;

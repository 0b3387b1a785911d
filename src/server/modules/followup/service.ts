import type { Kysely } from 'kysely';
import type { AnswerBody, AssignBody, FollowupDetailDto, FollowupDto, FollowupWarningListDto, FollowupWarningsQueryInput, WarningRowDto } from '../../../shared/api/followup';
import { WARNING_KIND_LABELS } from '../../../shared/api/analytics';
import { FOLLOWUP_ACTION_LABELS, followupActions, followupTransition, awaitsDepartment, type FollowupAction } from '../../../shared/followup/stateMachine';
import { can } from '../../../shared/policy';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { beijingDate } from '../../services/reminders/dates';
import type { AnalyticsService } from '../analytics/service';
import type { Warning } from '../analytics/warnings';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { loadDictionary, reportingDepartment, type ReportingDictionary } from '../reporting/dictionary';
import type { OrgsService } from '../orgs/service';
import type { OrgTree } from '../orgs/tree';
import { followupRepository, type FollowupRow } from './repository';

type Department = { id: number; name: string; short_name: string; org_unit_id: number };

/**
 * The member department (by id) that answers for a warning at its unit: the overdue seat's, or
 * the unit's department reporting the indicator, found through counterparts as reporting does
 * (ARCHITECTURE.md, orgs): a label never decides it.
 */
function answeringDepartment(dict: ReportingDictionary, seatDepartments: ReadonlyMap<number, number>, warning: Pick<Warning, 'key' | 'kind' | 'indicator' | 'orgUnit'>): number | null {
  if (warning.kind === 'overdue') return seatDepartments.get(Number(warning.key.split(':')[1])) ?? null;
  const indicator = warning.indicator ? dict.indicators.get(warning.indicator.id) : undefined;
  return (indicator && reportingDepartment(dict, indicator, warning.orgUnit.id)) ?? null;
}

const overdueSeatIds = (warnings: readonly Pick<Warning, 'key' | 'kind'>[]) => warnings.filter((w) => w.kind === 'overdue').map((w) => Number(w.key.split(':')[1]));

const followupLink = (id: number) => `/followups/${id}`;

export function followupService(db: Kysely<Database>, orgs: OrgsService, analytics: AnalyticsService) {
  const repo = followupRepository(db);

  function actionsFor(user: AuthContext, row: FollowupRow, tree: OrgTree): FollowupAction[] {
    const target = { orgUnitId: row.org_unit_id, departmentId: row.department_id, tree };
    return [
      ...(can(user, 'followups.answer', target) ? followupActions(row.state, 'department') : []),
      ...(can(user, 'followups.manage', target) ? followupActions(row.state, 'office') : []),
    ];
  }

  async function toDto(user: AuthContext, row: FollowupRow, tree: OrgTree): Promise<FollowupDto> {
    const open = row.state !== 'closed';
    const recovered = open && !(await analytics.currentWarning(row.warning_key, row.org_unit_id));
    return {
      id: row.id,
      warningKey: row.warning_key,
      kind: row.kind as FollowupDto['kind'],
      orgUnit: { id: row.org_unit_id, name: row.unit_name },
      department: { id: row.department_id, name: row.department_name },
      indicatorId: row.indicator_id,
      year: row.year,
      subject: row.subject,
      reason: row.reason,
      link: row.link,
      deadline: row.deadline,
      state: row.state,
      recovered,
      overdue: awaitsDepartment(row.state) && !recovered && row.deadline < beijingDate(new Date()),
      cause: row.cause,
      measures: row.measures,
      expectedOn: row.expected_on,
      assignedBy: row.assigned_by_name,
      assignedAt: row.assigned_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
      actions: actionsFor(user, row, tree),
    };
  }

  async function readable(auth: AuthContext | null, id: number) {
    const user = requireAuth(auth);
    const row = await repo.find(id);
    if (!row) throw appError('NOT_FOUND', `整改（编号 ${id}）不存在`);
    const tree = await orgs.tree();
    assertCan(user, 'followups.read', { orgUnitId: row.org_unit_id, departmentId: row.department_id, tree });
    return { user, row, tree };
  }

  return {
    /** The warnings list of a unit and its sub-units with each warning's latest follow-up, filtered. */
    async warnings(auth: AuthContext | null, q: FollowupWarningsQueryInput): Promise<FollowupWarningListDto> {
      const list = await analytics.warnings(auth, { ...q, kind: undefined, acknowledged: undefined });
      const departments = await repo.departmentsOf(list.counts.map((c) => c.orgUnit.id));
      const latest = await repo.latestOf(list.items.map((w) => w.key));
      const [dict, seatDepartments] = await Promise.all([loadDictionary(db), repo.seatDepartments(overdueSeatIds(list.items))]);
      const rows: WarningRowDto[] = list.items.map((w) => {
        const f = latest.get(w.key);
        return {
          ...w,
          departmentId: answeringDepartment(dict, seatDepartments, w),
          followup: f ? { id: f.id, state: f.state, department: { id: f.department_id, name: f.department_name }, deadline: f.deadline } : null,
        };
      });
      const indicators = new Map<number, string>();
      for (const w of rows) if (w.indicator) indicators.set(w.indicator.id, w.indicator.name);
      const items = rows.filter(
        (w) =>
          (!q.kind || w.kind === q.kind) &&
          (q.acknowledged === undefined || (q.acknowledged === 'yes') === (w.acknowledged !== null)) &&
          (!q.unitId || w.orgUnit.id === q.unitId) &&
          (!q.indicatorId || w.indicator?.id === q.indicatorId) &&
          (!q.departmentId || (w.followup?.department.id ?? w.departmentId) === q.departmentId) &&
          (!q.followup || (q.followup === 'none' ? w.followup === null : w.followup?.state === q.followup)),
      );
      return {
        ...list,
        items,
        total: rows.length,
        departments: departments.map((d) => ({ id: d.id, name: d.short_name, orgUnitId: d.org_unit_id })),
        indicators: [...indicators].map(([id, name]) => ({ id, name })),
      };
    },

    /**
     * Assigns warnings to member departments with a deadline, all or none: each must be current, in
     * the office's scope and without an open follow-up; the departments' people are notified.
     */
    async assign(auth: AuthContext | null, body: z.infer<typeof AssignBody>): Promise<{ assigned: number[] }> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const today = beijingDate(new Date());
      if (body.deadline < today) throw invalidField('deadline', `整改期限（${body.deadline}）不能早于今天（${today}）`);
      const planned: { warning: Warning; subject: string; department: Department }[] = [];
      for (const key of new Set(body.keys)) {
        const unitId = await analytics.unitOfWarning(key);
        if (unitId === null) throw appError('NOT_FOUND', `预警不存在：${key}`);
        assertCan(user, 'followups.manage', { orgUnitId: unitId, tree });
        const warning = await analytics.currentWarning(key, unitId);
        if (!warning) throw appError('NOT_FOUND', `预警已不再成立，无需整改：${key}`);
        const subject = warning.indicator?.name ?? `${warning.department ?? ''}${warning.year ?? ''}年度数据填报`;
        const departments = await repo.departmentsOf([unitId]);
        const answering = answeringDepartment(await loadDictionary(db), await repo.seatDepartments(overdueSeatIds([warning])), warning);
        const department = departments.find((d) => d.id === (body.departmentId ?? answering));
        if (!department) {
          throw body.departmentId
            ? invalidField('departmentId', `所选成员单位不属于${warning.orgUnit.name}妇儿工委，不能承办「${subject}」的整改`)
            : invalidField('departmentId', `「${subject}」（${warning.orgUnit.name}）没有对应的责任成员单位${warning.department ? `「${warning.department}」` : ''}，请选择承办的成员单位`);
        }
        planned.push({ warning, subject, department });
      }
      const at = new Date().toISOString();
      const assignedBy = user.userId > 0 ? user.userId : null;
      const assigned = await db.transaction().execute(async (trx) => {
        const tx = followupRepository(trx);
        const ids: number[] = [];
        for (const { warning, subject, department } of planned) {
          const id = await tx.insert(
            {
              warningKey: warning.key, kind: warning.kind, orgUnitId: warning.orgUnit.id, indicatorId: warning.indicator?.id ?? null, departmentId: department.id,
              year: warning.year, subject, reason: warning.reason, link: warning.link, deadline: body.deadline, assignedBy, at,
            },
            body.note || null,
          );
          if (id === null) throw appError('FOLLOWUP_EXISTS', `「${subject}」（${warning.orgUnit.name}）的预警已在整改中`);
          await tx.notify(
            await tx.seatHolders(warning.orgUnit.id, department.id),
            { title: `预警整改：${subject}`, body: `${warning.orgUnit.name}妇儿工委办公室将「${WARNING_KIND_LABELS[warning.kind]}」预警交${department.short_name}整改，请于 ${body.deadline} 前答复原因、措施和预计达标时间。`, link: followupLink(id) },
            at,
          );
          ids.push(id);
        }
        return ids;
      });
      return { assigned };
    },

    /** Follow-ups the reader may see: the office's units, or the reader's own department. */
    async list(auth: AuthContext | null, q: { status: 'open' | 'all'; orgUnitId?: number }): Promise<FollowupDto[]> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const everywhere = user.roles.some((g) => g.orgUnitId === null || g.role === 'admin');
      const unitIds = everywhere ? null : [...new Set(user.roles.flatMap((g) => (g.departmentId ? [g.orgUnitId!] : tree.subtree(g.orgUnitId!))))];
      const within = q.orgUnitId ? new Set(tree.subtree(q.orgUnitId)) : null;
      const rows = (await repo.list({ unitIds, all: q.status === 'all' })).filter(
        (r) => (!within || within.has(r.org_unit_id)) && can(user, 'followups.read', { orgUnitId: r.org_unit_id, departmentId: r.department_id, tree }),
      );
      return Promise.all(rows.map((r) => toDto(user, r, tree)));
    },

    async detail(auth: AuthContext | null, id: number): Promise<FollowupDetailDto> {
      const { user, row, tree } = await readable(auth, id);
      const events = await repo.events(id);
      return {
        ...(await toDto(user, row, tree)),
        events: events.map((e) => ({ action: e.action, from: e.from_state, to: e.to_state, comment: e.comment, actor: e.display_name, at: e.at })),
      };
    },

    /** One step of the state machine by the department (answer) or the office (accept, return, close). */
    async act(auth: AuthContext | null, id: number, action: FollowupAction, input: { comment?: string; answer?: z.infer<typeof AnswerBody> }): Promise<FollowupDetailDto> {
      const { user, row, tree } = await readable(auth, id);
      const actor = action === 'answer' ? 'department' : 'office';
      assertCan(user, actor === 'department' ? 'followups.answer' : 'followups.manage', { orgUnitId: row.org_unit_id, departmentId: row.department_id, tree });
      const t = followupTransition(row.state, action, actor);
      if (!t.ok) throw appError('WORKFLOW_REFUSED', t.reason);
      if (action === 'return' && !input.comment) throw invalidField('comment', '退回时请填写意见，说明需要补充或修改什么');
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        const tx = followupRepository(trx);
        if (!(await tx.transition(id, row.state, t.to, at, input.answer))) throw appError('FOLLOWUP_CHANGED');
        const comment = input.answer ? `原因：${input.answer.cause}\n措施：${input.answer.measures}\n预计达标：${input.answer.expectedOn}` : (input.comment ?? null);
        await tx.addEvent({ followupId: id, action, from: row.state, to: t.to, comment, actorId: user.userId > 0 ? user.userId : null, at });
        const recipients = actor === 'department' ? (row.assigned_by ? [row.assigned_by] : []) : await tx.seatHolders(row.org_unit_id, row.department_id);
        await tx.notify(
          recipients,
          {
            title: `预警整改${FOLLOWUP_ACTION_LABELS[action]}：${row.subject}`,
            body: actor === 'department' ? `${row.department_name}已答复「${row.subject}」（${row.unit_name}）的整改，请审核。` : `「${row.subject}」（${row.unit_name}）的整改已被${FOLLOWUP_ACTION_LABELS[action]}${input.comment ? `：${input.comment}` : '。'}`,
            link: followupLink(id),
          },
          at,
        );
      });
      return this.detail(auth, id);
    },
  };
}

export type FollowupService = ReturnType<typeof followupService>;

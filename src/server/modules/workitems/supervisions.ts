import type { Kysely } from 'kysely';
import type { IndicatorSupervisionDto, SupervisionActionInput, SupervisionDto, SupervisionInput } from '../../../shared/api/workitems';
import { can } from '../../../shared/policy';
import { beijingDate } from '../../../shared/workitems/status';
import { isOverdue, nextSupervisionState, SUPERVISION_ACTION_LABELS, SUPERVISION_STATE_LABELS } from '../../../shared/workitems/supervision';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import type { OrgTree } from '../orgs/tree';
import { loadDictionary, reportingDepartment } from '../reporting/dictionary';
import { accessTo } from './access';
import { workitemsRepository } from './repository';
import { workPointsRepository } from './workPointsRepository';

type Row = Awaited<ReturnType<ReturnType<typeof workitemsRepository>['supervisions']>>[number];

/**
 * 督办 (src/shared/workitems/supervision.ts for its states): the office issues one on a late key
 * item, a lagging indicator or a 工作要点 point (or on nothing named) to a member department; the
 * department replies; the office closes it or presses again with a new deadline. Steps are
 * compare-and-set on the state, each one kept.
 */
export function supervisionsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = workitemsRepository(db);

  async function views(user: AuthContext, tree: OrgTree, rows: Row[], now: Date): Promise<SupervisionDto[]> {
    const events = await repo.eventsOf(rows.map((r) => r.id));
    const today = beijingDate(now);
    return rows.map((r) => {
      const target = { orgUnitId: r.org_unit_id, departmentId: r.department_id, tree };
      return {
        id: r.id,
        orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
        department: { id: r.department_id, name: r.department_name },
        item: r.item_id === null ? null : { id: r.item_id, no: r.item_no!, name: r.item_name!, year: r.item_year! },
        indicator: r.indicator_id === null ? null : { id: r.indicator_id, name: r.indicator_name! },
        workPoint: r.work_point_id === null ? null : { id: r.work_point_id, title: r.work_point_title!, year: r.work_point_year! },
        subject: r.subject, request: r.request, dueOn: r.due_on, state: r.state, round: r.round,
        overdue: isOverdue({ state: r.state, dueOn: r.due_on }, today), isDemo: r.is_demo === 1, createdAt: r.created_at, updatedAt: r.updated_at,
        canReply: r.state === 'open' && can(user, 'supervision.reply', target),
        canManage: r.state !== 'closed' && can(user, 'supervision.issue', target),
        events: events.filter((e) => e.supervision_id === r.id).map((e) => ({ id: e.id, action: e.action, text: e.text, dueOn: e.due_on, actor: e.actor ?? null, at: e.at })),
      };
    });
  }

  const readable = (user: AuthContext, tree: OrgTree, r: Row) => accessTo(user, tree, r.org_unit_id, [r.department_id]).read;

  async function one(auth: AuthContext | null, id: number, now: Date): Promise<SupervisionDto> {
    const user = requireAuth(auth);
    const tree = await orgs.tree();
    const [row] = await repo.supervisions({ ids: [id] });
    if (!row) throw appError('NOT_FOUND', `督办（编号 ${id}）不存在`);
    if (!readable(user, tree, row)) assertCan(user, 'workitems.read', { orgUnitId: row.org_unit_id, departmentId: row.department_id, tree });
    return (await views(user, tree, [row], now))[0]!;
  }

  function checkDue(dueOn: string, now: Date, field: string) {
    if (dueOn < beijingDate(now)) throw invalidField(field, '办理期限不能早于今天');
  }

  return {
    get: (auth: AuthContext | null, id: number, now = new Date()) => one(auth, id, now),

    /** The 督办 the user may see: open ones (not closed) by default, of one unit, item, indicator or work point when asked. */
    async list(auth: AuthContext | null, query: { state: 'open' | 'all'; orgUnitId?: number; itemId?: number; indicatorId?: number; workPointId?: number }, now = new Date()): Promise<SupervisionDto[]> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const { itemId, indicatorId, workPointId } = query;
      const rows = (await repo.supervisions({ openOnly: query.state === 'open', itemId, indicatorId, workPointId }))
        .filter((r) => (query.orgUnitId === undefined || tree.isWithin(r.org_unit_id, query.orgUnitId)) && readable(user, tree, r));
      return views(user, tree, rows, now);
    },

    async issue(auth: AuthContext | null, input: SupervisionInput, options: { isDemo?: boolean; now?: Date } = {}): Promise<SupervisionDto> {
      const now = options.now ?? new Date();
      const department = await repo.department(input.departmentId);
      if (!department || department.orgUnitId !== input.orgUnitId) throw invalidField('departmentId', '请选择本级妇儿工委的成员单位');
      const user = assertCan(auth, 'supervision.issue', { orgUnitId: input.orgUnitId, departmentId: input.departmentId, tree: await orgs.tree() });
      if (input.itemId !== null) {
        const [item] = await repo.items({ ids: [input.itemId] });
        if (!item || item.org_unit_id !== input.orgUnitId) throw invalidField('itemId', '督办的重要事项不属于本单位');
      }
      if (input.indicatorId !== null && !(await repo.indicator(input.indicatorId))) throw invalidField('indicatorId', '督办的指标不存在');
      const workPointId = input.workPointId ?? null;
      if ([input.itemId, input.indicatorId, workPointId].filter((id) => id !== null).length > 1) {
        throw invalidField(workPointId !== null ? 'workPointId' : 'indicatorId', '一项督办只针对一个对象：重要事项、指标或工作要点，请分别发出');
      }
      if (workPointId !== null) {
        const point = await workPointsRepository(db).point(workPointId);
        if (!point || point.org_unit_id !== input.orgUnitId) throw invalidField('workPointId', '督办的工作要点不属于本单位');
      }
      if (!options.isDemo) checkDue(input.dueOn, now, 'dueOn');
      const at = now.toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const r = workitemsRepository(trx);
        const id = await r.insertSupervision({
          org_unit_id: input.orgUnitId, department_id: input.departmentId, item_id: input.itemId, indicator_id: input.indicatorId, work_point_id: workPointId, subject: input.subject, request: input.request,
          due_on: input.dueOn, state: 'open', is_demo: options.isDemo ? 1 : 0, created_by: user.userId > 0 ? user.userId : null, created_at: at, updated_at: at,
        });
        await r.insertEvent({ supervisionId: id, action: 'issue', text: input.request, dueOn: input.dueOn, actorId: user.userId > 0 ? user.userId : null, at });
        return id;
      });
      return one(auth, id, now);
    },

    /**
     * What the 督办 dialog needs where the office meets a lagging indicator: the unit's member
     * departments and, preselected, the indicator's responsible department there (by id, along the
     * departments' counterparts), with how many 督办 on it are still open.
     */
    async indicatorContext(auth: AuthContext | null, query: { indicatorId: number; orgUnitId: number }): Promise<IndicatorSupervisionDto> {
      const tree = await orgs.tree();
      assertCan(auth, 'supervision.issue', { orgUnitId: query.orgUnitId, tree });
      const [unit, indicator] = await Promise.all([repo.unit(query.orgUnitId), repo.indicator(query.indicatorId)]);
      if (!unit) throw appError('NOT_FOUND', `单位（编号 ${query.orgUnitId}）不存在`);
      if (!indicator) throw appError('NOT_FOUND', `指标（编号 ${query.indicatorId}）不存在`);
      const dict = await loadDictionary(db);
      const entry = dict.indicators.get(indicator.id);
      const departments = (await repo.departmentsOfUnit(unit.id)).map((d) => ({ id: d.id, name: d.name }));
      const open = (await repo.supervisions({ indicatorId: indicator.id, openOnly: true })).filter((r) => r.org_unit_id === unit.id).length;
      return { orgUnit: { id: unit.id, name: unit.name }, indicator, departments, departmentId: (entry && reportingDepartment(dict, entry, unit.id)) ?? null, open };
    },

    /** Reply (the department), press again or close (the office). */
    async act(auth: AuthContext | null, id: number, input: SupervisionActionInput, now = new Date()): Promise<SupervisionDto> {
      const current = await one(auth, id, now);
      const target = { orgUnitId: current.orgUnit.id, departmentId: current.department.id, tree: await orgs.tree() };
      const user = assertCan(auth, input.action === 'reply' ? 'supervision.reply' : 'supervision.issue', target);
      const next = nextSupervisionState(current.state, input.action);
      if (!next) throw appError('SUPERVISION_STATE', `督办${SUPERVISION_STATE_LABELS[current.state]}，不能${SUPERVISION_ACTION_LABELS[input.action]}`);
      if (input.action === 'press') {
        if (!input.dueOn) throw invalidField('dueOn', '再次督办请给出新的办理期限');
        checkDue(input.dueOn, now, 'dueOn');
      }
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const r = workitemsRepository(trx);
        const moved = await r.moveSupervision(id, current.state, next, { dueOn: input.action === 'press' ? input.dueOn! : undefined, pressed: input.action === 'press' }, at);
        if (!moved) throw appError('SUPERVISION_STATE', '督办刚被他人办理过，请刷新后再试');
        await r.insertEvent({ supervisionId: id, action: input.action, text: input.text, dueOn: input.action === 'press' ? input.dueOn! : null, actorId: user.userId > 0 ? user.userId : null, at });
      });
      return one(auth, id, now);
    },
  };
}
export type SupervisionsService = ReturnType<typeof supervisionsService>;

import type { Kysely, Transaction } from 'kysely';
import { isEditable, lockedReason, STATE_LABELS, type SubmissionState } from '../../../shared/monitoring/workflow';
import { can } from '../../../shared/policy';
import type { Database } from '../../db/schema';
import type { AuthContext } from '../auth/service';
import type { DictDataElement, ReportingDictionary } from './dictionary';
import { yearKey } from './keys';

type Executor = Kysely<Database> | Transaction<Database>;

export interface GateSubmission {
  id: number;
  taskId: number;
  orgUnitId: number;
  departmentId: number;
  state: SubmissionState;
  year: number;
  opensOn: string;
  /** The task was closed: its seats take no more values. */
  closed: boolean;
}

/** Whether values of this seat can be changed now. */
export const seatTakesValues = (s: Pick<GateSubmission, 'state' | 'closed'>): boolean => isEditable(s.state) && !s.closed;

/** Why a seat takes no values, for the person who tried. */
export const seatLockedReason = (s: Pick<GateSubmission, 'state' | 'closed'>): string =>
  s.closed ? '填报任务已关闭，不能再修改' : (lockedReason(s.state) ?? STATE_LABELS[s.state]);

/** Past this many units an import reads every seat of its years rather than list the units in the query. */
const GATE_UNIT_LIST_LIMIT = 200;

export type GateDecision =
  | { ok: true; submission: GateSubmission }
  | { ok: false; code: 'NO_TASK' | 'LOCKED' | 'NOT_OPEN' | 'FORBIDDEN'; reason: string };

/**
 * Decides, for one value, which submission it belongs to and whether this user may change it
 * now: the same checks for the entry grid, xlsx uploads and the dataValueSets API.
 */
export async function loadGate(db: Executor, dict: ReportingDictionary, periods: number[], auth: AuthContext, today: string, orgUnitIds: number[]) {
  // Only the units written to: a value's seats, and the seat that wrote it, are of its own unit. A
  // save from the entry grid reads one unit's seats, not the year's thousands.
  const someUnits = orgUnitIds.length <= GATE_UNIT_LIST_LIMIT;
  const rows = periods.length
    ? await db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .select(['s.id', 's.task_id', 's.org_unit_id', 's.department_id', 's.state', 't.year', 't.opens_on', 't.closed_at'])
        .where('t.year', 'in', periods)
        .$if(someUnits, (q) => q.where('s.org_unit_id', 'in', orgUnitIds.length ? orgUnitIds : [-1]))
        .execute()
    : [];
  const taskIds = [...new Set(rows.map((r) => r.task_id))];
  const links = taskIds.length
    ? await db.selectFrom('reporting_task_indicators').select(['task_id', 'indicator_id']).where('task_id', 'in', taskIds).execute()
    : [];
  const yearOfTask = new Map(rows.map((r) => [r.task_id, r.year]));
  const tasksByIndicatorYear = new Map<string, number[]>();
  for (const l of links) {
    const key = `${l.indicator_id}:${yearOfTask.get(l.task_id)}`;
    tasksByIndicatorYear.set(key, [...(tasksByIndicatorYear.get(key) ?? []), l.task_id]);
  }
  // task → unit → department → submission: nested maps, no string keys per value.
  const submissions = new Map<number, Map<number, Map<number, GateSubmission>>>();
  const seatsById = new Map<number, GateSubmission>();
  for (const r of rows) {
    let byUnit = submissions.get(r.task_id);
    if (!byUnit) submissions.set(r.task_id, (byUnit = new Map()));
    let byDept = byUnit.get(r.org_unit_id);
    if (!byDept) byUnit.set(r.org_unit_id, (byDept = new Map()));
    const seat: GateSubmission = {
      id: r.id, taskId: r.task_id, orgUnitId: r.org_unit_id, departmentId: r.department_id, state: r.state as SubmissionState, year: r.year, opensOn: r.opens_on,
      closed: r.closed_at !== null,
    };
    byDept.set(r.department_id, seat);
    seatsById.set(r.id, seat);
  }

  /** For a data element in a year: the tasks that collect it and the department short name responsible. */
  const routes = new Map<number, { taskId: number; dept: number }[]>();
  const routesOf = (de: DictDataElement, period: number) => {
    // A packed number, not a string: this runs once per value of an import.
    const key = yearKey(de.id, period);
    let list = routes.get(key);
    if (!list) {
      list = [];
      for (const indicator of dict.indicatorsByDataElement.get(de.id) ?? []) {
        if (indicator.responsibleDepartmentId === null) continue;
        for (const taskId of tasksByIndicatorYear.get(`${indicator.id}:${period}`) ?? []) list.push({ taskId, dept: indicator.responsibleDepartmentId });
      }
      routes.set(key, list);
    }
    return list;
  };

  // The policy's answer per unit and department, cached: this runs once per value of an import.
  const mayWriteCache = new Map<number, Map<number, boolean>>();
  function mayWrite(orgUnitId: number, departmentId: number): boolean {
    let byDept = mayWriteCache.get(orgUnitId);
    if (!byDept) mayWriteCache.set(orgUnitId, (byDept = new Map()));
    let allowed = byDept.get(departmentId);
    if (allowed === undefined) byDept.set(departmentId, (allowed = can(auth, 'data.write', { orgUnitId, departmentId, tree: dict.tree })));
    return allowed;
  }

  return {
    /**
     * A cell is locked while any seat that collects it takes no values: a second task of the same
     * year never reopens what the first one's review holds (see also `lockedByWriter`).
     */
    decide(de: DictDataElement, orgUnitId: number, period: number): GateDecision {
      const unit = dict.units.get(orgUnitId)!;
      let open: GateSubmission | undefined;
      let closed: GateSubmission | undefined;
      for (const { taskId, dept } of routesOf(de, period)) {
        const departmentId = unit.departments.get(dept);
        const s = departmentId === undefined ? undefined : submissions.get(taskId)?.get(orgUnitId)?.get(departmentId);
        if (!s) continue;
        if (seatTakesValues(s)) open ??= s;
        else closed ??= s;
      }
      if (!open && !closed) return { ok: false, code: 'NO_TASK', reason: `${unit.name}${period}年没有包含“${de.name}”的填报任务` };
      if (closed) return { ok: false, code: 'LOCKED', reason: `${unit.name}${period}年“${de.name}”${seatLockedReason(closed)}` };
      if (open!.opensOn > today) return { ok: false, code: 'NOT_OPEN', reason: `填报任务将于 ${open!.opensOn} 开始，现在还不能填报` };
      if (!mayWrite(orgUnitId, open!.departmentId)) return { ok: false, code: 'FORBIDDEN', reason: `您没有填报${unit.name}“${de.name}”的权限` };
      return { ok: true, submission: open! };
    },

    /** Why a stored value cannot be changed: the seat that wrote it takes no values now (null: it may be). */
    lockedByWriter(writerSubmissionId: number | null): string | null {
      const writer = writerSubmissionId === null ? undefined : seatsById.get(writerSubmissionId);
      return writer && !seatTakesValues(writer) ? seatLockedReason(writer) : null;
    },
  };
}
export type ValueGate = Awaited<ReturnType<typeof loadGate>>;

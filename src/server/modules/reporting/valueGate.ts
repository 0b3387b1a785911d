import type { Kysely, Transaction } from 'kysely';
import { isEditable, lockedReason, STATE_LABELS, type SubmissionState } from '../../../shared/monitoring/workflow';
import type { Database } from '../../db/schema';
import type { AuthContext } from '../auth/service';
import type { DictDataElement, ReportingDictionary } from './dictionary';

type Executor = Kysely<Database> | Transaction<Database>;

export interface GateSubmission {
  id: number;
  taskId: number;
  orgUnitId: number;
  departmentId: number;
  state: SubmissionState;
  year: number;
  opensOn: string;
}

export type GateDecision =
  | { ok: true; submission: GateSubmission }
  | { ok: false; code: 'NO_TASK' | 'LOCKED' | 'NOT_OPEN' | 'FORBIDDEN'; reason: string };

/**
 * Decides, for one value, which submission it belongs to and whether this user may change it
 * now: the same checks for the entry grid, xlsx uploads and the dataValueSets API.
 */
export async function loadGate(db: Executor, dict: ReportingDictionary, periods: number[], auth: AuthContext, today: string) {
  const rows = periods.length
    ? await db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .select(['s.id', 's.task_id', 's.org_unit_id', 's.department_id', 's.state', 't.year', 't.opens_on'])
        .where('t.year', 'in', periods)
        .execute()
    : [];
  const taskIds = [...new Set(rows.map((r) => r.task_id))];
  const links = taskIds.length
    ? await db.selectFrom('reporting_task_indicators').select(['task_id', 'indicator_id']).where('task_id', 'in', taskIds).execute()
    : [];
  const tasksByIndicatorYear = new Map<string, number[]>();
  const yearOfTask = new Map(rows.map((r) => [r.task_id, r.year]));
  for (const l of links) {
    const key = `${l.indicator_id}:${yearOfTask.get(l.task_id)}`;
    tasksByIndicatorYear.set(key, [...(tasksByIndicatorYear.get(key) ?? []), l.task_id]);
  }
  const submissions = new Map<string, GateSubmission>(
    rows.map((r) => [
      `${r.task_id}:${r.org_unit_id}:${r.department_id}`,
      { id: r.id, taskId: r.task_id, orgUnitId: r.org_unit_id, departmentId: r.department_id, state: r.state as SubmissionState, year: r.year, opensOn: r.opens_on },
    ]),
  );

  const isAdmin = auth.roles.some((g) => g.role === 'admin');
  const statisticsScopes = auth.roles.filter((g) => g.role === 'statistics').map((g) => g.orgUnitId);
  const reporterSeats = new Set(auth.roles.filter((g) => g.role === 'reporter').map((g) => `${g.orgUnitId}:${g.departmentId}`));

  function mayWrite(orgUnitId: number, departmentId: number): boolean {
    if (isAdmin) return true;
    if (statisticsScopes.some((scope) => scope === null || dict.tree.isWithin(orgUnitId, scope))) return true;
    return reporterSeats.has(`${orgUnitId}:${departmentId}`);
  }

  const cache = new Map<string, GateDecision>();

  return {
    decide(de: DictDataElement, orgUnitId: number, period: number): GateDecision {
      const cacheKey = `${de.id}:${orgUnitId}:${period}`;
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const unit = dict.units.get(orgUnitId)!;
      const candidates: GateSubmission[] = [];
      for (const indicator of dict.indicatorsByDataElement.get(de.id) ?? []) {
        const departmentId = indicator.responsibleDept ? unit.departments.get(indicator.responsibleDept) : undefined;
        if (departmentId === undefined) continue;
        for (const taskId of tasksByIndicatorYear.get(`${indicator.id}:${period}`) ?? []) {
          const s = submissions.get(`${taskId}:${orgUnitId}:${departmentId}`);
          if (s && !candidates.includes(s)) candidates.push(s);
        }
      }
      let decision: GateDecision;
      const open = candidates.find((s) => isEditable(s.state));
      if (candidates.length === 0) {
        decision = { ok: false, code: 'NO_TASK', reason: `${unit.name}${period}年没有包含“${de.name}”的填报任务` };
      } else if (!open) {
        const state = candidates[0]!.state;
        decision = { ok: false, code: 'LOCKED', reason: `${unit.name}${period}年“${de.name}”${lockedReason(state) ?? STATE_LABELS[state]}` };
      } else if (open.opensOn > today) {
        decision = { ok: false, code: 'NOT_OPEN', reason: `填报任务将于 ${open.opensOn} 开始，现在还不能填报` };
      } else if (!mayWrite(orgUnitId, open.departmentId)) {
        decision = { ok: false, code: 'FORBIDDEN', reason: `您没有填报${unit.name}“${de.name}”的权限` };
      } else {
        decision = { ok: true, submission: open };
      }
      cache.set(cacheKey, decision);
      return decision;
    },
  };
}
export type ValueGate = Awaited<ReturnType<typeof loadGate>>;

import type { Kysely } from 'kysely';
import type { CellSave, GridDto, SubmissionDto, TaskCreateInput, TaskDto } from '../../../shared/api/reporting';
import type { WorkflowAction } from '../../../shared/monitoring/workflow';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { can, holdsSeat } from '../../../shared/policy';
import { DEPARTMENT_ROLES } from '../../../shared/roles';
import { assertCan, requireAuth, actorId } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { auditTrail, type AuditQuery } from './auditTrail';
import { exportDataValueSet, importDataValueSet, type Dhis2DataValueSet, type ExportParams, type ImportParams } from './dataValueSets';
import { transitionSubmission } from './commands/transitionSubmission';
import type { WriteResult } from './commands/writeDataValues';
import { loadDictionary, type DictIndicator, type ReportingDictionary } from './dictionary';
import { buildGrid, fillCount, saveGridCells, seatIndicators } from './entryGrid';
import { reportingRepository, type SubmissionRow } from './repository';
import { taskLifecycle } from './taskLifecycle';
import { validateValues } from './validateValues';
import { valuesRepository } from './valuesRepository';
import { ValueMap } from './keys';

const today = (now = new Date()) => now.toISOString().slice(0, 10);

export function reportingService(db: Kysely<Database>) {
  const repo = reportingRepository(db);

  const lifecycle = taskLifecycle(db);

  async function seatContext(submission: SubmissionRow, dict: ReportingDictionary) {
    const links = await repo.taskIndicators([submission.task_id]);
    const indicators = seatIndicators(dict, links.map((l) => l.indicator_id), submission);
    const values = await valuesRepository(db).load({ orgUnitIds: [submission.org_unit_id], periods: [submission.year] });
    return { indicators, ...fillCount(dict, indicators, values, submission.org_unit_id, submission.year) };
  }

  function toDto(s: SubmissionRow, counts: { indicatorCount: number; expected: number; filled: number }, now = new Date()): SubmissionDto {
    return {
      id: s.id,
      taskId: s.task_id,
      taskName: s.task_name,
      year: s.year,
      dueOn: s.due_on,
      orgUnit: { id: s.org_unit_id, name: s.org_unit_name },
      department: { id: s.department_id, name: s.department_name, shortName: s.department_short_name },
      state: s.state as SubmissionDto['state'],
      returnReason: s.return_reason,
      overdue: s.due_on < today(now) && !['submitted', 'reviewed', 'approved'].includes(s.state),
      updatedAt: s.updated_at,
      ...counts,
    };
  }

  /** Submissions with their fill counts, computed in one pass over the values of their units. */
  async function withCounts(rows: SubmissionRow[], dict: ReportingDictionary): Promise<SubmissionDto[]> {
    const links = await repo.taskIndicators([...new Set(rows.map((r) => r.task_id))]);
    const values = await valuesRepository(db).load({
      orgUnitIds: [...new Set(rows.map((r) => r.org_unit_id))],
      periods: [...new Set(rows.map((r) => r.year))],
    });
    return rows.map((r) => {
      const indicators = seatIndicators(dict, links.filter((l) => l.task_id === r.task_id).map((l) => l.indicator_id), r);
      return toDto(r, { indicatorCount: indicators.length, ...fillCount(dict, indicators, values, r.org_unit_id, r.year) });
    });
  }

  async function readableSubmission(auth: AuthContext | null, id: number, dict: ReportingDictionary) {
    const submission = await repo.findSubmission(id);
    if (!submission) throw appError('NOT_FOUND', `填报任务（编号 ${id}）不存在`);
    const user = assertCan(auth, 'data.read', { orgUnitId: submission.org_unit_id, departmentId: submission.department_id, tree: dict.tree });
    return { submission, user };
  }

  /** Validation of the seat's stored values, as everyone who looks at them sees it. */
  async function seatIssues(submission: SubmissionRow, dict: ReportingDictionary, indicators: DictIndicator[]) {
    const values = await valuesRepository(db).load({ orgUnitIds: [submission.org_unit_id], periods: [submission.year, submission.year - 1] });
    const own = new Set(indicators.flatMap((i) => i.dataElementIds));
    const current = values.filter((v) => v.period === submission.year && own.has(v.dataElementId));
    return validateValues(dict, current, ValueMap.of(values)).filter((i) =>
      indicators.some((ind) => ind.dataElementIds.includes(i.dataElementId)),
    );
  }

  return {
    async createTask(auth: AuthContext | null, input: TaskCreateInput, isDemo = false): Promise<TaskDto> {
      const dict = await loadDictionary(db);
      const user = assertCan(auth, 'tasks.create', { orgUnitId: input.orgUnitId, tree: dict.tree });
      const root = dict.units.get(input.orgUnitId);
      if (!root) throw appError('NOT_FOUND', `单位（编号 ${input.orgUnitId}）不存在`);
      const unitIds = input.orgUnitIds ?? [root.id, ...[...dict.units.values()].filter((u) => u.parentId === root.id).map((u) => u.id)];
      for (const id of unitIds) {
        if (!dict.units.has(id) || !dict.tree.isWithin(id, root.id)) throw appError('VALIDATION_FAILED', `填报单位（编号 ${id}）不在${root.name}范围内`);
      }
      const indicators = input.indicatorIds.map((id) => {
        const ind = dict.indicators.get(id);
        if (!ind) throw appError('VALIDATION_FAILED', `指标（编号 ${id}）不存在`);
        if (ind.responsibleDepartmentId === null) throw appError('VALIDATION_FAILED', `指标“${ind.name}”没有设置责任单位，无法分派填报`);
        return ind;
      });
      const responsible = [...new Set(indicators.map((i) => i.responsibleDepartmentId!))];
      const wanted = new Set(input.departmentIds ?? responsible);
      const seats = unitIds.flatMap((orgUnitId) =>
        responsible
          .filter((top) => wanted.has(top))
          .map((top) => dict.units.get(orgUnitId)!.departments.get(top))
          .filter((departmentId): departmentId is number => departmentId !== undefined)
          .map((departmentId) => ({ orgUnitId, departmentId })),
      );
      if (seats.length === 0) throw appError('VALIDATION_FAILED', '所选单位中没有负责这些指标的成员单位，请先设置指标的责任单位或成员单位');
      await lifecycle.assertNoOverlap(dict, input.year, indicators, unitIds);
      const now = new Date().toISOString();
      const taskId = await db.transaction().execute(async (trx) => {
        const tx = reportingRepository(trx);
        const id = await tx.insertTask({ ...input, createdBy: actorId(user), isDemo });
        await tx.linkIndicators(id, indicators.map((i) => i.id));
        await tx.insertSubmissions(id, seats, now);
        return id;
      });
      return this.task(auth, taskId);
    },

    overlaps: lifecycle.overlaps,

    async closeTask(auth: AuthContext | null, taskId: number): Promise<TaskDto> {
      await lifecycle.close(auth, taskId);
      return this.task(auth, taskId);
    },

    deleteTask: lifecycle.remove,

    async task(auth: AuthContext | null, taskId: number): Promise<TaskDto> {
      const tasks = await this.listTasks(auth);
      const task = tasks.find((t) => t.id === taskId);
      if (!task) throw appError('NOT_FOUND', `填报任务（编号 ${taskId}）不存在`);
      return task;
    },

    /** Tasks the user runs or oversees, or reports in. */
    async listTasks(auth: AuthContext | null): Promise<TaskDto[]> {
      const user = requireAuth(auth);
      const dict = await loadDictionary(db);
      const [tasks, submissions] = await Promise.all([repo.listTasks(), repo.listSubmissions()]);
      const links = await repo.taskIndicators(tasks.map((t) => t.id));
      const now = today();
      const rows = await Promise.all(
        tasks.map(async (t) => ({ ...t, hasValues: await repo.taskHasValues(t.id, t.year) })),
      );
      return rows
        .map((t) => {
          const own = submissions.filter((s) => s.task_id === t.id);
          const visible =
            can(user, 'data.readUnit', { orgUnitId: t.org_unit_id, tree: dict.tree }) ||
            own.some((s) => can(user, 'data.read', { orgUnitId: s.org_unit_id, departmentId: s.department_id, tree: dict.tree }));
          if (!visible) return null;
          return {
            id: t.id,
            orgUnit: { id: t.org_unit_id, name: t.org_unit_name },
            year: t.year,
            name: t.name,
            opensOn: t.opens_on,
            dueOn: t.due_on,
            templateVersion: t.template_version,
            isDemo: t.is_demo === 1,
            indicatorIds: links.filter((l) => l.task_id === t.id).map((l) => l.indicator_id),
            counts: {
              submissions: own.length,
              approved: own.filter((s) => s.state === 'approved').length,
              submitted: own.filter((s) => s.state === 'submitted' || s.state === 'reviewed').length,
              overdue: own.filter((s) => t.due_on < now && (s.state === 'draft' || s.state === 'returned')).length,
            },
            closedAt: t.closed_at,
            hasValues: t.hasValues,
          };
        })
        .filter((t): t is TaskDto => t !== null);
    },

    /** “我的填报任务”: the seats the user reports or reviews, or oversees. */
    async listSubmissions(auth: AuthContext | null, filter: { taskId?: number; mine?: boolean }): Promise<SubmissionDto[]> {
      const user = requireAuth(auth);
      const dict = await loadDictionary(db);
      const rows = (await repo.listSubmissions(filter.taskId ? { taskIds: [filter.taskId] } : {})).filter((s) =>
        filter.mine
          ? holdsSeat(user, DEPARTMENT_ROLES, s.org_unit_id, s.department_id)
          : can(user, 'data.read', { orgUnitId: s.org_unit_id, departmentId: s.department_id, tree: dict.tree }),
      );
      return withCounts(rows, dict);
    },

    async grid(auth: AuthContext | null, submissionId: number): Promise<GridDto> {
      const dict = await loadDictionary(db);
      const { submission } = await readableSubmission(auth, submissionId, dict);
      const { indicators, expected, filled } = await seatContext(submission, dict);
      const issues = await seatIssues(submission, dict, indicators);
      return buildGrid(db, dict, toDto(submission, { indicatorCount: indicators.length, expected, filled }), indicators, issues);
    },

    async saveCells(auth: AuthContext | null, submissionId: number, cells: CellSave[]) {
      const dict = await loadDictionary(db);
      const { submission, user } = await readableSubmission(auth, submissionId, dict);
      const { indicators } = await seatContext(submission, dict);
      const result = await saveGridCells(db, dict, user, submission, new Set(indicators.flatMap((i) => i.dataElementIds)), cells);
      if (result.conflicts.length > 0) throw await conflictError(db, result);
      const issues = await seatIssues(submission, dict, indicators);
      return {
        saved: result.written.map((w) => ({ dataElementId: w.dataElementId, option: dict.optionCodeById.get(w.optionId)!, value: w.value, version: w.version })),
        issues,
      };
    },

    async act(auth: AuthContext | null, submissionId: number, action: WorkflowAction, reason?: string) {
      const dict = await loadDictionary(db);
      const { submission, user } = await readableSubmission(auth, submissionId, dict);
      const { indicators, expected, filled } = await seatContext(submission, dict);
      const issues = action === 'submit' ? await seatIssues(submission, dict, indicators) : [];
      await transitionSubmission(db, { auth: user, submission, action, reason, issues, missing: expected - filled, dict });
      return this.grid(auth, submissionId);
    },

    async events(auth: AuthContext | null, submissionId: number) {
      const dict = await loadDictionary(db);
      await readableSubmission(auth, submissionId, dict);
      return (await repo.events(submissionId)).map((e) => ({
        id: e.id, action: e.action, from: e.from_state, to: e.to_state, comment: e.comment, at: e.at, by: e.actor_name,
      }));
    },

    async completeness(auth: AuthContext | null, taskId: number) {
      const task = await this.task(auth, taskId);
      const dict = await loadDictionary(db);
      const cells = (await withCounts(await repo.listSubmissions({ taskIds: [taskId] }), dict)).filter((s) =>
        can(auth, 'data.read', { orgUnitId: s.orgUnit.id, departmentId: s.department.id, tree: dict.tree }),
      );
      const units = [...new Map(cells.map((c) => [c.orgUnit.id, c.orgUnit])).values()];
      const departments = [...new Set(cells.map((c) => c.department.shortName))];
      return { task, units, departments, cells };
    },

    async remind(auth: AuthContext | null, taskId: number, submissionIds?: number[]) {
      const task = await this.task(auth, taskId);
      const dict = await loadDictionary(db);
      const user = assertCan(auth, 'tasks.remind', { orgUnitId: task.orgUnit.id, tree: dict.tree });
      const pending = (await repo.listSubmissions({ taskIds: [taskId] })).filter(
        (s) => (s.state === 'draft' || s.state === 'returned') && (!submissionIds || submissionIds.includes(s.id)),
      );
      const now = new Date().toISOString();
      let notified = 0;
      // Seats whose department has no reporter account: the reminder reaches nobody there.
      let unstaffed = 0;
      await db.transaction().execute(async (trx) => {
        const tx = reportingRepository(trx);
        for (const s of pending) {
          const reporters = await tx.seatHolders('reporter', s.org_unit_id, s.department_id);
          await tx.notify(
            reporters,
            { title: `请尽快填报：${task.name}`, body: `${s.org_unit_name}${s.department_short_name}的数据截止日期为 ${s.due_on}，请尽快填报并提交。`, link: `/reporting/submissions/${s.id}` },
            now,
          );
          await tx.addEvent({ submissionId: s.id, action: 'remind', from: s.state, to: s.state, comment: null, actorId: actorId(user), at: now });
          notified += reporters.length;
          if (reporters.length === 0) unstaffed++;
        }
        if (pending.length) await tx.markReminded(pending.map((s) => s.id), now);
      });
      return { submissions: pending.length, notified, unstaffed };
    },

    audit: (auth: AuthContext | null, query: AuditQuery) => auditTrail(db, auth, query),
    importDataValues: (auth: AuthContext | null, set: Dhis2DataValueSet, params: ImportParams) => importDataValueSet(db, auth, set, params),
    exportDataValues: (auth: AuthContext | null, params: ExportParams) => exportDataValueSet(db, auth, params),

    async notifications(auth: AuthContext | null) {
      const user = requireAuth(auth);
      return (await repo.notificationsOf(user.userId)).map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.created_at, read: n.read_at !== null }));
    },

    async markRead(auth: AuthContext | null, ids: number[]) {
      const user = requireAuth(auth);
      await repo.markRead(user.userId, ids, new Date().toISOString());
    },
  };
}
export type ReportingService = ReturnType<typeof reportingService>;

/** A refused save, in Chinese; a lost race names what the other person saved. */
async function conflictError(db: Kysely<Database>, result: WriteResult) {
  const versionConflicts = result.conflicts.filter((c) => c.code === 'VERSION_CONFLICT');
  const names = new Map(
    (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...versionConflicts.map((c) => c.current?.updatedBy ?? -1), -1]).execute()).map((u) => [u.id, u.display_name]),
  );
  const options = await db.selectFrom('category_options').select(['id', 'code']).execute();
  const details = result.conflicts.map((c) => ({
    // The cell it concerns, as the grid names cells: “<data element id>:<option code>”.
    path: `${c.key.dataElementId}:${options.find((o) => o.id === c.key.optionId)?.code ?? c.key.optionId}`,
    message: c.reason,
    ...(c.current && {
      current: { value: c.current.value, comment: c.current.comment, version: c.current.version, by: names.get(c.current.updatedBy ?? -1) ?? null, at: c.current.updatedAt },
    }),
    // Deleted by someone else: the empty cell is what they left, so the grid can offer it.
    ...(c.code === 'VERSION_CONFLICT' && !c.current && { current: { value: null, comment: null, version: null, by: null, at: null } }),
  }));
  if (versionConflicts.length > 0) {
    const first = details.find((d) => d.current?.at);
    const message = first ? `${first.message}（${first.current!.by ?? '他人'}于 ${first.current!.at!.slice(0, 16).replace('T', ' ')} 保存）` : details[0]!.message;
    return appError('VALUE_CONFLICT', message, details);
  }
  const locked = result.conflicts.some((c) => c.code === 'LOCKED' || c.code === 'NOT_OPEN');
  return appError(locked ? 'WORKFLOW_REFUSED' : result.conflicts.some((c) => c.code === 'FORBIDDEN') ? 'AUTH_FORBIDDEN' : 'VALUES_REJECTED', details.map((d) => d.message).join('；'), details);
}

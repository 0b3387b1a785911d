import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { runsOnPostgres } from '../../db/dialect';
import type { Role } from '../../../shared/roles';
import { notificationsRepository } from '../../services/reminders/notificationsRepository';

type Executor = Kysely<Database> | Transaction<Database>;

/** Reporting tasks, submissions, their events and notifications. No access checks here. */
export function reportingRepository(db: Executor) {
  const notifications = notificationsRepository(db);
  const submissionColumns = [
    's.id', 's.task_id', 's.org_unit_id', 's.department_id', 's.state', 's.return_reason', 's.updated_at', 's.reminded_at',
    't.name as task_name', 't.year', 't.due_on', 't.opens_on', 't.org_unit_id as task_org_unit_id',
    'o.name as org_unit_name', 'd.name as department_name', 'd.short_name as department_short_name',
  ] as const;
  const submissions = () =>
    db
      .selectFrom('submissions as s')
      .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
      .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .select(submissionColumns);

  return {
    async insertTask(task: { orgUnitId: number; year: number; name: string; opensOn: string; dueOn: string; createdBy: number | null; isDemo: boolean }) {
      const row = await db
        .insertInto('reporting_tasks')
        .values({
          org_unit_id: task.orgUnitId,
          year: task.year,
          name: task.name,
          opens_on: task.opensOn,
          due_on: task.dueOn,
          created_by: task.createdBy,
          is_demo: task.isDemo ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async linkIndicators(taskId: number, indicatorIds: number[]) {
      if (indicatorIds.length) {
        await db.insertInto('reporting_task_indicators').values(indicatorIds.map((id) => ({ task_id: taskId, indicator_id: id }))).execute();
      }
    },

    async insertSubmissions(taskId: number, seats: { orgUnitId: number; departmentId: number }[], now: string) {
      if (seats.length) {
        await db
          .insertInto('submissions')
          .values(seats.map((s) => ({ task_id: taskId, org_unit_id: s.orgUnitId, department_id: s.departmentId, state: 'draft', updated_at: now })))
          .execute();
      }
    },

    listTasks() {
      return db
        .selectFrom('reporting_tasks as t')
        .innerJoin('org_units as o', 'o.id', 't.org_unit_id')
        .selectAll('t')
        .select('o.name as org_unit_name')
        .orderBy('t.year', 'desc')
        .orderBy('t.id', 'desc')
        .execute();
    },

    /** Tasks of a year with their seats at some units: the candidates for an overlap with a new task. */
    seatsOfYear(year: number, orgUnitIds: number[]) {
      return db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .select(['s.task_id', 's.org_unit_id', 's.department_id', 't.name as task_name', 't.closed_at'])
        .where('t.year', '=', year)
        .where('s.org_unit_id', 'in', orgUnitIds.length ? orgUnitIds : [-1])
        .execute();
    },

    /**
     * Whether any value's current version was written through one of the task's seats. Looked up by
     * the value table's key (the seats' units, the task's year), which it has no other index for.
     */
    async taskHasValues(taskId: number, year: number): Promise<boolean> {
      const seats = db.selectFrom('submissions').where('task_id', '=', taskId);
      const row = await db
        .selectFrom('data_values')
        .select('data_element_id')
        .where('org_unit_id', 'in', seats.select('org_unit_id'))
        .where('period', '=', year)
        .where('submission_id', 'in', seats.select('id'))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    closeTask(id: number, now: string) {
      return db.updateTable('reporting_tasks').set({ closed_at: now }).where('id', '=', id).where('closed_at', 'is', null).execute();
    },

    /** Deletes a task with its seats, their events and its indicator links (the foreign keys cascade). */
    deleteTask(id: number) {
      return db.deleteFrom('reporting_tasks').where('id', '=', id).execute();
    },

    findTask(id: number) {
      return db
        .selectFrom('reporting_tasks as t')
        .innerJoin('org_units as o', 'o.id', 't.org_unit_id')
        .selectAll('t')
        .select('o.name as org_unit_name')
        .where('t.id', '=', id)
        .executeTakeFirst();
    },

    taskIndicators(taskIds: number[]) {
      if (taskIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('reporting_task_indicators').select(['task_id', 'indicator_id']).where('task_id', 'in', taskIds).execute();
    },

    /** Submissions, optionally of some tasks, units or departments. */
    listSubmissions(filter: { taskIds?: number[]; orgUnitIds?: number[]; ids?: number[] } = {}) {
      return submissions()
        .$if(filter.taskIds !== undefined, (qb) => qb.where('s.task_id', 'in', filter.taskIds!.length ? filter.taskIds! : [-1]))
        .$if(filter.orgUnitIds !== undefined, (qb) => qb.where('s.org_unit_id', 'in', filter.orgUnitIds!.length ? filter.orgUnitIds! : [-1]))
        .$if(filter.ids !== undefined, (qb) => qb.where('s.id', 'in', filter.ids!.length ? filter.ids! : [-1]))
        .orderBy('t.year', 'desc')
        .orderBy('s.org_unit_id')
        .orderBy('d.sort')
        .execute();
    },

    findSubmission(id: number) {
      return submissions().where('s.id', '=', id).executeTakeFirst();
    },

    /**
     * The state of seats and whether their task is closed, read inside a write transaction and held
     * until it ends: on PostgreSQL with row locks taken in id order (writers of one seat and its state
     * changes take turns; the order rules out deadlocks); SQLite runs one transaction at a time.
     */
    lockSeats(ids: number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .select(['s.id', 's.state', 't.closed_at'])
        .where('s.id', 'in', ids)
        .orderBy('s.id')
        .$if(runsOnPostgres(db), (qb) => qb.forUpdate('s'))
        .execute();
    },

    /** Compare-and-set: changes the state only if it is still `from`; false when someone moved it first. */
    async setState(id: number, from: string, state: string, returnReason: string | null, now: string): Promise<boolean> {
      const result = await db
        .updateTable('submissions')
        .set({ state, return_reason: returnReason, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Marks seats as changed now, in slices: a national import touches more seats than one statement may name. */
    async touchSeats(ids: number[], now: string) {
      for (let i = 0; i < ids.length; i += 1000) {
        await db.updateTable('submissions').set({ updated_at: now }).where('id', 'in', ids.slice(i, i + 1000)).execute();
      }
    },

    markReminded(ids: number[], now: string) {
      return db.updateTable('submissions').set({ reminded_at: now }).where('id', 'in', ids).execute();
    },

    addEvent(e: { submissionId: number; action: string; from: string; to: string; comment: string | null; actorId: number | null; at: string }) {
      return db
        .insertInto('submission_events')
        .values({ submission_id: e.submissionId, action: e.action, from_state: e.from, to_state: e.to, comment: e.comment, actor_id: e.actorId, at: e.at })
        .execute();
    },

    events(submissionId: number) {
      return db
        .selectFrom('submission_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(['e.id', 'e.action', 'e.from_state', 'e.to_state', 'e.comment', 'e.at', 'u.display_name as actor_name'])
        .where('e.submission_id', '=', submissionId)
        .orderBy('e.id')
        .execute();
    },

    /** Users holding `role` for a department seat (any department of the unit when null), to notify. */
    seatHolders: (role: Role, orgUnitId: number, departmentId: number | null) => notifications.holders([role], orgUnitId, departmentId === null ? undefined : [departmentId]),

    notify: (userIds: number[], n: { title: string; body: string; link: string | null }, now: string) => notifications.notify(userIds, { kind: 'workflow', ...n }, now),

    /**
     * Seats still owing data (draft or returned) of open tasks whose entry has begun and whose due
     * date is on or before `until`, each with its active reporters: what the reminder scheduler reads.
     */
    async seatsToRemind(today: string, until: string) {
      const rows = await db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
        .innerJoin('departments as d', 'd.id', 's.department_id')
        .innerJoin('role_assignments as r', (j) => j.onRef('r.org_unit_id', '=', 's.org_unit_id').onRef('r.department_id', '=', 's.department_id'))
        .innerJoin('users as p', 'p.id', 'r.user_id')
        .select(['s.id', 's.state', 't.id as task_id', 't.name as task_name', 't.due_on', 'u.name as unit_name', 'd.short_name', 'p.id as user_id'])
        .where('s.state', 'in', ['draft', 'returned'])
        .where('t.closed_at', 'is', null)
        .where('t.opens_on', '<=', today)
        .where('t.due_on', '<=', until)
        .where('r.role', '=', 'reporter')
        .where('p.disabled', '=', 0)
        .orderBy('s.id')
        .execute();
      const seats = new Map<number, { id: number; state: string; taskName: string; dueOn: string; unitName: string; department: string; userIds: number[] }>();
      for (const r of rows) {
        const seat = seats.get(r.id) ?? { id: r.id, state: r.state, taskName: r.task_name, dueOn: r.due_on, unitName: r.unit_name, department: r.short_name, userIds: [] };
        seat.userIds.push(r.user_id);
        seats.set(r.id, seat);
      }
      return [...seats.values()];
    },

    notificationsOf(userId: number) {
      return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(100).execute();
    },

    markRead(userId: number, ids: number[], now: string) {
      return db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('id', 'in', ids).where('read_at', 'is', null).execute();
    },
  };
}
export type ReportingRepository = ReturnType<typeof reportingRepository>;
export type SubmissionRow = NonNullable<Awaited<ReturnType<ReportingRepository['findSubmission']>>>;

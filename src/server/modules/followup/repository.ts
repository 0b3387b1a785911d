import type { Kysely } from 'kysely';
import type { FollowupState } from '../../../shared/followup/stateMachine';
import type { Database } from '../../db/schema';
import { notificationsRepository } from '../../services/reminders/notificationsRepository';

const FOLLOWUP_COLUMNS = [
  'f.id', 'f.warning_key', 'f.kind', 'f.org_unit_id', 'u.name as unit_name', 'f.department_id', 'd.short_name as department_name', 'f.indicator_id', 'f.year',
  'f.subject', 'f.reason', 'f.link', 'f.deadline', 'f.state', 'f.cause', 'f.measures', 'f.expected_on', 'f.assigned_by', 'a.display_name as assigned_by_name', 'f.assigned_at',
  'f.updated_at', 'f.closed_at',
] as const;

export interface NewFollowup {
  warningKey: string;
  kind: string;
  orgUnitId: number;
  indicatorId: number | null;
  departmentId: number;
  year: number | null;
  subject: string;
  reason: string;
  link: string;
  deadline: string;
  assignedBy: number | null;
  at: string;
  isDemo?: boolean;
}

/** Follow-ups of warnings and their history. No access checks here. */
export function followupRepository(db: Kysely<Database>) {
  const notifications = notificationsRepository(db);
  const base = () =>
    db
      .selectFrom('followups as f')
      .innerJoin('org_units as u', 'u.id', 'f.org_unit_id')
      .innerJoin('departments as d', 'd.id', 'f.department_id')
      .leftJoin('users as a', 'a.id', 'f.assigned_by')
      .select(FOLLOWUP_COLUMNS);

  return {
    find(id: number) {
      return base().where('f.id', '=', id).executeTakeFirst();
    },

    /** Follow-ups at these units (null: everywhere), newest first; open ones only unless `all`. */
    list(filter: { unitIds: number[] | null; seats?: { orgUnitId: number; departmentId: number }[]; all: boolean }) {
      return base()
        .$if(filter.unitIds !== null, (q) => q.where('f.org_unit_id', 'in', filter.unitIds!.length ? filter.unitIds! : [0]))
        .$if(filter.seats !== undefined, (q) =>
          q.where((eb) => eb.or(filter.seats!.length ? filter.seats!.map((s) => eb.and([eb('f.org_unit_id', '=', s.orgUnitId), eb('f.department_id', '=', s.departmentId)])) : [eb.lit(false)])),
        )
        .$if(!filter.all, (q) => q.where('f.state', '!=', 'closed'))
        .orderBy('f.deadline')
        .orderBy('f.id', 'desc')
        .limit(1000)
        .execute();
    },

    /** The latest follow-up of each of these warnings. */
    async latestOf(keys: readonly string[]) {
      const out = new Map<string, FollowupRow>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await base().where('f.warning_key', 'in', keys.slice(i, i + 500)).orderBy('f.id').execute();
        for (const r of rows) out.set(r.warning_key, r);
      }
      return out;
    },

    events(id: number) {
      return db
        .selectFrom('followup_events as e')
        .leftJoin('users as p', 'p.id', 'e.actor_id')
        .select(['e.action', 'e.from_state', 'e.to_state', 'e.comment', 'p.display_name', 'e.at'])
        .where('e.followup_id', '=', id)
        .orderBy('e.id')
        .execute();
    },

    /** The department of each of these seats (submissions), by seat id. */
    async seatDepartments(submissionIds: readonly number[]): Promise<Map<number, number>> {
      if (!submissionIds.length) return new Map();
      const rows = await db.selectFrom('submissions').select(['id', 'department_id']).where('id', 'in', [...submissionIds]).execute();
      return new Map(rows.map((r) => [r.id, r.department_id]));
    },

    /** Member departments of these units' committees. */
    departmentsOf(unitIds: readonly number[]) {
      if (!unitIds.length) return Promise.resolve([]);
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .select(['d.id', 'd.name', 'd.short_name', 'c.org_unit_id'])
        .where('c.org_unit_id', 'in', [...unitIds])
        .orderBy('c.org_unit_id')
        .orderBy('d.sort')
        .execute();
    },

    /** Inserts an open follow-up; false when the warning already has an open one (the unique open_key). */
    async insert(f: NewFollowup, note: string | null): Promise<number | null> {
      const row = await db
        .insertInto('followups')
        .values({
          warning_key: f.warningKey, open_key: f.warningKey, kind: f.kind, org_unit_id: f.orgUnitId, indicator_id: f.indicatorId, department_id: f.departmentId,
          year: f.year, subject: f.subject, reason: f.reason, link: f.link, deadline: f.deadline, state: 'assigned', assigned_by: f.assignedBy, assigned_at: f.at,
          updated_at: f.at, is_demo: f.isDemo ? 1 : 0,
        })
        .onConflict((oc) => oc.column('open_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      await this.addEvent({ followupId: row.id, action: 'assign', from: null, to: 'assigned', comment: note, actorId: f.assignedBy, at: f.at });
      return row.id;
    },

    /** Compare-and-set of the state: false when someone else moved it first. */
    async transition(id: number, from: FollowupState, to: FollowupState, at: string, answer?: { cause: string; measures: string; expectedOn: string }): Promise<boolean> {
      const result = await db
        .updateTable('followups')
        .set({
          state: to,
          updated_at: at,
          ...(to === 'closed' && { closed_at: at, open_key: null }),
          ...(answer && { cause: answer.cause, measures: answer.measures, expected_on: answer.expectedOn }),
        })
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    addEvent(e: { followupId: number; action: string; from: string | null; to: string; comment: string | null; actorId: number | null; at: string }) {
      return db
        .insertInto('followup_events')
        .values({ followup_id: e.followupId, action: e.action, from_state: e.from, to_state: e.to, comment: e.comment, actor_id: e.actorId, at: e.at })
        .execute();
    },

    /** Active users holding a department role at the seat, to notify. */
    seatHolders: (orgUnitId: number, departmentId: number): Promise<number[]> => notifications.holders(['reporter', 'dept_reviewer'], orgUnitId, [departmentId]),

    notify: (userIds: readonly number[], n: { title: string; body: string; link: string }, at: string) => notifications.notify(userIds, { kind: 'followup', ...n }, at),

    /** Follow-ups whose department owes an answer, with deadlines up to `until`: for reminders. */
    awaitingAnswer(until: string) {
      return base().where('f.state', 'in', ['assigned', 'returned']).where('f.deadline', '<=', until).execute();
    },
  };
}
export type FollowupRow = NonNullable<Awaited<ReturnType<ReturnType<typeof followupRepository>['find']>>>;

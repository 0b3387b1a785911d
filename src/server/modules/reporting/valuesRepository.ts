import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ValueMap, type ValueKey } from './keys';

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredValue extends ValueKey {
  value: number;
  comment: string | null;
  version: number;
  /** The seat whose write made this version. */
  submissionId: number | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface ValueWrite extends ValueKey {
  value: number;
  comment: string | null;
  departmentId: number | null;
  submissionId: number;
  /** The version this write replaces, as read before the transaction; 0 for a value that was not there. */
  readVersion: number;
}

export interface AuditWrite extends ValueKey {
  action: 'update' | 'delete';
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
}

/** Rows per multi-row statement: 14 parameters a row stays under SQLite's 32,766 and PostgreSQL's 65,535. */
const BATCH = 1000;

type UpsertRow = Insertable<Database['data_values']>;
/** The column order of the parameters `write` passes; its statements are compiled from a row in this order. */
const UPSERT_TEMPLATE: { [K in keyof Required<UpsertRow>]: null } = {
  data_element_id: null, org_unit_id: null, period: null, option_id: null, value: null, comment: null, department_id: null,
  submission_id: null, version: null, created_by: null, created_at: null, created_via: null, updated_by: null, updated_at: null,
};
const statements = new Map<string, string>();

/**
 * The multi-row insert of `rows` rows, compiled by Kysely for the executor's dialect once and then
 * reused: compiling a thousand-row insert costs more than running it. Either way a row someone else
 * wrote meanwhile is left alone, so the caller learns of the race from the count of rows written:
 * a new value is inserted only if the key is still free; an overwrite (its row carries the version
 * it will have) changes the stored row only if that is still the version read before.
 */
function insertSql(db: Executor, rows: number, overwrite: boolean): string {
  const cacheKey = `${db.getExecutor().adapter.constructor.name}:${rows}:${overwrite}`;
  let sql = statements.get(cacheKey);
  if (!sql) {
    const insert = db.insertInto('data_values').values(Array.from({ length: rows }, () => UPSERT_TEMPLATE as unknown as UpsertRow));
    const compiled = (
      overwrite
        ? insert.onConflict((oc) =>
            oc.columns(['data_element_id', 'org_unit_id', 'period', 'option_id']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              comment: eb.ref('excluded.comment'),
              department_id: eb.ref('excluded.department_id'),
              submission_id: eb.ref('excluded.submission_id'),
              version: eb.ref('excluded.version'),
              updated_by: eb.ref('excluded.updated_by'),
              updated_at: eb.ref('excluded.updated_at'),
            })).where((eb) => eb(eb.ref('data_values.version'), '=', eb(eb.ref('excluded.version'), '-', eb.lit(1)))),
          )
        : insert.onConflict((oc) => oc.columns(['data_element_id', 'org_unit_id', 'period', 'option_id']).doNothing())
    ).compile();
    if (compiled.parameters.length !== rows * Object.keys(UPSERT_TEMPLATE).length) throw new Error('insert template out of step with its parameters');
    sql = compiled.sql;
    statements.set(cacheKey, sql);
  }
  return sql;
}

export interface ValueFilter {
  orgUnitIds: number[];
  periods: number[];
  /** All data elements when omitted. */
  dataElementIds?: number[];
}

/** Reads `filter`'s units a batch per query: a national read names more units than one statement may. */
async function inUnitBatches<T>(filter: ValueFilter, read: (unitIds: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  if (filter.orgUnitIds.length === 0 || filter.periods.length === 0) return out;
  for (let i = 0; i < filter.orgUnitIds.length; i += BATCH) {
    // Not push(...rows): one batch of a national read holds more rows than a call takes arguments.
    for (const row of await read(filter.orgUnitIds.slice(i, i + BATCH))) out.push(row);
  }
  return out;
}

/** Data values and their audit trail. No access or lock checks here: the reporting service decides. */
export function valuesRepository(db: Executor) {
  return {
    /** Stored values of the given units and years, for the given data elements (all when omitted). */
    load(filter: ValueFilter): Promise<StoredValue[]> {
      return inUnitBatches(filter, async (unitIds) =>
        (
          await db
            .selectFrom('data_values')
            .select(['data_element_id', 'org_unit_id', 'period', 'option_id', 'value', 'comment', 'version', 'submission_id', 'updated_by', 'updated_at'])
            .where('org_unit_id', 'in', unitIds)
            .where('period', 'in', filter.periods)
            .$if(filter.dataElementIds !== undefined, (qb) => qb.where('data_element_id', 'in', filter.dataElementIds!))
            .execute()
        ).map((r) => ({
          dataElementId: r.data_element_id,
          orgUnitId: r.org_unit_id,
          period: r.period,
          optionId: r.option_id,
          value: r.value,
          comment: r.comment,
          version: r.version,
          submissionId: r.submission_id,
          updatedBy: r.updated_by,
          updatedAt: r.updated_at,
        })),
      );
    },

    /** The same values as `load`, with who changed each last (a username; none for the system) and when each was first stored. */
    loadWithAuthors(filter: ValueFilter) {
      return inUnitBatches(filter, (unitIds) =>
        db
          .selectFrom('data_values as v')
          .leftJoin('users as u', 'u.id', 'v.updated_by')
          .select(['v.data_element_id', 'v.org_unit_id', 'v.period', 'v.option_id', 'v.value', 'v.comment', 'v.created_at', 'v.updated_at', 'u.username'])
          .where('v.org_unit_id', 'in', unitIds)
          .where('v.period', 'in', filter.periods)
          .$if(filter.dataElementIds !== undefined, (qb) => qb.where('v.data_element_id', 'in', filter.dataElementIds!))
          .execute(),
      );
    },

    /**
     * Writes values in batches: `overwrite` for values that existed when read (their version goes up
     * by one, if it is still the one read), plain inserts for values that did not. Returns how many
     * rows were written; fewer than given means someone else wrote some of them first.
     */
    async write(values: ValueWrite[], overwrite: boolean, actor: number | null, via: string, now: string): Promise<number> {
      // In the table's key order, new rows are appended to a few pages instead of scattered over many.
      const ordered = ValueMap.of(values).inKeyOrder();
      if (ordered.length !== values.length) throw new Error('one write holds the same value twice');
      let written = 0;
      for (let i = 0; i < ordered.length; i += BATCH) {
        const batch = ordered.slice(i, i + BATCH);
        const parameters: unknown[] = [];
        for (const v of batch) {
          parameters.push(v.dataElementId, v.orgUnitId, v.period, v.optionId, v.value, v.comment, v.departmentId, v.submissionId, v.readVersion + 1, actor, now, via, actor, now);
        }
        const result = await db.executeQuery(CompiledQuery.raw(insertSql(db, batch.length, overwrite), parameters));
        written += Number(result.numAffectedRows ?? 0);
      }
      return written;
    },

    /**
     * Changes one value only if it is still at the version read: a value someone deleted meanwhile is
     * not brought back (the bulk upsert of `write` would insert it again).
     */
    async updateAtVersion(v: ValueWrite, actor: number | null, now: string): Promise<boolean> {
      const result = await db
        .updateTable('data_values')
        .set({ value: v.value, comment: v.comment, department_id: v.departmentId, submission_id: v.submissionId, version: v.readVersion + 1, updated_by: actor, updated_at: now })
        .where('data_element_id', '=', v.dataElementId)
        .where('org_unit_id', '=', v.orgUnitId)
        .where('period', '=', v.period)
        .where('option_id', '=', v.optionId)
        .where('version', '=', v.readVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Deletes values only at the version read; returns the first that someone changed or deleted first (null: all went). */
    async delete(keys: (ValueKey & { readVersion: number })[]): Promise<ValueKey | null> {
      for (const k of keys) {
        const result = await db
          .deleteFrom('data_values')
          .where('data_element_id', '=', k.dataElementId)
          .where('org_unit_id', '=', k.orgUnitId)
          .where('period', '=', k.period)
          .where('option_id', '=', k.optionId)
          .where('version', '=', k.readVersion)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) return k;
      }
      return null;
    },

    async audit(entries: AuditWrite[], actor: number | null, via: string, now: string): Promise<void> {
      for (let i = 0; i < entries.length; i += BATCH) {
        await db
          .insertInto('data_value_audits')
          .values(
            entries.slice(i, i + BATCH).map((a) => ({
              data_element_id: a.dataElementId,
              org_unit_id: a.orgUnitId,
              period: a.period,
              option_id: a.optionId,
              action: a.action,
              old_value: a.oldValue,
              new_value: a.newValue,
              old_comment: a.oldComment,
              new_comment: a.newComment,
              changed_by: actor,
              changed_at: now,
              via,
            })),
          )
          .execute();
      }
    },
  };
}
export type ValuesRepository = ReturnType<typeof valuesRepository>;

import type { Kysely } from 'kysely';
import type { SubmissionState } from '../../../../shared/monitoring/workflow';
import { bumpDataVersion } from '../../../db/dataVersion';
import type { Database } from '../../../db/schema';
import { ValueMap, type ValueKey } from '../keys';
import { reportingRepository } from '../repository';
import { seatLockedReason, seatTakesValues } from '../valueGate';
import { valuesRepository, type AuditWrite, type ValueWrite } from '../valuesRepository';

export interface ValueChanges {
  inserts: ValueWrite[];
  /** Changes of values the writer saw (the entry grid): at the version seen, or not at all. */
  versioned: ValueWrite[];
  /** Overwrites in bulk (imports): at the version read, or inserted again if someone deleted the value. */
  overwrites: ValueWrite[];
  deletions: (ValueKey & { readVersion: number })[];
  audits: AuditWrite[];
  /** Seats whose state the changes rely on: those written through and those whose values are replaced. */
  seats: number[];
  /** Seats written through; their `updated_at` moves. */
  writingSeats: number[];
  actor: number | null;
  via: string;
  now: string;
}

/**
 * Thrown inside the transaction when the checks made before it no longer hold: a value was changed,
 * added or deleted by someone else since it was read, or a seat stopped taking values (submitted,
 * approved, task closed). The transaction rolls back; nothing is written.
 */
export class WriteRaceError extends Error {
  constructor(
    readonly key: ValueKey,
    readonly seat?: { id: number; reason: string },
  ) {
    super('write race');
  }
}

/** PostgreSQL's deadlock error: two writers took the same rows in opposite orders; one is rolled back. */
const DEADLOCK = '40P01';

/**
 * The transaction of a value write. Every change is conditional on what was read before it (the key
 * still free, the version still the one read) and the seats are re-read under a lock, so a race is
 * never a lost update or a save into submitted data: it is a `WriteRaceError`, on either dialect.
 */
export async function commitValues(db: Kysely<Database>, changes: ValueChanges): Promise<void> {
  const someKey = changes.inserts[0] ?? changes.versioned[0] ?? changes.overwrites[0] ?? changes.deletions[0]!;
  try {
    await db.transaction().execute(async (trx) => {
      for (const seat of await reportingRepository(trx).lockSeats(changes.seats)) {
        const state = { state: seat.state as SubmissionState, closed: seat.closed_at !== null };
        if (!seatTakesValues(state)) throw new WriteRaceError(someKey, { id: seat.id, reason: seatLockedReason(state) });
      }
      const values = valuesRepository(trx);
      const { actor, via, now } = changes;
      if ((await values.write(changes.inserts, false, actor, via, now)) !== changes.inserts.length) throw new WriteRaceError(await notOurs(trx, changes.inserts, now));
      for (const write of changes.versioned) if (!(await values.updateAtVersion(write, actor, now))) throw new WriteRaceError(write);
      if ((await values.write(changes.overwrites, true, actor, via, now)) !== changes.overwrites.length) throw new WriteRaceError(await notOurs(trx, changes.overwrites, now));
      const undeleted = await values.delete(changes.deletions);
      if (undeleted) throw new WriteRaceError(undeleted);
      await values.audit(changes.audits, actor, via, now);
      await reportingRepository(trx).touchSeats(changes.writingSeats, now);
      await bumpDataVersion(trx);
    });
  } catch (e) {
    if ((e as { code?: string }).code === DEADLOCK) throw new WriteRaceError(someKey);
    throw e;
  }
}

/**
 * The first write that did not take: its row is not the one this transaction wrote (someone else
 * inserted or changed it first). Read in the failing transaction, before it rolls back.
 */
async function notOurs(trx: Kysely<Database>, writes: ValueWrite[], now: string): Promise<ValueKey> {
  const stored = ValueMap.of(
    await valuesRepository(trx).load({
      orgUnitIds: [...new Set(writes.map((w) => w.orgUnitId))],
      periods: [...new Set(writes.map((w) => w.period))],
      dataElementIds: [...new Set(writes.map((w) => w.dataElementId))],
    }),
  );
  const missed = writes.find((w) => {
    const row = stored.get(w);
    return !row || row.version !== w.readVersion + 1 || row.updatedAt !== now || row.value !== w.value || row.submissionId !== w.submissionId;
  });
  return missed ?? writes[0]!;
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { surveysRepository } from './repository';

/** A checked response on its way to the table. */
export interface ResponseWrite {
  surveyId: number;
  answers: string;
  browserHash: string;
  idempotencyKey: string;
  /** Access-code surveys: the code typed, upper case; consumed in the same transaction as the insert. */
  code: string | null;
  submittedAt: string;
}

/** `stored`; `taken`: its idempotency key or browser was stored meanwhile; `code`: the code is unknown or spent. */
export type WriteOutcome = 'stored' | 'taken' | 'code';

/** Responses per transaction at most: one commit stays short however many arrive at once. */
const BATCH_LIMIT = 200;

interface Pending {
  write: ResponseWrite;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Batched writes of public responses: those that arrive while a transaction commits are written
 * together in the next one, so a burst of answers pays one transaction per batch instead of one
 * each (README, bench:survey). Every submitter hears back only after its row is committed, and on
 * disk (the app's group commit, db/groupCommit.ts). Each response keeps its own outcome: a unique
 * key taken or a spent code refuses that one alone, not the batch.
 */
export function responseWriter(db: Kysely<Database>) {
  const queue: Pending[] = [];
  let draining = false;

  async function writeBatch(batch: Pending[]): Promise<WriteOutcome[]> {
    return db.transaction().execute(async (trx) => {
      const tx = surveysRepository(trx);
      const outcomes: WriteOutcome[] = [];
      for (const { write: w } of batch) {
        const accessCodeId = w.code === null ? null : await tx.consumeCode(w.surveyId, w.code, w.submittedAt);
        if (accessCodeId === undefined) {
          outcomes.push('code');
          continue;
        }
        const id = await tx.insertResponseIfNew({ ...w, accessCodeId });
        // Not stored: the code this response consumed above goes back, as a rollback of it alone would.
        if (id === undefined && accessCodeId !== null) await tx.releaseCode(accessCodeId);
        outcomes.push(id === undefined ? 'taken' : 'stored');
      }
      return outcomes;
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    // Let the requests read in this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.splice(0, BATCH_LIMIT);
      try {
        const outcomes = await writeBatch(batch);
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    draining = false;
  }

  return {
    write(w: ResponseWrite): Promise<WriteOutcome> {
      return new Promise((resolve, reject) => {
        queue.push({ write: w, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}
export type ResponseWriter = ReturnType<typeof responseWriter>;

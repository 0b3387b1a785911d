import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { dataVersionToken } from '../../shared/reports/dataVersion';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A token that changes whenever values or their approval change, in the same transaction as the
 * change: analytics caches in every process compare it to decide whether they are still current.
 */
export async function bumpDataVersion(db: Executor): Promise<void> {
  const token = dataVersionToken(new Date(), randomBytes(4).toString('hex'));
  await db.updateTable('meta').set({ value: token }).where('key', '=', 'data_version').execute();
}

export async function readDataVersion(db: Executor): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return row?.value ?? '';
}

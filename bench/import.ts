/**
 * `npm run bench:import`: 1,000,000 values through the same code path as the dataValueSets API and
 * the xlsx upload (code resolution, task/lock/permission checks, validation, batched writes in one
 * transaction), against a raw better-sqlite3 prepared INSERT of the same rows in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/server/db/connection';
import { COMMAND_LINE } from '../src/server/modules/auth/service';
import { importDataValueSet, type Dhis2DataValue } from '../src/server/modules/reporting/dataValueSets';
import { buildDictionary, dataValues, YEARS } from './importFixture';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);

/** Inserts `values` with one raw prepared statement in one transaction; returns the seconds it took. */
async function rawInsert(file: string, values: Dhis2DataValue[], inKeyOrder: boolean): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', file });
  await migrateToLatest(db);
  const dictionary = await buildDictionary(db, UNITS);
  await db.close();
  const Sqlite = (await import('better-sqlite3')).default;
  const conn = new Sqlite(file);
  conn.pragma('journal_mode = WAL');
  // The same durability and integrity rules as the app's connection, on both sides: the app commits
  // with NORMAL and then flushes the -wal (group commit); FULL flushes it at the commit.
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  const insert = conn.prepare(
    'INSERT INTO data_values (data_element_id, org_unit_id, period, option_id, value, comment, department_id, version, created_by, created_at, created_via, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const deIds = new Map((conn.prepare('SELECT id, code FROM data_elements').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]));
  const unitIds = new Map(dictionary.units.map((u) => [u.code, u.id]));
  const rows = values.map((v) => [deIds.get(v.dataElement!)!, unitIds.get(v.orgUnit!)!, Number(v.period), Number(v.value)] as const);
  // The table's key: unit, year, data element (one option here).
  if (inKeyOrder) rows.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0]);
  const now = new Date().toISOString();
  const start = performance.now();
  conn.transaction(() => {
    for (const [de, unit, period, value] of rows) insert.run(de, unit, period, 1, value, null, null, 1, null, now, 'api', null, now);
  })();
  const seconds = (performance.now() - start) / 1000;
  conn.close();
  return seconds;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-bench-'));
  try {
    const db = openDatabase({ dialect: 'sqlite', file: join(dir, 'ours.db') });
    await migrateToLatest(db);
    const { units, elements } = await buildDictionary(db, UNITS);
    const values = dataValues(units, elements);
    console.log(`values: ${values.length.toLocaleString('en')} (${UNITS} units × ${elements.length} data elements × ${YEARS} years)`);

    const t0 = performance.now();
    const result = await importDataValueSet(db.kysely, COMMAND_LINE, { dataValues: values }, { dryRun: false, idScheme: 'code', importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
    await db.flush(); // on disk before the server would answer (group commit)
    const ours = (performance.now() - t0) / 1000;
    if (result.response.importCount.imported !== values.length) throw new Error(`imported ${JSON.stringify(result.response.importCount)}: ${JSON.stringify(result.response.conflicts.slice(0, 3))}`);
    await db.close();

    // The raw side gets identical databases (dictionary, tasks) without the values: once with the
    // rows as they come, the baseline; once sorted into the table's key order, as ours writes them.
    const rawSeconds = await rawInsert(join(dir, 'raw.db'), values, false);
    const rawSortedSeconds = await rawInsert(join(dir, 'raw-sorted.db'), values, true);

    const oursRate = Math.round(values.length / ours);
    const rawRate = Math.round(values.length / rawSeconds);
    console.log(`ours: ${ours.toFixed(2)} s, raw prepared statement: ${rawSeconds.toFixed(2)} s, raw in key order: ${rawSortedSeconds.toFixed(2)} s (${Math.round(values.length / rawSortedSeconds)} values/s)`);
    console.log(`import: ${oursRate} values/s, raw: ${rawRate} values/s, ratio ${(oursRate / rawRate).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

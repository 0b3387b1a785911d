/**
 * `npm run bench:import`: 1,000,000 values through the same code path as the dataValueSets API and
 * the xlsx upload (code resolution, task/lock/permission checks, validation, batched writes in one
 * transaction), against a raw better-sqlite3 prepared INSERT of the same rows in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, type Db } from '../src/server/db/connection';
import { COMMAND_LINE } from '../src/server/modules/auth/service';
import { importDataValueSet, type Dhis2DataValue } from '../src/server/modules/reporting/dataValueSets';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const INDICATORS = 50; // ratio indicators: 100 data elements
const YEARS = 10;
const FIRST_YEAR = 2016;
const DEPARTMENTS = ['统计局', '卫健委', '教育局', '人社局', '民政局'];

async function buildDictionary(db: Db) {
  const k = db.kysely;
  const city = await k.insertInto('org_units').values({ code: 'C0', name: '基准市', level: 'city', parent_id: null, sort: 0, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
  const unitRows = Array.from({ length: UNITS }, (_, i) => ({ code: `U${i}`, name: `基准区${i}`, level: 'district' as const, parent_id: city.id, sort: i, is_demo: 0 }));
  for (let i = 0; i < unitRows.length; i += 500) await k.insertInto('org_units').values(unitRows.slice(i, i + 500)).execute();
  const units = await k.selectFrom('org_units').select(['id', 'code']).where('parent_id', '=', city.id).orderBy('id').execute();
  for (let i = 0; i < units.length; i += 500) await k.insertInto('committees').values(units.slice(i, i + 500).map((u) => ({ org_unit_id: u.id, name: `${u.code}妇儿工委` }))).execute();
  const committees = await k.selectFrom('committees').select(['id']).execute();
  const deptRows = committees.flatMap((c) => DEPARTMENTS.map((d, i) => ({ committee_id: c.id, name: d, short_name: d, sort: i })));
  for (let i = 0; i < deptRows.length; i += 500) await k.insertInto('departments').values(deptRows.slice(i, i + 500)).execute();

  const elements: { code: string; numerator: boolean }[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const [num, den] = await Promise.all(
      ['N', 'D'].map((s) =>
        k.insertInto('data_elements').values({ code: `DE${i}${s}`, name: `数据元${i}${s}`, unit: '人', value_type: 'count', categories: '' }).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    await k
      .insertInto('indicators')
      .values({
        code: `IND${i}`, name: `指标${i}`, unit: '%', direction: 'higher', formula_type: 'ratio', value_de_id: null,
        numerator_de_id: num!.id, denominator_de_id: den!.id, factor: 100, categories: '', responsible_dept: DEPARTMENTS[i % DEPARTMENTS.length]!,
        definition: null, caliber: null, data_source: null, baseline_year: null, baseline_value: null, min_value: null, max_value: null,
        yoy_threshold: null, tolerance: null, plan_target_id: null,
      })
      .execute();
    elements.push({ code: `DE${i}N`, numerator: true }, { code: `DE${i}D`, numerator: false });
  }
  const indicatorIds = (await k.selectFrom('indicators').select('id').execute()).map((r) => r.id);
  const departments = await k.selectFrom('departments as d').innerJoin('committees as c', 'c.id', 'd.committee_id').select(['d.id', 'c.org_unit_id']).execute();
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    const task = await k.insertInto('reporting_tasks').values({ org_unit_id: city.id, year, name: `${year}`, opens_on: `${year + 1}-01-01`, due_on: `${year + 1}-03-31`, created_by: null, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
    await k.insertInto('reporting_task_indicators').values(indicatorIds.map((id) => ({ task_id: task.id, indicator_id: id }))).execute();
    const seats = departments.map((d) => ({ task_id: task.id, org_unit_id: d.org_unit_id, department_id: d.id, state: 'draft', updated_at: new Date().toISOString() }));
    for (let i = 0; i < seats.length; i += 500) await k.insertInto('submissions').values(seats.slice(i, i + 500)).execute();
  }
  return { units, elements };
}

function dataValues(units: { code: string }[], elements: { code: string; numerator: boolean }[]): Dhis2DataValue[] {
  const out: Dhis2DataValue[] = [];
  for (let y = 0; y < YEARS; y++) {
    for (const unit of units) {
      for (const e of elements) {
        out.push({ dataElement: e.code, period: String(FIRST_YEAR + y), orgUnit: unit.code, value: String(e.numerator ? 400 + y : 1000 + y) });
      }
    }
  }
  return out;
}

/** Inserts `values` with one raw prepared statement in one transaction; returns the seconds it took. */
async function rawInsert(file: string, values: Dhis2DataValue[], inKeyOrder: boolean): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', file });
  await migrateToLatest(db);
  const dictionary = await buildDictionary(db);
  await db.close();
  const Sqlite = (await import('better-sqlite3')).default;
  const conn = new Sqlite(file);
  conn.pragma('journal_mode = WAL');
  // The same durability and integrity rules as the app's connection, on both sides.
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
    const { units, elements } = await buildDictionary(db);
    const values = dataValues(units, elements);
    console.log(`values: ${values.length.toLocaleString('en')} (${UNITS} units × ${elements.length} data elements × ${YEARS} years)`);

    const t0 = performance.now();
    const result = await importDataValueSet(db.kysely, COMMAND_LINE, { dataValues: values }, { dryRun: false, idScheme: 'code', importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
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

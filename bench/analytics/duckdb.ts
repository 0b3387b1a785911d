/**
 * The reference side of `npm run bench:analytics`: the same county rows in an in-memory DuckDB,
 * a closure table of the 4 levels, and one query computing the ratio of sums for every
 * ancestor × indicator × year × sex and the total over both sexes, materialised as a table: in the
 * wide form (female, male, total columns; the one compared) and in the long form (GROUPING SETS).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SyntheticData } from './synthetic';

export interface DuckSide {
  connection: DuckDBConnection;
  threads: string;
  rows: number;
  loadSeconds: number;
  close(): void;
}

/** Loads the facts (one row per county × indicator × year × sex) and the closure table; not timed by the caller. */
export async function loadDuck(data: SyntheticData): Promise<DuckSide> {
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE TABLE facts (unit INTEGER, indicator INTEGER, year INTEGER, sex INTEGER, num DOUBLE, den DOUBLE)');
  await connection.run('CREATE TABLE closure (unit INTEGER, ancestor INTEGER)');

  const facts = await connection.createAppender('facts');
  let rows = 0;
  for (const indicator of data.indicators) {
    const num = data.values.get(indicator.numeratorDeId!)!;
    const den = data.values.get(indicator.denominatorDeId!)!;
    for (let k = 0; k < num.value.length; k++) {
      facts.appendInteger(data.nodes[num.unit[k]!]!.id);
      facts.appendInteger(indicator.id);
      facts.appendInteger(num.year[k]!);
      facts.appendInteger(num.option[k]!);
      facts.appendDouble(num.value[k]!);
      facts.appendDouble(den.value[k]!);
      facts.endRow();
      rows++;
    }
  }
  facts.closeSync(); // flushes

  // Every reporting unit with itself and each of its ancestors.
  const parentOf = new Map(data.nodes.map((n) => [n.id, n.parentId]));
  const hasChildren = new Set(data.nodes.map((n) => n.parentId));
  const closure = await connection.createAppender('closure');
  for (const node of data.nodes) {
    if (hasChildren.has(node.id)) continue;
    for (let a: number | null | undefined = node.id; a !== null && a !== undefined; a = parentOf.get(a)) {
      closure.appendInteger(node.id);
      closure.appendInteger(a);
      closure.endRow();
    }
  }
  closure.closeSync();

  const threads = String((await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]![0]);
  return { connection, threads, rows, loadSeconds: (performance.now() - t0) / 1000, close: () => (connection.closeSync(), instance.closeSync()) };
}

const QUERIES = {
  /** One row per ancestor × indicator × year with female, male and total side by side: the layout of our grids. */
  wide: `
    CREATE TABLE agg_wide AS
    SELECT c.ancestor AS unit, f.indicator, f.year,
      sum(f.num) FILTER (WHERE f.sex = 2) / sum(f.den) FILTER (WHERE f.sex = 2) * 100 AS female,
      sum(f.num) FILTER (WHERE f.sex = 3) / sum(f.den) FILTER (WHERE f.sex = 3) * 100 AS male,
      sum(f.num) / sum(f.den) * 100 AS total
    FROM facts f JOIN closure c ON c.unit = f.unit
    GROUP BY c.ancestor, f.indicator, f.year`,
  /** One row per ancestor × indicator × year × sex, sex NULL for the total. */
  long: `
    CREATE TABLE agg_long AS
    SELECT c.ancestor AS unit, f.indicator, f.year, f.sex, sum(f.num) / sum(f.den) * 100 AS value
    FROM facts f JOIN closure c ON c.unit = f.unit
    GROUP BY GROUPING SETS ((c.ancestor, f.indicator, f.year, f.sex), (c.ancestor, f.indicator, f.year))`,
};

/** The timed query, materialised as a table. Returns the seconds and the number of values (female, male, total) it holds. */
export async function aggregateInDuck(duck: DuckSide, form: keyof typeof QUERIES): Promise<{ seconds: number; values: number }> {
  const t0 = performance.now();
  await duck.connection.run(QUERIES[form]);
  const seconds = (performance.now() - t0) / 1000;
  const sql = form === 'wide' ? 'SELECT count(female) + count(male) + count(total) FROM agg_wide' : 'SELECT count(value) FROM agg_long';
  const values = Number((await duck.connection.runAndReadAll(sql)).getRows()[0]![0]);
  if (form === 'long') await duck.connection.run('DROP TABLE agg_long');
  return { seconds, values };
}

/** A value of the wide result, for the honesty check; null where there is none. */
export async function duckValue(duck: DuckSide, unit: number, indicator: number, year: number, option: 'female' | 'male' | 'total'): Promise<number | null> {
  const reader = await duck.connection.runAndReadAll(`SELECT ${option} FROM agg_wide WHERE unit = $unit AND indicator = $indicator AND year = $year`, { unit, indicator, year });
  const value = reader.getRows()[0]?.[0];
  return value === null || value === undefined ? null : Number(value);
}

/** Count and sum of all values of the wide result, to compare with ours as a whole. */
export async function duckChecksum(duck: DuckSide): Promise<{ cells: number; sum: number }> {
  const row = (
    await duck.connection.runAndReadAll('SELECT count(female) + count(male) + count(total), sum(coalesce(female, 0) + coalesce(male, 0) + coalesce(total, 0)) FROM agg_wide')
  ).getRows()[0]!;
  return { cells: Number(row[0]), sum: Number(row[1]) };
}

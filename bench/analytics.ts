/**
 * `npm run bench:analytics`: the full progress assessment of every indicator × org unit × target
 * on national-scale synthetic data, through the same code path as the app (FactBase.grids →
 * aggregateGrid, progressSummary → measureTarget as the overview, scorecard and warnings use it), against the same ratio-of-sums aggregation as one
 * DuckDB query over the same rows in the same run; then the dashboard API under autocannon.
 *
 * BENCH_UNITS (3000), BENCH_INDICATORS (150), BENCH_HTTP_CONNECTIONS (10), BENCH_HTTP_SECONDS (10),
 * BENCH_HTTP=0 to skip the HTTP part.
 */
import { cpus } from 'node:os';
import { assessTarget, measureTarget, progressSeries, progressSummary } from '../src/server/modules/analytics/catalogue';
import { buildUnitIndex, type YearSpan } from '../src/server/modules/analytics/engine/cube';
import { FactBase } from '../src/server/modules/analytics/facts';
import type { OptionCode } from '../src/shared/monitoring/validation';
import { PROGRESS_STATUSES, type ProgressStatus } from '../src/shared/analytics/progress';
import { aggregateInDuck, duckChecksum, duckValue, loadDuck } from './analytics/duckdb';
import { loadTest } from './analytics/http';
import { FIRST_YEAR, generate, NEVER_REPORTED_SHARE, YEARS } from './analytics/synthetic';

const UNITS = Number(process.env.BENCH_UNITS ?? 3000);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 150);
const HTTP_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const SEED = 20260101;

const fmt = (n: number) => n.toLocaleString('en');
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`);

  // Loading, not timed: what loadFactBase does from the database.
  const g0 = performance.now();
  const data = generate({ units: UNITS, indicators: INDICATORS, seed: SEED });
  const index = buildUnitIndex(data.nodes);
  const years: YearSpan = { first: FIRST_YEAR, count: YEARS };
  const facts = new FactBase('bench', index, years, data.values, data.valueTypes, data.optionCodes, new Set());
  const { national, provinces, cities, counties } = data.levels;
  console.log(
    `data: ${fmt(UNITS)} units (${national} national, ${provinces} provinces, ${cities} cities, ${fmt(counties)} counties) × ${INDICATORS} ratio indicators × ${YEARS} years (${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}) × sex`,
  );
  console.log(
    `      ${fmt(data.valueCount)} county values (numerator, denominator × female, male; ${NEVER_REPORTED_SHARE * 100}% of county × indicator never reported), generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
  );

  // Timed: per indicator the grids of total, female and male (the total made from the sexes, then
  // aggregated up the tree), then every unit against each of its 2 targets.
  const statuses = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  let assessments = 0;
  let gridMs = 0;
  const t0 = performance.now();
  for (const indicator of data.indicators) {
    const t = performance.now();
    const grids = facts.grids(indicator, 'all');
    gridMs += performance.now() - t;
    for (let unitPos = 0; unitPos < UNITS; unitPos++) {
      for (const target of indicator.targets) {
        statuses[measureTarget(indicator, target, progressSummary(facts, grids, indicator, unitPos, target.baseYear)).status]++;
        assessments++;
      }
    }
  }
  const ours = (performance.now() - t0) / 1000;
  console.log(`ours: ${ours.toFixed(3)} s = grids ${(gridMs / 1000).toFixed(3)} s + assessment ${(ours - gridMs / 1000).toFixed(3)} s; ${fmt(assessments)} assessments (${INDICATORS} indicators × ${fmt(UNITS)} units × 2 targets)`);
  console.log(`      ${PROGRESS_STATUSES.map((s) => `${s} ${fmt(statuses[s])}`).join(', ')}`);

  // Not timed: a sample judged again the way the indicator page does, from the full series with the reason in words.
  let sampled = 0;
  for (const indicator of data.indicators) {
    const grids = facts.grids(indicator, 'all');
    for (let unitPos = indicator.id % 7; unitPos < UNITS; unitPos += 7) {
      for (const target of indicator.targets) {
        const bulk = measureTarget(indicator, target, progressSummary(facts, grids, indicator, unitPos, target.baseYear));
        const full = assessTarget(indicator, target, progressSeries(facts, grids, indicator, unitPos));
        if (bulk.status !== full.status || bulk.ratio !== full.ratio) throw new Error(`indicator ${indicator.id}, unit ${unitPos}: ${bulk.status} ≠ ${full.status}`);
        sampled++;
      }
    }
  }
  console.log(`check: ${fmt(sampled)} assessments (every 7th unit) the same from the full series with reasons`);

  // DuckDB: loading not timed, the query is.
  const duck = await loadDuck(data);
  console.log(`duckdb: ${fmt(duck.rows)} rows + closure table loaded by appender in ${duck.loadSeconds.toFixed(1)} s; threads ${duck.threads}`);
  const wide = await aggregateInDuck(duck, 'wide');
  const long = await aggregateInDuck(duck, 'long');
  const duckSeconds = Math.min(wide.seconds, long.seconds);
  console.log(`duckdb: query ${wide.seconds.toFixed(3)} s wide (ancestor × indicator × year rows, female/male/total columns), ${fmt(wide.values)} values`);
  console.log(`        query ${long.seconds.toFixed(3)} s long (GROUPING SETS, ancestor × indicator × year × sex rows), ${fmt(long.values)} values; the faster one is compared`);

  // The same numbers on both sides: a few cells, then the count and sum of every value.
  const valueOf = (indicatorId: number, unitPos: number, year: number, option: OptionCode) =>
    facts.grids(data.indicators[indicatorId - 1]!, 'all').grids.get(option)!.value[unitPos * YEARS + (year - FIRST_YEAR)]!;
  const lastYear = FIRST_YEAR + YEARS - 1;
  let county = UNITS - 1;
  while (!(valueOf(INDICATORS, county, 2021, 'total') >= 0)) county--; // one that reports
  const probes: [string, number, number, number, 'female' | 'male' | 'total'][] = [
    ['national, total', 1, 0, lastYear, 'total'],
    ['province, female', Math.min(7, INDICATORS), 1, 2020, 'female'],
    ['city, male', Math.min(42, INDICATORS), 1 + provinces, FIRST_YEAR, 'male'],
    ['county, total', INDICATORS, county, 2021, 'total'],
  ];
  for (const [label, indicatorId, unitPos, year, option] of probes) {
    const ourValue = valueOf(indicatorId, unitPos, year, option);
    const theirs = await duckValue(duck, data.nodes[unitPos]!.id, indicatorId, year, option);
    if (theirs === null || Math.abs(ourValue - theirs) > 1e-9 * Math.abs(ourValue)) throw new Error(`${label}: ours ${ourValue}, duckdb ${theirs}`);
    console.log(`check: ${label} (indicator ${indicatorId}, unit ${data.nodes[unitPos]!.id}, ${year}): ours ${ourValue.toFixed(9)}, duckdb ${theirs.toFixed(9)}`);
  }
  let cells = 0;
  let sum = 0;
  for (const indicator of data.indicators) {
    for (const grid of facts.grids(indicator, 'all').grids.values()) {
      for (const v of grid.value) {
        if (v !== v) continue;
        cells++;
        sum += v;
      }
    }
  }
  const theirs = await duckChecksum(duck);
  if (cells !== theirs.cells || cells !== long.values || Math.abs(sum - theirs.sum) > 1e-7 * Math.abs(sum)) throw new Error(`all values: ours ${cells} / ${sum}, duckdb ${theirs.cells} / ${theirs.sum}`);
  console.log(`check: all values: ours ${fmt(cells)} cells summing to ${sum.toFixed(3)}, duckdb ${fmt(theirs.cells)} summing to ${theirs.sum.toFixed(3)}`);
  duck.close();
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  if (process.env.BENCH_HTTP !== '0') {
    const { results, serverRssMb } = await loadTest({ connections: HTTP_CONNECTIONS, seconds: HTTP_SECONDS, log: console.log });
    for (const r of results) {
      console.log(
        `http: GET ${r.path}: cold ${ms(r.coldMs)}; ${fmt(r.requests)} requests, ${Math.round(r.perSecond)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}`,
      );
    }
    console.log(`http: server peak rss ${fmt(serverRssMb)} MB`);
  }
  console.log(`peak rss: ${fmt(rssMb)} MB (bench process, ours + DuckDB in memory)`);
  console.log(`assessment: ${ours.toFixed(3)} s, duckdb: ${duckSeconds.toFixed(3)} s, ratio ${(ours / duckSeconds).toFixed(2)}`);
}

await main();

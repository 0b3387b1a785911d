/**
 * `npm run bench:load`: 200 reporters save values concurrently for 60 s (BENCH_SECONDS), on SQLite and
 * on a throwaway PostgreSQL cluster, against the app server in its own process on 127.0.0.1. Each
 * reporter saves one of its cells, waits 0.5–1.5 s (a person types), and goes on; two reporters of a
 * seat share two cells, so stale saves meet real conflicts. Every acknowledged save goes into a
 * ledger; afterwards each stored value must be the last acknowledged save of its cell, and no two
 * acknowledged saves of a cell may claim the same version (a lost update). Prints per dialect the
 * save latency, 5xx errors, conflicts and lost updates; the last line is the worse dialect's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { startPgCluster } from '../scripts/pg-cluster.mjs';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../src/server/db/connection';
import { buildWorld, YEAR, type Reporter } from './load/world';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

interface Ack {
  value: number;
  version: number;
}

interface Outcome {
  dialect: string;
  saves: number;
  latencies: number[];
  errors: number;
  conflicts: number;
  lost: number;
}

function startServer(url: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/server.ts'], { env: { ...process.env, HALFSKY_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { port } = JSON.parse(line) as { port: number };
      resolve({ port, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) });
    });
  });
}

async function runReporter(base: string, r: Reporter, until: number, ledger: Map<string, Ack[]>, out: Outcome) {
  const known = new Map<number, number | null>();
  let n = 0;
  await new Promise((res) => setTimeout(res, Math.random() * 1000));
  while (performance.now() < until) {
    const cell = r.cells[n++ % r.cells.length]!;
    const value = Math.round(Math.random() * 100000) / 100;
    const started = performance.now();
    let res: Response;
    let body: { saved?: { version: number }[]; details?: { current?: { version: number | null } }[] };
    try {
      res = await fetch(`${base}/api/reporting/submissions/${r.seatId}/values`, {
        method: 'PUT',
        headers: { cookie: r.cookie, 'x-csrf-token': r.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ cells: [{ dataElementId: cell, option: 'total', value, expectedVersion: known.get(cell) ?? null }] }),
      });
      body = (await res.json()) as typeof body;
    } catch {
      // A dropped connection or an answer that is no JSON: an error, and the save is not in the ledger.
      out.errors++;
      await new Promise((resume) => setTimeout(resume, 1000));
      continue;
    } finally {
      out.latencies.push(performance.now() - started);
      out.saves++;
    }
    if (res.status === 200) {
      const version = body.saved![0]!.version;
      known.set(cell, version);
      const key = `${r.seatId}:${cell}`;
      ledger.set(key, [...(ledger.get(key) ?? []), { value, version }]);
    } else if (res.status === 409) {
      out.conflicts++;
      known.set(cell, body.details?.[0]?.current?.version ?? null);
    } else out.errors++;
    await new Promise((res) => setTimeout(res, 500 + Math.random() * 1000));
  }
}

async function measure(dialect: string, url: string): Promise<Outcome> {
  const db = openDatabase(parseDatabaseUrl(url));
  await migrateToLatest(db);
  const reporters = await buildWorld(db);
  const server = await startServer(url);
  const out: Outcome = { dialect, saves: 0, latencies: [], errors: 0, conflicts: 0, lost: 0 };
  const ledger = new Map<string, Ack[]>();
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(reporters.map((r) => runReporter(`http://127.0.0.1:${server.port}`, r, until, ledger, out)));
  await server.stop();

  const stored = await db.kysely
    .selectFrom('data_values as v')
    .innerJoin('submissions as s', 's.org_unit_id', 'v.org_unit_id')
    .select(['s.id as seat', 'v.data_element_id', 'v.value', 'v.version'])
    .whereRef('s.department_id', '=', 'v.department_id')
    .where('v.period', '=', YEAR)
    .execute();
  const byCell = new Map(stored.map((v) => [`${v.seat}:${v.data_element_id}`, v]));
  for (const [cell, acks] of ledger) {
    const versions = new Set(acks.map((a) => a.version));
    const last = acks.reduce((a, b) => (b.version > a.version ? b : a));
    const now = byCell.get(cell);
    // Two acknowledged saves with one version: one overwrote the other unseen. A stored value that is not the last acknowledged save: one was lost.
    out.lost += acks.length - versions.size + (now && now.value === last.value && now.version === last.version ? 0 : 1);
  }
  await db.close();
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function report(o: Outcome) {
  const sorted = [...o.latencies].sort((a, b) => a - b);
  const p = (q: number) => percentile(sorted, q).toFixed(1);
  console.log(`${o.dialect}: ${o.saves} saves in ${SECONDS} s by 200 reporters, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, 5xx ${o.errors}, conflicts ${o.conflicts}, lost updates ${o.lost}`);
  return { p99: percentile(sorted, 99), errors: o.errors, lost: o.lost };
}

const dir = mkdtempSync(join(tmpdir(), 'halfsky-load-'));
const outcomes: Outcome[] = [];
try {
  outcomes.push(await measure('sqlite', `file:${join(dir, 'load.db')}`));
  const cluster = await startPgCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE halfsky_load');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/halfsky_load';
    outcomes.push(await measure('postgres', url.toString()));
  } finally {
    cluster.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const figures = outcomes.map(report);
const worst = figures.reduce((a, b) => (b.p99 > a.p99 ? b : a));
console.log(`load: p99 ${worst.p99.toFixed(1)} ms, errors ${figures.reduce((s, f) => s + f.errors, 0)}, lost ${figures.reduce((s, f) => s + f.lost, 0)}`);

/**
 * `npm run crash`: kill -9 during an import. Starts the server on a fresh SQLite database, sends
 * a 200,000-value import through /api/dataValueSets as admin, kills the server with SIGKILL at a
 * random moment of it, then checks the database file: `PRAGMA integrity_check` must say ok and
 * the import must be there entirely or not at all. Five runs (CRASH_RUNS), after one uncut run
 * that checks the import works and measures how long its write transaction is open (the -wal
 * growing until the response); each kill lands at a random moment of that in its own run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDatabase } from '../src/server/db/connection';
import { buildDictionary, dataValues } from './importFixture';

const UNITS = 200; // × 100 data elements × 10 years = 200,000 values
const RUNS = Number(process.env.CRASH_RUNS ?? 5);
const PASSWORD = 'crash-test-password';
const BIN = fileURLToPath(new URL('../bin/halfsky.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
}

/** Starts `halfsky serve` on `file` and waits until it listens. */
async function startServer(file: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HALFSKY_DATABASE_URL: `file:${file}`, HALFSKY_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已启动')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

/** Logs in as admin over the API; returns the headers an import needs. */
async function login(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

const importValues = (base: string, headers: Record<string, string>, body: string) =>
  fetch(`${base}/api/dataValueSets?idScheme=code`, { method: 'POST', headers, body });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

/** What the database file holds after the server is gone. */
function inspect(file: string): { integrity: string; values: number } {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const { n } = db.prepare('SELECT count(*) AS n FROM data_values').get() as { n: number };
    return { integrity, values: n };
  } finally {
    db.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-crash-'));
  try {
    const template = join(dir, 'template.db');
    const db = openDatabase({ dialect: 'sqlite', file: template });
    await migrateToLatest(db);
    const { units, elements } = await buildDictionary(db, UNITS);
    const values = dataValues(units, elements);
    await db.close(); // the last connection closing checkpoints the -wal into the file
    const body = JSON.stringify({ dataValues: values });
    const total = values.length;
    console.log(`crash: ${total.toLocaleString('en')} values per import (${(body.length / 1e6).toFixed(1)} MB JSON), ${RUNS} runs`);

    // The uncut run: the import must work, and its duration is the span to kill within.
    const first = join(dir, 'uncut.db');
    copyFileSync(template, first);
    const server = await startServer(first);
    const headers = await login(server.base);
    // Most of the request is reading, parsing and checking; the write transaction comes last.
    // Its start shows as the -wal file growing (dirty pages spill there before the commit).
    const walAtStart = walSize(first);
    const seen: { writeStart: number | null } = { writeStart: null };
    const t0 = performance.now();
    const watch = setInterval(() => {
      if (seen.writeStart === null && walSize(first) > walAtStart) seen.writeStart = performance.now() - t0;
    }, 10);
    const res = await importValues(server.base, headers, body);
    const span = performance.now() - t0;
    clearInterval(watch);
    const summary = (await res.json()) as { response?: { importCount?: { imported?: number } } };
    server.child.kill('SIGTERM');
    await server.exited;
    const uncut = inspect(first);
    if (res.status !== 200 || summary.response?.importCount?.imported !== total || uncut.values !== total || uncut.integrity !== 'ok') {
      throw new Error(`the uncut import did not work: HTTP ${res.status}, ${JSON.stringify(summary).slice(0, 300)}, ${JSON.stringify(uncut)}`);
    }
    if (seen.writeStart === null) throw new Error('the -wal file never grew during the uncut import: cannot tell when it writes');
    // Each kill lands while the write transaction is open, the moment that can tear an import:
    // a random time within the write's length after the -wal starts growing in that run.
    const writeSpan = span - seen.writeStart;
    console.log(
      `uncut import: ${(span / 1000).toFixed(2)} s, writing for the last ${(writeSpan / 1000).toFixed(2)} s; ${uncut.values.toLocaleString('en')} values stored, integrity ok`,
    );

    let integrityFailures = 0;
    let partial = 0;
    for (let run = 1; run <= RUNS; run++) {
      const file = join(dir, `run${run}.db`);
      copyFileSync(template, file);
      const s = await startServer(file);
      const h = await login(s.base);
      const base = walSize(file);
      let answered = false;
      const request = importValues(s.base, h, body).then(
        (r) => `HTTP ${r.status}`,
        () => 'connection cut',
      ).finally(() => (answered = true));
      while (!answered && walSize(file) <= base) await sleep(10);
      const delay = writeSpan * Math.random();
      await sleep(delay);
      // How far the write had got: its pages go to the -wal until commit.
      const wal = walSize(file);
      s.child.kill('SIGKILL');
      await s.exited;
      const client = await request;
      const after = inspect(file);
      const ok = after.integrity === 'ok';
      const whole = after.values === 0 || after.values === total;
      if (!ok) integrityFailures++;
      if (!whole) partial++;
      const outcome = after.values === total ? 'all there' : after.values === 0 ? 'none there' : 'PARTIAL';
      console.log(
        `run ${run}: SIGKILL ${Math.round(delay)} ms into the write (-wal ${(wal / 1e6).toFixed(1)} MB, client: ${client}): integrity ${after.integrity}, values ${after.values.toLocaleString('en')} (${outcome})`,
      );
    }
    console.log(`crash: ${RUNS} runs, integrity failures ${integrityFailures}, partial imports ${partial}`);
    if (integrityFailures || partial) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

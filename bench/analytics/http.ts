/**
 * The HTTP part of `npm run bench:analytics`: the real app on the demo data (server.ts, a child
 * process), signed in as dalian_office, loaded with autocannon over loopback, bounded by
 * connections and duration. p95 is computed from every response time (autocannon's own
 * histogram stops at p90, p97.5, p99).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

export interface LoadResult {
  path: string;
  coldMs: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const USER = 'dalian_office';

/** Lines the child prints, as parsed JSON, in order. */
function jsonLines(child: ChildProcess): () => Promise<Record<string, unknown>> {
  const queue: Record<string, unknown>[] = [];
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    const next = waiting.shift();
    if (next) next(parsed);
    else queue.push(parsed);
  });
  return () =>
    new Promise((resolve, reject) => {
      const ready = queue.shift();
      if (ready) return resolve(ready);
      waiting.push(resolve);
      child.once('close', (code) => reject(new Error(`bench server exited with code ${code}`)));
    });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

async function load(baseUrl: string, path: string, cookie: string, connections: number, seconds: number): Promise<Omit<LoadResult, 'coldMs'>> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${baseUrl}${path}`, connections, duration: seconds, headers: { cookie } }, (err: unknown, done) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const sorted = Float64Array.from(times).sort();
  return {
    path, requests: result.requests.total, perSecond: result.requests.average,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN,
  };
}

export async function loadTest(options: { connections: number; seconds: number; log: (line: string) => void }): Promise<{ results: LoadResult[]; serverRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-bench-http-'));
  const password = process.env.HALFSKY_ADMIN_PASSWORD ?? 'Bench-Admin-Passw0rd!';
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts')], {
    env: { ...process.env, BENCH_DB_FILE: join(dir, 'bench.db'), BENCH_ADMIN_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const next = jsonLines(child);
  try {
    const { port, seedSeconds, log } = (await next()) as { port: number; seedSeconds: number; log: string[] };
    const seeded = log.find((line) => line.includes('监测数据'));
    if (!seeded) throw new Error(`the demo data was not seeded: ${log.join('; ')}`);
    const baseUrl = `http://127.0.0.1:${port}`;
    options.log(`http: ${seeded} (${seedSeconds.toFixed(1)} s)`);
    options.log(`http: ${baseUrl}, ${options.connections} connections × ${options.seconds} s per endpoint, as ${USER}`);

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password }),
    });
    if (login.status !== 200) throw new Error(`login as ${USER} failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // The first request of each path loads the fact base and the dictionary: reported apart as cold.
    const cold = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      const body = (await res.json()) as unknown;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, body };
    };
    const overview = await cold('/api/analytics/overview');
    const firstIndicator = (overview.body as { areas: { indicators: { id: number }[] }[] }).areas.flatMap((a) => a.indicators)[0];
    if (!firstIndicator) throw new Error('the overview lists no indicator');
    const indicatorPath = `/api/analytics/indicators/${firstIndicator.id}`;
    const indicator = await cold(indicatorPath);

    const results: LoadResult[] = [];
    for (const [path, coldMs] of [['/api/analytics/overview', overview.ms], [indicatorPath, indicator.ms]] as const) {
      results.push({ ...(await load(baseUrl, path, cookie, options.connections, options.seconds)), coldMs });
    }
    child.kill('SIGTERM');
    const { maxRssMb } = (await next()) as { maxRssMb: number };
    return { results, serverRssMb: maxRssMb };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

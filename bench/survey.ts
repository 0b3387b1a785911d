/**
 * `npm run bench:survey`: submits BENCH_RESPONSES (default 15,000) answers to a 30-question survey
 * over HTTP on loopback (autocannon, 50 connections, each request its own browser token,
 * idempotency key and forwarded address), then times the statistics of the whole survey with a
 * cross-tab (the first, cold call and the median of five more). Not a test: figures, printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { TICKET_RULES } from '../src/server/modules/surveys/ticket';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 15000);
const CONNECTIONS = 50;
const PASSWORD = 'Bench-密码-2026';

const dir = mkdtempSync(join(tmpdir(), 'halfsky-survey-bench-'));
// The server gets this process's node flags (`--import tsx`, and `--cpu-prof` when profiling the bench).
const server = spawn(process.execPath, [...process.execArgv, 'bench/survey/server.ts'], { env: { ...process.env, BENCH_DB_FILE: join(dir, 'bench.db'), BENCH_ADMIN_PASSWORD: PASSWORD, HALFSKY_DEMO_REPORTS: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const info = await new Promise<{ port: number; surveyId: number; publicId: string; districts: number[] }>((resolve, reject) => {
    createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    server.once('close', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  const base = `http://127.0.0.1:${info.port}`;
  const { ticket } = (await (await fetch(`${base}/api/public/surveys/${info.publicId}`)).json()) as { ticket: string };
  // The bot check refuses answers sent within seconds of opening the page.
  await new Promise((r) => setTimeout(r, TICKET_RULES.minSeconds * 1000 + 200));

  let n = 0;
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const body = () => {
    const i = ++n;
    const values: Record<string, unknown> = { D: info.districts[Math.floor(rnd() * info.districts.length)], A: 18 + Math.floor(rnd() * 60), R: 1 + Math.floor(rnd() * 5) };
    for (let q = 1; q <= 27; q++) values[`Q${q}`] = String(1 + Math.floor(rnd() * (3 + ((q - 1) % 3))));
    return { body: JSON.stringify({ answers: { values }, browserToken: `bench-browser-${i}-${'x'.repeat(8)}`, idempotencyKey: `bench-key-${i}-${'x'.repeat(10)}`, ticket }), address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
  };
  const result = await autocannon({
    url: `${base}/api/public/surveys/${info.publicId}/responses`,
    connections: CONNECTIONS,
    amount: RESPONSES,
    timeout: 60,
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const { body: b, address } = body();
        // Each respondent from its own address (trusted proxy header): the per-address limit is not what is measured.
        return { ...req, body: b, headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': address } };
      },
    }],
  });
  const accepted = result['2xx'];
  if (result.non2xx || result.errors) console.log(`refused ${result.non2xx}, failed ${result.errors} (timeouts ${result.timeouts}) of ${RESPONSES}`);

  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const statsUrl = `${base}/api/surveys/${info.surveyId}/stats?rows=Q1&columns=D`;
  const timed = async () => {
    const t0 = performance.now();
    const res = await fetch(statsUrl, { headers: { cookie } });
    const stats = (await res.json()) as { responses: number; crossTab: unknown };
    if (stats.responses !== accepted || !stats.crossTab) throw new Error('statistics incomplete');
    return performance.now() - t0;
  };
  const cold = await timed();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await timed());
  warm.sort((a, b) => a - b);
  console.log(`submit: ${accepted} answers in ${(result.duration).toFixed(1)} s, ${Math.round(result.requests.average)}/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`stats with cross-tab: cold ${cold.toFixed(0)} ms (reads and parses every answer), warm median ${warm[2]!.toFixed(0)} ms (new answers only)`);
  console.log(`survey: ${accepted} responses, p99 submit ${result.latency.p99} ms, stats ${cold.toFixed(0)} ms`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('close', r));
  rmSync(dir, { recursive: true, force: true });
}

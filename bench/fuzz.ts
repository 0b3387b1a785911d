/**
 * `npm run fuzz`: generated inputs against the three readers of outside data — the plan-text
 * parser (in-process), the xlsx template upload and the dataValueSets body (over HTTP through the
 * real app on a fresh SQLite file with the demo data). Inputs are structure-aware mutations of real
 * files (the demo plan texts, a template downloaded from the app, the app's own export of values).
 *
 * Counted: crashes (an exception other than the parser's own refusal; for HTTP, no JSON answer),
 * 500s, hangs (over 2 s) and partial writes (a refused or dry-run request that changed stored data,
 * compared by a checksum of the values and their audit trail).
 * FUZZ_N (default 10,000 per target), FUZZ_XLSX_N (the xlsx target alone) and FUZZ_SEED choose the run. Last line:
 * `fuzz: N inputs, crashes C, 500s E, hangs H, partial writes P`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { migrateToLatest, openDatabase } from '../src/server/db/connection';
import { seedDemo } from '../src/server/demo/seedDemo';
import { parsePlanText, PlanTextError } from '../src/shared/plan-text';
import { multipart } from '../test/support/appHarness';
import { mutateDataValueSet, mutatePlanText, mutateXlsx, type Entry } from './fuzz/mutate';
import { seededRandom } from './random';

const N = Number(process.env.FUZZ_N ?? 10_000);
/** The xlsx target is the slow one (about 0.2 s an upload on a busy 2-core machine): FUZZ_XLSX_N may lower it alone. */
const XLSX_N = Number(process.env.FUZZ_XLSX_N ?? N);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const HANG_MS = 2_000;
const PASSWORD = 'Fuzz-密码-2026';

interface Tally {
  inputs: number;
  crashes: number;
  errors500: number;
  hangs: number;
  partial: number;
  examples: string[];
}
const tally: Tally = { inputs: 0, crashes: 0, errors500: 0, hangs: 0, partial: 0, examples: [] };
const note = (kind: string, what: string) => {
  if (tally.examples.length < 20) tally.examples.push(`${kind}: ${what.slice(0, 600)}`);
};

function fuzzPlanText(texts: string[]) {
  const rng = seededRandom(SEED);
  const started = Date.now();
  for (let i = 0; i < N; i++) {
    const text = mutatePlanText(rng, texts);
    const t0 = performance.now();
    try {
      parsePlanText(text);
    } catch (e) {
      if (!(e instanceof PlanTextError)) {
        tally.crashes++;
        note('plan-text crash', `#${i} ${(e as Error).stack ?? e}`);
      }
    }
    const ms = performance.now() - t0;
    if (ms > HANG_MS) {
      tally.hangs++;
      note('plan-text hang', `#${i} ${Math.round(ms)} ms, ${text.length} chars: ${JSON.stringify(text.slice(0, 200))}`);
    }
    tally.inputs++;
  }
  console.log(`plan text: ${N} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main() {
  // ExcelJS warns on every over-long sheet name the mutations make; that is noise here.
  console.warn = () => {};
  const texts = ['dalian-women-2021-2030.txt', 'xigang-women-children-2021-2030.txt'].map((f) => readFileSync(new URL(`../src/server/demo/texts/${f}`, import.meta.url), 'utf8'));
  fuzzPlanText(texts);

  const dir = mkdtempSync(join(tmpdir(), 'halfsky-fuzz-'));
  const db = openDatabase({ dialect: 'sqlite', file: join(dir, 'fuzz.db') });
  try {
    await migrateToLatest(db);
    await seedDemo(db, PASSWORD);
    const app = await buildApp({ db });
    // The stack of what became a 500, to say where to fix it.
    app.addHook('onError', async (_request, _reply, error) => {
      if (!(error as { statusCode?: number }).statusCode || (error as { statusCode: number }).statusCode >= 500) note('500 stack', error.stack ?? String(error));
    });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xigang_weijian', password: PASSWORD } });
    const session = { cookie: `halfsky_session=${login.cookies.find((c) => c.name === 'halfsky_session')!.value}`, 'x-csrf-token': login.json().csrfToken as string };

    const checksum = async () => {
      const { rows } = await sql<{ c: number; s: number; v: number }>`SELECT COUNT(*) AS c, COALESCE(SUM(value), 0) AS s, COALESCE(SUM(version), 0) AS v FROM data_values`.execute(db.kysely);
      const audits = await sql<{ c: number }>`SELECT COUNT(*) AS c FROM data_value_audits`.execute(db.kysely);
      return `${rows[0]!.c}/${rows[0]!.s}/${rows[0]!.v}/${audits.rows[0]!.c}`;
    };

    /** One request with the hang and 500 checks; `refused(status, body)` says whether it must have written nothing. */
    let before = await checksum();
    const send = async (label: string, i: number, request: InjectOptions, mustNotWrite: (status: number, body: unknown) => boolean) => {
      const t0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const res = await Promise.race([app.inject(request), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 10_000)))]);
      clearTimeout(timer);
      const ms = performance.now() - t0;
      tally.inputs++;
      if (ms > HANG_MS || res === null) {
        tally.hangs++;
        note(`${label} hang`, `#${i} ${Math.round(ms)} ms`);
      }
      if (res === null) {
        before = await checksum();
        return;
      }
      let body: unknown;
      try {
        body = res.json();
      } catch {
        tally.crashes++;
        note(`${label} crash`, `#${i} ${res.statusCode} not JSON: ${res.body}`);
        before = await checksum();
        return;
      }
      if (res.statusCode >= 500) {
        tally.errors500++;
        note(`${label} 500`, `#${i} ${res.body}`);
      }
      const after = await checksum();
      if (mustNotWrite(res.statusCode, body) && after !== before) {
        tally.partial++;
        note(`${label} partial write`, `#${i} ${res.statusCode} ${res.body}`);
      }
      before = after;
    };

    // A real template of the seat, downloaded as its reporter.
    const seat = await db.kysely
      .selectFrom('submissions as s')
      .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
      .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.id'])
      .where('u.name', '=', '西岗区')
      .where('d.short_name', '=', '卫健委')
      .orderBy('t.year', 'desc')
      .executeTakeFirstOrThrow();
    const template = (await app.inject({ method: 'GET', url: `/api/reporting/submissions/${seat.id}/template.xlsx`, headers: session })).rawPayload;
    let started = Date.now();
    const xlsxRng = seededRandom(SEED + 1);
    for (let i = 0; i < XLSX_N; i++) {
      const dryRun = xlsxRng() < 0.3;
      const form = multipart({ name: '填报模板.xlsx', bytes: mutateXlsx(xlsxRng, template) });
      await send('xlsx', i, { method: 'POST', url: `/api/reporting/submissions/${seat.id}/upload${dryRun ? '?dryRun=true' : ''}`, payload: form.payload, headers: { ...form.headers, ...session } }, (status) => dryRun || status !== 200);
    }
    console.log(`xlsx upload: ${XLSX_N} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // Real entries: what the app exports for the reporter's unit, every year.
    const exported = await app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=210203&period=2020,2021,2022,2023,2024,2025', headers: session });
    const base = exported.json().dataValues as Entry[];
    const codes = { dataElements: [...new Set(base.map((e) => String(e.dataElement)))], units: ['210203', '210200', '210202', '21020301', 'nope'] };
    started = Date.now();
    const bodyRng = seededRandom(SEED + 2);
    for (let i = 0; i < N; i++) {
      const c = mutateDataValueSet(bodyRng, base, codes);
      await send('dataValueSets', i, { method: 'POST', url: `/api/dataValueSets${c.query ? `?${c.query}` : ''}`, payload: c.body, headers: { ...session, 'content-type': c.contentType } }, (status, body) => {
        // A 409 of a non-atomic import reports what it did write (status WARNING).
        const partialByDesign = status === 409 && (body as { response?: { status?: string } }).response?.status === 'WARNING';
        return c.dryRun || (status >= 400 && !partialByDesign);
      });
    }
    console.log(`dataValueSets: ${N} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const e of tally.examples) console.log(e);
  console.log(`fuzz: ${tally.inputs} inputs, crashes ${tally.crashes}, 500s ${tally.errors500}, hangs ${tally.hangs}, partial writes ${tally.partial}`);
}

await main();

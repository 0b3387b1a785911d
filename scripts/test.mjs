// @ts-check
/**
 * `npm test`: typecheck and lint, unit + integration tests on SQLite, the integration tests again
 * on a throwaway PostgreSQL cluster, then end-to-end tests. Every phase runs even if an earlier
 * one failed, so one run shows everything. The last line is always `N passed, N failed`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPgCluster } from './pg-cluster.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/**
 * @typedef {object} Result
 * @property {string} name
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {number} seconds
 * @property {string} [note]
 */
/** @type {Result[]} */
const results = [];
// Kept after the run (test-results/ is git-ignored) so CI can archive them.
const reports = join('test-results', 'vitest');

/** @param {string} title */
function header(title) {
  console.log(`\n${'═'.repeat(72)}\n  ${title}\n${'═'.repeat(72)}\n`);
}

/** @param {string} tool */
const bin = (tool) => join(root, 'node_modules', '.bin', tool);

/**
 * Runs a command with inherited stdio; resolves to its exit code.
 * @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** @param {Record<string, string | undefined>} changes */
function envWith(changes) {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const since = (/** @type {number} */ start) => (performance.now() - start) / 1000;

/** A command that passes or fails as a whole (typecheck, lint, build): one check. */
async function check(/** @type {string} */ name, /** @type {string} */ command, /** @type {string[]} */ args) {
  const start = performance.now();
  const ok = (await run(command, args)) === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: since(start) });
  return ok;
}

/**
 * Runs vitest and counts its tests from the JSON report. A non-zero exit without failed tests
 * (a file that does not import, an unhandled error, no tests found) counts as one failure.
 * @param {string} name @param {string} reportName @param {string[]} args
 * @param {Record<string, string | undefined>} env
 */
async function vitest(name, reportName, args, env) {
  const start = performance.now();
  const report = join(reports, `${reportName}.json`);
  rmSync(report, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    envWith({ TZ: 'UTC', ...env }),
  );
  /** @type {{ numPassedTests?: number, numFailedTests?: number, numPendingTests?: number, numTodoTests?: number }} */
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
  results.push({
    name,
    passed: counts.numPassedTests ?? 0,
    failed: Math.max(counts.numFailedTests ?? 0, code === 0 ? 0 : 1),
    skipped: (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0),
    seconds: since(start),
  });
}

async function main() {
  header('System packages (chromium, fonts-noto-cjk, postgresql, libreoffice-writer-nogui, poppler-utils)');
  const start = performance.now();
  const missing = ensureSystemPackages();
  if (missing.length) {
    results.push({ name: 'system packages', passed: 0, failed: 1, skipped: 0, seconds: since(start), note: `missing ${missing.join(', ')}` });
  } else {
    console.log('All present.');
  }

  header('a. Typecheck (tsc --noEmit) and lint (eslint --max-warnings 0)');
  await check('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
  await check('lint', bin('eslint'), ['.', '--max-warnings', '0']);

  header('b. Unit + integration tests on SQLite');
  await vitest('unit + integration (SQLite)', 'sqlite', [], { HALFSKY_TEST_PG_URL: undefined });

  header('c. Integration tests (*.int.test.ts) on a throwaway PostgreSQL cluster');
  const clusterStart = performance.now();
  let cluster;
  try {
    cluster = await startPgCluster();
    console.log(`PostgreSQL cluster up at ${cluster.url} (${since(clusterStart).toFixed(1)} s)\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    results.push({ name: 'integration (PostgreSQL)', passed: 0, failed: 1, skipped: 0, seconds: since(clusterStart), note: 'cluster did not start' });
  }
  if (cluster) {
    try {
      await vitest('integration (PostgreSQL)', 'postgres', ['.int.test.ts'], { HALFSKY_TEST_PG_URL: cluster.url });
    } finally {
      cluster.stop();
      console.log('PostgreSQL cluster stopped and removed.');
    }
  }

  header('d. End-to-end tests (Playwright + Chromium)');
  if (!existsSync('vitest.e2e.config.ts')) {
    console.log('vitest.e2e.config.ts not found: skipping end-to-end tests.');
    results.push({ name: 'end-to-end', passed: 0, failed: 0, skipped: 0, seconds: 0, note: 'skipped, no vitest.e2e.config.ts' });
  } else if (await check('build web UI', 'npm', ['run', 'build:web'])) {
    await vitest('end-to-end', 'e2e', ['--config', 'vitest.e2e.config.ts'], { HALFSKY_TEST_PG_URL: undefined });
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  results.push({ name: 'test runner', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'crashed' });
}

header('Summary');
for (const r of results) {
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note ? ` (${r.note})` : ''}`;
  const mark = r.failed ? '✗' : '✓';
  console.log(`${mark} ${r.name.padEnd(30)} ${counts.padEnd(44)} ${r.seconds.toFixed(1).padStart(6)} s`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
process.exitCode = failed ? 1 : 0;
console.log(`\n${passed} passed, ${failed} failed`);

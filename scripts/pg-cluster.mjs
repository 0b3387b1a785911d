// @ts-check
/**
 * Throwaway PostgreSQL cluster for the integration tests: a fresh data directory, a free port on
 * 127.0.0.1, no durability. Used by scripts/test.mjs; run it directly
 * (`node scripts/pg-cluster.mjs`) to get a cluster for running tests by hand until Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_ROOT = '/usr/lib/postgresql';
const SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * @typedef {object} PgCluster
 * @property {string} url Admin URL, e.g. postgres://postgres@127.0.0.1:PORT/postgres
 * @property {() => void} stop Stops the server and deletes its files. Idempotent; also runs on
 *   process exit and on SIGINT/SIGTERM/SIGHUP while the cluster is up.
 */

/** @returns {Promise<PgCluster>} */
export async function startPgCluster() {
  const bin = findBinDir();
  const base = mkdtempSync(join(tmpdir(), 'halfsky-pg-'));
  const data = join(base, 'data');
  // initdb refuses to run as root, so as root the cluster belongs to the Debian `postgres` user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) exec('chown', ['postgres', base]);

  /** @param {string} tool @param {string[]} args */
  const pg = (tool, args) =>
    asRoot ? exec('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], base) : exec(join(bin, tool), args, base);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', stop);
    if (existsSync(join(data, 'postmaster.pid'))) {
      const fast = pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      if (fast.status !== 0) pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    }
    rmSync(base, { recursive: true, force: true });
  };
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    stop();
    // Our handler is gone now, so this terminates the process the way the signal normally would.
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', stop);

  try {
    const initdb = ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'];
    let init = pg('initdb', [...initdb, '--locale=C.UTF-8']);
    if (init.status !== 0) {
      rmSync(data, { recursive: true, force: true });
      init = pg('initdb', [...initdb, '--locale=C']);
    }
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${base}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    const log = join(base, 'server.log');
    const start = pg('pg_ctl', ['-D', data, '-w', '-o', options, '-l', log, 'start']);
    if (start.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}${serverLog}`);
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function findBinDir() {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [newest] = versions;
  if (!newest) throw new Error(`PostgreSQL not found in ${PG_ROOT}/<version>/bin (apt-get install postgresql)`);
  return join(PG_ROOT, newest, 'bin');
}

/** @param {string} file @param {string[]} args @param {string} [cwd] */
function exec(file, args, cwd) {
  // The cwd must be readable by the postgres user, or pg_ctl cannot resolve its own path.
  const result = spawnSync(file, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startPgCluster();
  console.log(`PostgreSQL is up; Ctrl-C stops it and deletes its data.\n\nHALFSKY_TEST_PG_URL=${url}`);
  setInterval(() => {}, 1 << 30);
}


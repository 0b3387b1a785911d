import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './paths';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'E2e-Admin-Passw0rd!';

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not get a free port'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

/** Set by demoTemplate.ts (globalSetup): a data folder with the demo seeded, copied for each server. */
export const DEMO_TEMPLATE_ENV = 'HALFSKY_E2E_DEMO_TEMPLATE';

/** Where a server keeps its data in `dir`: the SQLite file and the attachment store. */
export function serverDataEnv(dir: string): Record<string, string> {
  return {
    HALFSKY_DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    HALFSKY_FILES_DIR: join(dir, 'files'),
    // The demo's published report is printed on first start; these tests make their own.
    HALFSKY_DEMO_REPORTS: '0',
  };
}

/**
 * Starts `node bin/halfsky.mjs serve` on a database of its own: a copy of the run's demo template,
 * or (a spec run without the e2e config's globalSetup) a fresh one the server seeds itself.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(resolve(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the end-to-end tests');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'halfsky-e2e-'));
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (template) await cp(template, dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [resolve(repoRoot, 'bin/halfsky.mjs'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...serverDataEnv(dataDir),
      HALFSKY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const log = () => output.join('');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, log, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, log, stop };
}

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';
import { ADMIN_PASSWORD, DEMO_TEMPLATE_ENV, serverDataEnv } from './server';

/**
 * vitest globalSetup for the e2e run: seeds the demo once into a data folder (database and files)
 * that every test file's server starts from a copy of, instead of seeding it again per file.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'halfsky-e2e-template-'));
  await promisify(execFile)(process.execPath, [resolve(repoRoot, 'bin/halfsky.mjs'), 'seed-demo'], {
    cwd: repoRoot,
    env: { ...process.env, ...serverDataEnv(dir), HALFSKY_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  process.env[DEMO_TEMPLATE_ENV] = dir;
  return async () => {
    delete process.env[DEMO_TEMPLATE_ENV];
    await rm(dir, { recursive: true, force: true });
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import { hashPassword } from '../../src/server/modules/auth/password';
import { authRepository } from '../../src/server/modules/auth/repository';
import { orgsRepository } from '../../src/server/modules/orgs/repository';
import type { Role } from '../../src/shared/api/auth';
import { createTestDb, type TestDb } from './testDb';

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  close(): Promise<void>;
}

/** The real app over a fresh database of the dialect under test. */
export async function buildTestApp(options: Omit<AppOptions, 'db'> = {}): Promise<TestApp> {
  const db = await createTestDb();
  // Quiet unless asked: HALFSKY_TEST_LOG=1 prints the server's log.
  const filesDir = await mkdtemp(join(tmpdir(), 'halfsky-files-'));
  const app = await buildApp({ logger: process.env.HALFSKY_TEST_LOG === '1', filesDir, ...options, db });
  return {
    app,
    db,
    // app.close() closes the database handle through its onClose hook; dispose() then removes it.
    close: async () => {
      await app.close();
      await db.dispose();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;
const nextCode = () => `T${String(++sequence).padStart(5, '0')}`;

/** An org unit with its committee; `parentId` makes it a child. */
export async function buildOrgUnit(db: TestDb, overrides: { name?: string; code?: string; level?: 'city' | 'district' | 'street'; parentId?: number | null } = {}) {
  const repo = orgsRepository(db.kysely);
  const name = overrides.name ?? `测试单位${sequence + 1}`;
  const id = await repo.insertUnit({
    code: overrides.code ?? nextCode(),
    name,
    level: overrides.level ?? (overrides.parentId ? 'district' : 'city'),
    parentId: overrides.parentId ?? null,
    sort: 0,
    isDemo: false,
  });
  await repo.insertCommittee(id, `${name}妇女儿童工作委员会`);
  return { id, name };
}

export const TEST_PASSWORD = 'Test-密码-123';

/** A user holding one role at one org unit (null: everywhere), for reporters and reviewers at one department. */
export async function buildUser(
  db: TestDb,
  overrides: { username?: string; role?: Role; orgUnitId?: number | null; departmentId?: number | null; password?: string } = {},
) {
  const repo = authRepository(db.kysely);
  const username = overrides.username ?? `user${++sequence}`;
  const id = await repo.createUser({
    username,
    displayName: `测试用户${username}`,
    passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
    orgUnitId: overrides.orgUnitId ?? null,
  });
  await repo.addRole(id, overrides.role ?? 'office', overrides.orgUnitId ?? null, overrides.departmentId ?? null);
  return { id, username, password: overrides.password ?? TEST_PASSWORD };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'halfsky_session');
  return { cookie: `halfsky_session=${cookie!.value}`, csrfToken: res.json().csrfToken };
}

/** Headers of a signed-in request: the session cookie and, for writes, the CSRF token. */
export const authHeaders = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

/** multipart/form-data body with one file and optional text fields. */
export function multipart(file: { name: string; bytes: Uint8Array | string }, fields: Record<string, string> = {}) {
  const boundary = `----halfsky${Date.now().toString(16)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  chunks.push(Buffer.from(file.bytes));
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function json<T = unknown>(res: LightMyRequestResponse): T {
  return res.json() as T;
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { openDatabase } from './connection';
import { coalesced } from './groupCommit';
import { createTestDb } from '../../../test/support/testDb';

/** A flush whose runs the test ends by hand. */
function manualFlush() {
  const runs: { done: () => void; fail: (e: Error) => void }[] = [];
  const flush = coalesced(() => new Promise<void>((done, fail) => runs.push({ done, fail })));
  return { flush, runs };
}

const settled = async (p: Promise<unknown>) => {
  let state = 'pending';
  p.then(() => (state = 'resolved'), () => (state = 'rejected'));
  await new Promise((r) => setImmediate(r));
  return state;
};

describe('group commit', () => {
  it('runs one flush for every caller that came while another was running, after it', async () => {
    const { flush, runs } = manualFlush();
    const first = flush();
    const waiting = [flush(), flush(), flush()];
    expect(runs).toHaveLength(1);
    expect(new Set(waiting).size).toBe(1);
    runs[0]!.done();
    expect(await settled(first)).toBe('resolved');
    // The second run started only now, after the callers' commits: they wait for it, not the first.
    expect(runs).toHaveLength(2);
    expect(await settled(waiting[0]!)).toBe('pending');
    const later = flush(); // came during the second run: a third one covers it
    runs[1]!.done();
    expect(await settled(waiting[0]!)).toBe('resolved');
    expect(await settled(later)).toBe('pending');
    runs[2]!.done();
    expect(await settled(later)).toBe('resolved');
    expect(runs).toHaveLength(3);
  });

  it('rejects the callers of a failed flush, and the next call flushes again', async () => {
    const { flush, runs } = manualFlush();
    const failing = flush();
    const queued = flush();
    runs[0]!.fail(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    runs[1]!.done();
    await expect(queued).resolves.toBeUndefined();
    const again = flush();
    expect(runs).toHaveLength(3);
    runs[2]!.done();
    await expect(again).resolves.toBeUndefined();
  });

  it('flushes a real SQLite file, with or without its -wal yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'halfsky-gc-'));
    const db = openDatabase({ dialect: 'sqlite', file: join(dir, 'g.db') });
    try {
      await db.flush();
      await db.kysely.schema.createTable('t').addColumn('v', 'integer').execute();
      await Promise.all([db.flush(), db.flush(), db.flush()]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers a request that changes data only after the flush, and a read without one', async () => {
    const db = await createTestDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const flushes: string[] = [];
    const app = await buildApp({ logger: false, db: { ...db, flush: () => (flushes.push('flush'), gate) } });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      expect(flushes).toEqual([]);
      const login = app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
      await vi.waitFor(() => expect(flushes).toEqual(['flush']), { timeout: 10_000 });
      expect(await settled(login)).toBe('pending');
      release();
      expect((await login).statusCode).toBe(401);
    } finally {
      await app.close();
      await db.dispose();
    }
  });
});

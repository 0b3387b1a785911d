import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/*
 * Group commit for SQLite (README, 数据库与备份). With synchronous=FULL every commit fsyncs the -wal
 * file inside better-sqlite3's synchronous call: some 5 ms on this machine's disk during which the
 * server's event loop stands still, so 200 reporters saving at once queued behind each other's disk
 * flushes. Instead the connection commits with synchronous=NORMAL (the WAL is written, not yet
 * flushed; a crash of the process loses nothing, only a power loss could) and a request that
 * changed data is answered only after a flush of the -wal file that started after its commit. One
 * flush, run off the event loop, covers every commit before it, so concurrent saves share it.
 * What was acknowledged is on disk, as with FULL.
 */

/** Flushes the -wal file; concurrent callers share a flush, and each waits for one started after its call. */
export function walFlusher(walFile: string): () => Promise<void> {
  let syncedInode: number | undefined;

  return coalesced(async function flushWal(): Promise<void> {
    let handle;
    try {
      handle = await open(walFile, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing written since the last checkpoint closed it
      throw error;
    }
    try {
      await handle.datasync();
      const { ino } = await handle.stat();
      // A new -wal file is on disk only once its directory entry is too (SQLite's FULL does the same).
      if (ino !== syncedInode) {
        const directory = await open(dirname(walFile), 'r');
        try {
          await directory.sync();
        } finally {
          await directory.close();
        }
        syncedInode = ino;
      }
    } finally {
      await handle.close();
    }
  });
}

/**
 * `flushOnce` run for many callers: while one run is going, every new caller shares the single run
 * queued after it, which starts only when the current one ends (so it covers their commits).
 */
export function coalesced(flushOnce: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = () => (running = flushOnce().finally(() => (running = undefined)));

  return function flush(): Promise<void> {
    if (next) return next; // queued behind the running flush, so it starts after this call
    if (!running) return start();
    const after = () => {
      next = undefined;
      return start();
    };
    next = running.then(after, after);
    return next;
  };
}

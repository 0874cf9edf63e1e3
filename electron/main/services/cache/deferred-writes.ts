import type { Logger } from '../logger';
import type { CacheDb } from './cache-database';

/**
 * Cache writes put off until just after the answer they belong to has been handed on: a search's page is kept for
 * offline use, but the agent does not wait for it (see AccountService.search). Order is kept by running what is
 * pending before anything else reads or changes the cached accounts (AccountCache, CacheMaintenance, closing).
 */
interface Queue {
  writes: Array<() => void>;
  scheduled: boolean;
  /** Set while the writes run: one that itself uses the cache must not run the writes asked for after it first. */
  running: boolean;
  logger: Logger | null;
}

const queues = new WeakMap<CacheDb, Queue>();

function queueOf(db: CacheDb): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queue = { writes: [], scheduled: false, running: false, logger: null };
    queues.set(db, queue);
  }
  return queue;
}

/** Where a failed deferred write is told (it has no caller left to throw to). */
export function reportDeferredWriteFailures(db: CacheDb, logger: Logger): void {
  queueOf(db).logger = logger;
}

/** Runs the write once the current task is over (its answer on its way), or sooner when the cache is used. */
export function writeSoon(db: CacheDb, write: () => void): void {
  const queue = queueOf(db);
  queue.writes.push(write);
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(() => {
    queue.scheduled = false;
    writePending(db);
  });
}

/**
 * Runs every pending write now, in the order they were asked for. A failure costs only the copy (the platform holds
 * the data): it is logged, never thrown into whoever happened to use the cache next.
 */
export function writePending(db: CacheDb): void {
  const queue = queues.get(db);
  if (!queue || queue.running) return;
  queue.running = true;
  try {
    for (let write = queue.writes.shift(); write; write = queue.writes.shift()) {
      try {
        write();
      } catch (error) {
        (queue.logger ?? console).warn(
          `an answer of the platform could not be kept in the cache: ${(error as Error).message}`,
        );
      }
    }
  } finally {
    queue.running = false;
  }
}

import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../logger';
import { cacheMigrations } from './migrations';

export type CacheDb = Database.Database;

export interface OpenedCache {
  db: CacheDb;
  /** Set when the file was unreadable: where it was moved, so the agent can be told. */
  recoveredFrom: string | null;
}

function open(file: string): CacheDb {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new UnreadableCacheError(`the integrity check failed (${String(check)})`);
    migrateCache(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The file is not a readable cache: corrupt, not a database, or written by a newer Deskside. */
export class UnreadableCacheError extends Error {}

const UNREADABLE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Whether an error opening the cache means the file itself is bad. Anything else (the native module failing to
 * load, a locked or unwritable file) leaves the file where it is and reaches the caller.
 */
export function isUnreadableCache(error: unknown): boolean {
  if (error instanceof UnreadableCacheError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && [...UNREADABLE_CODES].some((prefix) => code.startsWith(prefix));
}

const DAY = 86_400_000;

/** Removes copies moved aside after corruption once they are older than the retention (they hold personal data). */
export function purgeMovedAsideCopies(file: string, olderThan: number): number {
  if (file === ':memory:' || !existsSync(dirname(file))) return 0;
  const prefix = `${basename(file)}.unreadable-`;
  let removed = 0;
  for (const name of readdirSync(dirname(file))) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(file), name);
    try {
      if (statSync(path).mtimeMs < olderThan) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      // gone meanwhile, or not ours to remove: the next purge tries again
    }
  }
  return removed;
}

/**
 * Opens the cache, creating it when missing. A corrupt file (or one from a newer Deskside) is moved aside and a
 * new cache is started: the cache is a copy of the platform's data, so nothing is lost but speed. Copies moved
 * aside earlier are removed once older than the retention. Any other failure (the native module not loading, the
 * file locked) is thrown and the file left as it is.
 */
export function openCache(file: string, logger: Logger, now: () => number = Date.now, retentionDays = 30): OpenedCache {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    purgeMovedAsideCopies(file, now() - retentionDays * DAY);
  }
  try {
    return { db: open(file), recoveredFrom: null };
  } catch (error) {
    if (file === ':memory:' || !isUnreadableCache(error)) throw error;
    const movedTo = `${file}.unreadable-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    logger.warn(
      `the cache file could not be opened (${(error as Error).message}); moving it to ${movedTo} and starting a new one`,
    );
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
    return { db: open(file), recoveredFrom: movedTo };
  }
}

export function cacheVersion(db: CacheDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrateCache(db: CacheDb, migrations: readonly string[] = cacheMigrations): void {
  const version = cacheVersion(db);
  if (version > migrations.length)
    throw new UnreadableCacheError(`the cache was written by a newer Deskside (schema ${version})`);
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
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
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    migrateCache(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens the cache, creating it when missing. A corrupt or unreadable file (or one from a newer Deskside) is moved
 * aside and a new cache is started: the cache is a copy of the platform's data, so nothing is lost but speed.
 */
export function openCache(file: string, logger: Logger, now: () => number = Date.now): OpenedCache {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  try {
    return { db: open(file), recoveredFrom: null };
  } catch (error) {
    if (file === ':memory:') throw error;
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
  if (version > migrations.length) throw new Error(`the cache was written by a newer Deskside (schema ${version})`);
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

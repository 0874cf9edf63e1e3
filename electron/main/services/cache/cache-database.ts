import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FOLDER_MODE, shredFile } from '../files/private-files';
import type { Logger } from '../logger';
import { cacheMigrations } from './migrations';

export type CacheDb = Database.Database;

export interface OpenedCache {
  db: CacheDb;
  /** Set when the file was unreadable: where it was moved, so the agent can be told. */
  recoveredFrom: string | null;
}

/**
 * How the cache is opened: with its key (every page, the WAL included, encrypted with SQLCipher 4's scheme), or
 * `plain`, which only tests and the benchmark's side-by-side figure ask for.
 */
export type CacheEncryption = { key: Buffer } | 'plain';

/** SQLCipher 4's scheme (AES-256, HMAC-SHA512 per page), so standard SQLCipher tools can open a cache given its key. */
function useCipher(db: CacheDb): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** The key is raw (x'…'): 256 random bits need no key derivation, which would cost every open a quarter second. */
function applyKey(db: CacheDb, key: Buffer): void {
  useCipher(db);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file is an unencrypted SQLite database (a cache written before encryption). */
export function isPlainDatabase(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const descriptor = openSync(file, 'r');
  try {
    return readSync(descriptor, header, 0, header.length, 0) === header.length && header.equals(PLAIN_HEADER);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Encrypts a plain cache where it lies: its WAL is folded in, every page is rewritten encrypted, and the rollback
 * journal (which held the plain pages while it ran) is overwritten and removed. Interrupted, the journal rolls the
 * file back to plain at the next open, and it runs again.
 */
function encryptInPlace(file: string, key: Buffer): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE'); // checkpoints the WAL into the file and removes it
    db.pragma('journal_mode = PERSIST'); // keeps the journal for us to overwrite, instead of unlinking it
    db.pragma('secure_delete = ON');
    useCipher(db);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  shredFile(`${file}-journal`);
  if (isPlainDatabase(file)) throw new Error('the cache is still plain after encrypting it');
}

function open(file: string, encryption: CacheEncryption): CacheDb {
  const db = new Database(file);
  try {
    if (encryption !== 'plain') applyKey(db, encryption.key);
    // Deleted rows are overwritten, and sorts and indexes are built in memory, never in a temporary file.
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
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

/** SQLITE_NOTADB is also what a wrong or lost key gives: the file is set aside like a corrupt one. */
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
        shredFile(path);
        removed++;
      }
    } catch {
      // gone meanwhile, or not ours to remove: the next purge tries again
    }
  }
  return removed;
}

export interface OpenCacheOptions {
  encryption: CacheEncryption;
  now?: () => number;
  retentionDays?: number;
  /**
   * A plain cache left by a version before encryption, at this path or another (the web host, whose cache is its
   * own file, takes over the shared plain one): encrypted once, and the plain file removed.
   */
  plainPredecessor?: string;
}

/**
 * Opens the cache, creating it when missing. A corrupt file, one from a newer Deskside, or one this key does not
 * open is moved aside (still encrypted) and a new cache is started: the cache is a copy of the platform's data, so
 * nothing is lost but speed. Copies moved aside earlier are removed once older than the retention. Any other failure
 * (the native module not loading, the file locked) is thrown and the file left as it is. A plain file is never
 * opened as the cache when a key is given: it is encrypted first.
 */
export function openCache(file: string, logger: Logger, options: OpenCacheOptions): OpenedCache {
  const { encryption, now = Date.now, retentionDays = 30 } = options;
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    purgeMovedAsideCopies(file, now() - retentionDays * DAY);
    if (encryption !== 'plain') adoptPlainCache(file, options.plainPredecessor ?? file, encryption.key, logger);
  }
  try {
    return { db: open(file, encryption), recoveredFrom: null };
  } catch (error) {
    if (file === ':memory:' || !isUnreadableCache(error)) throw error;
    const movedTo = `${file}.unreadable-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    logger.warn(
      `the cache file could not be opened (${(error as Error).message}); moving it to ${movedTo} and starting a new one`,
    );
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
    return { db: open(file, encryption), recoveredFrom: movedTo };
  }
}

function adoptPlainCache(file: string, predecessor: string, key: Buffer, logger: Logger): void {
  if (!isPlainDatabase(predecessor)) return;
  if (predecessor !== file && existsSync(file)) {
    // This host has its own encrypted cache already; the plain one holds nothing it needs.
    for (const suffix of ['', '-wal', '-shm', '-journal']) shredFile(predecessor + suffix);
    logger.warn(`removed the unencrypted cache ${predecessor} left by an earlier version`);
    return;
  }
  try {
    encryptInPlace(predecessor, key);
  } catch (error) {
    if (!isUnreadableCache(error)) throw error;
    // A plain file too damaged to encrypt is not kept aside like an encrypted one: it would stay readable.
    for (const suffix of ['', '-wal', '-shm', '-journal']) shredFile(predecessor + suffix);
    logger.warn(`removed the unreadable unencrypted cache ${predecessor} (${(error as Error).message})`);
    return;
  }
  if (predecessor !== file) renameSync(predecessor, file);
  logger.warn(`encrypted the cache ${predecessor} left unencrypted by an earlier version`);
}

/**
 * After a purge or "Clear cache": the WAL still holds the pages as they were before the delete (secure_delete zeroes
 * the rows in the file, not in the log), so it is checkpointed into the file and truncated to nothing.
 */
export function flushDeletedPages(db: CacheDb): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
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

/** A cached JSON column, or null when it no longer parses (such rows are treated as absent). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

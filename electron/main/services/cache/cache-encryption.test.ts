import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summary } from '../../../../tests/fixtures/account-summaries';
import { silentLogger } from '../logger';
import { AccountCache } from './account-cache';
import { CacheMaintenance } from './cache-maintenance';
import { isPlainDatabase, openCache, type CacheDb, type CacheEncryption } from './cache-database';
import { SavedSearches } from './saved-searches';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const KEY = { key: Buffer.alloc(32, 0x21) };
const OTHER_KEY = { key: Buffer.alloc(32, 0x42) };

/** Personal data that must never be found in the folder's raw bytes. */
const CUSTOMER = { name: 'Zelda Quartermain', email: 'zelda.quartermain@example.org', phone: '+15550199123' };
const NEEDLES = Object.values(CUSTOMER);

const folder = () => mkdtempSync(join(tmpdir(), 'deskside-encrypted-'));

/** Every file of the folder whose raw bytes hold one of the needles (UTF-8 or UTF-16, as SQLite may store text). */
function filesHolding(dir: string, needles: readonly string[]): string[] {
  return readdirSync(dir).filter((name) => {
    const bytes = readFileSync(join(dir, name));
    return needles.some(
      (needle) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le')),
    );
  });
}

/** Fills a cache the way a session does: a searched account, a saved search with its results, then a removal. */
function fill(db: CacheDb): void {
  const accounts = new AccountCache(db, 'prod', () => NOW);
  accounts.upsertSummaries([
    summary({ id: 'a1', displayName: CUSTOMER.name, email: CUSTOMER.email, phone: CUSTOMER.phone }),
    summary({ id: 'a2', displayName: 'Removed Person', email: 'removed.person@example.org' }),
  ]);
  accounts.remove('consumers', 'a2');
  const searches = new SavedSearches(db, 'prod', () => NOW);
  const saved = searches.save({ store: 'consumers', name: 'Zeldas', filter: {}, pinned: true });
  searches.storeResults(saved.id, {
    items: [summary({ id: 'a1', displayName: CUSTOMER.name, email: CUSTOMER.email })],
    total: 1,
    page: 0,
    size: 20,
    source: 'live',
  } as never);
}

function openOn(dir: string, encryption: CacheEncryption, extra: { plainPredecessor?: string } = {}) {
  return openCache(join(dir, 'cache.db'), silentLogger, { encryption, now: () => NOW, ...extra });
}

describe('the encrypted cache', () => {
  it('holds no personal data in its file or its WAL, while open and after; a plain one would (the check can fail)', () => {
    const plainDir = folder();
    const plain = openOn(plainDir, 'plain');
    fill(plain.db);
    expect(filesHolding(plainDir, NEEDLES)).not.toEqual([]);
    plain.db.close();

    const dir = folder();
    const opened = openOn(dir, KEY);
    fill(opened.db);
    expect(readdirSync(dir)).toContain('cache.db-wal');
    expect(statSync(join(dir, 'cache.db-wal')).size).toBeGreaterThan(0);
    expect(filesHolding(dir, [...NEEDLES, 'Removed Person'])).toEqual([]);
    // Sorts and indexes never spill into temporary files; deleted rows are overwritten.
    expect(opened.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(opened.db.pragma('secure_delete', { simple: true })).toBe(1);
    opened.db.close();
    expect(filesHolding(dir, NEEDLES)).toEqual([]);
    expect(isPlainDatabase(join(dir, 'cache.db'))).toBe(false);

    // The key opens it again with everything in place.
    const again = openOn(dir, KEY);
    expect(again.recoveredFrom).toBeNull();
    expect(new AccountCache(again.db, 'prod', () => NOW).get('consumers', 'a1')?.summary.email).toBe(CUSTOMER.email);
    again.db.close();
  });

  it('cannot be read without its key: SQLITE_NOTADB, the error a corrupt file gives', () => {
    const dir = folder();
    const opened = openOn(dir, KEY);
    fill(opened.db);
    opened.db.close();
    const raw = new Database(join(dir, 'cache.db'));
    expect(() => raw.prepare('SELECT COUNT(*) FROM accounts').get()).toThrow(
      expect.objectContaining({ code: 'SQLITE_NOTADB' }),
    );
    raw.close();
  });

  it('opened with a wrong or lost key is set aside still encrypted, and a new cache starts', () => {
    const dir = folder();
    const opened = openOn(dir, KEY);
    fill(opened.db);
    opened.db.close();
    const other = openOn(dir, OTHER_KEY);
    expect(other.recoveredFrom).toMatch(/cache\.db\.unreadable-/);
    expect(new CacheMaintenance(other.db).stats().accounts).toBe(0);
    new AccountCache(other.db, 'prod', () => NOW).upsertSummaries([summary({ id: 'b1' })]);
    expect(filesHolding(dir, NEEDLES)).toEqual([]);
    other.db.close();
    expect(openOn(dir, OTHER_KEY).recoveredFrom).toBeNull();
  });

  it('encrypts a plain cache from the previous version once: saved searches kept, WAL folded in, no plain copy left', () => {
    const dir = folder();
    const plain = openOn(dir, 'plain');
    plain.db.pragma('wal_autocheckpoint = 0'); // leave the writes in the WAL, as a killed app would
    fill(plain.db);
    // A copy of the WAL as the crash left it (closing would fold it in).
    const wal = readFileSync(join(dir, 'cache.db-wal'));
    plain.db.close();
    writeFileSync(join(dir, 'cache.db-wal'), wal);
    expect(filesHolding(dir, NEEDLES)).not.toEqual([]);

    const opened = openOn(dir, KEY);
    expect(opened.recoveredFrom).toBeNull();
    expect(new AccountCache(opened.db, 'prod', () => NOW).get('consumers', 'a1')?.summary.displayName).toBe(
      CUSTOMER.name,
    );
    expect(new SavedSearches(opened.db, 'prod', () => NOW).list().map((search) => search.name)).toEqual(['Zeldas']);
    opened.db.close();
    expect(isPlainDatabase(join(dir, 'cache.db'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('-journal'))).toEqual([]);
    expect(filesHolding(dir, NEEDLES)).toEqual([]);
  });

  it('takes over a plain cache at another path (the web host), or removes it when it has its own', () => {
    const dir = folder();
    const leavePlainCache = () => {
      const plain = openCache(join(dir, 'shared.db'), silentLogger, { encryption: 'plain' });
      fill(plain.db);
      plain.db.close();
    };
    leavePlainCache();
    const opened = openOn(dir, KEY, { plainPredecessor: join(dir, 'shared.db') });
    expect(new SavedSearches(opened.db, 'prod', () => NOW).list()).toHaveLength(1);
    opened.db.close();
    expect(existsSync(join(dir, 'shared.db'))).toBe(false);

    leavePlainCache();
    const second = openOn(dir, KEY, { plainPredecessor: join(dir, 'shared.db') });
    expect(new SavedSearches(second.db, 'prod', () => NOW).list()).toHaveLength(1);
    second.db.close();
    expect(readdirSync(dir).filter((name) => name.startsWith('shared.db'))).toEqual([]);
    expect(filesHolding(dir, NEEDLES)).toEqual([]);
  });

  it('removes a plain cache too damaged to encrypt, instead of keeping a readable copy aside', () => {
    const dir = folder();
    const plain = openOn(dir, 'plain');
    fill(plain.db);
    plain.db.close();
    // Damage the pages after the header: still "SQLite format 3", no longer a database.
    const bytes = readFileSync(join(dir, 'cache.db'));
    bytes.fill(0x7e, 100);
    writeFileSync(join(dir, 'cache.db'), bytes);
    const opened = openOn(dir, KEY);
    expect(new CacheMaintenance(opened.db).stats().accounts).toBe(0);
    opened.db.close();
    expect(readdirSync(dir).filter((name) => name.includes('unreadable'))).toEqual([]);
    expect(filesHolding(dir, NEEDLES)).toEqual([]);
  });

  it('"Clear cache" leaves the WAL empty: the pages as they were before the delete are gone from the log too', () => {
    const dir = folder();
    const opened = openOn(dir, KEY);
    fill(opened.db);
    const maintenance = new CacheMaintenance(opened.db);
    maintenance.clear();
    expect(statSync(join(dir, 'cache.db-wal')).size).toBe(0);
    expect(maintenance.stats().accounts).toBe(0);
    fill(opened.db);
    expect(statSync(join(dir, 'cache.db-wal')).size).toBeGreaterThan(0);
    maintenance.purgeOlderThan(NOW + 1);
    expect(statSync(join(dir, 'cache.db-wal')).size).toBe(0);
    opened.db.close();
  });
});

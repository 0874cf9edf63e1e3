import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logger';
import { AccountCache, ftsQuery } from './account-cache';
import { ActionJournal } from './action-journal';
import { ProfileCache } from './profile-cache';
import { CacheMaintenance } from './cache-maintenance';
import { cacheVersion, isUnreadableCache, migrateCache, openCache, purgeMovedAsideCopies } from './cache-database';
import { cacheMigrations } from './migrations';
import { summary } from '../../../../tests/fixtures/account-summaries';
import { SavedSearches } from './saved-searches';
import { TEST_CACHE_ENCRYPTION } from '../../../../tests/fixtures/cache-key';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');

/** A fresh cache: each connection's part of it, and what acts on all of it. */
const freshCache = (now: () => number = () => NOW) => {
  const { db } = openCache(':memory:', silentLogger, { encryption: 'plain' });
  return {
    db,
    cache: (connectionId: string) => new AccountCache(db, connectionId, now),
    maintenance: new CacheMaintenance(db),
  };
};

describe('cache database', () => {
  it('migrates from every earlier schema version to the latest', () => {
    for (let version = 0; version < cacheMigrations.length; version++) {
      const db = new Database(':memory:');
      migrateCache(db, cacheMigrations.slice(0, version));
      expect(cacheVersion(db)).toBe(version);
      migrateCache(db);
      expect(cacheVersion(db)).toBe(cacheMigrations.length);
      db.close();
    }
  });

  it('moves a corrupt file aside, starts a new cache, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-cache-'));
    const file = join(dir, 'cache.db');
    writeFileSync(file, 'this is not a database, it is a shopping list');
    const logger = { ...silentLogger, warn: vi.fn() };
    const opened = openCache(file, logger, { encryption: TEST_CACHE_ENCRYPTION, now: () => NOW });
    expect(opened.recoveredFrom).toMatch(/cache\.db\.unreadable-2026-11-29/);
    expect(existsSync(opened.recoveredFrom!)).toBe(true);
    expect(logger.warn).toHaveBeenCalled();
    expect(cacheVersion(opened.db)).toBe(cacheMigrations.length);
    new AccountCache(opened.db, 'c', () => NOW).upsertSummaries([summary({ id: '1' })]);
    opened.db.close();
    // The new file is healthy: opening it again recovers nothing.
    const again = openCache(file, logger, { encryption: TEST_CACHE_ENCRYPTION, now: () => NOW });
    expect(again.recoveredFrom).toBeNull();
    expect(readdirSync(dir).filter((name) => name.includes('unreadable'))).toHaveLength(1);
    again.db.close();
  });

  it('leaves the file alone when the failure is not the file’s (the native module does not load)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-cache-'));
    const file = join(dir, 'cache.db');
    writeFileSync(file, 'kept');
    // What a better-sqlite3-multiple-ciphers built for another runtime throws when Database is constructed.
    const abi = Object.assign(
      new Error(
        'was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.',
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(isUnreadableCache(abi)).toBe(false);
    expect(isUnreadableCache(Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' }))).toBe(false);
    expect(isUnreadableCache(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }))).toBe(true);
    expect(isUnreadableCache(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT_VTAB' }))).toBe(true);
    // A file that cannot be opened for another reason (here: a folder where the file should be) is not moved.
    const folder = join(dir, 'folder.db');
    mkdirSync(folder);
    expect(() => openCache(folder, silentLogger, { encryption: TEST_CACHE_ENCRYPTION, now: () => NOW })).toThrow();
    expect(readdirSync(dir).filter((name) => name.includes('unreadable'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('kept');
  });

  it('removes copies moved aside after corruption once they are older than the retention', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-cache-'));
    const file = join(dir, 'cache.db');
    const old = `${file}.unreadable-2026-10-01T00-00-00-000Z`;
    const recent = `${file}.unreadable-2026-11-28T00-00-00-000Z`;
    writeFileSync(old, 'personal data');
    writeFileSync(recent, 'personal data');
    utimesSync(old, new Date(NOW - 40 * 86_400_000), new Date(NOW - 40 * 86_400_000));
    utimesSync(recent, new Date(NOW - 86_400_000), new Date(NOW - 86_400_000));
    const opened = openCache(file, silentLogger, {
      encryption: TEST_CACHE_ENCRYPTION,
      now: () => NOW,
      retentionDays: 30,
    });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    opened.db.close();
    expect(purgeMovedAsideCopies(file, NOW)).toBe(1);
    expect(existsSync(recent)).toBe(false);
  });

  it('refuses a cache from a newer Deskside by starting a new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-cache-'));
    const file = join(dir, 'cache.db');
    const future = new Database(file);
    future.pragma(`user_version = ${cacheMigrations.length + 5}`);
    future.close();
    const opened = openCache(file, silentLogger, { encryption: TEST_CACHE_ENCRYPTION, now: () => NOW });
    expect(opened.recoveredFrom).not.toBeNull();
    opened.db.close();
  });
});

describe('AccountCache', () => {
  it('finds cached accounts by any part of a name or identifier, per connection and store', () => {
    const { cache } = freshCache();
    cache('conn-a').upsertSummaries([
      summary({ id: 'a1', displayName: 'Ada Lovelace', email: 'ada.lovelace@example.com' }),
      summary({ id: 'a2', displayName: 'Grace Hopper', email: 'grace@navy.example', username: 'ghopper' }),
      summary({ id: 'a3', displayName: 'Zsófia Nagy', email: 'zsofia@eu.inbox.example', phone: '+36301234567' }),
    ]);
    cache('conn-b').upsertSummaries([summary({ id: 'b1', displayName: 'Ada Other', email: 'ada@other.example' })]);
    const ids = (filter: Parameters<AccountCache['search']>[1]) =>
      cache('conn-a')
        .search('consumers', filter, 0, 50)
        .items.map((item) => item.summary.id);
    expect(ids({ loginIdentifier: 'ada' })).toEqual(['a1']);
    expect(ids({ loginIdentifier: 'GHOPPER' })).toEqual(['a2']);
    expect(ids({ loginIdentifier: 'Nagy' })).toEqual(['a3']);
    expect(ids({ loginIdentifier: 'zsofia nagy' })).toEqual(['a3']);
    expect(ids({ loginIdentifier: 'Zsófia' })).toEqual(['a3']);
    expect(ids({ loginIdentifier: 'Zsofia' })).toEqual(['a3']); // accents do not matter
    expect(ids({ loginIdentifier: '@inbox.example' })).toEqual(['a3']);
    expect(ids({ loginIdentifier: '@example.com' })).toEqual(['a1']);
    expect(ids({ loginIdentifier: '+36301234567' })).toEqual(['a3']);
    expect(ids({ email: 'grace@navy.example' })).toEqual(['a2']);
    expect(ids({})).toHaveLength(3);
  });

  it('accounts cached before the prefix indexes (schema 5) are found by their words after the upgrade', () => {
    const db = new Database(':memory:');
    migrateCache(db, cacheMigrations.slice(0, 5));
    new AccountCache(db, 'c', () => NOW).upsertSummaries([
      summary({ id: 'a1', displayName: 'Grace Hopper', email: 'grace.hopper1906@navy.example', username: 'ghopper' }),
      summary({ id: 'a2', displayName: 'Zsófia Nagy', email: 'zsofia.nagy1987@inbox.example', phone: '+36301234567' }),
      summary({ id: 'a3', displayName: 'Broken Row', email: 'broken@example.com' }),
    ]);
    // A stored summary that no longer parses must not stop the upgrade; its name still finds it.
    db.prepare("UPDATE accounts SET summary = 'not json' WHERE id = 'a3'").run();
    migrateCache(db);
    expect(cacheVersion(db)).toBe(cacheMigrations.length);
    const ids = (loginIdentifier: string) =>
      (
        db
          .prepare('SELECT a.id FROM accounts_fts f JOIN accounts a ON a.rowid = f.rowid WHERE accounts_fts MATCH ?')
          .all(ftsQuery(loginIdentifier)) as Array<{ id: string }>
      )
        .map((row) => row.id)
        .sort();
    expect(ids('ghop')).toEqual(['a1']);
    expect(ids('hopper19')).toEqual(['a1']);
    expect(ids('nagy')).toEqual(['a2']);
    expect(ids('zsofia nagy1987')).toEqual(['a2']);
    expect(ids('+36301234567')).toEqual(['a2']);
    expect(ids('broken')).toEqual(['a3']);
    expect(ids('a2')).toEqual(['a2']);
    db.close();
  });

  it('updates an account in place and in the index', () => {
    const { cache, maintenance } = freshCache();
    cache('c').upsertSummaries([summary({ id: '1', displayName: 'Old Name' })]);
    cache('c').upsertSummaries([summary({ id: '1', displayName: 'New Name', enabled: false })]);
    expect(cache('c').search('consumers', { loginIdentifier: 'old' }, 0, 10).items).toHaveLength(0);
    const found = cache('c').search('consumers', { loginIdentifier: 'new', enabled: false }, 0, 10).items;
    expect(found.map((item) => item.summary.displayName)).toEqual(['New Name']);
    expect(maintenance.stats().accounts).toBe(1);
    cache('c').remove('consumers', '1');
    expect(maintenance.stats().accounts).toBe(0);
  });

  it('an account that comes back unchanged keeps its row and index entry and only has its fetch time moved', () => {
    const { db, cache } = freshCache();
    const ada = summary({ id: '1', displayName: 'Ada Lovelace' });
    cache('c').upsertSummaries([ada], NOW - DAY);
    const before = db.prepare("SELECT rowid, summary FROM accounts WHERE id = '1'").get();
    const indexWrites = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const changesBefore = indexWrites();
    cache('c').upsertSummaries([{ ...ada }], NOW);
    // One row touched (the fetch time), nothing deleted from or added to the full-text index.
    expect(indexWrites() - changesBefore).toBe(1);
    expect(db.prepare("SELECT rowid, summary FROM accounts WHERE id = '1'").get()).toEqual(before);
    expect(cache('c').get('consumers', '1')).toEqual({ summary: ada, fetchedAt: NOW });
    expect(cache('c').search('consumers', { loginIdentifier: 'lovelace' }, 0, 10).items).toHaveLength(1);
  });

  it('events fetched again unchanged are not rewritten; a changed one is, and the fetch time moves hourly', () => {
    const { db, cache } = freshCache();
    const profiles = new ProfileCache(db, cache('c'), () => NOW);
    const event = (id: string, name = 'login') => ({
      id,
      at: '2026-11-28T10:00:00.000Z',
      type: 'customerFlow',
      name,
      outcome: 'success' as const,
      application: null,
      client: null,
      actorKind: 'customer' as const,
      actor: null,
      ip: null,
      location: null,
      userAgent: null,
    });
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const fetchedAt = (id: string) =>
      (db.prepare('SELECT fetched_at AS at FROM account_events WHERE event_id = ?').get(id) as { at: number }).at;
    profiles.saveEvents('consumers', '1', [event('e1'), event('e2')], NOW);
    const before = changes();
    profiles.saveEvents('consumers', '1', [event('e1'), event('e2')], NOW + 60_000);
    expect(changes() - before).toBe(0);
    expect(fetchedAt('e1')).toBe(NOW);
    profiles.saveEvents('consumers', '1', [event('e1'), event('e2', 'logout')], NOW + 120_000);
    expect(changes() - before).toBe(1);
    expect(profiles.allEvents('consumers', '1').map((item) => item.name)).toEqual(
      expect.arrayContaining(['login', 'logout']),
    );
    profiles.saveEvents('consumers', '1', [event('e1'), event('e2', 'logout')], NOW + 2 * 3_600_000);
    expect(fetchedAt('e1')).toBe(NOW + 2 * 3_600_000);
  });

  it('applies status, organization and date filters, and names the filters it cannot apply offline', () => {
    const { cache } = freshCache();
    cache('c').upsertSummaries([
      summary({ id: 'new', createdAt: new Date(NOW - 5 * DAY).toISOString() }),
      summary({ id: 'old', createdAt: new Date(NOW - 400 * DAY).toISOString(), organization: 'acme' }),
      summary({ id: 'never', lastLoginAt: null }),
    ]);
    const result = cache('c').search(
      'consumers',
      { dates: { createdAt: { from: '-P30D' } }, groups: { ids: ['g'], mode: 'include' } },
      0,
      10,
    );
    expect(result.items.map((item) => item.summary.id)).toEqual(['new']);
    expect(result.unapplied).toEqual(['groups']);
    expect(
      cache('c')
        .search('consumers', { organization: 'acme' }, 0, 10)
        .items.map((item) => item.summary.id),
    ).toEqual(['old']);
    expect(
      cache('c')
        .search('consumers', { neverLoggedIn: true }, 0, 10)
        .items.map((item) => item.summary.id),
    ).toEqual(['never']);
  });

  it('keeps recent accounts, newest first, and purges everything past the retention limit', () => {
    let now = NOW;
    const { db, cache, maintenance } = freshCache(() => now);
    cache('c').upsertSummaries([summary({ id: 'r1' }), summary({ id: 'r2' })], NOW - 40 * DAY);
    cache('c').upsertSummaries([summary({ id: 'r3' })], NOW);
    cache('c').recordRecent('consumers', 'r1', NOW - 40 * DAY);
    cache('c').recordRecent('consumers', 'r3', NOW - 1000);
    expect(
      cache('c')
        .recent(10)
        .map((entry) => entry.summary.id),
    ).toEqual(['r3', 'r1']);
    const journal = new ActionJournal(db, 'c', () => now);
    now = NOW - 40 * DAY;
    journal.start({ id: 'j1', store: 'consumers', action: 'disable', total: 1 });
    now = NOW;
    expect(maintenance.purgeOlderThan(NOW - 30 * DAY)).toBe(2);
    expect(
      cache('c')
        .recent(10)
        .map((entry) => entry.summary.id),
    ).toEqual(['r3']);
    expect(cache('c').search('consumers', { loginIdentifier: 'ada' }, 0, 10).items).toHaveLength(1);
    expect(journal.list()).toHaveLength(0);
    maintenance.clear();
    expect(maintenance.stats().accounts).toBe(0);
  });

  it('walks a large cache newest first for broad words, and reports a lower bound', () => {
    const { cache } = freshCache();
    const many = Array.from({ length: 6000 }, (_, index) =>
      summary({
        id: `m${index}`,
        displayName: index % 2 ? `Grace Hopper ${index}` : `Ada Byron ${index}`,
        email: `user${index}@${index % 3 ? 'example.com' : 'eu.inbox.example'}`,
        createdAt: new Date(NOW - index * 60_000).toISOString(),
      }),
    );
    cache('c').upsertSummaries(many);
    const broad = cache('c').search('consumers', { loginIdentifier: 'hopper' }, 0, 20);
    expect(broad.items.map((item) => item.summary.id)).toEqual([
      'm1',
      'm3',
      'm5',
      'm7',
      'm9',
      'm11',
      'm13',
      'm15',
      'm17',
      'm19',
      'm21',
      'm23',
      'm25',
      'm27',
      'm29',
      'm31',
      'm33',
      'm35',
      'm37',
      'm39',
    ]);
    expect(broad).toMatchObject({ total: 500, totalCapped: true });
    const domain = cache('c').search('consumers', { loginIdentifier: '@inbox.example' }, 1, 10);
    expect(domain.items.map((item) => item.summary.id)).toEqual([
      'm30',
      'm33',
      'm36',
      'm39',
      'm42',
      'm45',
      'm48',
      'm51',
      'm54',
      'm57',
    ]);
    expect(
      cache('c')
        .search('consumers', { email: 'USER42@eu.inbox.example' }, 0, 10)
        .items.map((item) => item.summary.id),
    ).toEqual(['m42']);
    expect(cache('c').search('consumers', { id: 'm5999' }, 0, 10)).toMatchObject({ total: 1, totalCapped: false });
  });

  it('quotes what the agent typed for FTS5, so operators and quotes are just text', () => {
    expect(ftsQuery('ada lov')).toBe('"ada"* "lov"*');
    expect(ftsQuery('a" OR 1=1 --')).toBe('"a"* "OR"* "1"* "1"*');
    expect(ftsQuery('  @ .. ')).toBeNull();
  });
});

describe('SavedSearches', () => {
  it('saves, lists, updates and removes searches and keeps their last results', () => {
    const { db } = openCache(':memory:', silentLogger, { encryption: 'plain' });
    const searches = new SavedSearches(db, 'c', () => NOW);
    const saved = searches.save({
      store: 'business',
      name: 'Locked at Acme',
      filter: { organization: 'acme' },
      pinned: true,
    });
    expect(searches.list()).toEqual([saved]);
    searches.save({ ...saved, name: 'Acme, locked' });
    expect(searches.list().map((search) => search.name)).toEqual(['Acme, locked']);
    const page = {
      items: [summary({ id: 'x' })],
      page: 0,
      size: 50,
      total: 1,
      totalCapped: false,
      source: 'live' as const,
      fetchedAt: new Date(NOW).toISOString(),
      unapplied: [],
    };
    searches.storeResults(saved.id, page);
    expect(searches.lastResults(saved.id)).toEqual({ page, fetchedAt: NOW });
    expect(searches.get(saved.id)!.lastRunAt).toBe(NOW);
    searches.remove(saved.id);
    expect(searches.list()).toEqual([]);
    expect(searches.lastResults(saved.id)).toBeNull();
  });
});

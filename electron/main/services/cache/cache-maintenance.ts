import { flushDeletedPages, type CacheDb } from './cache-database';
import { writePending } from './deferred-writes';

/**
 * What acts on the whole cache rather than one connection's part of it: retention, "Clear cache" and the counts the
 * status bar shows. The one place that knows every table holding personal data, so a new table is added here once.
 * Each first writes what a search left pending, so a clear leaves nothing behind and the counts include it.
 */
export class CacheMaintenance {
  constructor(private readonly db: CacheDb) {}

  /** Deletes personal data older than the retention limit; returns how many accounts went. */
  purgeOlderThan(cutoff: number): number {
    writePending(this.db);
    const purged = this.db.transaction(() => {
      const stale = this.db.prepare('SELECT rowid FROM accounts WHERE fetched_at < ?').all(cutoff) as Array<{
        rowid: number;
      }>;
      const ftsDelete = this.db.prepare('DELETE FROM accounts_fts WHERE rowid = ?');
      for (const row of stale) ftsDelete.run(row.rowid);
      this.db.prepare('DELETE FROM accounts WHERE fetched_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM saved_search_results WHERE fetched_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM recent_accounts WHERE opened_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM action_journal WHERE started_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM account_events WHERE fetched_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM store_catalogs WHERE fetched_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM identity_stores WHERE fetched_at < ?').run(cutoff);
      return stale.length;
    })();
    flushDeletedPages(this.db);
    return purged;
  }

  /** "Clear cache": every cached account, result, recent entry and journal line; saved searches stay. */
  clear(): void {
    writePending(this.db);
    this.db.transaction(() => {
      for (const table of [
        'accounts_fts',
        'accounts',
        'saved_search_results',
        'recent_accounts',
        'action_journal',
        'account_events',
        'store_catalogs',
        'identity_stores',
      ])
        this.db.exec(`DELETE FROM ${table}`);
    })();
    this.db.exec('VACUUM');
    flushDeletedPages(this.db);
  }

  stats(): { accounts: number; oldestFetchedAt: number | null } {
    writePending(this.db);
    const row = this.db.prepare('SELECT COUNT(*) AS n, MIN(fetched_at) AS oldest FROM accounts').get() as {
      n: number;
      oldest: number | null;
    };
    return { accounts: row.n, oldestFetchedAt: row.oldest };
  }
}

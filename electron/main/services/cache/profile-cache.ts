import { AccountEvent, AccountProfile, StoreCatalog, type EventPage } from '@shared/domain/profile';
import type { AccountCache } from './account-cache';
import type { CacheDb } from './cache-database';

export interface CachedProfile {
  profile: AccountProfile;
  fetchedAt: number;
}

export interface LocalEventFilter {
  from?: string | undefined;
  to?: string | undefined;
  types?: string[] | undefined;
  outcome?: 'success' | 'failure' | undefined;
  page: number;
  size: number;
}

/**
 * The account view's offline copy: the whole profile beside the account's summary row (so retention and
 * "clear cache" treat them as one), every event fetched for it, and each store's catalog. Rows that no longer
 * parse are treated as absent, never handed on.
 */
export class ProfileCache {
  constructor(
    private readonly db: CacheDb,
    private readonly accounts: AccountCache,
    private readonly now: () => number = Date.now,
  ) {}

  saveProfile(connectionId: string, profile: AccountProfile, fetchedAt = this.now()): void {
    this.db.transaction(() => {
      this.accounts.upsertSummaries(connectionId, [profile.summary], fetchedAt);
      this.db
        .prepare(
          'UPDATE accounts SET profile = ?, profile_fetched_at = ? WHERE connection_id = ? AND store = ? AND id = ?',
        )
        .run(JSON.stringify(profile), fetchedAt, connectionId, profile.summary.store, profile.summary.id);
      this.saveEvents(connectionId, profile.summary.store, profile.summary.id, profile.events, fetchedAt);
    })();
  }

  getProfile(connectionId: string, store: string, accountId: string): CachedProfile | null {
    const row = this.db
      .prepare('SELECT profile, profile_fetched_at FROM accounts WHERE connection_id = ? AND store = ? AND id = ?')
      .get(connectionId, store, accountId) as { profile: string | null; profile_fetched_at: number | null } | undefined;
    if (!row?.profile || row.profile_fetched_at === null) return null;
    const parsed = AccountProfile.safeParse(safeJson(row.profile));
    return parsed.success ? { profile: parsed.data, fetchedAt: row.profile_fetched_at } : null;
  }

  saveEvents(
    connectionId: string,
    store: string,
    accountId: string,
    events: AccountEvent[],
    fetchedAt = this.now(),
  ): void {
    const upsert = this.db.prepare(
      'INSERT OR REPLACE INTO account_events (connection_id, store, account_id, event_id, at, event, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const event of events)
        upsert.run(connectionId, store, accountId, event.id, event.at ?? '', JSON.stringify(event), fetchedAt);
    })();
  }

  /** The cached events of an account, newest first, filtered as the activity tab asks. */
  events(connectionId: string, store: string, accountId: string, filter: LocalEventFilter): EventPage {
    const where = ['connection_id = ?', 'store = ?', 'account_id = ?'];
    const args: unknown[] = [connectionId, store, accountId];
    if (filter.from) {
      where.push('at >= ?');
      args.push(filter.from);
    }
    if (filter.to) {
      where.push('at <= ?');
      args.push(filter.to);
    }
    const rows = this.db
      .prepare(`SELECT event FROM account_events WHERE ${where.join(' AND ')} ORDER BY at DESC, event_id`)
      .all(...args) as Array<{ event: string }>;
    const matching = rows
      .map((row) => AccountEvent.safeParse(safeJson(row.event)))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data)
      .filter((event) => !filter.types?.length || filter.types.includes(event.type))
      .filter((event) => !filter.outcome || event.outcome === filter.outcome);
    const start = filter.page * filter.size;
    return { items: matching.slice(start, start + filter.size), more: matching.length > start + filter.size };
  }

  allEvents(connectionId: string, store: string, accountId: string): AccountEvent[] {
    return this.events(connectionId, store, accountId, { page: 0, size: Number.MAX_SAFE_INTEGER }).items;
  }

  saveCatalog(connectionId: string, store: string, catalog: StoreCatalog, fetchedAt = this.now()): void {
    this.db
      .prepare('INSERT OR REPLACE INTO store_catalogs (connection_id, store, catalog, fetched_at) VALUES (?, ?, ?, ?)')
      .run(connectionId, store, JSON.stringify(catalog), fetchedAt);
  }

  getCatalog(connectionId: string, store: string): { catalog: StoreCatalog; fetchedAt: number } | null {
    const row = this.db
      .prepare('SELECT catalog, fetched_at FROM store_catalogs WHERE connection_id = ? AND store = ?')
      .get(connectionId, store) as { catalog: string; fetched_at: number } | undefined;
    if (!row) return null;
    const parsed = StoreCatalog.safeParse(safeJson(row.catalog));
    return parsed.success ? { catalog: parsed.data, fetchedAt: row.fetched_at } : null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

import { AccountEvent, AccountProfile, eventLabelOf, type EventPage } from '@shared/domain/profile';
import type { AccountCache } from './account-cache';
import { safeJson, type CacheDb } from './cache-database';
import { writePending, writeSoon } from './deferred-writes';

export interface CachedProfile {
  profile: AccountProfile;
  fetchedAt: number;
}

export interface LocalEventFilter {
  from?: string | undefined;
  to?: string | undefined;
  types?: string[] | undefined;
  outcome?: 'success' | 'failure' | undefined;
  label?: string | undefined;
  page: number;
  size: number;
}

/**
 * The account view's offline copy: the whole profile beside the account's summary row (so retention and
 * "clear cache" treat them as one) and every event fetched for it. Rows that no longer
 * parse are treated as absent, never handed on. Bound to the account cache's connection.
 */
export class ProfileCache {
  constructor(
    private readonly db: CacheDb,
    private readonly accounts: AccountCache,
    private readonly now: () => number = Date.now,
  ) {}

  saveProfile(profile: AccountProfile, fetchedAt = this.now()): void {
    writePending(this.db);
    this.db.transaction(() => {
      this.accounts.upsertSummaries([profile.summary], fetchedAt);
      this.db
        .prepare(
          'UPDATE accounts SET profile = ?, profile_fetched_at = ? WHERE connection_id = ? AND store = ? AND id = ?',
        )
        .run(JSON.stringify(profile), fetchedAt, this.accounts.connectionId, profile.summary.store, profile.summary.id);
      this.saveEvents(profile.summary.store, profile.summary.id, profile.events, fetchedAt);
    })();
  }

  /** The same, just after the current task (the open's answer on its way); anything that reads the cache runs it first. */
  saveProfileSoon(profile: AccountProfile, fetchedAt = this.now()): void {
    writeSoon(this.db, () => this.saveProfile(profile, fetchedAt));
  }

  getProfile(store: string, accountId: string): CachedProfile | null {
    writePending(this.db);
    const row = this.db
      .prepare('SELECT profile, profile_fetched_at FROM accounts WHERE connection_id = ? AND store = ? AND id = ?')
      .get(this.accounts.connectionId, store, accountId) as
      { profile: string | null; profile_fetched_at: number | null } | undefined;
    if (!row?.profile || row.profile_fetched_at === null) return null;
    const parsed = AccountProfile.safeParse(safeJson(row.profile));
    return parsed.success ? { profile: parsed.data, fetchedAt: row.profile_fetched_at } : null;
  }

  saveEvents(store: string, accountId: string, events: AccountEvent[], fetchedAt = this.now()): void {
    writePending(this.db);
    // An event fetched again unchanged is not rewritten (a report fetches every event each time); its fetch time
    // moves at most once an hour, which retention, counted in days, does not notice.
    const upsert = this.db.prepare(
      `INSERT INTO account_events (connection_id, store, account_id, event_id, at, event, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (connection_id, store, account_id, event_id) DO UPDATE
       SET at = excluded.at, event = excluded.event, fetched_at = excluded.fetched_at
       WHERE account_events.event IS NOT excluded.event OR account_events.fetched_at < excluded.fetched_at - 3600000`,
    );
    this.db.transaction(() => {
      for (const event of events)
        upsert.run(
          this.accounts.connectionId,
          store,
          accountId,
          event.id,
          event.at ?? '',
          JSON.stringify(event),
          fetchedAt,
        );
    })();
  }

  /** The cached events of an account, newest first, filtered as the activity tab asks. */
  events(store: string, accountId: string, filter: LocalEventFilter): EventPage {
    writePending(this.db);
    const where = ['connection_id = ?', 'store = ?', 'account_id = ?'];
    const args: unknown[] = [this.accounts.connectionId, store, accountId];
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
      .filter((event) => !filter.outcome || event.outcome === filter.outcome)
      .filter((event) => !filter.label || eventLabelOf(event) === filter.label);
    const start = filter.page * filter.size;
    return { items: matching.slice(start, start + filter.size), more: matching.length > start + filter.size };
  }

  allEvents(store: string, accountId: string): AccountEvent[] {
    return this.events(store, accountId, { page: 0, size: Number.MAX_SAFE_INTEGER }).items;
  }
}

import { DesksideError } from '@shared/contracts';
import type { AccountSummary } from '@shared/domain/account';
import type { SearchPage, SearchRequest } from '@shared/domain/search';
import type { AccountCache } from '../cache/account-cache';
import type { ConnectionService } from '../connections/connection-service';
import { isUnreachable, type ConnectivityMonitor } from '../connections/connectivity';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Searches and reads accounts: live from the platform, written through to the cache; from the cache, with its
 * age, when the platform cannot be reached. Offline answers are read-only by construction (the actions check
 * connectivity themselves).
 */
export class AccountService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly cache: AccountCache,
    private readonly connectivity: ConnectivityMonitor,
    private readonly now: () => number = Date.now,
  ) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    const { view, platform } = await this.connections.active();
    if (!this.connectivity.offline) {
      try {
        const page = await platform.searchAccounts(request);
        this.connectivity.succeeded();
        const fetchedAt = this.now();
        this.cache.upsertSummaries(view.id, page.items, fetchedAt);
        return {
          items: page.items,
          page: request.page,
          size: request.size,
          total: page.total,
          totalCapped: page.totalCapped,
          source: 'live',
          fetchedAt: iso(fetchedAt),
          unapplied: [],
        };
      } catch (error) {
        this.connectivity.failed(error);
        if (!isUnreachable(error)) throw error;
      }
    }
    return this.searchCache(view.id, request);
  }

  searchCache(connectionId: string, request: SearchRequest): SearchPage {
    const local = this.cache.search(connectionId, request.store, request.filter, request.page, request.size);
    const oldest = local.items.reduce((min, item) => Math.min(min, item.fetchedAt), this.now());
    return {
      items: local.items.map((item) => item.summary),
      page: request.page,
      size: request.size,
      total: local.total,
      totalCapped: local.totalCapped,
      source: 'cache',
      fetchedAt: iso(oldest),
      unapplied: local.unapplied,
    };
  }

  async get(
    store: string,
    accountId: string,
  ): Promise<{ account: AccountSummary; source: 'live' | 'cache'; fetchedAt: string }> {
    const { view, platform } = await this.connections.active();
    const cached = () => {
      const entry = this.cache.get(view.id, store, accountId);
      if (!entry)
        throw new DesksideError({
          code: 'OFFLINE',
          message: 'The platform cannot be reached and this account is not in the cache.',
        });
      return { account: entry.summary, source: 'cache' as const, fetchedAt: iso(entry.fetchedAt) };
    };
    if (this.connectivity.offline) return cached();
    try {
      const account = await platform.getAccountSummary(store, accountId);
      this.connectivity.succeeded();
      const fetchedAt = this.now();
      this.cache.upsertSummaries(view.id, [account], fetchedAt);
      return { account, source: 'live', fetchedAt: iso(fetchedAt) };
    } catch (error) {
      this.connectivity.failed(error);
      if (error instanceof DesksideError && error.code === 'NOT_FOUND') this.cache.remove(view.id, store, accountId);
      if (!isUnreachable(error)) throw error;
      return cached();
    }
  }

  /**
   * Every result of a search, page after page (live, or from the cache offline), up to a limit: for exports.
   * Says whether the limit cut the results short.
   */
  async allResults(
    request: Omit<SearchRequest, 'page' | 'size'>,
    limit: number,
  ): Promise<{ items: AccountSummary[]; truncated: boolean; source: 'live' | 'cache' }> {
    const size = 200;
    const items: AccountSummary[] = [];
    let source: 'live' | 'cache' = 'live';
    for (let page = 0; ; page++) {
      const result = await this.search({ ...request, page, size });
      if (result.source === 'cache') source = 'cache';
      items.push(...result.items);
      if (items.length >= limit) return { items: items.slice(0, limit), truncated: true, source };
      if (result.items.length < size) return { items, truncated: false, source };
    }
  }

  async opened(store: string, accountId: string): Promise<void> {
    const { view } = await this.connections.active();
    this.cache.recordRecent(view.id, store, accountId);
  }

  async recent(limit = 20) {
    const { view } = await this.connections.active();
    return this.cache
      .recent(view.id, limit)
      .map((entry) => ({ account: entry.summary, openedAt: iso(entry.openedAt), fetchedAt: iso(entry.fetchedAt) }));
  }
}

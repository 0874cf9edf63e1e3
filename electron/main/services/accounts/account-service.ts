import { DesksideError } from '@shared/contracts';
import type { AccountSummary } from '@shared/domain/account';
import type { SearchPage, SearchRequest } from '@shared/domain/search';
import type { AccountCache } from '../cache/account-cache';
import { isUnreachable } from '../identity-platform/connectivity';
import type { IdentityPlatform } from '../identity-platform/identity-platform';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Searches and reads accounts: live from the platform, written through to the cache; from the cache, with its
 * age, when the platform cannot be reached. Offline answers are read-only by construction (the workspace's
 * platform refuses changes while it is offline).
 */
export class AccountService {
  constructor(
    private readonly platform: IdentityPlatform,
    private readonly cache: AccountCache,
    private readonly now: () => number = Date.now,
  ) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    try {
      const page = await this.platform.searchAccounts(request);
      const fetchedAt = this.now();
      // Kept for offline use just after the agent has the answer: the write (and now and then a WAL checkpoint)
      // is not on the search's path.
      this.cache.upsertSummariesSoon(page.items, fetchedAt);
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
      if (!isUnreachable(error)) throw error;
    }
    return this.searchCache(request);
  }

  searchCache(request: SearchRequest): SearchPage {
    const local = this.cache.search(request.store, request.filter, request.page, request.size);
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
    const cached = () => {
      const entry = this.cache.get(store, accountId);
      if (!entry)
        throw new DesksideError({
          code: 'OFFLINE',
          message: 'The platform cannot be reached and this account is not in the cache.',
        });
      return { account: entry.summary, source: 'cache' as const, fetchedAt: iso(entry.fetchedAt) };
    };
    try {
      const account = await this.platform.getAccountSummary(store, accountId);
      const fetchedAt = this.now();
      this.cache.upsertSummaries([account], fetchedAt);
      return { account, source: 'live', fetchedAt: iso(fetchedAt) };
    } catch (error) {
      if (error instanceof DesksideError && error.code === 'NOT_FOUND') this.cache.remove(store, accountId);
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

  /** Notes that the agent opened an account, for the recent list; answers the list as it now is. */
  opened(store: string, accountId: string) {
    this.cache.recordRecent(store, accountId);
    return this.recent();
  }

  recent(limit = 20) {
    return this.cache
      .recent(limit)
      .map((entry) => ({ account: entry.summary, openedAt: iso(entry.openedAt), fetchedAt: iso(entry.fetchedAt) }));
  }
}

import { DesksideError } from '@shared/contracts';
import type { IdentityStore } from '@shared/domain/identity-store';
import type { StoreCatalog } from '@shared/domain/profile';
import type { CatalogCache } from '../cache/catalog-cache';
import { isUnreachable } from '../identity-platform/connectivity';
import type { IdentityPlatform } from '../identity-platform/identity-platform';

/** A store's catalog changes rarely; it is fetched again after this long. */
const CATALOG_TTL_MS = 5 * 60_000;

const notCached = (what: string) =>
  new DesksideError({ code: 'OFFLINE', message: `The platform cannot be reached and ${what} is not in the cache.` });

/**
 * The connection's identity stores and each store's catalog (schema, groups, organizations, roles, and the names
 * behind the other ids an account refers to), for the search panel and the account view alike: live, remembered
 * for a few minutes, written through to the cache, and served from the cache while the platform cannot be reached.
 */
export class CatalogService {
  private readonly memo = new Map<string, { catalog: StoreCatalog; at: number }>();

  constructor(
    private readonly platform: IdentityPlatform,
    private readonly cache: CatalogCache,
    private readonly now: () => number,
  ) {}

  async stores(): Promise<IdentityStore[]> {
    return this.liveOrCached(
      () => this.platform.listIdentityStores(),
      (stores) => this.cache.saveStores(stores),
      () => this.cache.getStores()?.stores,
      'the list of identity stores',
    );
  }

  /** The store's catalog; `fresh` skips the few minutes' memory (after a change to the configuration). */
  async catalog(store: string, fresh = false): Promise<StoreCatalog> {
    const memo = this.memo.get(store);
    if (memo && !fresh && this.now() - memo.at < CATALOG_TTL_MS) return memo.catalog;
    return this.liveOrCached(
      () => this.platform.storeCatalog(store),
      (catalog) => {
        this.memo.set(store, { catalog, at: this.now() });
        this.cache.saveCatalog(store, catalog);
      },
      () => this.cache.getCatalog(store)?.catalog,
      `the identity store ${store}'s schema`,
    );
  }

  /** Live and written through; the cached copy when the platform cannot be reached, or an OFFLINE error naming `what`. */
  private async liveOrCached<T>(
    read: () => Promise<T>,
    keep: (value: T) => void,
    cached: () => T | undefined,
    what: string,
  ): Promise<T> {
    try {
      const value = await read();
      keep(value);
      return value;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const copy = cached();
      if (copy === undefined) throw notCached(what);
      return copy;
    }
  }
}

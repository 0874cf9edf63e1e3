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
    try {
      const stores = await this.platform.listIdentityStores();
      this.cache.saveStores(stores);
      return stores;
    } catch (error) {
      const cached = isUnreachable(error) ? this.cache.getStores() : null;
      if (!cached) throw isUnreachable(error) ? notCached('the list of identity stores') : error;
      return cached.stores;
    }
  }

  /** The store's catalog; `fresh` skips the few minutes' memory (after a change to the configuration). */
  async catalog(store: string, fresh = false): Promise<StoreCatalog> {
    const memo = this.memo.get(store);
    if (memo && !fresh && this.now() - memo.at < CATALOG_TTL_MS) return memo.catalog;
    try {
      const catalog = await this.platform.storeCatalog(store);
      this.memo.set(store, { catalog, at: this.now() });
      this.cache.saveCatalog(store, catalog);
      return catalog;
    } catch (error) {
      const cached = isUnreachable(error) ? this.cache.getCatalog(store) : null;
      if (!cached) throw isUnreachable(error) ? notCached(`the identity store ${store}'s schema`) : error;
      return cached.catalog;
    }
  }
}

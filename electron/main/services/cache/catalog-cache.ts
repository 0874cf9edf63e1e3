import { z } from 'zod';
import { IdentityStore } from '@shared/domain/identity-store';
import { StoreCatalog } from '@shared/domain/profile';
import { safeJson, type CacheDb } from './cache-database';

const IdentityStores = z.array(IdentityStore);

/**
 * One connection's identity stores and each store's catalog (schema, groups, organizations, roles and the names
 * behind other ids), kept so the search panel and the account view work offline alike. Rows that no longer parse
 * are treated as absent.
 */
export class CatalogCache {
  constructor(
    private readonly db: CacheDb,
    private readonly connectionId: string,
    private readonly now: () => number,
  ) {}

  saveStores(stores: IdentityStore[], fetchedAt = this.now()): void {
    this.db
      .prepare('INSERT OR REPLACE INTO identity_stores (connection_id, stores, fetched_at) VALUES (?, ?, ?)')
      .run(this.connectionId, JSON.stringify(stores), fetchedAt);
  }

  getStores(): { stores: IdentityStore[]; fetchedAt: number } | null {
    const row = this.db
      .prepare('SELECT stores, fetched_at FROM identity_stores WHERE connection_id = ?')
      .get(this.connectionId) as { stores: string; fetched_at: number } | undefined;
    if (!row) return null;
    const parsed = IdentityStores.safeParse(safeJson(row.stores));
    return parsed.success ? { stores: parsed.data, fetchedAt: row.fetched_at } : null;
  }

  saveCatalog(store: string, catalog: StoreCatalog, fetchedAt = this.now()): void {
    this.db
      .prepare('INSERT OR REPLACE INTO store_catalogs (connection_id, store, catalog, fetched_at) VALUES (?, ?, ?, ?)')
      .run(this.connectionId, store, JSON.stringify(catalog), fetchedAt);
  }

  getCatalog(store: string): { catalog: StoreCatalog; fetchedAt: number } | null {
    const row = this.db
      .prepare('SELECT catalog, fetched_at FROM store_catalogs WHERE connection_id = ? AND store = ?')
      .get(this.connectionId, store) as { catalog: string; fetched_at: number } | undefined;
    if (!row) return null;
    const parsed = StoreCatalog.safeParse(safeJson(row.catalog));
    return parsed.success ? { catalog: parsed.data, fetchedAt: row.fetched_at } : null;
  }
}

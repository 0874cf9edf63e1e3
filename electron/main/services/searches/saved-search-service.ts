import { DesksideError } from '@shared/contracts';
import type { SavedSearch } from '@shared/contracts/accounts';
import type { AccountFilter, SearchPage } from '@shared/domain/search';
import type { AccountService } from '../accounts/account-service';
import type { SavedSearches, SavedSearchRow } from '../cache/saved-searches';

const toView = (row: SavedSearchRow): SavedSearch => ({
  id: row.id,
  store: row.store,
  name: row.name,
  filter: row.filter,
  pinned: row.pinned,
  lastRunAt: row.lastRunAt === null ? null : new Date(row.lastRunAt).toISOString(),
});

const noSuchSearch = () => new DesksideError({ code: 'NOT_FOUND', message: 'No such saved search.' });

/**
 * The connection's saved searches: rerun in one click, last results kept for instant and offline answers. Another
 * connection's search is as good as absent (the cache rows are bound to this one).
 */
export class SavedSearchService {
  constructor(
    private readonly searches: SavedSearches,
    private readonly accounts: AccountService,
  ) {}

  async list(): Promise<SavedSearch[]> {
    return this.searches.list().map(toView);
  }

  async save(input: {
    id?: string | undefined;
    store: string;
    name: string;
    filter: AccountFilter;
    pinned: boolean;
  }): Promise<SavedSearch> {
    if (input.id && !this.searches.get(input.id)) throw noSuchSearch();
    const { id, ...rest } = input;
    return toView(this.searches.save({ ...rest, ...(id ? { id } : {}) }));
  }

  private owned(id: string): SavedSearchRow {
    const search = this.searches.get(id);
    if (!search) throw noSuchSearch();
    return search;
  }

  async remove(id: string): Promise<void> {
    if (!this.searches.remove(id)) throw noSuchSearch();
  }

  async lastResults(id: string): Promise<SearchPage | null> {
    this.owned(id);
    return this.searches.lastResults(id)?.page ?? null;
  }

  async run(id: string, page: number): Promise<SearchPage> {
    const search = this.owned(id);
    const result = await this.accounts.search({ store: search.store, filter: search.filter, page, size: 50 });
    if (result.source === 'live' && page === 0) this.searches.storeResults(id, result);
    if (result.source === 'cache') {
      // Offline: the results cached when it last ran say more than a search of the cache can.
      const last = this.searches.lastResults(id);
      if (last && page === 0) return { ...last.page, source: 'cache' };
    }
    return result;
  }
}

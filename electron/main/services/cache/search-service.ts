import { DesksideError } from '@shared/contracts';
import type { SavedSearch } from '@shared/contracts/accounts';
import type { AccountFilter, SearchPage } from '@shared/domain/search';
import type { AccountService } from '../accounts/account-service';
import type { ConnectionService } from '../connections/connection-service';
import type { SavedSearches, SavedSearchRow } from './saved-searches';

const toView = (row: SavedSearchRow): SavedSearch => ({
  id: row.id,
  store: row.store,
  name: row.name,
  filter: row.filter,
  pinned: row.pinned,
  lastRunAt: row.lastRunAt === null ? null : new Date(row.lastRunAt).toISOString(),
});

/** Saved searches of the active connection: rerun in one click, last results kept for instant and offline answers. */
export class SavedSearchService {
  constructor(
    private readonly searches: SavedSearches,
    private readonly connections: ConnectionService,
    private readonly accounts: AccountService,
  ) {}

  async list(): Promise<SavedSearch[]> {
    const { view } = await this.connections.active();
    return this.searches.list(view.id).map(toView);
  }

  async save(input: {
    id?: string | undefined;
    store: string;
    name: string;
    filter: AccountFilter;
    pinned: boolean;
  }): Promise<SavedSearch> {
    const { view } = await this.connections.active();
    if (input.id && this.searches.get(input.id)?.connectionId !== view.id)
      throw new DesksideError({ code: 'NOT_FOUND', message: 'No such saved search.' });
    return toView(this.searches.save({ ...input, connectionId: view.id, ...(input.id ? { id: input.id } : {}) }));
  }

  /** A saved search of the active connection: another connection's is as good as absent. */
  private async owned(id: string) {
    const { view } = await this.connections.active();
    const search = this.searches.get(id);
    if (!search || search.connectionId !== view.id)
      throw new DesksideError({ code: 'NOT_FOUND', message: 'No such saved search.' });
    return search;
  }

  async remove(id: string): Promise<void> {
    await this.owned(id);
    this.searches.remove(id);
  }

  async lastResults(id: string): Promise<SearchPage | null> {
    await this.owned(id);
    return this.searches.lastResults(id)?.page ?? null;
  }

  async run(id: string, page: number): Promise<SearchPage> {
    const search = await this.owned(id);
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

import { create } from 'zustand';
import type { SavedSearch } from '@shared/contracts/accounts';
import type { AccountFilter } from '@shared/domain/search';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useSearchStore } from '../search/search-store';

interface SavedSearchState {
  searches: SavedSearch[];
  error: string | null;
  load(): Promise<void>;
  save(input: {
    id?: string;
    store: string;
    name: string;
    filter: AccountFilter;
    pinned: boolean;
  }): Promise<SavedSearch>;
  remove(id: string): Promise<void>;
  /** Shows the cached results at once, then runs the search for fresh ones. */
  rerun(search: SavedSearch): Promise<void>;
}

export const useSavedSearchStore = create<SavedSearchState>((set, get) => ({
  searches: [],
  error: null,
  async load() {
    try {
      set({ searches: await deskside.searches.list(), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async save(input) {
    const saved = await deskside.searches.save(input);
    await get().load();
    return saved;
  },
  async remove(id) {
    await deskside.searches.remove({ id });
    await get().load();
  },
  async rerun(search) {
    const { showResults } = useSearchStore.getState();
    const origin = { store: search.store, filter: search.filter };
    const cached = await deskside.searches.lastResults({ id: search.id }).catch(() => null);
    if (cached) await showResults(cached, origin);
    await showResults(() => deskside.searches.run({ id: search.id, page: 0 }), origin);
    // When it last ran changed.
    void get().load();
  },
}));

import { create } from 'zustand';
import type { AccountFilter, SearchPage } from '@shared/domain/search';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useCurrentStore } from '../identity-store/current-store';
import { compactFilter } from './quick-search';

export type SortField = 'createdAt' | 'updatedAt' | 'lastLogin';
export const PAGE_SIZE = 50;

/** Where shown results came from: the store and the filter they answer. */
export interface ResultsOrigin {
  store: string;
  filter: AccountFilter;
}

interface SearchState {
  filter: AccountFilter;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  page: number;
  result: SearchPage | null;
  /** The search whose results are shown (the panel's filter may have changed since). */
  shown: { store: string; filter: AccountFilter; sort: SearchState['sort'] } | null;
  loading: boolean;
  error: string | null;
  /** Selected account ids and the row a shift-click extends from. */
  selected: Set<string>;
  anchor: number | null;
  setFilter(filter: AccountFilter): void;
  patchFilter(patch: Partial<AccountFilter>): void;
  setSort(sort: SearchState['sort']): Promise<void>;
  run(page?: number): Promise<void>;
  /**
   * Shows results that came from elsewhere (a saved search, the palette): a page at once, or a page being fetched
   * (loading and errors shown as for a search). The origin's store becomes the current one.
   */
  showResults(page: SearchPage | (() => Promise<SearchPage>), origin: ResultsOrigin): Promise<void>;
  select(index: number, mode: 'only' | 'toggle' | 'range'): void;
  /** Moves the keyboard focus (the row Enter opens and Space selects) without changing the selection. */
  focus(index: number): void;
  selectAll(): void;
  clearSelection(): void;
}

let searchToken = 0;

export const useSearchStore = create<SearchState>((set, get) => ({
  filter: {},
  sort: { field: 'createdAt', direction: 'desc' },
  page: 0,
  shown: null,
  result: null,
  loading: false,
  error: null,
  selected: new Set(),
  anchor: null,

  setFilter: (filter) => set({ filter }),
  patchFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),

  async setSort(sort) {
    set({ sort });
    if (get().result) await get().run(0);
  },

  async run(page = 0) {
    const store = useCurrentStore.getState().name;
    const { filter, sort } = get();
    if (!store) return;
    const token = ++searchToken;
    set({ loading: true, error: null });
    try {
      const result = await deskside.accounts.search({
        store,
        filter: compactFilter(filter),
        page,
        size: PAGE_SIZE,
        sort,
      });
      if (token !== searchToken) return; // a newer search answered first
      set({
        result,
        page,
        shown: { store, filter: compactFilter(filter), sort },
        loading: false,
        selected: new Set(),
        anchor: null,
      });
    } catch (error) {
      if (token === searchToken) set({ loading: false, error: messageOf(error) });
    }
  },

  async showResults(page, origin) {
    if (useCurrentStore.getState().name !== origin.store) await useCurrentStore.getState().choose(origin.store);
    const shown = (result: SearchPage) =>
      set({
        result,
        filter: origin.filter,
        page: result.page,
        shown: { ...origin, sort: get().sort },
        selected: new Set(),
        anchor: null,
        loading: false,
        error: null,
      });
    // Whatever was on its way (the listing of a store just chosen) is older than this.
    const token = ++searchToken;
    if (typeof page !== 'function') {
      shown(page);
      return;
    }
    set({ loading: true, error: null, filter: origin.filter });
    try {
      const result = await page();
      if (token === searchToken) shown(result);
    } catch (error) {
      if (token === searchToken) set({ loading: false, error: messageOf(error) });
    }
  },

  select(index, mode) {
    const items = get().result?.items ?? [];
    const account = items[index];
    if (!account) return;
    const selected = new Set(mode === 'only' ? [] : get().selected);
    if (mode === 'range' && get().anchor !== null) {
      const [from, to] = [Math.min(get().anchor!, index), Math.max(get().anchor!, index)];
      for (let i = from; i <= to; i++) selected.add(items[i]!.id);
      set({ selected });
      return;
    }
    if (mode === 'toggle' && selected.has(account.id)) selected.delete(account.id);
    else selected.add(account.id);
    set({ selected, anchor: index });
  },
  focus(index) {
    const count = get().result?.items.length ?? 0;
    if (count > 0) set({ anchor: Math.max(0, Math.min(count - 1, index)) });
  },
  selectAll: () => set({ selected: new Set((get().result?.items ?? []).map((account) => account.id)) }),
  clearSelection: () => set({ selected: new Set(), anchor: null }),
}));

// Another store (or the same name on another connection): its own filter and results, nothing selected, and its
// accounts listed at once, newest first, as the agent meets them before searching for anything.
useCurrentStore.subscribe((state, previous) => {
  if (state.name === previous.name && state.generation === previous.generation) return;
  searchToken++;
  useSearchStore.setState({ filter: {}, result: null, shown: null, selected: new Set(), anchor: null, page: 0 });
  if (state.name) void useSearchStore.getState().run(0);
});

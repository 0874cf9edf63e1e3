import { create } from 'zustand';
import type { AttributeDefinition, IdentityStore, NamedEntity, Organization } from '@shared/domain/identity-store';
import type { AccountFilter, SearchPage } from '@shared/domain/search';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { compactFilter } from './quick-search';

export type SortField = 'createdAt' | 'updatedAt' | 'lastLogin';
export const PAGE_SIZE = 50;

interface SearchState {
  stores: IdentityStore[];
  store: string | null;
  schema: AttributeDefinition[];
  groups: NamedEntity[];
  organizations: Organization[];
  roles: NamedEntity[];
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
  init(): Promise<void>;
  setStore(store: string): Promise<void>;
  setFilter(filter: AccountFilter): void;
  patchFilter(patch: Partial<AccountFilter>): void;
  setSort(sort: SearchState['sort']): Promise<void>;
  run(page?: number): Promise<void>;
  /** Shows a page that came from elsewhere (a saved search's cached results). */
  show(page: SearchPage, store: string, filter: AccountFilter): Promise<void>;
  select(index: number, mode: 'only' | 'toggle' | 'range'): void;
  selectAll(): void;
  clearSelection(): void;
}

let searchToken = 0;

export const useSearchStore = create<SearchState>((set, get) => ({
  stores: [],
  store: null,
  schema: [],
  groups: [],
  organizations: [],
  roles: [],
  filter: {},
  sort: { field: 'createdAt', direction: 'desc' },
  page: 0,
  shown: null,
  result: null,
  loading: false,
  error: null,
  selected: new Set(),
  anchor: null,

  async init() {
    try {
      const stores = await deskside.stores.list();
      set({ stores, error: null });
      const current = get().store;
      if (stores.length > 0 && (!current || !stores.some((store) => store.name === current)))
        await get().setStore(stores[0]!.name);
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async setStore(store) {
    set({
      store,
      filter: {},
      result: null,
      selected: new Set(),
      anchor: null,
      page: 0,
      schema: [],
      groups: [],
      organizations: [],
      roles: [],
    });
    const [schema, groups, organizations, roles] = await Promise.allSettled([
      deskside.stores.schema({ store }),
      deskside.stores.groups({ store }),
      deskside.stores.organizations({ store }),
      deskside.stores.roles({ store }),
    ]);
    if (get().store !== store) return;
    set({
      schema: schema.status === 'fulfilled' ? schema.value : [],
      groups: groups.status === 'fulfilled' ? groups.value : [],
      organizations: organizations.status === 'fulfilled' ? organizations.value : [],
      roles: roles.status === 'fulfilled' ? roles.value : [],
    });
  },

  setFilter: (filter) => set({ filter }),
  patchFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),

  async setSort(sort) {
    set({ sort });
    if (get().result) await get().run(0);
  },

  async run(page = 0) {
    const { store, filter, sort } = get();
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

  async show(page, store, filter) {
    if (get().store !== store) await get().setStore(store);
    set({
      result: page,
      filter,
      page: page.page,
      shown: { store, filter, sort: get().sort },
      selected: new Set(),
      anchor: null,
      error: null,
    });
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
  selectAll: () => set({ selected: new Set((get().result?.items ?? []).map((account) => account.id)) }),
  clearSelection: () => set({ selected: new Set(), anchor: null }),
}));

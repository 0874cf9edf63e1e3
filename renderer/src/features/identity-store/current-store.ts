import { create } from 'zustand';
import { emptyCatalog, type StoreCatalog } from '@shared/domain/profile';
import type { IdentityStore } from '@shared/domain/identity-store';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';

interface CurrentStoreState {
  /** The connection's identity stores. */
  stores: IdentityStore[];
  /** The store the agent works in: searches, bulk actions and saved searches are of this one. */
  name: string | null;
  /** Its schema, groups, organizations and roles (empty until it arrives, or when it cannot be had). */
  catalog: StoreCatalog;
  error: string | null;
  /** Counts the times the stores were read (a new connection): what belongs to a store starts over each time. */
  generation: number;
  /** Reads the stores (a new connection) and keeps the current one if it still exists, else the first. */
  load(): Promise<void>;
  /** Makes a store the current one and reads its catalog (again, with `reload`). */
  choose(name: string, reload?: boolean): Promise<void>;
}

/**
 * The identity store the agent is working in and its catalog, read by every feature that needs either (search,
 * bulk actions, saved searches, the palette). Features react to a change of store by subscribing, not by being
 * told.
 */
export const useCurrentStore = create<CurrentStoreState>((set, get) => ({
  stores: [],
  name: null,
  catalog: emptyCatalog,
  error: null,
  generation: 0,

  async load() {
    try {
      const stores = await deskside.stores.list();
      const current = get().name;
      const name = current && stores.some((store) => store.name === current) ? current : (stores[0]?.name ?? null);
      // One change of state for the new list and its store, so what follows the store starts over once.
      set({ stores, error: null, name, generation: get().generation + 1 });
      if (name) await get().choose(name, true);
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async choose(name, reload = false) {
    if (get().name === name && get().catalog !== emptyCatalog && !reload) return;
    set({ name, catalog: emptyCatalog });
    try {
      const catalog = await deskside.stores.catalog({ store: name });
      if (get().name === name) set({ catalog });
    } catch (error) {
      // The search still works without the catalog: only attribute, group and role fields are missing.
      if (get().name === name) set({ error: messageOf(error) });
    }
  },
}));

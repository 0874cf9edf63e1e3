import { create } from 'zustand';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useRecentStore } from '../recent/recent-store';

type Loaded = Awaited<ReturnType<typeof deskside.accounts.get>>;

interface AccountViewState {
  target: { store: string; accountId: string } | null;
  loaded: Loaded | null;
  loading: boolean;
  error: string | null;
  open(store: string, accountId: string): Promise<void>;
  refresh(): Promise<void>;
  close(): void;
}

/** The account being viewed; opening one records it among the recent accounts. */
export const useAccountViewStore = create<AccountViewState>((set, get) => ({
  target: null,
  loaded: null,
  loading: false,
  error: null,
  async open(store, accountId) {
    set({ target: { store, accountId }, loaded: null, error: null });
    await get().refresh();
    if (get().loaded) {
      await deskside.accounts.opened({ store, accountId }).catch(() => undefined);
      void useRecentStore.getState().load();
    }
  },
  async refresh() {
    const target = get().target;
    if (!target) return;
    set({ loading: true, error: null });
    try {
      const loaded = await deskside.accounts.get(target);
      if (get().target === target) set({ loaded, loading: false });
    } catch (error) {
      if (get().target === target) set({ loading: false, error: messageOf(error) });
    }
  },
  close: () => set({ target: null, loaded: null, error: null }),
}));

import { create } from 'zustand';
import { events } from '@shared/contracts';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';

type Recent = Awaited<ReturnType<typeof deskside.accounts.recent>>[number];

interface RecentState {
  recent: Recent[];
  error: string | null;
  load(): Promise<void>;
}

export const useRecentStore = create<RecentState>((set) => ({
  recent: [],
  error: null,
  async load() {
    try {
      set({ recent: await deskside.accounts.recent(), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));

// Opening an account (anywhere) puts it at the top: the main side says so with the new list.
deskside.on(events.recentChanged, (recent) => useRecentStore.setState({ recent, error: null }));

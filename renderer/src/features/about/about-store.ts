import { create } from 'zustand';
import { events } from '@shared/contracts';
import type { AppInfo } from '@shared/domain/app-info';
import { deskside } from '../../bridge';

interface AboutState {
  info: AppInfo | null;
  error: string | null;
  open: boolean;
  load(): Promise<void>;
  setOpen(open: boolean): void;
}

export const useAboutStore = create<AboutState>((set) => ({
  info: null,
  error: null,
  open: false,
  async load() {
    try {
      set({ info: await deskside.app.info(), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  setOpen: (open) => set({ open }),
}));

/** The application menu's "About Deskside". */
deskside.on(events.showAbout, () => useAboutStore.getState().setOpen(true));

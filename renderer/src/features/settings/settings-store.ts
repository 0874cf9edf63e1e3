import { create } from 'zustand';
import { events } from '@shared/contracts';
import type { Settings, SettingsPatch } from '@shared/domain/settings';
import { deskside } from '../../bridge';

interface SettingsState {
  settings: Settings | null;
  error: string | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await deskside.settings.get(), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async update(patch) {
    try {
      set({ settings: await deskside.settings.set(patch), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

/** Another window (or the other host) changed settings: follow it. */
deskside.on(events.settingsChanged, (settings) => useSettingsStore.setState({ settings }));

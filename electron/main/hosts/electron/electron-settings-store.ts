import Store from 'electron-store';
import { settingsFromUnknown, type Settings } from '@shared/domain/settings';
import { SETTINGS_FILE } from '../../services/settings/json-file-settings-store';
import type { SettingsStore } from '../../services/settings/settings-service';

/** Settings through electron-store, in the same file the web host reads (userData/settings.json). */
export function createElectronSettingsStore(): SettingsStore & { raw: Store } {
  const store = new Store({ name: SETTINGS_FILE.replace(/\.json$/, ''), clearInvalidConfig: true });
  return {
    raw: store,
    read: (): Settings => settingsFromUnknown(store.store),
    write: (settings: Settings) => store.set(settings),
  };
}

import { events } from '@shared/contracts';
import { type Settings, type SettingsPatch } from '@shared/domain/settings';
import type { EventBus } from '../../ipc/event-bus';

/** Where settings live: electron-store in the desktop app, a JSON file in the web host. */
export interface SettingsStore {
  read(): Settings;
  write(settings: Settings): void;
}

export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly bus: EventBus,
  ) {}

  get(): Settings {
    return this.store.read();
  }

  set(patch: SettingsPatch): Settings {
    const next: Settings = { ...this.store.read() };
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.density !== undefined) next.density = patch.density;
    this.store.write(next);
    this.bus.emit(events.settingsChanged, next);
    return next;
  }
}

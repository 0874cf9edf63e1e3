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
    for (const key of Object.keys(patch) as Array<keyof SettingsPatch>) {
      if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
    }
    this.store.write(next);
    this.bus.emit(events.settingsChanged, next);
    return next;
  }
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultSettings, settingsFromUnknown, type Settings } from '@shared/domain/settings';
import type { Logger } from '../logger';
import type { SettingsStore } from './settings-service';

/** The settings file's name in the data folder; the desktop app's electron-store uses the same one. */
export const SETTINGS_FILE = 'settings.json';

/**
 * Settings as a JSON file, for the web host. A missing or unreadable file gives the defaults (and is
 * rewritten on the next change); writes go through a temporary file so a crash never leaves half a file.
 */
export class JsonFileSettingsStore implements SettingsStore {
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.path = join(dataDir, SETTINGS_FILE);
  }

  read(): Settings {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return { ...defaultSettings };
    }
    try {
      return settingsFromUnknown(JSON.parse(text));
    } catch {
      this.logger.warn(`settings file ${this.path} is not valid JSON; using the defaults`);
      return { ...defaultSettings };
    }
  }

  write(settings: Settings): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(settings, null, 2), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

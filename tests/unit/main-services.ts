import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainServices } from '../../electron/main/handlers';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { silentLogger } from '../../electron/main/services/logger';
import { MemorySecretStore } from '../../electron/main/services/secrets';
import { JsonFileSettingsStore } from '../../electron/main/services/settings/json-file-settings-store';
import { SettingsService } from '../../electron/main/services/settings/settings-service';

/** Real main-side services over a fresh temporary data folder, for tests of the registry and hosts. */
export function makeServices(overrides: Partial<MainServices> = {}, bus = new EventBus()): MainServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-test-'));
  return {
    logger: silentLogger,
    secrets: new MemorySecretStore(),
    settings: new SettingsService(new JsonFileSettingsStore(dataDir, silentLogger), bus),
    appInfo: {
      name: 'Deskside',
      version: '9.9.9-test',
      platform: 'linux',
      host: 'web',
      dataDir,
      versions: { node: process.versions.node },
    },
    ...overrides,
  };
}

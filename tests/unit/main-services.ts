import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainServices } from '../../electron/main/handlers';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { createAppServices } from '../../electron/main/services/app-services';
import { silentLogger } from '../../electron/main/services/logger';
import { MemorySecretStore, type SecretStore } from '../../electron/main/services/secrets';
import { JsonFileSettingsStore } from '../../electron/main/services/settings/json-file-settings-store';
import { TEST_CACHE } from '../fixtures/cache-key';

/**
 * The real main-side services over a fresh temporary data folder, with no connection configured and no sandbox
 * to start (calls that need a connection say so), for tests of the registry and hosts.
 */
export function makeServices(overrides: { secrets?: SecretStore } = {}, bus = new EventBus()): MainServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-test-'));
  return createAppServices({
    dataDir,
    logger: silentLogger,
    bus,
    secrets: overrides.secrets ?? new MemorySecretStore(),
    settingsStore: new JsonFileSettingsStore(dataDir, silentLogger),
    cache: TEST_CACHE,
    appInfo: {
      name: 'Deskside',
      version: '9.9.9-test',
      platform: 'linux',
      host: 'web',
      dataDir,
      versions: { node: process.versions.node },
    },
  });
}

import { allContracts, contracts } from '@shared/contracts';
import type { AppInfo } from '@shared/domain/app-info';
import { IpcRegistry } from './ipc/registry';
import type { Logger } from './services/logger';
import type { SecretStore } from './services/secrets';
import type { SettingsService } from './services/settings/settings-service';

export interface MainServices {
  /** Everything but secretsEncrypted, which the secret store answers. */
  appInfo: Omit<AppInfo, 'secretsEncrypted'>;
  secrets: SecretStore;
  settings: SettingsService;
  logger: Logger;
}

/** Wires every contract to its service. The desktop app and the web host both build their registry here. */
export function createRegistry(services: MainServices): IpcRegistry {
  const registry = new IpcRegistry(services.logger);
  registry.register(contracts.app.info, () => ({ ...services.appInfo, secretsEncrypted: services.secrets.encrypted }));
  registry.register(contracts.settings.get, () => services.settings.get());
  registry.register(contracts.settings.set, (patch) => services.settings.set(patch));
  registry.assertComplete(allContracts);
  return registry;
}

/**
 * `npm run web`: the console in a browser, served by plain Node on 127.0.0.1.
 * Options: --port N (default 5180, 0 for any free port), --data-dir DIR (default: the desktop app's folder).
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRegistry } from '../../handlers';
import { EventBus } from '../../ipc/event-bus';
import { defaultDataDir, APP_NAME } from '../../services/data-dir';
import { consoleLogger } from '../../services/logger';
import { MemorySecretStore } from '../../services/secrets';
import { JsonFileSettingsStore } from '../../services/settings/json-file-settings-store';
import { createAppServices } from '../../services/app-services';
import { loadCacheKey } from '../../services/cache/cache-key';
import { makePrivate, restrictNewFiles } from '../../services/files/private-files';
import { childProcessSandboxLauncher } from '../../services/connections/child-process-sandbox';
import { contentSecurityPolicy } from '../../page/csp';
import { version } from '../../../../package.json';
import { keychainKeySlot } from './keychain-key-slot';
import { startWebHost } from './server';

const DEFAULT_PORT = 5180;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir(process.platform, process.env, homedir()));
  const logger = consoleLogger;
  restrictNewFiles();
  const tightened = makePrivate(dataDir);
  if (tightened.length > 0) logger.warn(`made ${tightened.length} files in the data folder private to this user`);

  const bus = new EventBus();
  const services = createAppServices({
    dataDir,
    logger,
    bus,
    // Its own cache file: the desktop app's key is sealed by Electron's safeStorage, which plain Node cannot open.
    // A plain cache.db from before encryption is taken over (encrypted) when this host meets it first.
    cache: {
      fileName: 'cache-web.db',
      key: await loadCacheKey(await keychainKeySlot(dataDir), join(dataDir, 'cache-web.key'), logger),
      plainPredecessor: 'cache.db',
    },
    // The web host has no OS keychain: secrets entered here live only as long as the process.
    secrets: new MemorySecretStore(),
    settingsStore: new JsonFileSettingsStore(dataDir, logger),
    sandboxLauncher: childProcessSandboxLauncher(join(import.meta.dirname, 'sandbox.js'), logger),
    appInfo: {
      name: APP_NAME,
      version,
      platform: process.platform,
      host: 'web',
      dataDir,
      versions: { node: process.versions.node },
    },
  });
  const registry = createRegistry(services);
  const host = await startWebHost({
    registry,
    bus,
    logger,
    port,
    token: randomBytes(24).toString('base64url'),
    csp: contentSecurityPolicy(),
    rendererDir: join(import.meta.dirname, '../renderer'),
  });
  console.log(`Deskside web host: ${host.url}`);

  const stop = () => void Promise.all([host.close(), services.shutdown()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`deskside web host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

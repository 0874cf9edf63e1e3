import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '@shared/domain/app-info';
import type { EventBus } from '../ipc/event-bus';
import { openCache } from './cache/cache-database';
import type { CacheKey } from './cache/cache-key';
import { CacheMaintenance } from './cache/cache-maintenance';
import { CacheService } from './cache/cache-service';
import { reportDeferredWriteFailures, writePending } from './cache/deferred-writes';
import { ConnectionService } from './connections/connection-service';
import { ConnectionStore } from './connections/connection-store';
import type { SandboxLauncher } from './connections/sandbox-launcher';
import { FolderFileSaver, type FileSaver, type PdfPrinter } from './files/file-saver';
import { AdminApiClient } from './identity-platform/admin-api/http-client';
import { AdminApiPlatform } from './identity-platform/admin-api/admin-api-platform';
import type { Logger } from './logger';
import type { SecretStore } from './secrets';
import { Workspaces } from './workspace/workspaces';
import { SettingsService, type SettingsStore } from './settings/settings-service';

export interface AppServiceOptions {
  dataDir: string;
  logger: Logger;
  bus: EventBus;
  secrets: SecretStore;
  settingsStore: SettingsStore;
  /**
   * The offline cache: its file name in the data folder (each host has its own, as each keeps its key its own way)
   * and its key. A plain cache an earlier version left at `plainPredecessor` is encrypted into it once.
   */
  cache: { fileName: string; key: CacheKey; plainPredecessor?: string };
  appInfo: Omit<AppInfo, 'secretsEncrypted'>;
  sandboxLauncher?: SandboxLauncher;
  /** Where exports go; by default the exports folder of the data folder (the web host). */
  files?: FileSaver;
  /** Print to PDF, where a browser engine is at hand (the desktop app). */
  pdf?: PdfPrinter;
  /** The system browser, where the host can open one (the desktop app); the web host's page opens links itself. */
  browser?: { open(url: string): Promise<void> };
  /**
   * How the Admin API client reaches the network: Electron's net.fetch in the desktop app (the system's proxy, PAC
   * and trust store), Node's fetch elsewhere.
   */
  fetch?: typeof fetch;
  now?: () => number;
}

/** The name the account report gives as its author. */
function agentName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

export type AppServices = ReturnType<typeof createAppServices>;

/** Every main-side service, wired the same way for the desktop app and the web host. */
export function createAppServices(options: AppServiceOptions) {
  const now = options.now ?? Date.now;
  const { logger, bus, secrets } = options;
  const settings = new SettingsService(options.settingsStore, bus);
  const cacheFile = join(options.dataDir, options.cache.fileName);
  const opened = openCache(cacheFile, logger, {
    encryption: { key: options.cache.key.key },
    now,
    retentionDays: settings.get().cacheRetentionDays,
    ...(options.cache.plainPredecessor
      ? { plainPredecessor: join(options.dataDir, options.cache.plainPredecessor) }
      : {}),
  });
  reportDeferredWriteFailures(opened.db, logger);
  const connections = new ConnectionService({
    store: new ConnectionStore(options.dataDir, logger),
    secrets,
    logger,
    dataDir: options.dataDir,
    createPlatform: (credentials) =>
      new AdminApiPlatform(
        new AdminApiClient({ ...credentials, logger, ...(options.fetch ? { fetch: options.fetch } : {}) }),
      ),
    ...(options.sandboxLauncher ? { sandboxLauncher: options.sandboxLauncher } : {}),
  });
  const workspaces = new Workspaces(connections, {
    db: opened.db,
    bus,
    files: options.files ?? new FolderFileSaver(join(options.dataDir, 'exports'), now),
    pdf: options.pdf ?? null,
    // The agent's display name from settings (asked for when exporting), else the operating system's user.
    agent: () => settings.get().agentName || agentName(),
    now,
  });
  const cacheService = new CacheService(new CacheMaintenance(opened.db), settings, bus, {
    recoveredFrom: opened.recoveredFrom,
    keyWarning: options.cache.key.warning,
    now,
    cacheFile,
  });
  cacheService.startRetention();
  return {
    logger,
    appInfo: options.appInfo,
    secrets,
    settings,
    connections,
    /** The active connection's workspace: everything done through it. */
    workspaces,
    workspace: () => workspaces.workspace(),
    cache: cacheService,
    browser: options.browser ?? null,
    /** The cache database itself (benchmarks fill it directly). */
    cacheDb: opened.db,
    async shutdown() {
      cacheService.stop();
      workspaces.close();
      await connections.shutdown();
      // The last search's page, if its write has not run yet.
      writePending(opened.db);
      opened.db.close();
    },
  };
}

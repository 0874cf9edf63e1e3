import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { AccountService } from '../../electron/main/services/accounts/account-service';
import { ProfileCache } from '../../electron/main/services/cache/profile-cache';
import { FolderFileSaver } from '../../electron/main/services/files/file-saver';
import { ProfileService } from '../../electron/main/services/profiles/profile-service';
import { ReportService } from '../../electron/main/services/reports/report-service';
import { AdminApiClient } from '../../electron/main/services/admin-api/http-client';
import { AdminApiPlatform } from '../../electron/main/services/admin-api/admin-api-platform';
import { AccountCache } from '../../electron/main/services/cache/account-cache';
import { ActionJournal } from '../../electron/main/services/cache/action-journal';
import { openCache } from '../../electron/main/services/cache/cache-database';
import { ConnectionService } from '../../electron/main/services/connections/connection-service';
import { ConnectionStore } from '../../electron/main/services/connections/connection-store';
import { ConnectivityMonitor } from '../../electron/main/services/connections/connectivity';
import { silentLogger } from '../../electron/main/services/logger';
import { MemorySecretStore } from '../../electron/main/services/secrets';
import { TEST_CACHE_ENCRYPTION } from '../fixtures/cache-key';

export interface SandboxServiceOptions {
  tier?: 'viewer' | 'agent' | 'supervisor';
  /** A cache file in the data folder (benchmarks) instead of an in-memory one (tests): encrypted, or plain. */
  cacheOnDisk?: boolean | 'plain';
  /** The client's production behaviour (retries, default timeouts) instead of failing fast (tests). */
  productionClient?: boolean;
  /** The HTTP client's fetch (the contract tests record every request through it). */
  fetch?: typeof fetch;
}

/**
 * Main-side services connected to a running sandbox as one of its API clients, over a fresh cache: the wiring
 * the service tests and the benchmarks share. Tests fail fast (no retries, short timeouts, in-memory cache).
 */
export function connectToSandbox(url: string, options: SandboxServiceOptions | SandboxServiceOptions['tier'] = {}) {
  const {
    tier = 'supervisor',
    cacheOnDisk = false,
    productionClient = false,
    fetch: recordingFetch,
  } = typeof options === 'string' ? { tier: options } : options;
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-services-'));
  const bus = new EventBus();
  const pushed: Array<[string, unknown]> = [];
  bus.subscribe((channel, payload) => pushed.push([channel, payload]));
  const { db } = openCache(cacheOnDisk ? join(dataDir, 'cache.db') : ':memory:', silentLogger, {
    encryption: cacheOnDisk === true ? TEST_CACHE_ENCRYPTION : 'plain',
  });
  const cache = new AccountCache(db, Date.now);
  const connectivity = new ConnectivityMonitor(bus, Date.now, productionClient ? undefined : 20);
  const store = new ConnectionStore(dataDir, silentLogger);
  const secrets = new MemorySecretStore();
  const connections = new ConnectionService({
    store,
    secrets,
    connectivity,
    logger: silentLogger,
    dataDir,
    createPlatform: (credentials) =>
      new AdminApiPlatform(
        new AdminApiClient({
          ...credentials,
          logger: silentLogger,
          ...(recordingFetch ? { fetch: recordingFetch } : {}),
          ...(productionClient ? {} : { maxRetries: 0, timeoutMs: 2000 }),
        }),
      ),
  });
  // Written directly (saving is asynchronous): the profile without its secret, the secret in the memory store.
  store.write({
    connections: [
      { id: 'test', name: 'Test', baseUrl: url, clientId: `deskside-${tier}`, environment: 'sandbox', embedded: false },
    ],
    activeId: 'test',
  });
  void secrets.set('connection:test', `${tier}-demo-secret`);
  return { dataDir, db, bus, pushed, cache, connectivity, connections, journal: new ActionJournal(db, Date.now) };
}

/** Sets the sandbox's fault rules (an empty list clears them). */
export const setFaults = (url: string, rules: unknown[]) =>
  fetch(`${url}/sandbox/control/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules }),
  });

/** The account view's services (profiles, reports, exports) over wired services, exports into the data folder. */
export function withAccountView(wired: ReturnType<typeof connectToSandbox>) {
  const profileCache = new ProfileCache(wired.db, wired.cache);
  const profiles = new ProfileService({ ...wired, accounts: wired.cache, cache: profileCache });
  const accounts = new AccountService(wired.connections, wired.cache, wired.connectivity);
  const reports = new ReportService({
    connections: wired.connections,
    profiles,
    accounts,
    cache: profileCache,
    files: new FolderFileSaver(join(wired.dataDir, 'exports')),
    pdf: null,
    agent: 'tester',
  });
  return { ...wired, profileCache, profiles, accounts, reports };
}

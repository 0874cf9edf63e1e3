import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { openCache, type CacheDb } from '../../electron/main/services/cache/cache-database';
import { ConnectionService } from '../../electron/main/services/connections/connection-service';
import { ConnectionStore } from '../../electron/main/services/connections/connection-store';
import { FolderFileSaver } from '../../electron/main/services/files/file-saver';
import {
  AdminApiClient,
  type AdminApiCredentials,
} from '../../electron/main/services/identity-platform/admin-api/http-client';
import { AdminApiPlatform } from '../../electron/main/services/identity-platform/admin-api/admin-api-platform';
import { silentLogger } from '../../electron/main/services/logger';
import { MemorySecretStore } from '../../electron/main/services/secrets';
import type { SandboxLauncher } from '../../electron/main/services/connections/sandbox-launcher';
import { Workspace, type WorkspaceEnvironment } from '../../electron/main/services/workspace/workspace';
import { Workspaces } from '../../electron/main/services/workspace/workspaces';
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
 * The workspace of a connection to a running sandbox as one of its API clients, over a fresh cache (with the
 * connection service that knows it): the wiring the service tests and the benchmarks share. Tests fail fast (no
 * retries, short timeouts, an in-memory cache, probing every 20 ms); exports go into the data folder.
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
  const createPlatform = (credentials: AdminApiCredentials) =>
    new AdminApiPlatform(
      new AdminApiClient({
        ...credentials,
        logger: silentLogger,
        ...(recordingFetch ? { fetch: recordingFetch } : {}),
        ...(productionClient ? {} : { maxRetries: 0, timeoutMs: 2000 }),
      }),
    );
  const store = new ConnectionStore(dataDir, silentLogger);
  const secrets = new MemorySecretStore();
  const connections = new ConnectionService({ store, secrets, logger: silentLogger, dataDir, createPlatform });
  const profile = {
    id: 'test',
    name: 'Test',
    baseUrl: url,
    clientId: `deskside-${tier}`,
    environment: 'sandbox' as const,
    embedded: false,
  };
  // Written directly (saving is asynchronous): the profile without its secret, the secret in the memory store.
  store.write({ connections: [profile], activeId: 'test' });
  void secrets.set('connection:test', `${tier}-demo-secret`);
  const workspace = new Workspace(
    { ...profile, hasSecret: true },
    createPlatform({ baseUrl: url, clientId: profile.clientId, clientSecret: `${tier}-demo-secret` }),
    testEnvironment(db, bus, dataDir, productionClient ? undefined : 20),
  );
  return {
    dataDir,
    db,
    bus,
    pushed,
    connections,
    workspace,
    connectivity: workspace.connectivity,
    cache: workspace.cache.accounts,
    profileCache: workspace.cache.profiles,
    journal: workspace.cache.journal,
    catalog: workspace.catalog,
    accounts: workspace.accounts,
    profiles: workspace.profiles,
    searches: workspace.searches,
    bulk: workspace.bulk,
    reports: workspace.reports,
  };
}

/** What the workspaces of tests share: exports into the data folder, no PDF, "tester" as the agent. */
function testEnvironment(db: CacheDb, bus: EventBus, dataDir: string, probeIntervalMs?: number): WorkspaceEnvironment {
  return {
    db,
    bus,
    files: new FolderFileSaver(join(dataDir, 'exports')),
    pdf: null,
    agent: () => 'tester',
    now: Date.now,
    ...(probeIntervalMs === undefined ? {} : { probeIntervalMs }),
  };
}

/**
 * The connection service and the active connection's workspaces as the app wires them, over a fresh data folder
 * and an in-memory cache, with no connection saved yet (tests fail fast: no retries, probing every 50 ms).
 */
export function connectionsAndWorkspaces(options: { sandboxLauncher?: SandboxLauncher } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-workspaces-'));
  const bus = new EventBus();
  const secrets = new MemorySecretStore();
  const connections = new ConnectionService({
    store: new ConnectionStore(dataDir, silentLogger),
    secrets,
    logger: silentLogger,
    dataDir,
    createPlatform: (credentials) =>
      new AdminApiPlatform(new AdminApiClient({ ...credentials, logger: silentLogger, maxRetries: 0 })),
    ...options,
  });
  const { db } = openCache(':memory:', silentLogger, { encryption: 'plain' });
  const workspaces = new Workspaces(connections, testEnvironment(db, bus, dataDir, 50));
  return { dataDir, bus, secrets, connections, workspaces };
}

/** Sets the sandbox's fault rules (an empty list clears them). */
export const setFaults = (url: string, rules: unknown[]) =>
  fetch(`${url}/sandbox/control/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules }),
  });

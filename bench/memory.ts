import { randomBytes } from 'node:crypto';
/**
 * Main-side memory with 100,000 cached accounts: the process's resident size and heap after the whole main side
 * (every service, as the desktop app and web host wire them) has filled its cache with 100,000 accounts and
 * answered local searches over them. Usage: node --expose-gc --import tsx bench/memory.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../electron/main/ipc/event-bus';
import { createAppServices } from '../electron/main/services/app-services';
import { AccountCache } from '../electron/main/services/cache/account-cache';
import { silentLogger } from '../electron/main/services/logger';
import { MemorySecretStore } from '../electron/main/services/secrets';
import { JsonFileSettingsStore } from '../electron/main/services/settings/json-file-settings-store';
import { fillCache } from './fixtures';
import { recordResults } from './results';

const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const snapshot = () => {
  collect();
  const usage = process.memoryUsage();
  return { rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external) };
};

const dataDir = mkdtempSync(join(tmpdir(), 'deskside-memory-'));
const before = snapshot();
const services = createAppServices({
  dataDir,
  logger: silentLogger,
  bus: new EventBus(),
  secrets: new MemorySecretStore(),
  cache: { fileName: 'cache.db', key: { key: randomBytes(32), keptBy: 'os', warning: null } },
  settingsStore: new JsonFileSettingsStore(dataDir, silentLogger),
  appInfo: {
    name: 'Deskside',
    version: 'bench',
    platform: process.platform,
    host: 'web',
    dataDir,
    versions: { node: process.versions.node },
  },
});
const empty = snapshot();
// The cache every service shares, filled as searches would fill it, then searched the way offline searches are.
const cache = new AccountCache(services.cacheDb, 'bench', Date.now);
fillCache(cache, 100_000);
for (const word of ['hopper', 'zsofia nagy', '@eu.inbox.example', 'lars'])
  cache.search('consumers', { loginIdentifier: word }, 0, 50);
const filled = snapshot();
const figures = {
  gcAvailable: typeof (globalThis as { gc?: unknown }).gc === 'function',
  processAtStart: before,
  servicesStarted: empty,
  with100kCachedAccounts: filled,
  cacheGrowthRssMiB: Math.round((filled.rssMiB - empty.rssMiB) * 10) / 10,
};
console.log(
  `main side with 100,000 cached accounts: RSS ${filled.rssMiB} MiB (heap ${filled.heapUsedMiB} MiB); services alone ${empty.rssMiB} MiB`,
);
await services.shutdown();
recordResults('memory', figures);

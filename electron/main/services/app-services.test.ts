import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/start';
import { TEST_CACHE } from '../../../tests/fixtures/cache-key';
import { EventBus } from '../ipc/event-bus';
import { createAppServices } from './app-services';
import { silentLogger } from './logger';
import { MemorySecretStore } from './secrets';
import { JsonFileSettingsStore } from './settings/json-file-settings-store';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 80 });
});
afterAll(async () => {
  await sandbox.close();
});

function servicesOver(dataDir: string) {
  return createAppServices({
    dataDir,
    logger: silentLogger,
    bus: new EventBus(),
    secrets: new MemorySecretStore(),
    cache: TEST_CACHE,
    settingsStore: new JsonFileSettingsStore(dataDir, silentLogger),
    appInfo: { name: 'Deskside', version: 'test', platform: 'linux', host: 'web', dataDir, versions: { node: 'x' } },
  });
}

function cachedIds(services: ReturnType<typeof servicesOver>): string[] {
  return (services.cacheDb.prepare('SELECT id FROM accounts ORDER BY id').all() as Array<{ id: string }>).map(
    (row) => row.id,
  );
}

describe('quitting', () => {
  it('keeps the page of a search answered just before the agent quits, for the next start to find', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deskside-quit-'));
    const services = servicesOver(dataDir);
    const saved = await services.connections.save({
      name: 'Quit check',
      baseUrl: sandbox.url,
      clientId: 'deskside-agent',
      clientSecret: 'agent-demo-secret',
      environment: 'sandbox',
    });
    services.connections.activate(saved.id);
    const workspace = await services.workspace();
    const page = await workspace.accounts.search({ store: 'consumers', filter: {}, page: 0, size: 25 });
    expect(page.items).toHaveLength(25);
    // The page's write waits for after the answer: nothing of it is in the file yet when the agent quits.
    expect(cachedIds(services)).toEqual([]);
    await services.shutdown();

    const next = servicesOver(dataDir);
    try {
      expect(cachedIds(next)).toEqual(page.items.map((account) => account.id).sort());
    } finally {
      await next.shutdown();
    }
  });
});

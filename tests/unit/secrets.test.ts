import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClients } from '../../sandbox/auth/clients';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { createAppServices } from '../../electron/main/services/app-services';
import type { Logger } from '../../electron/main/services/logger';
import { MemorySecretStore } from '../../electron/main/services/secrets';
import { JsonFileSettingsStore } from '../../electron/main/services/settings/json-file-settings-store';
import { setFaults } from './sandbox-services';
import { TEST_CACHE } from '../fixtures/cache-key';

const SECRET = 'leak-check-secret-6f1d2c9a8b7e';
let sandbox: RunningSandbox;
const issuedTokens: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const env = { SANDBOX_SUPERVISOR_SECRET: SECRET, SANDBOX_AGENT_SECRET: 'a-other', SANDBOX_VIEWER_SECRET: 'v-other' };
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 120, clients: demoClients(env) });
  // Note every access token the platform hands out, to look for it afterwards.
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input instanceof Request ? input.url : input).includes('/oauth2/token') && response.ok) {
      const body = (await response.clone().json()) as { access_token?: string };
      if (body.access_token) issuedTokens.push(body.access_token);
    }
    return response;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await sandbox.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secrets stay in the main process', () => {
  it('a session of work leaves neither the client secret nor an access token in logs, events, cache, settings or exports', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deskside-leak-'));
    const logged: string[] = [];
    const record =
      (level: string) =>
      (...parts: unknown[]) =>
        logged.push(
          `${level} ${parts.map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : JSON.stringify(part))).join(' ')}`,
        );
    const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') } as Logger;
    const bus = new EventBus();
    const pushed: string[] = [];
    bus.subscribe((channel, payload) => pushed.push(`${channel} ${JSON.stringify(payload)}`));
    const services = createAppServices({
      dataDir,
      logger,
      bus,
      secrets: new MemorySecretStore(),
      cache: TEST_CACHE,
      settingsStore: new JsonFileSettingsStore(dataDir, logger),
      appInfo: { name: 'Deskside', version: 'test', platform: 'linux', host: 'web', dataDir, versions: { node: 'x' } },
    });
    try {
      // Connect (a wrong secret first: its failure is logged and shown, the secret is not).
      const wrong = await services.connections.test({
        name: 'Leak check',
        baseUrl: sandbox.url,
        clientId: 'deskside-supervisor',
        clientSecret: `${SECRET}-wrong`,
        environment: 'staging',
      });
      expect(wrong.ok).toBe(false);
      const saved = await services.connections.save({
        name: 'Leak check',
        baseUrl: sandbox.url,
        clientId: 'deskside-supervisor',
        clientSecret: SECRET,
        environment: 'staging',
      });
      services.connections.activate(saved.id);
      const workspace = await services.workspace();
      // Search, act, export.
      const page = await workspace.accounts.search({ store: 'consumers', filter: {}, page: 0, size: 20 });
      const account = page.items[0]!;
      await workspace.profiles.open('consumers', account.id);
      await workspace.profiles.act('consumers', account.id, { kind: 'disable' });
      await workspace.profiles.act('consumers', account.id, { kind: 'enable' });
      await workspace.reports.export('consumers', account.id, 'html');
      await workspace.reports.export('consumers', account.id, 'json');
      await workspace.reports.searchResultsCsv({ store: 'consumers', filter: {} });
      const download = await workspace.profiles.download('consumers', account.id, 'json');
      await workspace.reports.save(`account-${account.id}.json`, download, 'json');
      services.settings.set({ theme: 'dark' });
      const bulk = await workspace.bulk.start({ action: 'disable', store: 'consumers', accountIds: [account.id] });
      await workspace.bulk.settled(bulk.jobId);
      // Go offline, and keep working from the cache.
      await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
      await workspace.accounts.search({ store: 'consumers', filter: {}, page: 0, size: 20 });
      expect((await workspace.profiles.open('consumers', account.id)).source).toBe('cache');
      await workspace.reports.export('consumers', account.id, 'html');
    } finally {
      await setFaults(sandbox.url, []);
      await services.shutdown();
    }

    expect(issuedTokens.length).toBeGreaterThan(0);
    const needles = [SECRET, ...issuedTokens];
    const haystacks: Array<[string, string]> = [
      ['logs', logged.join('\n')],
      ['pushed events', pushed.join('\n')],
      ...filesUnder(dataDir).map((file): [string, string] => [file, readFileSync(file).toString('latin1')]),
    ];
    expect(haystacks.some(([name]) => name.endsWith('cache.db'))).toBe(true);
    expect(haystacks.some(([name]) => name.endsWith('settings.json'))).toBe(true);
    expect(haystacks.filter(([name]) => name.includes('exports')).length).toBeGreaterThanOrEqual(4);
    for (const [name, text] of haystacks)
      for (const needle of needles) expect(text.includes(needle), `${name} holds a secret`).toBe(false);
  });
});

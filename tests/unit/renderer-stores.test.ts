/**
 * The renderer's stores over a transport that is the real main side: each call goes through the registry (checked
 * both ways) to the services and a running sandbox, each pushed event comes from the main side's event bus, and
 * both cross a structured clone as they would cross IPC. What the stores do is checked against the platform.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRawApi, contracts } from '@shared/contracts';
import { createRegistry } from '../../electron/main/handlers';
import { EventBus } from '../../electron/main/ipc/event-bus';
import { createAppServices, type AppServices } from '../../electron/main/services/app-services';
import { silentLogger } from '../../electron/main/services/logger';
import { MemorySecretStore } from '../../electron/main/services/secrets';
import { JsonFileSettingsStore } from '../../electron/main/services/settings/json-file-settings-store';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { TEST_CACHE } from '../fixtures/cache-key';

let sandbox: RunningSandbox;
let services: AppServices;
let stores: Awaited<ReturnType<typeof loadStores>>;
/** When set, the answer to a bulk start is held until its job is over: every progress event overtakes it. */
let startAnsweredAfterItsJob = false;

/** The first enabled consumers on the platform, asked of it directly (not through the stores under test). */
async function enabledConsumers(size: number) {
  const platform = (await services.workspace()).platform;
  return (await platform.searchAccounts({ store: 'consumers', filter: { enabled: true }, page: 0, size })).items;
}

/** The stores, imported once the page's bridge (window.deskside) is in place, as the preload puts it there first. */
async function loadStores() {
  const [connection, current, search, saved, recent, account, bulk] = await Promise.all([
    import('../../renderer/src/features/connections/connection-store'),
    import('../../renderer/src/features/identity-store/current-store'),
    import('../../renderer/src/features/search/search-store'),
    import('../../renderer/src/features/saved-searches/saved-search-store'),
    import('../../renderer/src/features/recent/recent-store'),
    import('../../renderer/src/features/account/account-view-store'),
    import('../../renderer/src/features/bulk/bulk-store'),
  ]);
  return {
    connection: connection.useConnectionStore,
    current: current.useCurrentStore,
    search: search.useSearchStore,
    saved: saved.useSavedSearchStore,
    recent: recent.useRecentStore,
    account: account.useAccountViewStore,
    bulk: bulk.useBulkStore,
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 150 });
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-renderer-stores-'));
  const bus = new EventBus();
  services = createAppServices({
    dataDir,
    logger: silentLogger,
    bus,
    secrets: new MemorySecretStore(),
    settingsStore: new JsonFileSettingsStore(dataDir, silentLogger),
    cache: TEST_CACHE,
    appInfo: { name: 'Deskside', version: 'test', platform: 'linux', host: 'web', dataDir, versions: { node: 'x' } },
  });
  const registry = createRegistry(services);
  const raw = buildRawApi(
    contracts,
    async (channel, input) => {
      const answer = await registry.dispatch(channel, structuredClone(input), { transport: 'test' });
      if (channel === 'bulk:start' && startAnsweredAfterItsJob && answer.ok)
        await (await services.workspace()).bulk.settled((answer.value as { jobId: string }).jobId);
      return answer;
    },
    (channel, listener) =>
      bus.subscribe((pushed, payload) => {
        if (pushed === channel) listener(structuredClone(payload));
      }),
  );
  (globalThis as { window?: unknown }).window = { deskside: raw };
  stores = await loadStores();
  const saved = await services.connections.save({
    name: 'Sandbox',
    baseUrl: sandbox.url,
    clientId: 'deskside-supervisor',
    clientSecret: 'supervisor-demo-secret',
    environment: 'sandbox',
  });
  await stores.connection.getState().activate(saved.id);
});
afterAll(async () => {
  await services?.shutdown();
  await sandbox?.close();
  delete (globalThis as { window?: unknown }).window;
});

describe('the renderer’s stores over the real main side', () => {
  it('loading a connection’s stores lists the first store’s accounts, newest first, without a search', async () => {
    expect(stores.connection.getState().status?.active?.name).toBe('Sandbox');
    await stores.current.getState().load();
    const { name } = stores.current.getState();
    expect(name).toBe('consumers');
    await vi.waitFor(() => expect(stores.search.getState().result?.items.length).toBe(50));
    const platform = (await services.workspace()).platform;
    const newest = await platform.searchAccounts({
      store: 'consumers',
      filter: {},
      page: 0,
      size: 50,
      sort: { field: 'createdAt', direction: 'desc' },
    });
    expect(stores.search.getState().result!.items.map((account) => account.id)).toEqual(
      newest.items.map((account) => account.id),
    );
    expect(stores.current.getState().catalog.schema.length).toBeGreaterThan(0);
  });

  it('a saved search of another store shows its own results, not the new store’s listing that was on its way', async () => {
    // At least one disabled business account, whatever the seed made.
    const platform = (await services.workspace()).platform;
    const [someone] = (await platform.searchAccounts({ store: 'business', filter: {}, page: 0, size: 1 })).items;
    await platform.disableAccount('business', someone!.id);
    const search = await stores.saved
      .getState()
      .save({ store: 'business', name: 'Disabled at work', filter: { enabled: false }, pinned: false });
    await stores.saved.getState().rerun(search);
    await vi.waitFor(() => expect(stores.search.getState().loading).toBe(false));
    // Choosing "business" started its listing; the saved search answered later and is what stays.
    expect(stores.current.getState().name).toBe('business');
    const { result, shown } = stores.search.getState();
    expect(shown).toMatchObject({ store: 'business', filter: { enabled: false } });
    expect(result!.items.length).toBeGreaterThan(0);
    expect(result!.items.filter((account) => account.enabled)).toEqual([]);
    await vi.waitFor(() =>
      expect(stores.saved.getState().searches.find((item) => item.id === search.id)?.lastRunAt).not.toBeNull(),
    );
  });

  it('opening an account puts it first on the recent list, told by the main side’s event', async () => {
    const platform = (await services.workspace()).platform;
    const [first, second] = (await platform.searchAccounts({ store: 'business', filter: {}, page: 0, size: 2 })).items;
    await stores.account.getState().open('business', first!.id);
    await stores.account.getState().open('business', second!.id);
    // The recent store was never asked to load: the pushed list is what it holds.
    await vi.waitFor(() =>
      expect(stores.recent.getState().recent.map((entry) => entry.account.id)).toEqual([second!.id, first!.id]),
    );
  });

  it('a bulk disable follows its pushed progress to the per-account results; the failure alone is retried', async () => {
    const platform = (await services.workspace()).platform;
    const items = await enabledConsumers(2);
    const ids = [...items.map((account) => account.id), 'no-such-account'];
    await stores.bulk.getState().start({ action: 'disable', store: 'consumers', accountIds: ids });
    await vi.waitFor(() => expect(stores.bulk.getState().result?.results.length).toBe(3));
    const { progress, result } = stores.bulk.getState();
    expect(progress).toMatchObject({ finished: true, done: 2, failed: 1, total: 3 });
    expect(result!.results.find((entry) => entry.outcome === 'failed')?.accountId).toBe('no-such-account');
    for (const account of items) expect((await platform.accountState('consumers', account.id))?.enabled).toBe(false);

    const first = progress!.jobId;
    await stores.bulk.getState().retryFailed();
    await vi.waitFor(() => {
      const retried = stores.bulk.getState().progress;
      expect(retried?.jobId).not.toBe(first);
      expect(retried).toMatchObject({ finished: true, total: 1, failed: 1 });
    });
    stores.bulk.getState().dismiss();
    expect(stores.bulk.getState().progress).toBeNull();
  });

  it('a retry whose progress all arrives before the answer to its start still ends on its own result', async () => {
    const [account] = await enabledConsumers(1);
    await stores.bulk.getState().start({ action: 'disable', store: 'consumers', accountIds: [account!.id, 'gone'] });
    await vi.waitFor(() => expect(stores.bulk.getState().result?.results.length).toBe(2));
    const first = stores.bulk.getState().progress!.jobId;

    startAnsweredAfterItsJob = true;
    try {
      await stores.bulk.getState().retryFailed();
    } finally {
      startAnsweredAfterItsJob = false;
    }
    const { progress, result } = stores.bulk.getState();
    expect(progress?.jobId).not.toBe(first);
    expect(progress).toMatchObject({ finished: true, total: 1, failed: 1, done: 0 });
    expect(result?.jobId).toBe(progress?.jobId);
    expect(result?.results).toEqual([expect.objectContaining({ accountId: 'gone', outcome: 'failed' })]);
    stores.bulk.getState().dismiss();
  });

  it('the account view shows the account opened last, and a change lands on the platform with its notice', async () => {
    const platform = (await services.workspace()).platform;
    const [first, second] = (
      await platform.searchAccounts({ store: 'consumers', filter: { enabled: true }, page: 0, size: 2 })
    ).items;
    // The agent opens one and, before it answers, the next: the view ends on the second.
    const opening = stores.account.getState().open('consumers', first!.id);
    await stores.account.getState().open('consumers', second!.id);
    await opening;
    expect(stores.account.getState().loaded?.profile.summary.id).toBe(second!.id);

    const done = await stores.account
      .getState()
      .act({ kind: 'updateAttributes', changes: { 'name.familyName': 'Storetest' } }, 'Saved.');
    expect(done).toEqual({ ok: true });
    expect(stores.account.getState().notice).toEqual({ severity: 'success', text: 'Saved.' });
    expect((stores.account.getState().loaded?.profile.attributes.name as { familyName: string }).familyName).toBe(
      'Storetest',
    );
    const fresh = await platform.getAccountSummary('consumers', second!.id);
    expect(fresh.displayName).toContain('Storetest');

    const refused = await stores.account
      .getState()
      .act({ kind: 'updateAttributes', changes: { birthDate: 'not a date' } }, 'Saved.');
    expect(refused.ok).toBe(false);
    expect(stores.account.getState().notice?.severity).toBe('error');
    expect(stores.account.getState().busy).toBeNull();
  });

  it('connections: a second one saved and listed, tested against the platform, removed; a wrong id says why', async () => {
    const input = {
      name: 'Wrong secret',
      baseUrl: sandbox.url,
      clientId: 'deskside-viewer',
      clientSecret: 'not-the-secret',
      environment: 'sandbox' as const,
    };
    expect((await stores.connection.getState().test(input)).ok).toBe(false);
    expect((await stores.connection.getState().test({ ...input, clientSecret: 'viewer-demo-secret' })).ok).toBe(true);
    const saved = await stores.connection.getState().save(input);
    expect(
      stores.connection
        .getState()
        .connections.map((connection) => connection.name)
        .sort(),
    ).toEqual(['Sandbox', 'Wrong secret']);
    await stores.connection.getState().remove(saved.id);
    expect(stores.connection.getState().connections.map((connection) => connection.name)).toEqual(['Sandbox']);
    await stores.connection.getState().activate('no-such-connection');
    expect(stores.connection.getState().error).toMatch(/connection/i);
    expect(stores.connection.getState().status?.active?.name).toBe('Sandbox');
  });
});

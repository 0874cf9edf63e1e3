/**
 * The workspace: one per active connection. Its platform records reachability and sends nothing while offline; its
 * catalog serves the search panel and the account view alike, offline too; opening an account records it and says
 * so; what the connection allows comes from the platform port; and choosing another connection closes it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { events } from '@shared/contracts';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/start';
import { connectionsAndWorkspaces, connectToSandbox, setFaults } from '../../../../tests/unit/sandbox-services';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 150 });
});
afterAll(() => sandbox.close());
afterEach(() => setFaults(sandbox.url, []));

const offline = () => setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);

/** A fetch that counts the Admin API requests (not the token endpoint) it passes on. */
function countingFetch() {
  const sent: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.pathname.startsWith('/admin/api/')) sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(input, init);
  };
  return { sent, counting };
}

describe('the workspace of a connection', () => {
  it('serves the store list and a store’s catalog from the cache while the platform cannot be reached', async () => {
    const { catalog, connectivity } = connectToSandbox(sandbox.url);
    const stores = await catalog.stores();
    const consumers = await catalog.catalog('consumers');
    expect(stores.map((store) => store.name)).toEqual(expect.arrayContaining(['consumers', 'business']));
    expect(consumers.schema.length).toBeGreaterThan(0);
    await offline();
    // A fresh read (not the few minutes' memory) meets the outage and answers from the cache.
    expect(await catalog.catalog('consumers', true)).toEqual(consumers);
    expect(connectivity.current().state).toBe('offline');
    expect(await catalog.stores()).toEqual(stores);
    // A store never read online is not in the cache: that is said, not answered empty.
    await expect(catalog.catalog('never-read-store', true)).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('sends nothing while offline: reads fall back to the cache at once, changes are refused', async () => {
    const { sent, counting } = countingFetch();
    const { accounts, profiles, bulk, connectivity } = connectToSandbox(sandbox.url, { fetch: counting });
    const page = await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 5 });
    const accountId = page.items[0]!.id;
    await profiles.open('consumers', accountId);
    await offline();
    await expect(profiles.act('consumers', accountId, { kind: 'disable' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(connectivity.current().state).toBe('offline');
    const before = sent.length;
    const cached = await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 5 });
    expect(cached.source).toBe('cache');
    expect((await profiles.open('consumers', accountId)).source).toBe('cache');
    await expect(profiles.act('consumers', accountId, { kind: 'enable' })).rejects.toMatchObject({ code: 'OFFLINE' });
    await expect(bulk.start({ action: 'enable', store: 'consumers', accountIds: [accountId] })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    // Only the probe (the store list) may reach the wire while offline.
    expect(sent.slice(before).filter((request) => !request.endsWith('/identityStores'))).toEqual([]);
  });

  it('opening an account puts it first among the recent ones and pushes the new list, just after the answer', async () => {
    const { accounts, profiles, pushed } = connectToSandbox(sandbox.url);
    const page = await accounts.search({ store: 'business', filter: {}, page: 0, size: 2 });
    const [first, second] = page.items.map((account) => account.id);
    const lists = () =>
      pushed
        .filter(([channel]) => channel === events.recentChanged.channel)
        .map(([, list]) => (list as Array<{ account: { id: string } }>).map((entry) => entry.account.id));
    await profiles.open('business', first!);
    // The account is answered first; the recent list is written and pushed right after.
    expect(lists()).toEqual([]);
    await vi.waitFor(() => expect(lists()).toEqual([[first]]));
    await profiles.open('business', second!);
    await vi.waitFor(() => expect(lists()).toEqual([[first], [second, first]]));
    expect(accounts.recent().map((entry) => entry.account.id)).toEqual([second, first]);
  });

  it('says what the connection allows in the console’s words, with the reason for each refusal', async () => {
    const viewer = connectToSandbox(sandbox.url, 'viewer').workspace;
    const supervisor = connectToSandbox(sandbox.url, 'supervisor').workspace;
    await vi.waitFor(() => expect(viewer.status().connectivity.state).toBe('online'));
    await vi.waitFor(() => expect(supervisor.status().connectivity.state).toBe('online'));
    expect(viewer.status().allowedActions.disable).toEqual({
      allowed: false,
      reason: 'This connection lacks the write:account permission.',
    });
    expect(viewer.status().allowedActions.deleteAccount).toMatchObject({ allowed: false });
    expect(supervisor.status().allowedActions.disable).toEqual({ allowed: true });
    expect(supervisor.status().allowedActions.deleteAccount).toEqual({ allowed: true });
  });
});

describe('the active connection’s workspace', () => {
  function app() {
    const { connections, workspaces } = connectionsAndWorkspaces();
    const connect = (tier: string) =>
      connections.save({
        name: tier,
        baseUrl: sandbox.url,
        clientId: `deskside-${tier}`,
        clientSecret: `${tier}-demo-secret`,
        environment: 'sandbox',
      });
    return { connections, workspaces, connect };
  }

  it('is the same until another connection is chosen; then the old one stops its running bulk action', async () => {
    const { connections, workspaces, connect } = app();
    const agent = await connect('agent');
    const supervisor = await connect('supervisor');
    connections.activate(agent.id);
    const first = await workspaces.workspace();
    expect(await workspaces.workspace()).toBe(first);
    expect(first.connection.name).toBe('agent');
    const page = await first.accounts.search({ store: 'consumers', filter: { enabled: true }, page: 0, size: 60 });
    const ids = page.items.map((account) => account.id);
    expect(ids.length).toBeGreaterThan(40);
    // Each disable takes a while, so the job is still running when the agent switches connections.
    await setFaults(sandbox.url, [{ route: '.*/disable', latencyMs: 150 }]);
    const job = await first.bulk.start({ action: 'disable', store: 'consumers', accountIds: ids });
    await vi.waitFor(() => expect(first.bulk.result(job.jobId).done).toBeGreaterThan(0));
    connections.activate(supervisor.id);
    const second = await workspaces.workspace();
    expect(second).not.toBe(first);
    expect(second.connection.name).toBe('supervisor');
    const stopped = await first.bulk.settled(job.jobId);
    const notAttempted = stopped.results.filter((entry) => entry.outcome === 'not attempted');
    expect(notAttempted.length).toBeGreaterThan(0);
    expect(stopped.cancelled).toBe(true);
    // The new workspace knows nothing of the old one's job.
    expect(() => second.bulk.result(job.jobId)).toThrow(/No bulk action/);
    // Enable again what was disabled, so other tests find the accounts as seeded.
    await setFaults(sandbox.url, []);
    const disabled = stopped.results.filter((entry) => entry.outcome === 'done').map((entry) => entry.accountId);
    const undo = await second.bulk.start({ action: 'enable', store: 'consumers', accountIds: disabled });
    expect((await second.bulk.settled(undo.jobId)).failed).toBe(0);
  });

  it('editing the active connection closes its workspace; the next use builds one with the new settings', async () => {
    const { connections, workspaces, connect } = app();
    const saved = await connect('viewer');
    connections.activate(saved.id);
    const before = await workspaces.workspace();
    await connections.save({ ...saved, name: 'Renamed viewer', clientSecret: 'viewer-demo-secret' });
    const after = await workspaces.workspace();
    expect(after).not.toBe(before);
    expect(after.connection.name).toBe('Renamed viewer');
    expect(workspaces.status().active?.name).toBe('Renamed viewer');
  });
});

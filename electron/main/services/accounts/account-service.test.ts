import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/start';
import { connectToSandbox, setFaults } from '../../../../tests/unit/sandbox-services';
import type { CacheDb } from '../cache/cache-database';
import { CacheMaintenance } from '../cache/cache-maintenance';
import { reportDeferredWriteFailures } from '../cache/deferred-writes';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 120 });
});
afterAll(() => sandbox.close());

function services() {
  const { accounts, bulk, cache, connectivity, pushed } = connectToSandbox(sandbox.url);
  return { accounts, bulk, cache, connectivity, pushed };
}

const faults = (rules: unknown[]) => setFaults(sandbox.url, rules);

describe('AccountService', () => {
  it('searches live, writes through to the cache, and falls back to it when the platform fails', async () => {
    const { accounts, connectivity } = services();
    // Accounts that do not match are in the cache too, so a cached answer that ignored the filter would show.
    const others = await accounts.search({
      store: 'consumers',
      filter: { loginIdentifier: '@mail.example.org' },
      page: 0,
      size: 20,
    });
    expect(others.items.length).toBeGreaterThan(0);
    const live = await accounts.search({
      store: 'consumers',
      filter: { loginIdentifier: '@example.com' },
      page: 0,
      size: 20,
    });
    expect(live.source).toBe('live');
    expect(live.items.length).toBeGreaterThan(0);
    await faults([{ route: '.*/accounts', failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      const cached = await accounts.search({
        store: 'consumers',
        filter: { loginIdentifier: '@example.com', groups: { ids: ['x'], mode: 'include' } },
        page: 0,
        size: 20,
      });
      expect(cached.source).toBe('cache');
      expect(cached.items.map((item) => item.id).sort()).toEqual(live.items.map((item) => item.id).sort());
      for (const other of others.items) expect(cached.items.map((item) => item.id)).not.toContain(other.id);
      expect(cached.unapplied).toEqual(['groups']);
      expect(connectivity.offline).toBe(true);
      const one = await accounts.get('consumers', live.items[0]!.id);
      expect(one.source).toBe('cache');
    } finally {
      await faults([]);
    }
    await expect.poll(() => connectivity.current().state, { timeout: 5000 }).toBe('online');
    expect((await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 5 })).source).toBe('live');
  });

  it('keeps a search’s page for offline use just after the answer, before anything else uses the cache', async () => {
    const { accounts, cache, db } = connectToSandbox(sandbox.url);
    const stored = (ids: string[]) =>
      (
        db.prepare(`SELECT id FROM accounts WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{
          id: string;
        }>
      ).map((row) => row.id);
    const request = { store: 'consumers', filter: { enabled: true }, page: 0, size: 10 };
    const page = await accounts.search(request);
    const ids = page.items.map((account) => account.id);
    expect(ids).toHaveLength(10);
    // The answer is handed on before the write: nothing is stored yet in the task that received it.
    expect(stored(ids)).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored(ids).sort()).toEqual([...ids].sort());

    // Whatever uses the cache next sees the pending page first: a read finds it, a removal is not undone by it.
    const next = await accounts.search({ ...request, page: 1 });
    const [first, second] = next.items.map((account) => account.id);
    expect(cache.get('consumers', first!)?.summary.id).toBe(first);
    const again = await accounts.search({ ...request, page: 1 });
    expect(again.items.map((account) => account.id)).toContain(second);
    cache.remove('consumers', second!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored([second!])).toEqual([]);

    // "Clear cache" right after a search leaves nothing of it behind.
    await accounts.search({ ...request, page: 2 });
    new CacheMaintenance(db).clear();
    await new Promise((resolve) => setImmediate(resolve));
    expect((db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n).toBe(0);
  });

  it('a page the cache cannot keep is logged, and the agent still has the answer', async () => {
    const { accounts, db } = connectToSandbox(sandbox.url);
    const warn = vi.fn();
    reportDeferredWriteFailures(db, { info: () => {}, warn, error: () => {} });
    const page = await accounts.search({ store: 'business', filter: {}, page: 0, size: 5 });
    (db as CacheDb).close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(page.items).toHaveLength(5);
    expect(page.source).toBe('live');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/could not be kept in the cache: .*not open/);
  });

  it('passes on what the platform refuses (a bad filter) instead of answering from the cache', async () => {
    const { accounts } = services();
    await expect(
      accounts.search({ store: 'consumers', filter: { attributes: { birthDate: '1990-01-01' } }, page: 0, size: 5 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps recent accounts, offline too', async () => {
    const { accounts } = services();
    const page = await accounts.search({ store: 'business', filter: {}, page: 0, size: 3 });
    for (const account of page.items) await accounts.opened('business', account.id);
    expect((await accounts.recent()).map((entry) => entry.account.id)).toEqual(
      page.items.map((account) => account.id).reverse(),
    );
  });
});

describe('BulkRunner', () => {
  // The concurrency limit itself is measured in bulk-runner.test.ts.
  it('acts on each account, reports per account, and pushes progress', async () => {
    const { accounts, bulk, pushed } = services();
    const page = await accounts.search({ store: 'partners', filter: { enabled: true }, page: 0, size: 6 });
    const ids = page.items.map((account) => account.id);
    const progress = await bulk.start({
      action: 'addToGroup',
      store: 'partners',
      accountIds: [...ids, 'no-such-account'],
      groupId: 'partners-resellers',
    });
    const result = await bulk.settled(progress.jobId);
    expect(result.results.filter((entry) => entry.outcome === 'done').map((entry) => entry.accountId)).toEqual(ids);
    expect(result.results.at(-1)).toMatchObject({
      accountId: 'no-such-account',
      outcome: 'failed',
      reason: expect.stringContaining('no longer exists'),
    });
    expect(
      pushed.some(([channel, payload]) => channel === 'bulk:progress' && (payload as { finished: boolean }).finished),
    ).toBe(true);
    const members = await accounts.search({
      store: 'partners',
      filter: { groups: { ids: ['partners-resellers'], mode: 'include' } },
      page: 0,
      size: 200,
    });
    for (const id of ids) expect(members.items.map((account) => account.id)).toContain(id);
  });

  it('stops when cancelled, leaving the rest not attempted', async () => {
    const { accounts, bulk } = services();
    const page = await accounts.search({ store: 'consumers', filter: { enabled: true }, page: 0, size: 60 });
    await faults([{ route: 'POST .*/disable', latencyMs: 40 }]);
    try {
      const progress = await bulk.start({
        action: 'disable',
        store: 'consumers',
        accountIds: page.items.map((account) => account.id),
      });
      // Cancel once some accounts are done (polled, not a fixed wait), while most are still queued.
      await expect.poll(() => bulk.result(progress.jobId).done, { interval: 5 }).toBeGreaterThan(0);
      bulk.cancel(progress.jobId);
      const result = await bulk.settled(progress.jobId);
      expect(result.cancelled).toBe(true);
      const notAttempted = result.results.filter((entry) => entry.outcome === 'not attempted');
      expect(notAttempted.length).toBeGreaterThan(0);
      const untouched = await accounts.get('consumers', notAttempted[0]!.accountId);
      expect(untouched.account.enabled).toBe(true);
    } finally {
      await faults([]);
    }
  });

  it('refuses to start offline, and refuses a delete without the typed count at the contract', async () => {
    const { bulk, connectivity } = services();
    connectivity.failed(
      new (await import('@shared/contracts')).DesksideError({ code: 'UNAVAILABLE', message: 'down' }),
    );
    await expect(bulk.start({ action: 'enable', store: 'consumers', accountIds: ['a'] })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    const { BulkRequest } = await import('@shared/contracts/bulk');
    expect(
      BulkRequest.safeParse({ action: 'delete', store: 's', accountIds: ['a', 'b'], confirmation: '1' }).success,
    ).toBe(false);
    expect(
      BulkRequest.safeParse({ action: 'delete', store: 's', accountIds: ['a', 'b'], confirmation: '2' }).success,
    ).toBe(true);
    connectivity.dispose();
  });
});

/**
 * Saved searches on the main side: one connection's searches are invisible to another (remove, rerun, last
 * results), and offline a rerun answers with the results kept from its last live run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SavedSearches } from '../../electron/main/services/cache/saved-searches';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { connectToSandbox, setFaults } from './sandbox-services';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 120 });
});
afterAll(() => sandbox.close());

function services() {
  const wired = connectToSandbox(sandbox.url);
  // The rows as the cache holds them, read as this connection and as another one.
  const rows = new SavedSearches(wired.db, wired.workspace.connection.id, Date.now);
  const theirRows = new SavedSearches(wired.db, 'someone-else', Date.now);
  return { ...wired, rows, theirRows };
}

describe('saved searches', () => {
  it('another connection’s saved search can be neither removed, rerun nor read', async () => {
    const { searches, rows, theirRows } = services();
    const theirs = theirRows.save({
      store: 'consumers',
      name: 'Theirs',
      filter: {},
      pinned: false,
    });
    await expect(searches.remove(theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(searches.run(theirs.id, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(searches.lastResults(theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(theirRows.get(theirs.id)?.name).toBe('Theirs');
    const mine = await searches.save({ store: 'consumers', name: 'Mine', filter: {}, pinned: true });
    expect((await searches.list()).map((search) => search.name)).toEqual(['Mine']);
    await searches.remove(mine.id);
    expect(await searches.list()).toEqual([]);
    expect(rows.get(mine.id)).toBeNull();
  });

  it('offline, a rerun answers with the results of its last live run, saying so', async () => {
    const { searches, connectivity } = services();
    const saved = await searches.save({
      store: 'consumers',
      name: 'Disabled',
      filter: { enabled: false },
      pinned: false,
    });
    const live = await searches.run(saved.id, 0);
    expect(live.source).toBe('live');
    expect(live.items.length).toBeGreaterThan(0);
    await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      const offline = await searches.run(saved.id, 0);
      expect(offline.source).toBe('cache');
      expect(offline.items.map((item) => item.id)).toEqual(live.items.map((item) => item.id));
      expect(offline.total).toBe(live.total);
      expect((await searches.lastResults(saved.id))?.items.map((item) => item.id)).toEqual(
        live.items.map((item) => item.id),
      );
    } finally {
      await setFaults(sandbox.url, []);
      connectivity.dispose();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/start';
import { connectToSandbox, setFaults } from '../../../../tests/unit/sandbox-services';
import { BULK_CONCURRENCY } from './bulk-runner';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 120 });
});
afterAll(() => sandbox.close());

describe('BulkRunner', () => {
  it(`acts on at most ${BULK_CONCURRENCY} accounts at once, and on every one of them`, async () => {
    // Counted at the HTTP client: requests to the platform in flight at the same moment.
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      const acting = /\/disable$/.test(new URL(String(input instanceof Request ? input.url : input)).pathname);
      if (acting) peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        if (acting) inFlight--;
      }
    };
    const wired = connectToSandbox(sandbox.url, { fetch: counting });
    const bulk = wired.bulk;
    const page = await (
      await wired.connections.active()
    ).platform.searchAccounts({
      store: 'consumers',
      filter: { enabled: true },
      page: 0,
      size: 40,
    });
    const accountIds = page.items.map((item) => item.id);
    expect(accountIds).toHaveLength(40);
    // The platform takes its time with each, so the runner's workers overlap.
    await setFaults(sandbox.url, [
      { route: 'POST .*/disable', latencyMs: 40, failureRate: 0, status: 503, retryAfter: 0 },
    ]);
    try {
      const started = await bulk.start({ action: 'disable', store: 'consumers', accountIds });
      const result = await bulk.settled(started.jobId);
      expect(result.results.filter((entry) => entry.outcome === 'done')).toHaveLength(40);
      expect(peak).toBe(BULK_CONCURRENCY);
    } finally {
      await setFaults(sandbox.url, []);
    }
  });

  it('removing from a group: members are removed, a non-member is skipped as such, a deleted account fails as gone', async () => {
    const { accounts, workspace, bulk } = connectToSandbox(sandbox.url);
    const [member, other, nonMember, gone] = (
      await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 60 })
    ).items.filter((account) => account.enabled);
    const catalog = await workspace.catalog.catalog('consumers');
    const group = catalog.groups[0]!;
    for (const account of [member!, other!, gone!])
      await workspace.platform.addToGroup('consumers', account.id, group.id);
    await workspace.platform.removeFromGroup('consumers', nonMember!.id, group.id).catch(() => undefined);
    await workspace.platform.deleteAccount('consumers', gone!.id);

    const ids = [member!.id, other!.id, nonMember!.id, gone!.id];
    const started = await bulk.start({
      action: 'removeFromGroup',
      store: 'consumers',
      groupId: group.id,
      accountIds: ids,
    });
    const result = await bulk.settled(started.jobId);
    const outcome = (id: string) => result.results.find((entry) => entry.accountId === id);
    expect(outcome(member!.id)).toMatchObject({ outcome: 'done' });
    expect(outcome(other!.id)).toMatchObject({ outcome: 'done' });
    expect(outcome(nonMember!.id)).toEqual({
      accountId: nonMember!.id,
      outcome: 'skipped',
      reason: 'Not a member of this group: nothing to remove.',
    });
    expect(outcome(gone!.id)).toMatchObject({ outcome: 'failed', reason: 'Not found: the account no longer exists.' });
    expect(result).toMatchObject({ done: 2, skipped: 1, failed: 1 });
    for (const id of [member!.id, other!.id])
      expect((await workspace.platform.accountState('consumers', id))?.groupIds).not.toContain(group.id);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, SOURCE_SANDBOX, TestPlatform } from '../browser/platform';
import { connectToSandbox } from './sandbox-services';

let platform: TestPlatform | null = null;
afterAll(() => platform?.stop());

type Event = { labels: string[] };

/** How many times the platform recorded disabling this account. */
async function disables(test: TestPlatform, accountId: string): Promise<number> {
  const { body } = await test.api<Event[]>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${accountId}&eventTypes=administrative&size=100`,
  );
  return body.filter((event) => event.labels.some((label) => label.endsWith(':accountDisable'))).length;
}

describe('a bulk action when the platform dies in the middle', () => {
  it('reports what really happened, and a retry finishes without acting on any account twice', async () => {
    const test = new TestPlatform(
      await freePort(),
      join(mkdtempSync(join(tmpdir(), 'deskside-bulk-')), 'p.db'),
      SOURCE_SANDBOX,
    );
    platform = test;
    await test.start(2000);
    const ids: string[] = [];
    for (let page = 0; ids.length < 1000; page++) {
      const { body } = await test.api<Array<{ id: string }>>(
        'GET',
        `/admin/api/v1/identityStores/consumers/accounts?enabled=true&size=200&page=${page}`,
      );
      if (body.length === 0) break;
      ids.push(...body.map((account) => account.id));
    }
    const accountIds = ids.slice(0, 1000);
    expect(accountIds).toHaveLength(1000);

    const { bulk, connectivity } = connectToSandbox(test.url);
    const started = await bulk.start({ action: 'disable', store: 'consumers', accountIds });
    while (bulk.result(started.jobId).done < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    await test.kill();
    const first = await bulk.settled(started.jobId);
    const by = (outcome: string) => first.results.filter((entry) => entry.outcome === outcome);
    expect(by('done').length).toBeGreaterThanOrEqual(300);
    expect(by('not attempted').length).toBeGreaterThan(0);
    // Only what was in flight when the platform died failed, each saying the change may have landed.
    expect(by('failed').length).toBeLessThanOrEqual(8);
    for (const entry of by('failed')) expect(entry.reason).toMatch(/may or may not have been applied/);

    await test.start();
    connectivity.succeeded();
    for (const entry of by('done')) {
      const { body } = await test.api<{ enabled: boolean }>(
        'GET',
        `/admin/api/v1/identityStores/consumers/accounts/${entry.accountId}`,
      );
      expect(body.enabled, entry.accountId).toBe(false);
    }
    for (const entry of by('not attempted').slice(0, 50)) {
      const { body } = await test.api<{ enabled: boolean }>(
        'GET',
        `/admin/api/v1/identityStores/consumers/accounts/${entry.accountId}`,
      );
      expect(body.enabled, entry.accountId).toBe(true);
    }

    const rest = first.results.filter((entry) => entry.outcome !== 'done').map((entry) => entry.accountId);
    const retried = await bulk.settled(
      (await bulk.start({ action: 'disable', store: 'consumers', accountIds: rest, checkFirst: true })).jobId,
    );
    expect(retried.results.every((entry) => entry.outcome === 'done')).toBe(true);
    // Every account is disabled once: no change was sent twice, the in-flight ones included.
    const sample = [
      ...by('failed').map((entry) => entry.accountId),
      ...accountIds.filter((_, index) => index % 25 === 0),
    ];
    for (const accountId of sample) expect(await disables(test, accountId), accountId).toBe(1);
    connectivity.dispose();
  }, 180_000);
});

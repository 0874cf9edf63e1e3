/**
 * Two agents at once on the same accounts: changes to different attributes of one account both survive, and a
 * bulk action racing a profile edit loses neither.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { connectToSandbox } from './sandbox-services';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 120 });
});
afterAll(() => sandbox.close());

const agent = () => connectToSandbox(sandbox.url);

describe('two agents at once', () => {
  it('edit different attributes of one account at the same moment, and both changes survive', async () => {
    const [first, second] = [agent(), agent()];
    const { items } = await first.accounts.search({ store: 'consumers', filter: { enabled: true }, page: 0, size: 5 });
    const id = items[4]!.id;
    await Promise.all([first.profiles.open('consumers', id), second.profiles.open('consumers', id)]);
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        first.profiles.act('consumers', id, {
          kind: 'updateAttributes',
          changes: { 'name.givenName': `Given ${round}` },
        }),
        second.profiles.act('consumers', id, {
          kind: 'updateAttributes',
          changes: { 'name.familyName': `Family ${round}` },
        }),
      ]);
      const fresh = await agent().profiles.open('consumers', id);
      const name = fresh.profile.attributes.name as { givenName: string; familyName: string };
      expect(name, `round ${round}`).toEqual(
        expect.objectContaining({ givenName: `Given ${round}`, familyName: `Family ${round}` }),
      );
    }
  });

  it('a bulk disable racing a profile edit: the accounts end disabled and the edit is kept', async () => {
    const [bulkAgent, editor] = [agent(), agent()];
    const { items } = await bulkAgent.accounts.search({
      store: 'consumers',
      filter: { enabled: true },
      page: 0,
      size: 30,
    });
    const ids = items.slice(10, 30).map((item) => item.id);
    expect(ids).toHaveLength(20);
    const edited = ids[7]!;
    await editor.profiles.open('consumers', edited);
    const bulk = bulkAgent.bulk;
    const started = await bulk.start({ action: 'disable', store: 'consumers', accountIds: ids });
    await editor.profiles.act('consumers', edited, {
      kind: 'updateAttributes',
      changes: { 'name.givenName': 'Raced' },
    });
    const result = await bulk.settled(started.jobId);
    expect(result.results.filter((entry) => entry.outcome === 'done')).toHaveLength(20);
    const check = agent();
    for (const id of ids) expect((await check.profiles.open('consumers', id)).profile.summary.enabled, id).toBe(false);
    const after = await check.profiles.open('consumers', edited);
    expect((after.profile.attributes.name as { givenName: string }).givenName).toBe('Raced');
  });
});

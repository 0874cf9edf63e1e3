import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, findAccount, startTestSandbox, type AccountJson, type Api } from './helpers';

let sandbox: RunningSandbox;
let agent: Api;
let viewer: Api;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 60 });
  agent = await apiAs(sandbox, 'agent');
  viewer = await apiAs(sandbox, 'viewer');
});
afterAll(() => sandbox.close());

interface AuditJson {
  content: Array<{
    name: string;
    action: string;
    method: string;
    url: string;
    entityType: string;
    actorClient: { id: string; name: string };
    request: string;
  }>;
  page: { totalElements: number };
}

describe('the administrative audit (v2)', () => {
  it('keeps every successful change by its client, newest first, filtered by the account’s URL; never a secret', async () => {
    const account: AccountJson = await findAccount(agent, 'consumers', (candidate) => candidate.enabled);
    const path = `${accountsPath('consumers')}/${account.id}`;
    // As the platform answers: an empty list is left out.
    const audit = async (query: string) => {
      const { body } = await viewer.get<Partial<AuditJson>>(`/admin/api/v2/admin/events/audit?${query}`);
      return { content: body.content ?? [] };
    };
    expect((await audit(`url=${encodeURIComponent(path)}`)).content).toEqual([]);

    await agent.get(path); // a read is no change
    expect((await agent.post(`${path}/disable`)).status).toBe(200);
    expect((await agent.post(`${path}/password/change`, { newPassword: 'Audit-me-not-1!' })).status).toBe(204);
    expect((await agent.post(`${accountsPath('consumers')}/no-such-account/enable`)).status).toBe(404);

    const entries = (await audit(`url=${encodeURIComponent(path)}`)).content;
    expect(entries.map((entry) => [entry.name, entry.action, entry.method, entry.url])).toEqual([
      ['resetPassword', 'Update', 'POST', `${path}/password/change`],
      ['disableAccount', 'Update', 'POST', `${path}/disable`],
    ]);
    expect(entries[0]!.actorClient.id).toBe('deskside-agent');
    expect(entries[0]!.entityType).toBe('Account');
    expect(entries[0]!.request).toBe('{"newPassword":"[redacted]"}');
    expect(JSON.stringify(entries)).not.toContain('Audit-me-not');
    // The exact URL only, and the other filters.
    expect((await audit(`url=${encodeURIComponent(`${path}/disable`)}&urlExactMatch=true`)).content).toHaveLength(1);
    expect((await audit(`url=${encodeURIComponent(path)}&urlExactMatch=true`)).content).toEqual([]);
    expect((await audit(`url=${encodeURIComponent(path)}&name=disable`)).content.map((entry) => entry.name)).toEqual([
      'disableAccount',
    ]);
    expect((await audit(`url=${encodeURIComponent(path)}&actorClientId=someone-else`)).content).toEqual([]);
  });

  it('needs read:admin_event_audit', async () => {
    const response = await fetch(`${sandbox.url}/admin/api/v2/admin/events/audit`);
    expect(response.status).toBe(401);
  });
});

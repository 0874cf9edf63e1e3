import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, findAccount, startTestSandbox, type AccountJson, type Api } from './helpers';

let sandbox: RunningSandbox;
let agent: Api;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 240 });
  agent = await apiAs(sandbox, 'agent');
});
afterAll(() => sandbox.close());

interface NotificationJson {
  id: string;
  accountId: string;
  accountEventId: string;
  target: string;
  notificationTemplate: { id: string };
  brandId?: string;
  notificationPolicyId?: string;
  clientId?: string;
  policySource: string;
}
/** An account the platform can write to: a verified email, and no lock. */
const reachable = (account: AccountJson) =>
  account.identities.email?.verified === true && Object.keys(account.accountLockout?.locks ?? {}).length === 0;
const path = (account: AccountJson, suffix = '') => `${accountsPath(account.store)}/${account.id}${suffix}`;
const notify = (clientId: string) => ({ 'X-Notification-By-Application': clientId });
const notificationsOf = async (account: AccountJson) =>
  (await agent.get<NotificationJson[]>(`/admin/api/v1/events/notification?accountIds=${account.id}`)).body;

describe('customer notifications (X-Notification-By-Application)', () => {
  it('requires a client for a password reset', async () => {
    const account = await findAccount(agent, 'consumers', reachable);
    const missing = await agent.post<{ fieldErrors: Array<{ field: string }> }>(path(account, '/password/reset'));
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors[0]!.field).toBe('X-Notification-By-Application');
  });

  it("uses a personal application's policies for an account without organization", async () => {
    const account = await findAccount(
      agent,
      'consumers',
      (candidate) => reachable(candidate) && candidate.organization === undefined,
    );
    const before = (await notificationsOf(account)).length;
    expect((await agent.post(path(account, '/password/reset'), undefined, notify('client-shop-web'))).status).toBe(204);
    const log = await notificationsOf(account);
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({
      notificationTemplate: { id: 'passwordReset' },
      brandId: 'brand-retail',
      notificationPolicyId: 'np-retail',
      clientId: 'client-shop-web',
      policySource: 'application',
      target: account.identities.email!.id,
    });
    const detail = await agent.get<{ messagePlainText: string }>(`/admin/api/v1/events/notification/${log[0]!.id}`);
    expect(detail.body.messagePlainText).toContain('Deskside Retail');
    const event = await agent.get<{ actions: Array<{ notifications?: Array<{ id: string }> }> }>(
      `/admin/api/v1/events/account/${log[0]!.accountEventId}`,
    );
    expect(event.body.actions[0]!.notifications).toEqual([{ id: log[0]!.id, target: account.identities.email!.id }]);
  });

  it("refuses an organizational application's client for an account without organization", async () => {
    const account = await findAccount(
      agent,
      'business',
      (candidate) => reachable(candidate) && candidate.organization === undefined,
      '&loginIdentifier=@freelance.example',
    );
    const refused = await agent.post<{ detail: string }>(
      path(account, '/password/reset'),
      undefined,
      notify('client-workplace-web'),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/no organization/);
    expect((await agent.post(path(account, '/password/reset'), undefined, notify('client-hr-web'))).status).toBe(204);
  });

  it('refuses a personal application for an organization account and applies the organization override', async () => {
    const account = await findAccount(
      agent,
      'business',
      (candidate) => reachable(candidate) && candidate.organization === 'acme',
    );
    const refused = await agent.post<{ detail: string }>(
      path(account, '/password/reset'),
      undefined,
      notify('client-hr-web'),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/organizational application/);
    expect((await agent.post(path(account, '/password/reset'), undefined, notify('client-workplace-web'))).status).toBe(
      204,
    );
    expect((await notificationsOf(account))[0]).toMatchObject({
      brandId: 'brand-acme',
      notificationPolicyId: 'np-acme',
      policySource: 'organization',
    });
  });

  it("falls back to the application's notification policy where the organization overrides only the brand", async () => {
    const account = await findAccount(
      agent,
      'business',
      (candidate) => reachable(candidate) && candidate.organization === 'globex',
    );
    await agent.post(path(account, '/password/reset'), undefined, notify('client-workplace-web'));
    expect((await notificationsOf(account))[0]).toMatchObject({
      brandId: 'brand-globex',
      notificationPolicyId: 'np-business',
      policySource: 'organization',
    });
  });

  it('notifies on attribute, authenticator and lock changes, and refuses before writing when the client breaks the rule', async () => {
    const account = await findAccount(agent, 'consumers', reachable);
    await agent.put(path(account, '/personal'), { newsletter: true }, notify('client-loyalty-web'));
    await agent.post(
      path(account, '/authenticators'),
      { type: 'email', target: 'second@example.com' },
      notify('client-loyalty-web'),
    );
    const templates = (await notificationsOf(account)).map((entry) => entry.notificationTemplate.id);
    expect(templates).toEqual(expect.arrayContaining(['accountAttributeUpdate', 'mfaMethodChange']));
    const refused = await agent.put(path(account, '/personal'), { newsletter: false }, notify('client-workplace-web'));
    expect(refused.status).toBe(400);
    expect((await agent.get<AccountJson>(path(account))).body.accountInfo!.newsletter).toBe(true);
    expect((await agent.post(path(account, '/lock'), { type: '_password' }, notify('no-such-client'))).status).toBe(
      400,
    );
    expect(Object.keys((await agent.get<AccountJson>(path(account))).body.accountLockout?.locks ?? {})).toEqual([]);
  });

  it('writes only to a verified identifier: the phone by SMS when the email is unverified, else a 400', async () => {
    const create = async (id: string, phone: { id: string; verified: boolean }) =>
      (
        await agent.post<AccountJson>(accountsPath('consumers'), {
          email: { id: `${id}@example.com` },
          phone,
          local: { metadata: { name: { givenName: id } } },
        })
      ).body;
    const byPhone = await create('phone-only', { id: '+36301234567', verified: true });
    expect((await agent.post(path(byPhone, '/password/reset'), undefined, notify('client-shop-web'))).status).toBe(204);
    const sent = await agent.get<Array<{ channel: string; target: string }>>(
      `/admin/api/v1/events/notification?accountIds=${byPhone.id}`,
    );
    expect(sent.body.map(({ channel, target }) => ({ channel, target }))).toEqual([
      { channel: 'sms', target: '+36301234567' },
    ]);

    const unreachable = await create('nobody', { id: '+36301234568', verified: false });
    const refused = await agent.post<{ detail: string }>(
      path(unreachable, '/password/reset'),
      undefined,
      notify('client-shop-web'),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe(
      'The customer cannot be notified: its email nobody@example.com is not verified and neither is its phone +36301234568.',
    );
    // An attribute change that asked to notify is refused whole: nothing changed.
    const update = await agent.put(
      path(unreachable, '/personal'),
      { name: { givenName: 'Changed' } },
      notify('client-shop-web'),
    );
    expect(update.status).toBe(400);
    const after = (await agent.get<{ accountInfo: { name?: { givenName?: string } } }>(path(unreachable))).body;
    expect(after.accountInfo.name?.givenName).toBe('nobody');
    expect((await notificationsOf(unreachable)).length).toBe(0);
  });

  it('accepts a hybrid application for accounts with and without organization', async () => {
    const withOrg = await findAccount(
      agent,
      'partners',
      (candidate) => reachable(candidate) && candidate.organization !== null,
    );
    const withoutOrg = (
      await agent.post<AccountJson>(accountsPath('partners'), {
        local: { id: 'solo-partner', metadata: { companyName: 'Solo Ltd' } },
        email: { id: 'solo@partner.example', verified: true },
      })
    ).body;
    expect(withoutOrg.organization).toBeUndefined(); // non-organizational: an empty field, left out
    expect((await agent.post(path(withOrg, '/password/reset'), undefined, notify('client-partner-web'))).status).toBe(
      204,
    );
    expect(
      (await agent.post(path(withoutOrg, '/password/reset'), undefined, notify('client-partner-web'))).status,
    ).toBe(204);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, findAccount, latestEvent, startTestSandbox, type AccountJson, type Api } from './helpers';

let sandbox: RunningSandbox;
let agent: Api;
let supervisor: Api;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 240 });
  agent = await apiAs(sandbox, 'agent');
  supervisor = await apiAs(sandbox, 'supervisor');
});
afterAll(() => sandbox.close());

const path = (account: AccountJson, suffix = '') => `${accountsPath(account.store)}/${account.id}${suffix}`;
const reload = async (account: AccountJson) => (await agent.get<AccountJson>(path(account))).body;

/** Every admin write leaves an administrative event naming the API client. */
async function expectAdminEvent(account: AccountJson, label: string, clientId = 'deskside-agent') {
  const event = await latestEvent(agent, account.id);
  expect(event.type).toBe('administrative');
  expect(event.labels).toEqual([label]);
  expect(event.actorClient?.id).toBe(clientId);
}

describe('account writes', () => {
  it('creates an account with validation, refuses duplicates and a weak password', async () => {
    const created = await agent.post<AccountJson>(accountsPath('consumers'), {
      email: { id: 'new.customer@example.com', verified: true },
      password: 'Str0ng-enough',
      local: { metadata: { name: { givenName: 'New', familyName: 'Customer' }, loyaltyTier: 'gold' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.identities.email).toEqual({ id: 'new.customer@example.com', verified: true });
    await expectAdminEvent(created.body, 'success:accountCreation');
    const found = await agent.get<AccountJson[]>(
      `${accountsPath('consumers')}?attribute_loyaltyTier=gold&loginIdentifier=new.customer@example.com`,
    );
    expect(found.body.map((account) => account.id)).toEqual([created.body.id]);
    expect((await agent.post(accountsPath('consumers'), { email: { id: 'NEW.customer@example.com' } })).status).toBe(
      409,
    );
    const weak = await agent.post<{ fieldErrors: Array<{ field: string; message: string }> }>(
      accountsPath('consumers'),
      { email: { id: 'weak@example.com' }, password: 'short' },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.fieldErrors.map((error) => error.field)).toContain('password');
    const invalid = await agent.post<{ fieldErrors: Array<{ field: string }> }>(accountsPath('consumers'), {
      email: { id: 'not-an-email' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fieldErrors[0]!.field).toContain('email');
  });

  it('disables and enables, idempotently', async () => {
    const account = await findAccount(agent, 'consumers', (candidate) => candidate.enabled);
    expect((await agent.post(path(account, '/disable'))).status).toBe(200);
    const disabled = await reload(account);
    expect(disabled.enabled).toBe(false);
    expect((await agent.post(path(account, '/disable'))).status).toBe(200);
    await expectAdminEvent(account, 'success:accountDisable');
    expect((await agent.post(path(account, '/enable'))).status).toBe(200);
    expect((await reload(account)).enabled).toBe(true);
  });

  it('locks and lifts a password lock', async () => {
    const account = await findAccount(
      agent,
      'consumers',
      (candidate) => Object.keys(candidate.accountLockout?.locks ?? {}).length === 0,
    );
    expect((await agent.post(path(account, '/lock'), { type: '_password' })).status).toBe(204);
    expect((await reload(account)).accountLockout?.locks?._password).toEqual({}); // permanent: until is empty, so left out;
    expect((await agent.post(path(account, '/lock'), { type: '_password' })).status).toBe(409);
    expect((await agent.post(path(account, '/liftPasswordLock'))).status).toBe(204);
    expect((await reload(account)).accountLockout?.locks ?? {}).toEqual({});
    expect((await agent.post(path(account, '/lock'), { type: 'everything' })).status).toBe(400);
  });

  it('lists and deletes sessions', async () => {
    const withSessions = (await agent.get<AccountJson[]>(`${accountsPath('consumers')}?size=100`)).body;
    let target: AccountJson | undefined;
    let sessions: Array<{ id: string; deviceString: string }> = [];
    for (const candidate of withSessions) {
      sessions = (await agent.get<Array<{ id: string; deviceString: string }>>(path(candidate, '/sessions'))).body;
      if (sessions.length >= 2) {
        target = candidate;
        break;
      }
    }
    expect(target, 'a seeded account with two sessions').toBeDefined();
    expect(sessions[0]!.deviceString).toMatch(/ on /);
    expect((await agent.delete(path(target!, `/sessions/${sessions[0]!.id}`))).status).toBe(204);
    expect((await agent.get<unknown[]>(path(target!, '/sessions'))).body).toHaveLength(sessions.length - 1);
    expect((await agent.delete(path(target!, `/sessions/${sessions[0]!.id}`))).status).toBe(404);
    expect((await agent.delete(path(target!, '/sessions'))).status).toBe(204);
    expect((await agent.get<unknown[]>(path(target!, '/sessions'))).body).toHaveLength(0);
    await expectAdminEvent(target!, 'success:sessionsDelete');
  });

  it('adds and deletes authenticators with type checks; deleting needs the supervisor tier', async () => {
    const account = await findAccount(agent, 'consumers');
    const added = await agent.post<{ id: string; type: string; target: string }>(path(account, '/authenticators'), {
      type: 'phone',
      target: '+36301234567',
    });
    expect(added.status).toBe(201);
    expect((await reload(account)).authenticators!.methods!.map((method) => method.target)).toContain('+36301234567');
    expect((await agent.post(path(account, '/authenticators'), { type: 'phone', target: '+36301234567' })).status).toBe(
      409,
    );
    const badPhone = await agent.post<{ fieldErrors: Array<{ field: string }> }>(path(account, '/authenticators'), {
      type: 'phone',
      target: '06-30-123',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.fieldErrors[0]!.field).toBe('target');
    expect((await agent.delete(path(account, `/authenticators/${added.body.id}`))).status).toBe(403);
    expect((await supervisor.delete(path(account, `/authenticators/${added.body.id}`))).status).toBe(204);
    await expectAdminEvent(account, 'success:authenticatorDelete', 'deskside-supervisor');
  });

  it('changes a password under the store policy and reports the policy errors', async () => {
    const account = await findAccount(agent, 'business');
    const weak = await agent.post<{ fieldErrors: Array<{ field: string; message: string }> }>(
      path(account, '/password/change'),
      { newPassword: 'password' },
    );
    expect(weak.status).toBe(400);
    const messages = weak.body.fieldErrors.map((error) => error.message);
    expect(messages).toEqual(
      expect.arrayContaining(['must be at least 12 characters long', 'must contain a digit', 'must contain a symbol']),
    );
    expect(weak.body.fieldErrors.every((error) => error.field === 'newPassword')).toBe(true);
    expect((await agent.post(path(account, '/password/change'), { newPassword: 'Correct-horse-42' })).status).toBe(204);
    await expectAdminEvent(account, 'success:passwordChange');
  });

  it('assigns and removes groups and roles, a role for any organization of the store', async () => {
    const account = await findAccount(agent, 'business', (candidate) => candidate.organization === 'acme');
    expect((await agent.post(path(account, '/groups'), [{ id: 'business-contractors' }])).status).toBe(204);
    expect(((await reload(account)).groups ?? []).map((group) => group.id)).toContain('business-contractors');
    expect((await agent.post(path(account, '/groups'), [{ id: 'missing-group' }])).status).toBe(404);
    expect(
      (await agent.delete(`/admin/api/v1/identityStores/business/groups/business-contractors/members/${account.id}`))
        .status,
    ).toBe(204);
    expect(((await reload(account)).groups ?? []).map((group) => group.id)).not.toContain('business-contractors');

    expect(
      (await agent.post(path(account, '/roles'), { organization: 'initech', roles: [{ id: 'business-billing' }] }))
        .status,
    ).toBe(204);
    const roles = (await agent.get<Array<{ id: string; organization: string }>>(path(account, '/roles'))).body;
    expect(roles).toContainEqual({ id: 'business-billing', organization: 'initech' });
    expect((await agent.delete(path(account, '/roles/business-billing'))).status).toBe(400);
    expect((await agent.delete(path(account, '/roles/business-billing?organization=initech'))).status).toBe(204);
    expect((await agent.get<unknown[]>(path(account, '/roles'))).body).not.toContainEqual({
      id: 'business-billing',
      organization: 'initech',
    });
  });

  it('updates attributes only as the schema allows, naming the field of each error', async () => {
    const account = await findAccount(agent, 'consumers');
    const ok = await agent.put<Record<string, unknown>>(path(account, '/personal'), {
      name: { givenName: 'Renamed' },
      loyaltyTier: 'platinum',
      contactPhone: '+441234567890',
    });
    expect(ok.status).toBe(200);
    expect((ok.body.name as { givenName: string }).givenName).toBe('Renamed');
    const after = await reload(account);
    expect(after.accountInfo!.loyaltyTier).toBe('platinum');
    expect((after.accountInfo!.name as { familyName: unknown }).familyName).toEqual(
      (account.accountInfo!.name as { familyName: unknown }).familyName,
    );
    const found = await agent.get<AccountJson[]>(`${accountsPath('consumers')}?attribute_name.givenName=Renamed`);
    expect(found.body.map((candidate) => candidate.id)).toContain(account.id);

    const bad = await agent.put<{ fieldErrors: Array<{ field: string; message: string }> }>(
      path(account, '/personal'),
      {
        loyaltyTier: 'diamond',
        contactPhone: '12345',
        birthDate: '31/12/1990',
        customerNumber: 'C-0000001',
        shoeSize: 42,
        name: { givenName: null },
      },
    );
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(bad.body.fieldErrors.map((error) => [error.field, error.message]));
    expect(fields.loyaltyTier).toMatch(/one of/);
    expect(fields.contactPhone).toMatch(/phone/);
    expect(fields.birthDate).toMatch(/YYYY-MM-DD/);
    expect(fields.customerNumber).toMatch(/cannot be edited/);
    expect(fields.shoeSize).toMatch(/not an attribute/);
    expect(fields['name.givenName']).toMatch(/required/);
    expect((await reload(account)).accountInfo!.loyaltyTier).toBe('platinum');

    const complex = await agent.put(path(account, '/personal'), {
      addresses: [{ street: '1 Main Street', city: 'Budapest', country: 'XX' }],
    });
    expect(complex.status).toBe(400);
    expect(
      (
        await agent.put(path(account, '/personal'), {
          addresses: [{ street: '1 Main Street', city: 'Budapest', country: 'HU' }],
          interests: ['chess'],
        })
      ).status,
    ).toBe(200);
  });

  it('verifies identity manually, invalidates, and clears failed attempts', async () => {
    const account = await findAccount(
      agent,
      'consumers',
      (candidate) => (candidate.accountProofings ?? []).length === 0,
    );
    const created = await agent.post<{ id: string; proofedAt: string }>(path(account, '/accountProofings'), {
      policyId: 'document-check',
    });
    expect(created.status).toBe(201);
    // Proofed now, as the platform's clock says.
    expect(Math.abs(Date.parse(created.body.proofedAt) - Date.now())).toBeLessThan(60_000);
    expect((await agent.post(path(account, '/accountProofings'), { policyId: 'document-check' })).status).toBe(409);
    expect((await agent.post(path(account, '/accountProofings'), { policyId: 'nope' })).status).toBe(400);
    const invalidated = await agent.post<{ invalidatedAt: string }>(
      path(account, `/accountProofings/${created.body.id}/invalidate`),
    );
    expect(Date.parse(invalidated.body.invalidatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.proofedAt));
    await expectAdminEvent(account, 'success:identityVerificationInvalidate');
    expect((await agent.delete(path(account, `/accountProofings/${created.body.id}`))).status).toBe(403);
    expect((await supervisor.delete(path(account, `/accountProofings/${created.body.id}`))).status).toBe(204);
  });

  it('changes the organization, the notification preferences, and downloads personal data', async () => {
    const account = await findAccount(agent, 'business', (candidate) => candidate.organization !== null);
    expect((await agent.put(path(account, '/organization'), { id: 'umbrella' })).status).toBe(200);
    expect((await reload(account)).organization).toBe('umbrella');
    expect((await agent.put(path(account, '/organization'), { id: 'no-such-org' })).status).toBe(400);
    const preferences = await agent.put<Record<string, boolean>>(path(account, '/notificationPreferences'), {
      accountLockout: false,
    });
    expect(preferences.body).toMatchObject({ accountLockout: false, passwordResetSuccess: true });
    const json = await agent.get<AccountJson>(path(account, '/download?fileType=json'));
    expect(json.headers.get('content-disposition')).toContain(`account-${account.id}.json`);
    expect(json.body.id).toBe(account.id);
    expect((await agent.get(path(account, '/download?fileType=pdf'))).status).toBe(400);
  });

  it('escapes hostile values in the HTML download', async () => {
    const hostile = await findAccount(agent, 'consumers', (candidate) =>
      String((candidate.accountInfo?.name as { givenName: string }).givenName).includes('<script>'),
    );
    const html = await agent.get<string>(path(hostile, '/download?fileType=html'));
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).not.toContain('<script>window');
    expect(html.body).toContain('&lt;script&gt;window');
  });

  it('hands out an impersonation link that works once and only for three minutes', async () => {
    const account = await findAccount(agent, 'consumers', (candidate) => candidate.enabled);
    const link = await agent.post<{ impersonationUrl: string }>(path(account, '/impersonation'), {
      clientId: 'client-shop-web',
      reason: 'Ticket 4711: reproduce checkout error',
    });
    expect(link.status).toBe(200);
    const first = await fetch(link.body.impersonationUrl);
    expect(first.status).toBe(200);
    expect((await fetch(link.body.impersonationUrl)).status).toBe(410);
    expect(
      (
        await agent.post(path(account, '/impersonation'), {
          clientId: 'client-workplace-web-of-another-store',
          reason: 'x',
        })
      ).status,
    ).toBe(400);
  });

  it('changes identifiers: an email is verified only on the caller’s word, else a link asks the customer', async () => {
    const created = (
      await agent.post<AccountJson>(accountsPath('consumers'), {
        email: { id: 'before.change@example.com', verified: true },
        local: { metadata: { name: { givenName: 'Changing' } } },
      })
    ).body;
    const identifier = (body: unknown, headers: Record<string, string> = {}) =>
      agent.post<{ id: string; verified?: boolean; detail?: string }>(
        path(created, '/identities/identifier'),
        body,
        headers,
      );
    const unproved = await identifier(
      { type: 'email', identifier: 'after.change@example.com' },
      { 'X-Notification-By-Application': 'client-shop-web' },
    );
    expect(unproved.status).toBe(200);
    expect(unproved.body).toEqual({ id: 'after.change@example.com', verified: false });
    expect((await reload(created)).identities.email).toEqual({ id: 'after.change@example.com', verified: false });
    await expectAdminEvent(created, 'success:identifierUpdate');
    // The old address hears of the change; the new one gets a link to confirm it.
    const sent = (
      await agent.get<Array<{ target: string; notificationTemplate: { id: string } }>>(
        `/admin/api/v1/events/notification?accountIds=${created.id}`,
      )
    ).body.map((item) => [item.notificationTemplate.id, item.target]);
    expect(sent).toEqual(
      expect.arrayContaining([
        ['identifierUpdate', 'before.change@example.com'],
        ['accountActivation', 'after.change@example.com'],
      ]),
    );
    expect(sent).toHaveLength(2);

    // The same unverified email again is no clash with itself: a fresh confirmation link goes to it.
    const again = await identifier({ type: 'email', identifier: 'after.change@example.com' });
    expect(again.status).toBe(200);
    const links = (
      await agent.get<Array<{ target: string; notificationTemplate: { id: string } }>>(
        `/admin/api/v1/events/notification?accountIds=${created.id}`,
      )
    ).body.filter((item) => item.notificationTemplate.id === 'accountActivation');
    expect(links.map((item) => item.target)).toEqual(['after.change@example.com', 'after.change@example.com']);

    const proved = await identifier(
      { type: 'email', identifier: 'proved@example.com' },
      { 'X-Skip-Email-Verification': 'true' },
    );
    expect(proved.body).toEqual({ id: 'proved@example.com', verified: true });
    // A skip header for the other kind skips nothing.
    const phone = await identifier(
      { type: 'phone', identifier: '+36301234599' },
      { 'X-Skip-Email-Verification': 'true' },
    );
    expect(phone.body).toEqual({ id: '+36301234599', verified: false });
    expect((await identifier({ type: 'username', identifier: 'changed.username' })).body).toEqual({
      id: 'changed.username',
      display: 'changed.username',
    });
    expect((await reload(created)).identities.local?.id).toBe('changed.username');

    const badPhone = await identifier({ type: 'phone', identifier: '06301234567' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.detail).toBe('06301234567 is not an international phone number (+ and 7 to 15 digits).');
    expect((await identifier({ type: 'email' })).status).toBe(400);
    const other = await findAccount(
      agent,
      'consumers',
      (candidate) => candidate.id !== created.id && Boolean(candidate.identities.email),
    );
    expect((await identifier({ type: 'email', identifier: other.identities.email!.id })).status).toBe(409);
  });

  it('deletes an account only with the supervisor tier', async () => {
    const account = await findAccount(agent, 'partners');
    expect((await agent.delete(path(account))).status).toBe(403);
    expect((await supervisor.delete(path(account))).status).toBe(204);
    expect((await agent.get(path(account))).status).toBe(404);
    const event = await latestEvent(agent, account.id);
    expect(event.labels).toEqual(['success:accountDeletion']);
  });
});

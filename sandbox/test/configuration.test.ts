import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, findAccount, latestEvent, startTestSandbox, type AccountJson, type Api } from './helpers';

let sandbox: RunningSandbox;
let viewer: Api;
let supervisor: Api;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 240 });
  viewer = await apiAs(sandbox, 'viewer');
  supervisor = await apiAs(sandbox, 'supervisor');
});
afterAll(() => sandbox.close());

type Paged<T> = { content: T[]; page: { totalElements: number; size: number; number: number; totalPages: number } };

describe('configuration reads', () => {
  it('lists identity stores as a paged model and reads one', async () => {
    const stores = await viewer.get<Paged<{ name: string; passwordPolicy: { id: string } }>>(
      '/admin/api/v1/identityStores?size=2',
    );
    expect(stores.body.content.map((store) => store.name)).toEqual(['consumers', 'business']);
    expect(stores.body.page).toEqual({ number: 0, size: 2, totalElements: 3, totalPages: 2 });
    expect((await viewer.get<{ name: string }>('/admin/api/v1/identityStores/partners')).body.name).toBe('partners');
    expect((await viewer.get('/admin/api/v1/identityStores/nowhere')).status).toBe(404);
  });

  it("serves each store's attribute schema with visibility, editability and indexing", async () => {
    const attributes = (
      await viewer.get<
        Array<{
          id: string;
          type: string;
          path: string;
          name: string;
          displayOnAdminConsole: boolean;
          editableOnAdminConsole: boolean;
          indexing?: string;
          values?: unknown[];
          attributes?: unknown[];
        }>
      >('/admin/api/v1/identityStores/consumers/attributes')
    ).body;
    const byName = Object.fromEntries(attributes.map((attribute) => [attribute.name, attribute]));
    expect(byName.givenName).toMatchObject({
      type: 'STRING',
      path: 'name',
      indexing: 'searchOnly',
      editableOnAdminConsole: true,
    });
    expect(byName.customerNumber).toMatchObject({ editableOnAdminConsole: false, displayOnAdminConsole: true });
    expect(byName.fraudScore).toMatchObject({ displayOnAdminConsole: false });
    expect(byName.loyaltyTier!.values).toHaveLength(4);
    // As the document has it: complex lists carry no children; they have their own endpoint.
    expect(byName.addresses!.attributes).toBeUndefined();
    const children = (
      await viewer.get<Array<{ name: string; type: string }>>(
        `/admin/api/v1/identityStores/consumers/attributes/${byName.addresses!.id}/attributes`,
      )
    ).body;
    expect(children.map((child) => child.name)).toHaveLength(4);
    expect(children.map((child) => child.name)).toContain('city');
    // Identifier and password types carry no name (the document requires only id, type and display name).
    const unnamed = attributes.filter((attribute) => /IDENTIFIER|PASSWORD/.test(attribute.type));
    expect(unnamed.length).toBeGreaterThan(0);
    for (const attribute of unnamed) expect(attribute.name).toBeUndefined();
    const one = await viewer.get<{ name: string }>(
      `/admin/api/v1/identityStores/consumers/attributes/${byName.birthDate!.id}`,
    );
    expect(one.body.name).toBe('birthDate');
    const business = (
      await viewer.get<Array<{ name: string }>>('/admin/api/v1/identityStores/business/attributes')
    ).body.map((attribute) => attribute.name);
    expect(business).toContain('costCenter');
    expect(business).not.toContain('loyaltyTier');
  });

  it('lists and reads groups, organizations and roles', async () => {
    const groups = (
      await viewer.get<Paged<{ id: string; name: string }>>('/admin/api/v1/identityStores/business/groups?name=finance')
    ).body.content;
    expect(groups.map((group) => group.id)).toEqual(['business-finance-approvers']);
    expect(
      (await viewer.get<{ name: string }>('/admin/api/v1/identityStores/business/groups/business-engineering')).body
        .name,
    ).toBe('Engineering');
    const organizations = (
      await viewer.get<Array<{ id: string; parent?: { id: string } }>>(
        '/admin/api/v1/identityStores/business/organizations?size=100',
      )
    ).body;
    expect(organizations.find((organization) => organization.id === 'acme-europe')!.parent).toEqual({
      id: 'acme',
      name: 'Acme Corporation',
    });
    expect(
      (await viewer.get<{ routes: string[] }>('/admin/api/v1/identityStores/business/organizations/acme')).body.routes,
    ).toEqual(['acme']);
    const roles = (
      await viewer.get<Paged<{ id: string; scopes: string[] }>>('/admin/api/v1/identityStores/business/roles')
    ).body.content;
    expect(roles.map((role) => role.id)).toContain('business-org-admin');
    expect((await viewer.get('/admin/api/v1/identityStores/business/roles/consumers-tester')).status).toBe(404);
  });

  it('lists verification policies, consents with their versions, brands and notification policies', async () => {
    const policies = (await viewer.get<Paged<{ id: string }>>('/admin/api/v1/identityProofings')).body.content;
    expect(policies.map((policy) => policy.id)).toEqual(expect.arrayContaining(['document-check', 'knowledge-based']));
    expect(
      (await viewer.get<{ failureMessage: { displayText: string } }>('/admin/api/v1/identityProofings/document-check'))
        .body.failureMessage.displayText,
    ).toBeTruthy();
    const consent = (
      await viewer.get<{ version: number; versions: Array<{ version: number }> }>(
        '/admin/api/v1/consents/terms-of-service',
      )
    ).body;
    expect(consent.version).toBe(3);
    expect(consent.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    expect((await viewer.get<Paged<unknown>>('/admin/api/v1/consents')).body.page.totalElements).toBe(4);
    expect((await viewer.get<{ brandName: string }>('/admin/api/v1/brands/brand-acme')).body.brandName).toBe(
      'Acme Corporation',
    );
    expect((await viewer.get<Paged<unknown>>('/admin/api/v1/brands')).body.content.length).toBeGreaterThan(3);
    expect((await viewer.get<{ sender: string }>('/admin/api/v1/notificationPolicies/np-acme')).body.sender).toBe(
      'it-help',
    );
    expect((await viewer.get<Paged<unknown>>('/admin/api/v1/notificationPolicies')).body.content.length).toBe(4);
  });

  it('lists applications of both kinds with their clients, policies and per-organization overrides', async () => {
    const applications = (
      await viewer.get<
        Paged<{ id: string; type: string; clients: Array<{ id: string }>; policies: { brand?: { id: string } } }>
      >('/admin/api/v2/applications')
    ).body.content;
    const workplace = applications.find((application) => application.id === 'app-workplace')!;
    // Listed applications carry no policies: those come with the application itself.
    expect(workplace.type).toBe('organizational');
    expect(workplace.policies).toBeUndefined();
    expect(
      (await viewer.get<{ policies: { brand?: { id: string } } }>('/admin/api/v2/applications/app-workplace')).body,
    ).toMatchObject({ policies: { brand: { id: 'brand-workplace' } } });
    expect(applications.find((application) => application.id === 'app-shop')!.type).toBe('personal');
    const clients = (
      await viewer.get<Array<{ id: string; type: string }>>('/admin/api/v2/applications/app-workplace/clients')
    ).body;
    expect(clients.map((client) => client.id).sort()).toEqual(['client-workplace-orgportal', 'client-workplace-web']);
    expect(
      (
        await viewer.get<{ type: string }>(
          '/admin/api/v2/applications/app-workplace/clients/client-workplace-orgportal',
        )
      ).body.type,
    ).toBe('orgPortal');
    const overrides = (
      await viewer.get<Paged<{ organization: { id: string } }>>(
        '/admin/api/v2/applications/app-workplace/organizations',
      )
    ).body.content;
    expect(overrides.map((override) => override.organization.id)).toEqual(['acme', 'acme-europe', 'globex']);
    expect(
      (
        await viewer.get<{ policies: { notificationPolicy: null } }>(
          '/admin/api/v2/applications/app-workplace/organizations/globex',
        )
      ).body.policies.notificationPolicy,
    ).toBeUndefined(); // no override: an empty field is left out of the answer
    expect((await viewer.get('/admin/api/v2/applications/app-nope')).status).toBe(404);
  });
});

describe('events', () => {
  it('filters account events by type, label, store, dates, and pages them; an event carries its actions', async () => {
    const account = await findAccount(viewer, 'consumers', (candidate) => Boolean(candidate.lastLogin));
    const all = (
      await viewer.get<Array<{ eventId: string; type: string; labels: string[]; startTimestamp: string }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&size=100`,
      )
    ).body;
    expect(all.length).toBeGreaterThan(0);
    const times = all.map((event) => event.startTimestamp);
    expect(times).toEqual([...times].sort().reverse());
    const customer = (
      await viewer.get<Array<{ type: string }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&eventTypes=customerFlow&size=100`,
      )
    ).body;
    expect(customer.every((event) => event.type === 'customerFlow')).toBe(true);
    const registration = (
      await viewer.get<Array<{ labels: string[] }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&labels=success:registration`,
      )
    ).body;
    expect(registration).toHaveLength(1);
    const start = all.at(-1)!.startTimestamp;
    const windowed = (
      await viewer.get<unknown[]>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&startDate=${encodeURIComponent(start)}&endDate=${encodeURIComponent(start)}`,
      )
    ).body;
    expect(windowed.length).toBeGreaterThanOrEqual(1);
    const page = (
      await viewer.get<unknown[]>(`/admin/api/v1/events/account?subjectIdentityStores=business&size=3&page=1`)
    ).body;
    expect(page).toHaveLength(3);
    const detail = (
      await viewer.get<{ actions: Array<{ details: Array<{ name: string }> }> }>(
        `/admin/api/v1/events/account/${all[0]!.eventId}`,
      )
    ).body;
    expect(detail.actions[0]!.details[0]!.name).toBeTruthy();
    expect((await viewer.get('/admin/api/v1/events/account/nope')).status).toBe(404);
    const descriptor = (await viewer.get<string[]>('/admin/api/v1/events/descriptor')).body;
    expect(descriptor).toEqual(expect.arrayContaining(['success:login', 'failure:login', 'success:registration']));
  });
});

describe('account reads and the remaining writes', () => {
  it('lists identities and unlinks an external identity', async () => {
    const account = await findAccount(
      supervisor,
      'consumers',
      (candidate) => (candidate.identities.external ?? []).length > 0,
    );
    type Identity = { id: string; display?: string; verified?: boolean; metadata?: { provider?: string } };
    const path = `${accountsPath('consumers')}/${account.id}/identities`;
    // The document's oneOf of flat Local, Email, Phone and External objects, as a list.
    const identities = (await viewer.get<Identity[]>(path)).body;
    const email = identities.find((identity) => identity.id === account.identities.email?.id);
    expect(email).toMatchObject({ verified: expect.any(Boolean) });
    const externals = identities.filter((identity) => identity.metadata?.provider);
    expect(externals.length).toBeGreaterThan(0);
    const external = externals[0]!;
    expect(['Google', 'Microsoft', 'Apple']).toContain(external.metadata!.provider);
    expect((await supervisor.delete(`${path}/${external.id}`)).status).toBe(204);
    const after = (await viewer.get<Identity[]>(path)).body;
    expect(after.map((identity) => identity.id)).not.toContain(external.id);
    expect(after).toHaveLength(identities.length - 1);
    expect((await latestEvent(viewer, account.id)).labels).toEqual(['success:externalIdentityUnlink']);
  });

  it('adds a member through the group route and lifts a passcode lock', async () => {
    const account = await findAccount(
      supervisor,
      'partners',
      (candidate) => !(candidate.groups ?? []).some((group) => group.id === 'partners-integrators'),
    );
    expect(
      (
        await supervisor.post('/admin/api/v1/identityStores/partners/groups/partners-integrators/members', {
          id: account.id,
        })
      ).status,
    ).toBe(204);
    expect(
      (await viewer.get<AccountJson>(`${accountsPath('partners')}/${account.id}`)).body.groups!.map(
        (group) => group.id,
      ),
    ).toContain('partners-integrators');
    sandbox.db
      .prepare(`UPDATE accounts SET locks = '{"_passcode":{"until":null}}', failed_passcode_attempts = 4 WHERE id = ?`)
      .run(account.id);
    expect((await supervisor.post(`${accountsPath('partners')}/${account.id}/liftPasscodeLock`)).status).toBe(204);
    const after = (
      await viewer.get<AccountJson & { accountLockout: { failedPasscodeAttemptCount: number } }>(
        `${accountsPath('partners')}/${account.id}`,
      )
    ).body;
    expect(after.accountLockout.locks).toEqual({});
    expect(after.accountLockout.failedPasscodeAttemptCount).toBe(0);
  });
});

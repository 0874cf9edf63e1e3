/**
 * The console against the published Admin API document: every request the real client sends on the everyday path
 * (connect, search with every filter kind, page, open, every tab, every change) is checked against the document's
 * facts — method, path, query parameter names and formats, headers, body shape — and every operation the console
 * uses is exercised. The sandbox runs without extensions and refuses undeclared query parameters; its answers
 * leave out empty fields, and in the sparse run every field the document does not require.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import {
  actionScopes,
  CONSOLE_SCOPES,
} from '../../electron/main/services/identity-platform/admin-api/admin-api-mapping';
import * as Api from '../../electron/main/services/identity-platform/admin-api/schemas';
import {
  toEvent,
  toEventDetail,
  toNotification,
  toProfile,
  toSummary,
} from '../../electron/main/services/identity-platform/admin-api/admin-api-mapping';
import { deletionConfirmation } from '../../electron/main/services/profiles/profile-service';
import { emptyCatalog } from '@shared/domain/profile';
import { connectToSandbox } from '../unit/sandbox-services';
import { apiAs } from '../../sandbox/test/helpers';
import { facts, operationOf, recordingFetch, requestProblems, type RecordedRequest } from './published-api';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    dataFile: ':memory:',
    port: 0,
    seedAccounts: 240,
    answers: { extensions: false, strict: true },
  });
});
afterAll(() => sandbox.close());

const problemsOf = (recorded: RecordedRequest[]) => recorded.flatMap(requestProblems);
const operationsOf = (recorded: RecordedRequest[]) =>
  new Set(recorded.map((request) => operationOf(request.method, request.url.pathname)?.id).filter(Boolean));

describe('the published Admin API document, as the console uses it', () => {
  it('every request of the everyday path follows the document, and every operation the console uses is exercised', async () => {
    const recorded: RecordedRequest[] = [];
    const wired = connectToSandbox(sandbox.url, { fetch: recordingFetch(recorded) });
    const { accounts, profiles, catalog } = wired;
    expect((await catalog.stores()).map((store) => store.name)).toContain('business');
    const business = await catalog.catalog('business');
    await catalog.catalog('consumers'); // has a complex list: its children come from their own endpoint
    const group = business.groups[0]!;
    const role = business.roles[0]!;
    const organization = business.organizations.find((item) => item.id === 'acme')!;
    const indexed = business.schema.find((attribute) => attribute.searchable)!;

    // Searches: every filter kind, a custom (bare-date) range, never logged in, sorting and a second page.
    const search = (filter: object, extra: object = {}) =>
      accounts.search({ store: 'business', filter, page: 0, size: 50, ...extra } as never);
    const first = await search({}, { sort: { field: 'createdAt', direction: 'desc' } });
    expect(first.total).toBeNull(); // no X-Total-Count without extensions
    expect(first.items.length).toBe(50);
    const second = await search({}, { page: 1 });
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
    await search({ loginIdentifier: '@example.com' });
    await search({ email: first.items[0]!.email ?? 'x@example.com', username: 'someone', id: first.items[0]!.id });
    await search({ dates: { createdAt: { from: '2020-01-01', to: '2030-12-31' }, lastLoginAt: { from: '-P30D' } } });
    await search({ neverLoggedIn: true, enabled: true, dates: { createdAt: { from: '-P365D' } } });
    await search({ dates: { updatedAt: { to: '2030-01-01' }, disabledAt: { from: '2020-01-01' } } });
    await search({ dates: { lastAuthenticationActivityAt: { from: '2020-01-01', to: '2030-01-01' } } });
    await search({ organization: organization.id, organizationScope: organization.id });
    await search({
      groups: { ids: [group.id], mode: 'include' },
      roles: { pairs: [{ organization: organization.id, role: role.id }], mode: 'exclude' },
    });
    await search({ attributes: { [indexed.key]: 'a' } });
    await expect(search({ neverLoggedIn: true, dates: { lastLoginAt: { from: '-P30D' } } })).rejects.toThrow(
      /cannot be combined/,
    );

    // An organization member: open it, every tab, then every change the account view makes.
    // One the platform can write to: a verified email (an invited member has none yet).
    const member = (await search({ organization: organization.id })).items.find((item) => item.emailVerified)!;
    const opened = await profiles.open('business', member.id);
    expect(opened.source).toBe('live');
    const events = await profiles.events({
      store: 'business',
      accountId: member.id,
      from: '2020-01-01',
      to: '2030-12-31',
      types: ['administrative', 'customerFlow'],
      page: 0,
      size: 20,
    });
    await profiles.event(events.items[0]?.id ?? opened.profile.events[0]!.id);
    const options = await profiles.notificationOptions('business', member.id);
    expect(options.length).toBeGreaterThan(0);
    const notifyClientId = options[0]!.clientId;
    const act = (action: object) => profiles.act('business', member.id, action as never);
    const givenName = business.schema.find((attribute) => attribute.key === 'name.givenName')!;
    expect(givenName.editable).toBe(true);
    await act({ kind: 'updateAttributes', changes: { 'name.givenName': 'Contract' }, notifyClientId });
    await act({ kind: 'lock', notifyClientId });
    await act({ kind: 'liftLock', lock: 'password' });
    await act({ kind: 'liftLock', lock: 'passcode' });
    await act({ kind: 'addGroups', groupIds: [group.id] });
    await act({ kind: 'removeGroup', groupId: group.id });
    await act({ kind: 'assignRoles', organizationId: organization.id, roleIds: [role.id] });
    await act({ kind: 'removeRole', organizationId: organization.id, roleId: role.id });
    const withAuthenticator = await act({
      kind: 'addAuthenticator',
      type: 'email',
      target: 'contract@example.com',
      notifyClientId,
    });
    const added = withAuthenticator.profile.authenticators.find((item) => item.target === 'contract@example.com')!;
    await act({ kind: 'deleteAuthenticator', authenticatorId: added.id, notifyClientId });
    const reset = await act({ kind: 'sendPasswordReset', notifyClientId });
    await profiles.notification('business', reset.profile.notifications[0]!.id);
    await act({ kind: 'changePassword', newPassword: 'Contract-Passw0rd!' });
    const policy = business.proofingPolicies[0]!;
    const verified = await act({ kind: 'verifyManually', policyId: policy.id });
    const proofing = verified.profile.proofings.find((item) => item.policyId === policy.id)!;
    await act({ kind: 'revokeProofing', proofingId: proofing.id });
    await act({ kind: 'clearProofingAttempts', proofingId: proofing.id });
    await act({ kind: 'disable' });
    await act({ kind: 'enable' });
    await profiles.download('business', member.id, 'html');
    // What happened, filtered by the platform: a label from its descriptor.
    const labels = await profiles.eventLabels();
    expect(labels).toContain('success:accountDisable');
    const disabled = await profiles.events({
      store: 'business',
      accountId: member.id,
      label: 'success:accountDisable',
      page: 0,
      size: 20,
    });
    // This test disabled the account (above): at least that event, and nothing but such events.
    expect(disabled.items.length).toBeGreaterThan(0);
    expect(new Set(disabled.items.map((event) => `${event.outcome}:${event.name}`))).toEqual(
      new Set(['success:accountDisable']),
    );
    // Who changed it: the audit lists this test's own changes, by this client.
    const audit = await profiles.audit('business', member.id, 0, 50);
    expect(audit.items.map((item) => item.what)).toEqual(
      expect.arrayContaining(['Disabled the account', 'Changed attributes']),
    );
    expect(new Set(audit.items.map((item) => item.by))).toEqual(new Set(['Deskside supervisor']));
    const clients = await profiles.notificationOptions('business', member.id);
    await profiles.impersonate('business', member.id, clients[0]!.clientId, 'Ticket 4711: checking the orders page');
    // Identifier fixes: a new phone the customer proved (the skip header), a new username; an external login unlinked.
    await act({
      kind: 'changeIdentifier',
      type: 'phone',
      identifier: '+36301112233',
      confirmation: '+36301112233',
      customerProvedIt: true,
      notifyClientId,
    });
    await act({
      kind: 'changeIdentifier',
      type: 'username',
      identifier: 'contract.member',
      confirmation: 'contract.member',
      customerProvedIt: false,
    });
    let linked = null;
    for (const item of [...first.items, ...second.items]) {
      const view = await profiles.open('business', item.id);
      if (view.profile.externalIdentities.length > 0) {
        linked = view;
        break;
      }
    }
    expect(linked).not.toBeNull();
    await profiles.act('business', linked!.profile.summary.id, {
      kind: 'unlinkIdentity',
      externalLoginId: linked!.profile.externalIdentities[0]!.id,
    });

    // Sessions: an account with one, then one and all of them ended.
    const withSession = [...first.items, ...second.items].find((item) => item.lastLoginAt);
    let sessionOwner = withSession ? await profiles.open('business', withSession.id) : null;
    for (const item of first.items) {
      if (sessionOwner && sessionOwner.profile.sessions.length > 0) break;
      sessionOwner = await profiles.open('business', item.id);
    }
    const session = sessionOwner!.profile.sessions[0]!;
    await profiles.act('business', sessionOwner!.profile.summary.id, { kind: 'deleteSession', sessionId: session.id });
    await profiles.act('business', sessionOwner!.profile.summary.id, { kind: 'deleteSessions' });

    // Invitations: one made on the platform (not by the console), seen on its account, resent, then revoked.
    const admin = await apiAs(sandbox, 'agent');
    const invited = await admin.post<{ id: string; accountId: string }>(
      '/admin/api/v1/identityStores/business/invite',
      {
        clientId: 'client-workplace-web',
        email: 'contract.invitee@example.com',
        groups: [],
        language: 'en-US',
        metadata: {},
        organization: organization.id,
        roles: [],
      },
    );
    expect(invited.status).toBe(201);
    const invitedView = await profiles.open('business', invited.body.accountId);
    expect(invitedView.profile.invitations.map((item) => item.id)).toEqual([invited.body.id]);
    expect(invitedView.profile.invitations[0]!.clientName).toBe('Workplace web');
    await profiles.act('business', invited.body.accountId, { kind: 'resendInvitation', invitationId: invited.body.id });
    const revoked = await profiles.act('business', invited.body.accountId, {
      kind: 'revokeInvitation',
      invitationId: invited.body.id,
    });
    expect(revoked.profile.invitations).toEqual([]);

    const doomed = second.items.at(-1)!;
    await profiles.deleteAccount('business', doomed.id, deletionConfirmation(doomed));

    expect(problemsOf(recorded)).toEqual([]);
    const used = operationsOf(recorded);
    const documented = facts.operations.map((operation) => operation.id);
    expect(documented.filter((id) => !used.has(id))).toEqual([]);
    // Each request's token carried the scopes its operation needs: the console asks for all of them.
    const needed = new Set(facts.operations.flatMap((operation) => operation.scopes));
    expect([...needed].filter((scope) => !CONSOLE_SCOPES.includes(scope))).toEqual([]);
  }, 60_000);

  it('gates each action on the permissions the document names for its operations', () => {
    const operationsOfAction: Record<keyof typeof actionScopes, string[]> = {
      updateAttributes: ['updateLocalMetadata'],
      enable: ['enableAccount'],
      disable: ['disableAccount'],
      lock: ['lock'],
      liftLock: ['liftPasswordLock', 'liftPasscodeLock'],
      deleteSessions: ['clearAccountDeviceSessions'],
      deleteSession: ['deleteAccountDeviceSession'],
      addGroups: ['addGroupsToAccount'],
      removeGroup: ['removeGroup'],
      assignRoles: ['addRolesToAccount'],
      removeRole: ['deleteRolesFromAccount'],
      addAuthenticator: ['addAuthenticator'],
      deleteAuthenticator: ['deleteAuthenticator'],
      sendPasswordReset: ['adminInitiatedPasswordReset'],
      changePassword: ['resetPassword'],
      verifyManually: ['addAccountProofing'],
      revokeProofing: ['invalidateAccountProofing'],
      clearProofingAttempts: ['deleteAccountProofingFailures'],
      deleteAccount: ['deleteAccountById'],
      download: ['getPersonalData'],
      impersonate: ['impersonation'],
      changeIdentifier: ['updateAccountIdentifier'],
      unlinkIdentity: ['deleteExternalIdentity'],
      resendInvitation: ['resendInvitation'],
      revokeInvitation: ['deleteAccountInvitation'],
    };
    for (const [action, operationIds] of Object.entries(operationsOfAction)) {
      const documented = operationIds.flatMap(
        (id) => facts.operations.find((operation) => operation.id === id)?.scopes ?? [`(no operation ${id})`],
      );
      expect([...actionScopes[action as keyof typeof actionScopes]].sort(), action).toEqual(
        [...new Set(documented)].sort(),
      );
    }
  });

  it('the token request carries grant_type, audience and scope', async () => {
    const recorded: RecordedRequest[] = [];
    const wired = connectToSandbox(sandbox.url, { tier: 'viewer', fetch: recordingFetch(recorded) });
    await (await wired.connections.active()).platform.listIdentityStores();
    const tokens = recorded.filter((request) => request.url.pathname === facts.token.path);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.flatMap(requestProblems)).toEqual([]);
  });
});

describe('the leanest answers the document allows', () => {
  /** An object with only what the document requires (and the ids the console addresses things by). */
  const minimal = {
    account: { id: 'a1' },
    attribute: { id: 'at1', type: 'USERNAME_IDENTIFIER', displayName: 'Username', frontendHook: {} },
    child: { id: 'c1', type: 'STRING', name: 'city', displayName: 'City' },
    event: { eventId: 'e1' },
    notification: { id: 'n1' },
    session: { id: 's1' },
    identity: { id: 'i1' },
    consent: { id: 'k1' },
    brand: { id: 'b1' },
    role: { id: 'r1', organization: 'o1' },
  };

  it('the console reads each without rejecting it, and shows what is missing as not provided', () => {
    expect(Api.ApiAccount.safeParse(minimal.account).success).toBe(true);
    expect(Api.ApiAccountProfile.safeParse({ ...minimal.account, roles: [minimal.role] }).success).toBe(true);
    expect(Api.ApiAttribute.safeParse(minimal.attribute).success).toBe(true);
    expect(Api.ApiChildAttribute.safeParse(minimal.child).success).toBe(true);
    expect(Api.ApiEventHeader.safeParse(minimal.event).success).toBe(true);
    expect(Api.ApiEvent.safeParse(minimal.event).success).toBe(true);
    expect(Api.ApiNotificationEvent.safeParse(minimal.notification).success).toBe(true);
    expect(Api.ApiNotificationDetail.safeParse(minimal.notification).success).toBe(true);
    expect(Api.ApiSession.safeParse(minimal.session).success).toBe(true);
    expect(Api.ApiIdentities.safeParse([minimal.identity]).success).toBe(true);
    expect(Api.ApiIdentities.safeParse(minimal.identity).success).toBe(true);
    expect(Api.ApiConsent.safeParse(minimal.consent).success).toBe(true);
    expect(Api.ApiBrand.safeParse(minimal.brand).success).toBe(true);
    expect(Api.ApiPaged(Api.ApiGroup).safeParse({}).success).toBe(true);
    for (const schema of [Api.ApiGroup, Api.ApiRole, Api.ApiOrganization, Api.ApiProofingPolicy, Api.ApiApplication])
      expect(schema.safeParse({ id: 'x' }).success).toBe(true);
    expect(Api.ApiIdentityStore.safeParse({ name: 'Default' }).success).toBe(true);
    expect(Api.ApiApplicationListItem.safeParse({ id: 'x', type: 'oauth2' }).success).toBe(true);

    const summary = toSummary(Api.ApiAccount.parse(minimal.account), 'store');
    expect(summary).toMatchObject({ id: 'a1', displayName: 'a1', createdAt: null, enabled: true });
    const profile = toProfile(
      {
        account: Api.ApiAccountProfile.parse({
          ...minimal.account,
          authenticators: { methods: [{ id: 'au1' }] },
          consents: [minimal.consent],
          accountProofings: [{ id: 'p1' }],
          accountLockout: { locks: { _password: {} }, failedPasswordAttemptCountPermanentLock: 5 },
        }),
        sessions: [Api.ApiSession.parse(minimal.session)],
        identities: [],
        events: [Api.ApiEventHeader.parse(minimal.event)],
        moreEvents: false,
        notifications: [Api.ApiNotificationEvent.parse(minimal.notification)],
        invitations: [Api.ApiInvitation.parse({ id: 'i1', accountId: 'a1' })],
      },
      'store',
      emptyCatalog,
    );
    expect(profile.authenticators[0]).toMatchObject({ type: 'not provided', createdAt: null });
    expect(profile.consents[0]).toMatchObject({ name: 'not provided', version: null, agreedAt: null });
    expect(profile.proofings[0]).toMatchObject({ policyName: 'not provided', attempts: 0 });
    // A lock whose until is left out is a permanent one; the permanent-lock counter counts.
    expect(profile.passwordLock).toEqual({ locked: true, until: null, failedAttempts: 5 });
    expect(profile.events[0]).toMatchObject({ at: null, type: 'not provided' });
    expect(profile.notifications[0]).toMatchObject({ at: null, success: null, channel: 'not provided' });
    expect(profile.invitations).toEqual([
      { id: 'i1', email: 'not provided', clientId: null, clientName: null, sentAt: null, validUntil: null },
    ]);
    expect(toEvent(Api.ApiEventHeader.parse(minimal.event)).id).toBe('e1');
    expect(toEventDetail(Api.ApiEvent.parse(minimal.event)).actions).toEqual([]);
    expect(toNotification(Api.ApiNotificationEvent.parse(minimal.notification), emptyCatalog).template).toBe(
      'not provided',
    );
  });

  it('keeps unknown fields and enum values as they are', () => {
    const parsed = Api.ApiAccountProfile.parse({
      id: 'a1',
      futureField: { nested: true },
      authenticators: { methods: [{ id: 'x', type: 'quantumKey' }] },
    });
    expect((parsed as Record<string, unknown>).futureField).toEqual({ nested: true });
    const profile = toProfile(
      {
        account: parsed,
        sessions: [],
        identities: null,
        events: [],
        moreEvents: false,
        notifications: [],
        invitations: [],
      },
      's',
      emptyCatalog,
    );
    expect(profile.authenticators[0]!.type).toBe('quantumKey');
  });

  it('the everyday reads pass against a sandbox that answers only what the document requires', async () => {
    const sparse = await startSandbox({
      dataFile: ':memory:',
      port: 0,
      seedAccounts: 60,
      answers: { extensions: false, strict: true, sparse: true },
    });
    try {
      const recorded: RecordedRequest[] = [];
      const wired = connectToSandbox(sparse.url, { fetch: recordingFetch(recorded) });
      const { accounts, profiles } = wired;
      const stores = await wired.catalog.stores();
      expect(stores.map((store) => store.name)).toContain('business');
      const catalog = await wired.catalog.catalog('consumers');
      expect(catalog.schema.length).toBeGreaterThan(0);
      const page = await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 20 });
      expect(page.items).toHaveLength(20);
      expect(page.items[0]!.createdAt).toBeNull();
      const opened = await profiles.open('consumers', page.items[0]!.id);
      expect(opened.profile.summary.id).toBe(page.items[0]!.id);
      const events = await profiles.events({ store: 'consumers', accountId: page.items[0]!.id, page: 0, size: 10 });
      if (events.items[0]) await profiles.event(events.items[0].id);
      await profiles.act('consumers', page.items[0]!.id, { kind: 'lock' });
      await profiles.act('consumers', page.items[0]!.id, { kind: 'liftLock', lock: 'password' });
      expect(problemsOf(recorded)).toEqual([]);
    } finally {
      await sparse.close();
    }
  }, 30_000);
});

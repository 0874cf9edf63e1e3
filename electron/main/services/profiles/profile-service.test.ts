import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesksideError } from '@shared/contracts';
import { tierScopes } from '../../../../sandbox/auth/clients';
import { setConsent } from '../../../../sandbox/domain/customer-records';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/start';
import { connectToSandbox, setFaults } from '../../../../tests/unit/sandbox-services';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deletionConfirmation, isTenantUrl } from './profile-service';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 150 });
});
afterAll(() => sandbox.close());

function services(tier: 'viewer' | 'agent' | 'supervisor' = 'supervisor') {
  return connectToSandbox(sandbox.url, tier);
}

/** The Admin API as the supervisor, to check the platform's state after an action. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = (await (
    await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'deskside-supervisor',
        client_secret: 'supervisor-demo-secret',
        audience: sandbox.url,
        scope: tierScopes.supervisor.join(' '),
      }),
    })
  ).json()) as { access_token: string };
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token.access_token}`, ...(init.headers ?? {}) },
  });
  return (await response.json()) as T;
}

async function findAccount(store: string, query: string): Promise<{ id: string; organization: string | null }> {
  const [account] = await api<Array<{ id: string; organization: string | null }>>(
    `/admin/api/v1/identityStores/${store}/accounts?${query}&size=1`,
  );
  if (!account) throw new Error(`no ${store} account for ${query}`);
  return account;
}

describe('ProfileService', () => {
  it('opens an account with every tab’s data and names, caches it, and serves the cache when the platform fails', async () => {
    const { profiles, connectivity } = services();
    const member = await findAccount('business', 'organization=acme');
    const live = await profiles.open('business', member.id);
    expect(live.source).toBe('live');
    const { profile, catalog } = live;
    expect(profile.summary.organization).toBe('acme');
    expect(catalog.schema.some((attribute) => attribute.key === 'employeeId')).toBe(true);
    for (const role of profile.roles) expect(role.roleName).not.toBe(role.roleId);
    expect(profile.events.length).toBeGreaterThan(0);
    expect(profile.events[0]!.outcome).toMatch(/success|failure/);

    await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      const cached = await profiles.open('business', member.id);
      expect(cached.source).toBe('cache');
      expect(cached.profile).toEqual(profile);
      expect(connectivity.offline).toBe(true);
      const events = await profiles.events({ store: 'business', accountId: member.id, page: 0, size: 5 });
      expect(events.source).toBe('cache');
      expect(events.items.map((event) => event.id)).toEqual(profile.events.slice(0, 5).map((event) => event.id));
      await expect(profiles.act('business', member.id, { kind: 'disable' })).rejects.toMatchObject({
        code: 'OFFLINE',
      });
    } finally {
      await setFaults(sandbox.url, []);
    }
    await expect.poll(() => connectivity.current().state, { timeout: 5000 }).toBe('online');
    connectivity.dispose();
  });

  it('keeps an opened account for offline use just after the answer; the cache’s readers see it at once', async () => {
    const { profiles, profileCache, db, connectivity } = services();
    const member = await findAccount('business', 'organization=acme');
    const storedProfile = () =>
      (db.prepare('SELECT profile FROM accounts WHERE id = ?').get(member.id) as { profile: string | null } | undefined)
        ?.profile ?? null;
    const live = await profiles.open('business', member.id);
    // The answer is handed on before the write: nothing is stored yet in the task that received it.
    expect(storedProfile()).toBeNull();
    // A reader of the cache in that same task runs the pending write first.
    expect(profileCache.getProfile('business', member.id)?.profile.summary.id).toBe(member.id);
    expect(JSON.parse(storedProfile()!).summary.id).toBe(member.id);
    const events = profileCache.events('business', member.id, { page: 0, size: 3 });
    expect(events.items.map((event) => event.id)).toEqual(live.profile.events.slice(0, 3).map((event) => event.id));

    // Opened again, the write comes once the task is over, without any reader.
    db.prepare('UPDATE accounts SET profile = NULL WHERE id = ?').run(member.id);
    await profiles.open('business', member.id);
    expect(storedProfile()).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(storedProfile()!).summary.id).toBe(member.id);
    connectivity.dispose();
  });

  it('checks attribute changes against the schema before sending, and sends valid ones nested', async () => {
    const { profiles } = services();
    const account = await findAccount('consumers', 'enabled=true');
    await expect(
      profiles.act('consumers', account.id, { kind: 'updateAttributes', changes: { contactPhone: '06 30 123' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', envelope: { fieldErrors: { contactPhone: [expect.any(String)] } } });
    await expect(
      profiles.act('consumers', account.id, { kind: 'updateAttributes', changes: { fraudScore: 'x' } }),
    ).rejects.toMatchObject({ envelope: { fieldErrors: { fraudScore: ['cannot be edited from the admin console'] } } });

    const view = await profiles.act('consumers', account.id, {
      kind: 'updateAttributes',
      changes: { 'name.givenName': 'Ada', contactPhone: '+36301234567' },
    });
    expect((view.profile.attributes.name as { givenName: string }).givenName).toBe('Ada');
    const stored = await api<{ accountInfo: { name: { givenName: string }; contactPhone: string } }>(
      `/admin/api/v1/identityStores/consumers/accounts/${account.id}`,
    );
    expect(stored.accountInfo.name.givenName).toBe('Ada');
    expect(stored.accountInfo.contactPhone).toBe('+36301234567');
  });

  it('passes the platform’s field errors on by field', async () => {
    const { connections } = services();
    const { platform } = await connections.active();
    const account = await findAccount('consumers', 'enabled=true');
    await expect(
      platform.applyAction('consumers', account.id, {
        kind: 'updateAttributes',
        changes: { birthDate: 'yesterday' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', envelope: { fieldErrors: { birthDate: [expect.any(String)] } } });
  });

  it('offers the notification clients the platform’s rules allow, with the branding and policy that apply', async () => {
    const { profiles } = services();
    const member = await findAccount('business', 'organization=acme');
    await profiles.open('business', member.id);
    const forMember = await profiles.notificationOptions('business', member.id);
    expect(forMember.length).toBeGreaterThan(0);
    expect(forMember.every((option) => option.applicationType !== 'personal')).toBe(true);
    const workplace = forMember.find((option) => option.applicationName.includes('Workplace'))!;
    expect(workplace).toMatchObject({ policySource: 'organization' });
    // The organization's own brand (its policy for the application), not the application's.
    expect(workplace.brandName).toBe('Acme Corporation');

    const consumer = await findAccount('consumers', 'enabled=true');
    await profiles.open('consumers', consumer.id);
    const forConsumer = await profiles.notificationOptions('consumers', consumer.id);
    expect(forConsumer.every((option) => option.applicationType !== 'organizational')).toBe(true);
    expect(forConsumer.every((option) => option.policySource === 'application')).toBe(true);

    const option = forMember[0]!;
    const after = await profiles.act('business', member.id, {
      kind: 'sendPasswordReset',
      notifyClientId: option.clientId,
    });
    const sent = after.profile.notifications[0]!;
    expect(sent.template).toMatch(/password/i);
    expect(sent.policyName).toBe(option.policyName);
    expect(sent.clientName).toBe(option.clientName);
    expect(sent.policySource).toBe(option.policySource);
  });

  it('assigns and removes roles and groups, verifies and revokes, and journals each change', async () => {
    const { profiles, journal } = services();
    const account = await findAccount('business', 'organization=globex');
    const opened = await profiles.open('business', account.id);
    const role = opened.catalog.roles[0]!;
    let view = await profiles.act('business', account.id, {
      kind: 'assignRoles',
      organizationId: 'initech',
      roleIds: [role.id],
    });
    expect(view.profile.roles).toContainEqual(
      expect.objectContaining({ roleId: role.id, organizationId: 'initech', roleName: role.name }),
    );
    view = await profiles.act('business', account.id, {
      kind: 'removeRole',
      organizationId: 'initech',
      roleId: role.id,
    });
    expect(view.profile.roles.some((item) => item.roleId === role.id && item.organizationId === 'initech')).toBe(false);

    const policy = view.catalog.proofingPolicies[0]!;
    view = await profiles.act('business', account.id, { kind: 'verifyManually', policyId: policy.id });
    const proofing = view.profile.proofings.find((item) => item.policyId === policy.id && !item.invalidatedAt)!;
    expect(proofing.policyName).toBe(policy.name);
    view = await profiles.act('business', account.id, { kind: 'revokeProofing', proofingId: proofing.id });
    expect(view.profile.proofings.find((item) => item.id === proofing.id)!.invalidatedAt).not.toBeNull();

    const entries = journal.list();
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['profile:assignRoles', 'profile:removeRole', 'profile:verifyManually']),
    );
    expect(entries.every((entry) => entry.results[0]!.outcome === 'done')).toBe(true);
  });

  it('refuses to delete without the typed identifier, then deletes', async () => {
    const { profiles } = services();
    const account = await findAccount('partners', 'enabled=true');
    const { profile } = await profiles.open('partners', account.id);
    await expect(profiles.deleteAccount('partners', account.id, 'yes')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await profiles.deleteAccount('partners', account.id, deletionConfirmation(profile.summary));
    await expect(profiles.open('partners', account.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a viewer can read but not change, and is told which permission is missing', async () => {
    const { profiles } = services('viewer');
    const account = await findAccount('consumers', 'enabled=true');
    expect((await profiles.open('consumers', account.id)).source).toBe('live');
    await expect(profiles.act('consumers', account.id, { kind: 'disable' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('events by what happened', () => {
  it('asks the platform for one label, and offline filters the cached events by the same label', async () => {
    const { profiles, connectivity } = services();
    const member = await findAccount('consumers', 'enabled=true');
    const opened = await profiles.open('consumers', member.id);
    const label = `${opened.profile.events[0]!.outcome}:${opened.profile.events[0]!.name}`;
    expect(await profiles.eventLabels()).toContain(label);
    const live = await profiles.events({ store: 'consumers', accountId: member.id, label, page: 0, size: 100 });
    expect(live.source).toBe('live');
    expect(live.items.length).toBeGreaterThan(0);
    expect(new Set(live.items.map((event) => `${event.outcome}:${event.name}`))).toEqual(new Set([label]));
    const all = await profiles.events({ store: 'consumers', accountId: member.id, page: 0, size: 100 });
    const expected = all.items.filter((event) => `${event.outcome}:${event.name}` === label).map((event) => event.id);
    await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      const cached = await profiles.events({ store: 'consumers', accountId: member.id, label, page: 0, size: 100 });
      expect(cached.source).toBe('cache');
      expect(cached.items.map((event) => event.id)).toEqual(expected);
    } finally {
      await setFaults(sandbox.url, []);
    }
    connectivity.dispose();
  });
});

describe('impersonation', () => {
  it('needs a reason, keeps it in the journal with the client, and answers the tenant’s one-time link', async () => {
    const { profiles, journal } = services('agent');
    const member = await findAccount('consumers', 'enabled=true');
    const [client] = await profiles.notificationOptions('consumers', member.id);
    await expect(profiles.impersonate('consumers', member.id, client!.clientId, '  too short ')).rejects.toMatchObject({
      code: 'VALIDATION',
      envelope: { fieldErrors: { reason: ['must be at least 10 characters'] } },
    });
    const url = await profiles.impersonate('consumers', member.id, client!.clientId, 'Ticket 4711: orders page empty');
    expect(url.startsWith(`${sandbox.url}/sandbox/customer/impersonate/`)).toBe(true);
    // The link signs in as the customer, once.
    const signedIn = await fetch(url);
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { accountId: string }).accountId).toBe(member.id);
    expect((await fetch(url)).status).toBe(410);
    const entry = journal.list(5).find((item) => item.action === 'profile:impersonate')!;
    expect(entry.detail).toBe(`through ${client!.clientId}: Ticket 4711: orders page empty`);
    expect(entry.results).toEqual([{ accountId: member.id, outcome: 'done' }]);
    // The platform keeps the reason too.
    const events = await api<Array<{ eventId: string; labels: string[] }>>(
      `/admin/api/v1/events/account?subjectAccountIds=${member.id}&labels=success:impersonation`,
    );
    expect(events.length).toBeGreaterThan(0);
  });

  it('is off for a connection not seen to hold write:account_impersonation', async () => {
    const { profiles } = services('viewer');
    const member = await findAccount('consumers', 'enabled=true');
    await expect(
      profiles.impersonate('consumers', member.id, 'client-shop-web', 'Ticket 4711: orders page empty'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This connection lacks the write:account_impersonation permission.',
    });
  });
});

describe('isTenantUrl: an impersonation link must lead to the connection’s own tenant', () => {
  it('accepts the tenant and its subdomains over https, plain http only for a tenant on this machine', () => {
    const tenant = 'https://acme.strivacity.com';
    expect(isTenantUrl('https://acme.strivacity.com/impersonate/x', tenant)).toBe(true);
    expect(isTenantUrl('https://login.acme.strivacity.com/x', tenant)).toBe(true);
    expect(isTenantUrl('http://acme.strivacity.com/x', tenant)).toBe(false);
    expect(isTenantUrl('https://evil.example/x', tenant)).toBe(false);
    expect(isTenantUrl('https://acme.strivacity.com.evil.example/x', tenant)).toBe(false);
    expect(isTenantUrl('https://user:pass@acme.strivacity.com/x', tenant)).toBe(false);
    expect(isTenantUrl('javascript:alert(1)', tenant)).toBe(false);
    expect(isTenantUrl('http://127.0.0.1:4100/sandbox/x', 'http://127.0.0.1:4100')).toBe(true);
    expect(isTenantUrl('http://127.0.0.1:4200/sandbox/x', 'http://127.0.0.1:4100')).toBe(false);
  });
});

describe('consents over versions', () => {
  it('an agreement a newer version replaced reads as superseded, not revoked; only an opt-out revokes', async () => {
    const { accounts, profiles } = services();
    const [account] = (await accounts.search({ store: 'consumers', filter: {}, page: 0, size: 1 })).items;
    const consent = sandbox.db.prepare("SELECT id, version FROM consents WHERE id = 'marketing-email'").get() as {
      id: string;
      version: number;
    };
    const mine = async () =>
      (await profiles.load('consumers', account!.id)).profile.consents.filter((item) => item.consentId === consent.id);
    sandbox.db
      .prepare('DELETE FROM account_consents WHERE account_id = ? AND consent_id = ?')
      .run(account!.id, consent.id);
    // The customer agrees to the current text, then to a newer one (the sandbox closes the older record as it does).
    setConsent(sandbox.ctx, account!.id, consent, true);
    sandbox.db.prepare('UPDATE consents SET version = ? WHERE id = ?').run(consent.version + 1, consent.id);
    try {
      setConsent(sandbox.ctx, account!.id, { id: consent.id, version: consent.version + 1 }, true);
      const replaced = await mine();
      expect(replaced.map((item) => [item.version, item.state, item.supersededBy]).sort()).toEqual(
        [
          [consent.version, 'superseded', consent.version + 1],
          [consent.version + 1, 'agreed', null],
        ].sort(),
      );
      // An explicit opt-out of the newer one is a revocation; the older stays superseded.
      setConsent(sandbox.ctx, account!.id, { id: consent.id, version: consent.version + 1 }, false);
      const withdrawn = await mine();
      expect(withdrawn.find((item) => item.version === consent.version + 1)?.state).toBe('revoked');
      expect(withdrawn.find((item) => item.version === consent.version)?.state).toBe('superseded');
    } finally {
      sandbox.db.prepare('UPDATE consents SET version = ? WHERE id = ?').run(consent.version, consent.id);
    }
  });
});

describe('ReportService', () => {
  it('exports every event and escapes hostile values in the HTML; JSON holds the same account', async () => {
    const { reports, profiles } = services();
    const [hostile] = await api<Array<{ id: string }>>(
      '/admin/api/v1/identityStores/consumers/accounts?loginIdentifier=hostile.scripttag@example.com',
    );
    await profiles.open('consumers', hostile!.id);
    const html = await reports.export('consumers', hostile!.id, 'html');
    const text = readFileSync(html.path!, 'utf8');
    expect(text).not.toContain('<script>window.__desksidePwned');
    expect(text).toContain('&lt;script&gt;window.__desksidePwned = true&lt;/script&gt;');
    expect(text).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(text).toContain(`Activity <span class="count">(${html.events})</span>`);
    // The file name carries the account id and the date, not the customer's name.
    expect(basename(html.path!)).toMatch(
      new RegExp(`^account-report-${hostile!.id}-\\d{4}-\\d{2}-\\d{2}(-[\\dTZ-]+)?\\.html$`),
    );
    const json = await reports.export('consumers', hostile!.id, 'json', { caseReference: 'INC-1234' });
    const parsed = JSON.parse(readFileSync(json.path!, 'utf8')) as {
      schemaVersion: number;
      header: { account: { id: string }; caseReference: string };
      activity: { count: number; items: unknown[] };
    };
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.header.account.id).toBe(hostile!.id);
    expect(parsed.header.caseReference).toBe('INC-1234');
    expect(parsed.activity.items.length).toBe(json.events);
    const named = await reports.export('consumers', hostile!.id, 'html', { includeName: true });
    expect(basename(named.path!)).toContain(hostile!.id);
    expect(basename(named.path!)).not.toBe(basename(html.path!));
    await expect(reports.export('consumers', hostile!.id, 'pdf')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps hidden attributes out of the view, the cache and both reports', async () => {
    const { reports, profiles, profileCache } = services();
    const [hostile] = await api<Array<{ id: string; accountInfo: Record<string, unknown> }>>(
      '/admin/api/v1/identityStores/consumers/accounts?loginIdentifier=hostile.scripttag@example.com',
    );
    // The platform holds it, and says the admin console does not show it.
    expect(hostile!.accountInfo.fraudScore).toBe('<script>window.__desksidePwned = true</script>');
    const schema = await api<Array<{ name: string; displayOnAdminConsole: boolean }>>(
      '/admin/api/v1/identityStores/consumers/attributes',
    );
    expect(schema.find((attribute) => attribute.name === 'fraudScore')?.displayOnAdminConsole).toBe(false);

    const view = await profiles.open('consumers', hostile!.id);
    expect(view.profile.attributes).not.toHaveProperty('fraudScore');
    expect(view.profile.attributes).toHaveProperty('interests'); // a shown one stays
    const cached = profileCache.getProfile('consumers', hostile!.id)!;
    expect(cached.profile.attributes).not.toHaveProperty('fraudScore');
    expect(Object.keys(cached.profile.attributes).sort()).toEqual(Object.keys(view.profile.attributes).sort());
    for (const format of ['json', 'html'] as const) {
      const text = readFileSync((await reports.export('consumers', hostile!.id, format)).path!, 'utf8');
      expect(text).toContain('Interests');
      expect(text).not.toMatch(/fraudScore|Fraud score/);
    }
  });

  it('pages through every event of a long history (2,500 events) into the report, as the platform lists them', async () => {
    const { reports, profiles } = services();
    const account = await findAccount('partners', 'enabled=true');
    const path = `/admin/api/v1/identityStores/partners/accounts/${account.id}`;
    // 1,250 disable and enable rounds: 2,500 administrative events on top of the seeded ones.
    for (let round = 0; round < 1250; round++) {
      await api(`${path}/disable`, { method: 'POST' });
      await api(`${path}/enable`, { method: 'POST' });
    }
    const platformIds: string[] = [];
    for (let page = 0; ; page++) {
      const batch = await api<Array<{ eventId: string }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&subjectIdentityStores=partners&size=1000&page=${page}&sort=startTimestamp,desc`,
      );
      platformIds.push(...batch.map((event) => event.eventId));
      if (batch.length < 1000) break;
    }
    expect(platformIds.length).toBeGreaterThanOrEqual(2500);
    // The profile holds the latest 50 and knows there are more.
    const view = await profiles.open('partners', account.id);
    expect(view.profile.events).toHaveLength(50);
    expect(view.profile.moreEvents).toBe(true);
    expect(view.profile.events.map((event) => event.id)).toEqual(platformIds.slice(0, 50));
    const saved = await reports.export('partners', account.id, 'json');
    expect(saved.events).toBe(platformIds.length);
    const report = JSON.parse(readFileSync(saved.path!, 'utf8')) as {
      activity: { count: number; items: Array<{ id: string }> };
    };
    expect(report.activity.count).toBe(platformIds.length);
    expect(new Set(report.activity.items.map((event) => event.id))).toEqual(new Set(platformIds));
  }, 60_000);

  it('exports every result of a search to CSV, and says when the limit cut it short', async () => {
    const { reports, accounts } = services();
    const saved = await reports.searchResultsCsv({ store: 'consumers', filter: {} });
    const lines = readFileSync(saved.path!, 'utf8').trim().split('\r\n');
    const [, ...rows] = lines;
    const total = await api<unknown[]>('/admin/api/v1/identityStores/consumers/accounts?size=1000');
    expect(rows).toHaveLength(total.length);
    expect(saved).toMatchObject({ rows: total.length, truncated: false, source: 'live' });
    const cut = await accounts.allResults({ store: 'consumers', filter: {} }, 10);
    expect(cut.items).toHaveLength(10);
    expect(cut.truncated).toBe(true);
  });

  it('builds the report offline from the cache, saying so', async () => {
    const { reports, profiles, connectivity } = services();
    const account = await findAccount('business', 'organization=initech');
    await profiles.open('business', account.id);
    await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      connectivity.failed(new DesksideError({ code: 'UNAVAILABLE', message: 'down' }));
      const saved = await reports.export('business', account.id, 'html');
      const html = readFileSync(saved.path!, 'utf8');
      expect(html).toContain('from the offline cache');
      expect(saved.events).toBeGreaterThan(0);
    } finally {
      await setFaults(sandbox.url, []);
      connectivity.dispose();
    }
  });
  it('lists an account’s pending invitation, asked for with the email a search saw, and again when it has changed', async () => {
    const pending = async (store: string) =>
      (
        await api<Array<{ email: string; accountId: string }>>(
          `/admin/api/v1/identityStores/${store}/invite?accepted=false&size=20`,
        )
      ).map((invitation) => ({ ...invitation, store }));
    const [invited] = [...(await pending('consumers')), ...(await pending('business'))];
    if (!invited) throw new Error('the seed has no pending invitation');
    const { store } = invited;
    const asked: string[] = [];
    const noting: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/invite')) asked.push(url.searchParams.get('email')!);
      return fetch(input, init);
    };
    const agent = connectToSandbox(sandbox.url, { fetch: noting });
    await agent.accounts.search({ store, filter: { id: invited.accountId }, page: 0, size: 1 });
    const view = await agent.profiles.open(store, invited.accountId);
    expect(view.profile.invitations.map((invitation) => invitation.email)).toEqual([invited.email]);
    expect(asked).toEqual([invited.email]);

    // The cache still holds an email the account no longer has: the list is asked for again with the right one.
    const { summary: cached } = agent.cache.get(store, invited.accountId)!;
    agent.cache.upsertSummaries([{ ...cached, email: 'before.the.change@example.com' }]);
    asked.length = 0;
    const again = await agent.profiles.open(store, invited.accountId);
    expect(asked).toEqual(['before.the.change@example.com', invited.email]);
    expect(again.profile.invitations.map((invitation) => invitation.email)).toEqual([invited.email]);
  });
});

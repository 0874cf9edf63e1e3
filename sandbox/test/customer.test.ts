import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../seed/seed';
import { locateIp } from '../domain/geo';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, findAccount, startTestSandbox, type AccountJson, type Api } from './helpers';

let sandbox: RunningSandbox;
let agent: Api;
let clock = Date.now();
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 240, now: () => clock });
  agent = await apiAs(sandbox, 'agent');
});
afterAll(() => sandbox.close());

const customer = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}/sandbox/customer${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const me = (token: string) =>
  fetch(`${sandbox.url}/sandbox/customer/me`, { headers: { Authorization: `Bearer ${token}` } });
/** An account its customer can sign in to with the seed's password (a registrant awaiting activation cannot). */
const usable = (account: AccountJson) =>
  account.enabled &&
  account.identities.email?.verified === true &&
  Object.keys(account.accountLockout?.locks ?? {}).length === 0 &&
  !(account.authenticators?.methods ?? []).some((method) => method.type === 'softToken');
type Login = { sessionToken: string; sessionId: string };

describe('customer flows', () => {
  it('logs in with the password, records the session with user agent, IP and location, and the event', async () => {
    const account = await findAccount(agent, 'consumers', usable);
    const response = await customer(
      '/consumers/login',
      { identifier: account.identities.email!.id, password: SEED_PASSWORD },
      {
        'User-Agent':
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
        'X-Forwarded-For': '81.2.69.160',
      },
    );
    expect(response.status).toBe(200);
    const login = (await response.json()) as Login;
    expect((await me(login.sessionToken)).status).toBe(200);
    const sessions = (
      await agent.get<
        Array<{ id: string; lastIP: string; deviceString: string; location: { properties: { city: string } } }>
      >(`${accountsPath('consumers')}/${account.id}/sessions`)
    ).body;
    const session = sessions.find((candidate) => candidate.id === login.sessionId)!;
    expect(session).toMatchObject({ lastIP: '81.2.69.160', deviceString: 'Safari on macOS' });
    // The place the platform's locator gives the sign-in's address (the one its events carry), not just any city.
    expect(session.location.properties.city).toBe(locateIp('81.2.69.160').properties.city);
    const events = (
      await agent.get<Array<{ labels: string[]; type: string; actor: { ip: string } }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&size=1`,
      )
    ).body;
    expect(events[0]).toMatchObject({ labels: ['success:login'], type: 'customerFlow', actor: { ip: '81.2.69.160' } });
    const byIp = (
      await agent.get<unknown[]>(`/admin/api/v1/events/account?subjectAccountIds=${account.id}&actorIps=81.2.69.0/24`)
    ).body;
    expect(byIp).toHaveLength(1);
  });

  it('ends access when an admin deletes the session', async () => {
    const account = await findAccount(agent, 'consumers', usable);
    const login = (await (
      await customer('/consumers/login', { identifier: account.identities.email!.id, password: SEED_PASSWORD })
    ).json()) as Login;
    expect((await me(login.sessionToken)).status).toBe(200);
    expect((await agent.delete(`${accountsPath('consumers')}/${account.id}/sessions/${login.sessionId}`)).status).toBe(
      204,
    );
    expect((await me(login.sessionToken)).status).toBe(401);
  });

  it('counts failed logins and locks the password after the store limit; an admin lifts the lock', async () => {
    const account = await findAccount(
      agent,
      'business',
      (candidate) => usable(candidate) && !candidate.accountLockout?.failedPasswordAttemptCount,
    );
    const identifier = account.identities.local!.id;
    for (let attempt = 1; attempt <= 3; attempt++)
      expect((await customer('/business/login', { identifier, password: 'wrong' })).status).toBe(401);
    const reloaded = (await agent.get<AccountJson>(`${accountsPath('business')}/${account.id}`)).body;
    expect(reloaded.accountLockout?.failedPasswordAttemptCount).toBe(3);
    // A temporary lock: it ends in the future.
    expect(Date.parse(reloaded.accountLockout!.locks!._password!.until!)).toBeGreaterThan(Date.now());
    expect((await customer('/business/login', { identifier, password: SEED_PASSWORD })).status).toBe(423);
    expect((await agent.post(`${accountsPath('business')}/${account.id}/liftPasswordLock`)).status).toBe(204);
    expect((await customer('/business/login', { identifier, password: SEED_PASSWORD })).status).toBe(200);
    const failures = (
      await agent.get<unknown[]>(`/admin/api/v1/events/account?subjectAccountIds=${account.id}&labels=failure:login`)
    ).body;
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });

  it('signs in with a one-time passcode sent to the verified email; wrong codes lock passcodes only', async () => {
    const account = await findAccount(
      agent,
      'business',
      (candidate) => usable(candidate) && !candidate.accountLockout?.failedPasswordAttemptCount,
    );
    const identifier = account.identities.local!.id;
    const codeSent = async () => {
      const asked = await customer('/business/passcode', { identifier });
      expect(asked.status).toBe(202);
      const { notificationId, channel } = (await asked.json()) as { notificationId: string; channel: string };
      expect(channel).toBe('email');
      const message = await agent.get<{ messagePlainText: string; target: string }>(
        `/admin/api/v1/events/notification/${notificationId}`,
      );
      expect(message.body.target).toBe(account.identities.email!.id);
      return /code is (\d{6})/.exec(message.body.messagePlainText)![1]!;
    };
    const code = await codeSent();
    expect((await customer('/business/login', { identifier, passcode: code })).status).toBe(200);
    // A code works once.
    expect((await customer('/business/login', { identifier, passcode: code })).status).toBe(401);
    const both = await customer('/business/login', { identifier, passcode: code, password: SEED_PASSWORD });
    expect(both.status).toBe(400);

    const fresh = await codeSent();
    const wrong = fresh === '000000' ? '111111' : '000000';
    // One failure already (the spent code); two more reach the store's limit of three.
    for (let attempt = 0; attempt < 2; attempt++)
      expect((await customer('/business/login', { identifier, passcode: wrong })).status).toBe(401);
    const locked = await customer('/business/login', { identifier, passcode: fresh });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({ title: 'passcode_locked' });
    const reloaded = (await agent.get<AccountJson>(`${accountsPath('business')}/${account.id}`)).body;
    expect(reloaded.accountLockout?.locks?._passcode?.until).toBeDefined();
    expect(reloaded.accountLockout?.locks?._password).toBeUndefined();
    expect((reloaded.accountLockout as { failedPasscodeAttemptCount?: number }).failedPasscodeAttemptCount).toBe(3);
    // The password still works: only passcodes are locked.
    expect((await customer('/business/login', { identifier, password: SEED_PASSWORD })).status).toBe(200);
    expect((await agent.post(`${accountsPath('business')}/${account.id}/liftPasscodeLock`)).status).toBe(204);
    expect((await customer('/business/login', { identifier, passcode: fresh })).status).toBe(200);
  });

  it('does not tell whether an account exists when a passcode is asked for', async () => {
    const asked = await customer('/business/passcode', { identifier: 'nobody-here@example.org' });
    expect(asked.status).toBe(202);
    expect(await asked.json()).toEqual({ sent: true });
  });

  it('asks for the TOTP code where an authenticator app is enrolled, and checks it', async () => {
    const account = await findAccount(
      agent,
      'consumers',
      (candidate) =>
        candidate.enabled &&
        Object.keys(candidate.accountLockout?.locks ?? {}).length === 0 &&
        (candidate.authenticators?.methods ?? []).some((method) => method.type === 'softToken'),
    );
    const secret = (
      sandbox.db
        .prepare("SELECT secret FROM authenticators WHERE account_id = ? AND type = 'softToken'")
        .get(account.id) as { secret: string }
    ).secret;
    const identifier = account.identities.email!.id;
    expect(await (await customer('/consumers/login', { identifier, password: SEED_PASSWORD })).json()).toMatchObject({
      title: 'totp_required',
    });
    expect((await customer('/consumers/login', { identifier, password: SEED_PASSWORD, totp: '000000' })).status).toBe(
      401,
    );
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: clock,
    });
    expect((await customer('/consumers/login', { identifier, password: SEED_PASSWORD, totp: code })).status).toBe(200);
  });

  const accountOf = async (store: string, accountId: string) =>
    (await agent.get<AccountJson>(`${accountsPath(store)}/${accountId}`)).body;
  const activationLink = async (notificationId: string) => {
    const notification = (
      await agent.get<{ target: string; notificationTemplate: { id: string }; messagePlainText: string }>(
        `/admin/api/v1/events/notification/${notificationId}`,
      )
    ).body;
    expect(notification.notificationTemplate.id).toBe('accountActivation');
    const link = /https?:\/\/\S+\/sandbox\/customer\/activate\/[\w-]+/.exec(notification.messagePlainText)?.[0];
    expect(link, notification.messagePlainText).toBeDefined();
    return { target: notification.target, link: link! };
  };

  it('registers in a store that asks for activation: unverified and refused until the link is followed', async () => {
    const registered = await customer('/consumers/register', {
      email: 'Fresh@Example.com',
      password: 'Spring-time-1',
      attributes: { name: { givenName: 'Fresh' } },
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as {
      accountId: string;
      activationRequired: boolean;
      activationNotificationId: string;
    };
    expect(body.activationRequired).toBe(true);
    expect((await accountOf('consumers', body.accountId)).identities.email).toEqual({
      id: 'Fresh@Example.com',
      verified: false,
    });
    const login = () => customer('/consumers/login', { identifier: 'fresh@example.com', password: 'Spring-time-1' });
    const refused = await login();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ title: 'activation_pending' });
    // Nothing but the activation may be sent to an email nobody has confirmed.
    const reset = await agent.post<{ detail: string }>(
      `${accountsPath('consumers')}/${body.accountId}/password/reset`,
      undefined,
      { 'X-Notification-By-Application': 'client-shop-web' },
    );
    expect(reset.status).toBe(400);
    expect(reset.body.detail).toBe(
      'The customer cannot be notified: its email Fresh@Example.com is not verified and it has no phone.',
    );

    const { target, link } = await activationLink(body.activationNotificationId);
    expect(target).toBe('Fresh@Example.com');
    const followed = await fetch(link);
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual({ accountId: body.accountId, emailVerified: true });
    expect((await accountOf('consumers', body.accountId)).identities.email?.verified).toBe(true);
    expect((await fetch(link)).status).toBe(410);
    const events = (
      await agent.get<Array<{ labels: string[] }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${body.accountId}&size=5`,
      )
    ).body;
    expect(events.map((event) => event.labels[0])).toContain('success:accountActivation');
    expect((await login()).status).toBe(200);
    expect(
      (
        await agent.post(`${accountsPath('consumers')}/${body.accountId}/password/reset`, undefined, {
          'X-Notification-By-Application': 'client-shop-web',
        })
      ).status,
    ).toBe(204);
  });

  it('registers in a store without activation: completing registration with a password verifies the email', async () => {
    const registered = await customer('/partners/register', {
      email: 'direct@partner.example',
      username: 'direct-partner',
      password: 'Partner-pass-22',
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as { accountId: string; activationRequired: boolean };
    expect(body).toEqual({ accountId: body.accountId, activationRequired: false });
    expect((await accountOf('partners', body.accountId)).identities.email?.verified).toBe(true);
    const sent = (await agent.get<unknown[]>(`/admin/api/v1/events/notification?accountIds=${body.accountId}`)).body;
    expect(sent).toEqual([]);
    expect(
      (await customer('/partners/login', { identifier: 'direct-partner', password: 'Partner-pass-22' })).status,
    ).toBe(200);
  });

  it('lets an activation link expire after seven days', async () => {
    const registered = await customer('/consumers/register', { email: 'late@example.com', password: 'Spring-time-1' });
    const { accountId, activationNotificationId } = (await registered.json()) as {
      accountId: string;
      activationNotificationId: string;
    };
    const { link } = await activationLink(activationNotificationId);
    const week = 7 * 24 * 3_600_000;
    clock += week + 1;
    try {
      const followed = await fetch(link);
      expect(followed.status).toBe(410);
      expect(await followed.json()).toMatchObject({ title: 'link_expired' });
    } finally {
      clock -= week + 1; // the agent's token was issued before
    }
    expect((await accountOf('consumers', accountId)).identities.email?.verified).toBe(false);
  });

  it('changes the password through the admin API, after which the new one works', async () => {
    const registered = await customer('/partners/register', {
      username: 'fresh-partner',
      password: 'Spring-time-12',
    });
    expect(registered.status).toBe(201);
    const { accountId } = (await registered.json()) as { accountId: string };
    expect(
      (await customer('/partners/register', { username: 'FRESH-partner', password: 'Spring-time-12' })).status,
    ).toBe(409);
    expect(
      (
        await agent.post(`${accountsPath('partners')}/${accountId}/password/change`, {
          newPassword: 'Brand-new-pass-2',
        })
      ).status,
    ).toBe(204);
    expect(
      (await customer('/partners/login', { identifier: 'fresh-partner', password: 'Spring-time-12' })).status,
    ).toBe(401);
    expect(
      (await customer('/partners/login', { identifier: 'fresh-partner', password: 'Brand-new-pass-2' })).status,
    ).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const account = await findAccount(agent, 'consumers', usable);
    await agent.post(`${accountsPath('consumers')}/${account.id}/disable`);
    expect(
      (await customer('/consumers/login', { identifier: account.identities.email!.id, password: SEED_PASSWORD }))
        .status,
    ).toBe(403);
  });

  it('opts in and out of consents, and needs a new opt-in for a new version', async () => {
    const account = await findAccount(agent, 'consumers', usable);
    const login = (await (
      await customer('/consumers/login', { identifier: account.identities.email!.id, password: SEED_PASSWORD })
    ).json()) as Login;
    const auth = { Authorization: `Bearer ${login.sessionToken}` };
    const first = await customer('/consents/marketing-email', { optIn: true }, auth);
    expect(first.status, await first.clone().text()).toBe(200);
    sandbox.db.prepare('UPDATE consents SET version = version + 1 WHERE id = ?').run('marketing-email');
    expect((await customer('/consents/marketing-email', { optIn: true }, auth)).status).toBe(200);
    const records = (await agent.get<AccountJson>(`${accountsPath('consumers')}/${account.id}`)).body.consents!.filter(
      (consent) => consent.consentId === 'marketing-email',
    );
    const open = records.filter((consent) => !consent.optOut);
    expect(open).toHaveLength(1);
    expect(open[0]!.consentVersion).toBe(3);
    expect((await customer('/consents/marketing-email', { optIn: false }, auth)).status).toBe(200);
    const after = (await agent.get<AccountJson>(`${accountsPath('consumers')}/${account.id}`)).body.consents!.filter(
      (consent) => consent.consentId === 'marketing-email',
    );
    expect(after.every((consent) => consent.optOut)).toBe(true);
  });

  it('records identity verification attempts', async () => {
    const account = await findAccount(
      agent,
      'consumers',
      (candidate) => usable(candidate) && (candidate.accountProofings ?? []).length === 0,
    );
    const login = (await (
      await customer('/consumers/login', { identifier: account.identities.email!.id, password: SEED_PASSWORD })
    ).json()) as Login;
    const auth = { Authorization: `Bearer ${login.sessionToken}` };
    // The policy's steps, as the Admin API lists them, are what an attempt can fail at.
    const policies = (
      await agent.get<{ content: Array<{ id: string; steps: Array<{ type: string }> }> }>(
        '/admin/api/v1/identityProofings',
      )
    ).body.content;
    expect(policies.find((policy) => policy.id === 'knowledge-based')!.steps.map((step) => step.type)).toEqual([
      'proofingData',
      'addressRiskEvaluation',
      'knowledgeBasedVerification',
    ]);
    const attempt = (body: unknown) => customer('/proofings/knowledge-based/attempts', body, auth);
    expect((await attempt({ success: false, failedStep: 'knowledgeBasedVerification' })).status).toBe(200);
    clock += 1_000; // the platform's clock is the test's: apart, the two attempts have an order
    expect((await attempt({ success: false })).status).toBe(200);
    const wrongStep = await attempt({ success: false, failedStep: 'documentVerification' });
    expect(wrongStep.status).toBe(400);
    expect(await wrongStep.json()).toMatchObject({
      detail:
        'Knowledge-based verification has no documentVerification step; its steps are proofingData, addressRiskEvaluation, knowledgeBasedVerification.',
    });
    const latest = (
      await agent.get<Array<{ eventId: string }>>(
        `/admin/api/v1/events/account?subjectAccountIds=${account.id}&labels=failure:identityVerification`,
      )
    ).body;
    const failedAt = [];
    for (const { eventId } of latest) {
      const event = await agent.get<{ actions: Array<{ details: Array<{ metadata?: { failedStep?: string } }> }> }>(
        `/admin/api/v1/events/account/${eventId}`,
      );
      failedAt.push(event.body.actions[0]!.details[0]!.metadata?.failedStep ?? null);
    }
    expect(failedAt).toEqual([null, 'knowledgeBasedVerification']);
    const proofings = (
      await agent.get<Array<{ attempts: number; proofedAt?: string }>>(
        `${accountsPath('consumers')}/${account.id}/accountProofings`,
      )
    ).body;
    expect(proofings).toEqual([expect.objectContaining({ policyId: 'knowledge-based', attempts: 2 })]);
    expect(proofings[0]!.proofedAt).toBeUndefined();
  });

  it('lets an impersonation link expire after three minutes', async () => {
    const account = await findAccount(agent, 'consumers', usable);
    const link = await agent.post<{ impersonationUrl: string }>(
      `${accountsPath('consumers')}/${account.id}/impersonation`,
      { clientId: 'client-shop-web', reason: 'Ticket 99' },
    );
    clock += 3 * 60_000 + 1;
    expect((await fetch(link.body.impersonationUrl)).status).toBe(410);
  });
});

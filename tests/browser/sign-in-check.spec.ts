/**
 * "Why can't this customer sign in?": for each state the platform can put an account in, the overview's sign-in
 * check says so in plain words, and its one action fixes it on the platform (the verdict is gone after).
 */
import { expect, test, type Page } from '@playwright/test';
import { connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('signin', 120)));
test.afterAll(() => stopSpecPlatform({ platform, host }));

const customer = async (path: string, body: unknown) => {
  const response = await fetch(`${platform.url}/sandbox/customer${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};
/** A partner who registers with a password: verified at once (the store asks for no activation). */
async function registeredPartner(name: string): Promise<string> {
  const registered = await customer('/partners/register', {
    username: name,
    email: `${name}@partner.example`,
    password: 'Partner-pass-22',
  });
  expect(registered.status).toBe(201);
  return registered.body.accountId!;
}
const check = (page: Page) => page.getByRole('region', { name: 'Sign-in check' });
const verdict = (page: Page, rule: string) => check(page).locator(`[data-rule="${rule}"]`);
/** The verdict's words, without its action's label. */
const words = (page: Page, rule: string) => verdict(page, rule).locator('.MuiAlert-message');
async function open(page: Page, store: string, accountId: string) {
  await page.goto(`${host.origin}/account/${store}/${accountId}#token=${host.token}`);
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(accountId);
}
const account = async (store: string, id: string) =>
  (
    await platform.api<{ enabled?: boolean; accountLockout?: { locks?: Record<string, unknown> } }>(
      'GET',
      `${accountsPath(store)}/${id}`,
    )
  ).body;

test('connects', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Sign-in platform', platform);
});

test('a healthy account says so in one line; one never signed in, with nothing listed to sign in with, is told apart', async ({
  page,
}) => {
  const id = await registeredPartner('healthy-partner');
  await open(page, 'partners', id);
  // The Admin API lists no password among authenticators: never used, it cannot be told from none.
  await expect(words(page, 'noAuthenticator')).toContainText('No sign-in method seen');
  expect(
    (await customer('/partners/login', { identifier: 'healthy-partner', password: 'Partner-pass-22' })).status,
  ).toBe(200);
  await page.reload();
  await expect(check(page).getByTestId('sign-in-healthy')).toHaveText(
    /^Nothing stops this customer from signing in; last signed in .+\.$/,
  );
});

test('disabled: says when, and “Enable the account” enables it on the platform', async ({ page }) => {
  const id = await registeredPartner('disabled-partner');
  expect((await platform.api('POST', `${accountsPath('partners')}/${id}/disable`)).status).toBe(200);
  await open(page, 'partners', id);
  await expect(words(page, 'disabled')).toContainText(/^Disabled on .+: the customer cannot sign in at all\.$/);
  await verdict(page, 'disabled').getByRole('button', { name: 'Enable the account' }).click();
  await expect(verdict(page, 'disabled')).toHaveCount(0);
  expect((await account('partners', id)).enabled).toBe(true);
});

test('locked after failed sign-ins: the lock and the failures with their reason; lifting the lock on the platform', async ({
  page,
}) => {
  const id = await registeredPartner('locked-partner');
  // The partners store locks after its limit of failed attempts.
  for (let attempt = 0; attempt < 5; attempt++)
    await customer('/partners/login', { identifier: 'locked-partner', password: 'not-the-password' });
  expect(Object.keys((await account('partners', id)).accountLockout?.locks ?? {})).toEqual(['_password']);
  await open(page, 'partners', id);
  await expect(words(page, 'passwordLock')).toContainText(/^Password locked after 5 failed attempts until .+\.$/);
  await expect(words(page, 'failedSignIns')).toContainText('The last 5 sign-ins failed: wrong password.');
  await verdict(page, 'passwordLock').getByRole('button', { name: 'Lift the password lock' }).click();
  await expect(verdict(page, 'passwordLock')).toHaveCount(0);
  expect(Object.keys((await account('partners', id)).accountLockout?.locks ?? {})).toEqual([]);

  // The failures remain; their fix is a reset, sent through the dialog that asks for the client.
  await verdict(page, 'failedSignIns').getByRole('button', { name: 'Send a password reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a password reset email?' });
  await dialog.getByRole('combobox', { name: /Notify the customer through/ }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  const sent = await platform.api<Array<{ notificationTemplate: { id: string } }>>(
    'GET',
    `/admin/api/v1/events/notification?accountIds=${id}`,
  );
  expect(sent.body.map((item) => item.notificationTemplate.id)).toEqual(['passwordReset']);
  // A successful sign-in ends the run of failures.
  expect(
    (await customer('/partners/login', { identifier: 'locked-partner', password: 'Partner-pass-22' })).status,
  ).toBe(200);
  await page.reload();
  await expect(check(page).getByTestId('sign-in-healthy')).toBeVisible();
});

test('unverified with a pending activation: says when it was sent; following the link clears it', async ({ page }) => {
  const registered = await customer('/consumers/register', {
    email: 'pending.activation@example.com',
    password: 'Spring-time-1',
  });
  const id = registered.body.accountId!;
  await open(page, 'consumers', id);
  await expect(words(page, 'emailUnverified')).toContainText(
    /^Email not verified: activation sent .+, not completed; no message can reach the customer\.$/,
  );
  const message = await platform.api<{ messagePlainText: string }>(
    'GET',
    `/admin/api/v1/events/notification/${registered.body.activationNotificationId}`,
  );
  expect((await fetch(/\S+\/sandbox\/customer\/activate\/[\w-]+/.exec(message.body.messagePlainText)![0])).status).toBe(
    200,
  );
  expect(
    (await customer('/consumers/login', { identifier: 'pending.activation@example.com', password: 'Spring-time-1' }))
      .status,
  ).toBe(200);
  await page.reload();
  await expect(check(page).getByTestId('sign-in-healthy')).toBeVisible();
});

test('unverified email: “Confirm the email” sends a new link to it, or marks it verified on the agent’s word', async ({
  page,
}) => {
  const registered = await customer('/consumers/register', {
    email: 'confirm.me@example.com',
    password: 'Spring-time-2',
  });
  const id = registered.body.accountId!;
  const links = async () =>
    (
      await platform.api<Array<{ notificationTemplate: { id: string }; target: string }>>(
        'GET',
        `/admin/api/v1/events/notification?accountIds=${id}`,
      )
    ).body.filter((item) => item.notificationTemplate.id === 'accountActivation');
  expect(await links()).toHaveLength(1);
  await open(page, 'consumers', id);
  await verdict(page, 'emailUnverified').getByRole('button', { name: 'Confirm the email' }).click();
  let dialog = page.getByRole('dialog', { name: 'Confirm the email' });
  await expect(dialog.getByRole('textbox', { name: 'New email', exact: true })).toHaveValue('confirm.me@example.com');
  await dialog.getByRole('button', { name: 'Send link' }).click();
  await expect(dialog).toBeHidden();
  // A second link on the platform, to the same address; the email is still to be confirmed.
  expect((await links()).map((item) => item.target)).toEqual(['confirm.me@example.com', 'confirm.me@example.com']);
  await expect(verdict(page, 'emailUnverified')).toBeVisible();

  await verdict(page, 'emailUnverified').getByRole('button', { name: 'Confirm the email' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirm the email' });
  await dialog.getByRole('checkbox', { name: /The customer proved this email is theirs/ }).check();
  await dialog.getByRole('button', { name: 'Mark verified' }).click();
  await expect(dialog).toBeHidden();
  await expect(verdict(page, 'emailUnverified')).toHaveCount(0);
  const after = await platform.api<{ identities: { email?: { verified: boolean } } }>(
    'GET',
    `${accountsPath('consumers')}/${id}`,
  );
  expect(after.body.identities.email?.verified).toBe(true);
});

test('one-time codes locked after wrong codes: says so; lifting it lets the customer in with a code', async ({
  page,
}) => {
  const id = await registeredPartner('passcode-partner');
  const asked = await customer('/partners/passcode', { identifier: 'passcode-partner' });
  expect(asked.status).toBe(202);
  // The partners store locks after its limit of five failures.
  for (let attempt = 0; attempt < 5; attempt++)
    expect((await customer('/partners/login', { identifier: 'passcode-partner', passcode: '999999x' })).status).toBe(
      401,
    );
  expect(Object.keys((await account('partners', id)).accountLockout?.locks ?? {})).toEqual(['_passcode']);
  await open(page, 'partners', id);
  await expect(words(page, 'passcodeLock')).toContainText(/^One-time codes locked after 5 wrong codes until .+\.$/);
  await expect(words(page, 'failedSignIns')).toContainText('The last 5 sign-ins failed: wrong one-time code.');
  await expect(verdict(page, 'passwordLock')).toHaveCount(0);
  await verdict(page, 'passcodeLock').getByRole('button', { name: 'Lift the passcode lock' }).click();
  await expect(verdict(page, 'passcodeLock')).toHaveCount(0);
  expect(Object.keys((await account('partners', id)).accountLockout?.locks ?? {})).toEqual([]);
  // The customer asks for a code and signs in with it.
  const sent = await customer('/partners/passcode', { identifier: 'passcode-partner' });
  const message = await platform.api<{ messagePlainText: string }>(
    'GET',
    `/admin/api/v1/events/notification/${sent.body.notificationId}`,
  );
  const code = /code is (\d{6})/.exec(message.body.messagePlainText)![1]!;
  expect((await customer('/partners/login', { identifier: 'passcode-partner', passcode: code })).status).toBe(200);
});

test('invited and not accepted: the invitation with its client and validity; resent, accepted, and revoked', async ({
  page,
}) => {
  const invite = (email: string) =>
    platform.api<{ id: string; accountId: string }>('POST', '/admin/api/v1/identityStores/consumers/invite', {
      clientId: 'client-shop-web',
      email,
      groups: [],
      language: 'en-US',
      metadata: {},
      roles: [],
    });
  const invited = await invite('invited.customer@example.com');
  expect(invited.status).toBe(201);
  const id = invited.body.accountId;
  await open(page, 'consumers', id);
  await expect(words(page, 'invitationPending')).toContainText(
    /^Invited on .+ through Shop web, not accepted yet: the customer signs in for the first time by following its link \(valid until .+\)\.$/,
  );
  // The invitation's own verdict stands for the unverified email and the missing sign-in method.
  await expect(check(page).locator('[data-rule]')).toHaveCount(1);
  const invitations = page.getByRole('region', { name: 'Invitations' });
  await expect(invitations).toContainText('Invitation to invited.customer@example.com');
  await expect(invitations.getByTestId('invitation-validity')).toContainText('the link works until');

  await verdict(page, 'invitationPending').getByRole('button', { name: 'Resend the invitation' }).click();
  await expect(page.getByText('Resend the invitation: done.')).toBeVisible();
  const sent = await platform.api<Array<{ id: string }>>(
    'GET',
    `/admin/api/v1/events/notification?invitationIds=${invited.body.id}`,
  );
  expect(sent.body).toHaveLength(2);
  // The customer follows the newest link and chooses a password: the verdict is gone.
  const message = await platform.api<{ messagePlainText: string }>(
    'GET',
    `/admin/api/v1/events/notification/${sent.body[0]!.id}`,
  );
  const token = /\/sandbox\/customer\/invitation\/([\w-]+)/.exec(message.body.messagePlainText)![1]!;
  expect((await customer(`/invitation/${token}/accept`, { password: 'Invited-at-last-1' })).status).toBe(200);
  await page.reload();
  await expect(verdict(page, 'invitationPending')).toHaveCount(0);
  await expect(invitations).toHaveCount(0);

  // Another invitation, revoked from the overview after a confirmation: its link no longer works.
  const second = await invite('revoked.customer@example.com');
  await open(page, 'consumers', second.body.accountId);
  await invitations.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke the invitation?' });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(confirm).toBeHidden();
  await expect(invitations).toHaveCount(0);
  expect((await platform.api('GET', `/admin/api/v1/identityStores/consumers/invite/${second.body.id}`)).status).toBe(
    404,
  );
});

test('no authenticator and no way to reach the customer: adding an email gives them one', async ({ page }) => {
  const created = await platform.api<{ id: string }>('POST', accountsPath('partners'), {
    local: { id: 'bare-partner', metadata: { companyName: 'Bare Ltd' } },
  });
  expect(created.status).toBe(201);
  await open(page, 'partners', created.body.id);
  await expect(words(page, 'noAuthenticator')).toContainText('No sign-in method seen');
  await verdict(page, 'noAuthenticator').getByRole('button', { name: 'Add an email or phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an email or phone' });
  await dialog.getByRole('textbox', { name: 'Email address' }).fill('bare@partner.example');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(verdict(page, 'noAuthenticator')).toHaveCount(0);
  const methods = await platform.api<{ authenticators?: { methods?: Array<{ type: string; target?: string }> } }>(
    'GET',
    `${accountsPath('partners')}/${created.body.id}`,
  );
  expect(methods.body.authenticators?.methods?.map((method) => [method.type, method.target])).toEqual([
    ['email', 'bare@partner.example'],
  ]);
});

test('signing in as the customer needs a client and a reason, opens the one-time link outside the console, and the reason is kept', async ({
  page,
  context,
}) => {
  const id = await registeredPartner('impersonated-partner');
  await open(page, 'partners', id);
  await page
    .getByRole('group', { name: 'Account actions' })
    .getByRole('button', { name: 'Sign in as customer' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Sign in as this customer?' });
  const start = dialog.getByRole('button', { name: 'Open the sign-in link' });
  await dialog.getByRole('combobox', { name: /Through the application client/ }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('too short');
  await expect(start).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Ticket 4711: orders page is empty');
  const opened = context.waitForEvent('page');
  await start.click();
  const link = await opened;
  await link.waitForLoadState();
  // Not Deskside's window: the tenant's link, which signed in as this customer.
  expect(link.url().startsWith(`${platform.url}/sandbox/customer/impersonate/`)).toBe(true);
  expect(JSON.parse((await link.locator('body').textContent())!)).toMatchObject({ accountId: id });
  await expect(dialog).toBeHidden();
  const events = await platform.api<Array<{ eventId: string }>>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${id}&labels=success:impersonation`,
  );
  const recorded = await platform.api<{ actions: Array<{ details: Array<{ metadata: { reason?: string } }> }> }>(
    'GET',
    `/admin/api/v1/events/account/${events.body.at(-1)!.eventId}`,
  );
  expect(recorded.body.actions[0]!.details[0]!.metadata.reason).toBe('Ticket 4711: orders page is empty');
});

test('changes the email (the customer proved it) and the phone (to be confirmed), typed twice, as the platform then has them', async ({
  page,
}) => {
  const id = await registeredPartner('identifier-partner');
  await open(page, 'partners', id);
  const identifiers = page.getByLabel('Identifiers');
  const fix = async (item: string | RegExp) => {
    await page.getByRole('button', { name: 'Fix an identifier' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  await fix('Change the email');
  let dialog = page.getByRole('dialog', { name: 'Change the email' });
  await dialog.getByRole('textbox', { name: 'New email', exact: true }).fill('proved.owner@partner.example');
  await dialog.getByRole('textbox', { name: 'Type the new email again' }).fill('proved.owner@partner.exampl');
  await expect(dialog.getByRole('button', { name: 'Change email' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the new email again' }).fill('proved.owner@partner.example');
  await dialog.getByRole('checkbox', { name: /The customer proved this email is theirs/ }).check();
  await dialog.getByRole('button', { name: 'Change email' }).click();
  await expect(dialog).toBeHidden();
  await expect(identifiers).toContainText('proved.owner@partner.example');

  await fix('Set the phone number');
  dialog = page.getByRole('dialog', { name: 'Change the phone number' });
  await dialog.getByRole('textbox', { name: 'New phone number', exact: true }).fill('+36301239876');
  await dialog.getByRole('textbox', { name: 'Type the new phone number again' }).fill('+36301239876');
  await dialog.getByRole('button', { name: 'Change phone number' }).click();
  await expect(dialog).toBeHidden();
  await expect(identifiers).toContainText('+36301239876 (unverified)');

  const after = await platform.api<{ identities: { email?: unknown; phone?: unknown } }>(
    'GET',
    `${accountsPath('partners')}/${id}`,
  );
  expect(after.body.identities.email).toEqual({ id: 'proved.owner@partner.example', verified: true });
  expect(after.body.identities.phone).toEqual({ id: '+36301239876', verified: false });
});

test('unlinks an external login, which the platform no longer lists', async ({ page }) => {
  const { body } = await platform.api<
    Array<{ id: string; store: string; identities: { external?: Array<{ id: string; provider?: string }> } }>
  >('GET', `${accountsPath('consumers')}?size=200`);
  const linked = body.find((account) => (account.identities.external ?? []).length > 0)!;
  expect(linked).toBeDefined();
  const identity = linked.identities.external![0]!;
  await open(page, 'consumers', linked.id);
  await page.getByRole('button', { name: 'Fix an identifier' }).click();
  await page
    .getByRole('menuitem', { name: new RegExp(`Unlink ${identity.provider ?? 'external'} login`) })
    .first()
    .click();
  await page
    .getByRole('dialog', { name: 'Unlink the external login?' })
    .getByRole('button', { name: 'Unlink' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Unlink the external login?' })).toBeHidden();
  const identities = await platform.api<Array<{ id: string }>>(
    'GET',
    `${accountsPath('consumers')}/${linked.id}/identities`,
  );
  expect(identities.body.map((item) => item.id)).not.toContain(identity.id);
});

test('a consent agreed again at a newer version reads “superseded by version N”; only an opt-out reads revoked', async ({
  page,
}) => {
  type Listed = {
    id: string;
    enabled?: boolean;
    identities: { email?: { id: string; verified: boolean } };
    authenticators?: { methods?: Array<{ type: string }> };
    accountLockout?: { locks?: Record<string, unknown> };
    consents?: Array<{ consentId: string; consentVersion: number; optOut?: string }>;
  };
  const { body } = await platform.api<Listed[]>('GET', `${accountsPath('consumers')}?enabled=true&size=200`);
  // A customer who agreed to an older version of the terms and can sign in with the seed's password.
  const older = body.find(
    (account) =>
      account.identities.email?.verified &&
      !account.identities.email.id.startsWith('hostile') &&
      // An email authenticator: a customer with an external identity only has no password.
      (account.authenticators?.methods ?? []).some((method) => method.type === 'email') &&
      Object.keys(account.accountLockout?.locks ?? {}).length === 0 &&
      !(account.authenticators?.methods ?? []).some((method) => method.type === 'softToken') &&
      (account.consents ?? []).some(
        (item) => item.consentId === 'terms-of-service' && item.consentVersion < 3 && !item.optOut,
      ),
  )!;
  expect(older).toBeDefined();
  const oldVersion = older.consents!.find((item) => item.consentId === 'terms-of-service')!.consentVersion;
  const login = await customer('/consumers/login', {
    identifier: older.identities.email!.id,
    password: 'Demo-password-1!',
  });
  expect(login.status).toBe(200);
  const consent = (consentId: string, optIn: boolean) =>
    fetch(`${platform.url}/sandbox/customer/consents/${consentId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.body.sessionToken}` },
      body: JSON.stringify({ optIn }),
    });
  expect((await consent('terms-of-service', true)).status).toBe(200); // the current version, 3
  expect((await consent('marketing-email', true)).status).toBe(200);
  expect((await consent('marketing-email', false)).status).toBe(200);

  await open(page, 'consumers', older.id);
  await page.getByRole('tab', { name: 'Consents', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Consents' }).locator('tbody tr');
  const terms = rows.filter({ hasText: 'Terms of service' });
  await expect(terms.filter({ hasText: 'superseded by version 3' })).toHaveCount(1);
  await expect(terms.filter({ hasText: 'superseded by version 3' })).toContainText(String(oldVersion));
  await expect(terms.filter({ hasText: /\bagreed\b/ })).toHaveCount(1);
  await expect(terms.filter({ hasText: 'revoked' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Marketing emails' }).filter({ hasText: 'revoked' })).toHaveCount(1);
});

test('Activity says who changed the account: the changes this test made, by this connection’s client', async ({
  page,
}) => {
  const id = await registeredPartner('audited-partner');
  await open(page, 'partners', id);
  const actions = page.getByRole('group', { name: 'Account actions' });
  await actions.getByRole('button', { name: 'Disable account' }).click();
  await expect(actions.getByRole('button', { name: 'Enable account' })).toBeVisible();
  await actions.getByRole('button', { name: 'Enable account' }).click();
  await expect(actions.getByRole('button', { name: 'Disable account' })).toBeVisible();
  await page.getByRole('tab', { name: 'Activity', exact: true }).click();
  const changes = page.getByRole('table', { name: 'Administrative changes' }).locator('tbody tr');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Enabled the account');
  await expect(changes.nth(1)).toContainText('Disabled the account');
  await expect(changes.nth(0)).toContainText('Deskside supervisor');
  // As the platform's audit has them.
  const audit = await platform.api<{ content: Array<{ name: string; actorClient: { id: string } }> }>(
    'GET',
    `/admin/api/v2/admin/events/audit?url=${encodeURIComponent(`${accountsPath('partners')}/${id}`)}`,
  );
  expect(audit.body.content.map((entry) => [entry.name, entry.actorClient.id])).toEqual([
    ['enableAccount', 'deskside-supervisor'],
    ['disableAccount', 'deskside-supervisor'],
  ]);
});

test('Activity filters what happened on the platform, with its labels, and says how long the store keeps events', async ({
  page,
}) => {
  const id = await registeredPartner('labelled-partner');
  for (const password of ['wrong-1', 'wrong-2', 'Partner-pass-22'])
    await customer('/partners/login', { identifier: 'labelled-partner', password });
  await open(page, 'partners', id);
  await page.getByRole('tab', { name: 'Activity', exact: true }).click();
  const activity = page.getByRole('tabpanel', { name: 'Activity' });
  // As the platform says of the store (its accountEventTTL).
  const stores = await platform.api<{ content: Array<{ name: string; accountEventTTL?: number }> }>(
    'GET',
    '/admin/api/v1/identityStores',
  );
  const days = stores.body.content.find((store) => store.name === 'partners')!.accountEventTTL;
  expect(days).toBeGreaterThan(0);
  await expect(activity.getByTestId('event-retention')).toHaveText(`This store keeps account events for ${days} days.`);
  await activity.getByRole('combobox', { name: 'What happened' }).click();
  await page.getByRole('option', { name: 'login (failed)' }).click();
  const failed = await platform.api<Array<{ eventId: string }>>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${id}&labels=failure:login`,
  );
  expect(failed.body).toHaveLength(2);
  const rows = activity.getByRole('table', { name: 'Events' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('failure');
});

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { accountTabs, addConnection, connectAsSupervisor } from './connections';
import { exportReport } from './reports';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

// One platform and one web host for the file; each test acts on its own account and checks the platform after.
test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('profile', 300)));

test.afterAll(() => stopSpecPlatform({ platform, host }));

type ApiAccount = { id: string; organization: string | null; accountInfo: Record<string, unknown> };
const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;

async function someAccount(store: string, query: string, index = 0): Promise<ApiAccount> {
  const { body } = await platform.api<ApiAccount[]>('GET', `${accountsPath(store)}?${query}&size=${index + 1}`);
  if (!body[index]) throw new Error(`no ${store} account for ${query}`);
  return body[index];
}

/** As the platform answers: empty fields (null, "", []) are left out. */
type LoginAccount = ApiAccount & {
  identities: { email?: { id: string; verified?: boolean } };
  authenticators?: { methods?: Array<{ type: string }> };
  accountLockout?: { locks?: Record<string, unknown> };
};

/** An enabled consumer who signs in with email and password alone (no one-time codes, no lock). */
async function passwordOnlyAccount(skip: number): Promise<{ id: string; email: string }> {
  const { body } = await platform.api<LoginAccount[]>('GET', `${accountsPath('consumers')}?enabled=true&size=100`);
  const candidates = body.filter(
    (account) =>
      // A confirmed email (a never-activated registrant is refused) and an email authenticator (an external-only
      // customer has no password).
      account.identities.email?.verified === true &&
      (account.authenticators?.methods ?? []).some((method) => method.type === 'email') &&
      !account.identities.email.id.startsWith('hostile') &&
      Object.keys(account.accountLockout?.locks ?? {}).length === 0 &&
      !(account.authenticators?.methods ?? []).some((method) => method.type === 'softToken'),
  );
  const chosen = candidates[skip];
  if (!chosen) throw new Error('no password-only consumer');
  return { id: chosen.id, email: chosen.identities.email!.id };
}

async function openAccount(page: Page, store: string, accountId: string) {
  await page.goto(`${host.origin}/account/${store}/${accountId}#token=${host.token}`);
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(accountId);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name });
const notice = (page: Page) => page.getByTestId('account-notice');

test('connects as a supervisor', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Profile platform', platform);
});

test('edits an attribute after a review, reads it back from the API, and shows a bad value on its field', async ({
  page,
}) => {
  const account = await someAccount('consumers', 'enabled=true', 3);
  await openAccount(page, 'consumers', account.id);
  const attributes = panel(page, 'Attributes');
  const phone = attributes.getByRole('textbox', { name: 'Contact phone' });
  await phone.fill('06 30 123 4567');
  await expect(attributes.getByText(/international format/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Review/ })).toBeDisabled();
  await phone.fill('+36301112233');
  const given = attributes.getByRole('textbox', { name: 'Given name' });
  await given.fill('Ilona');
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review the changes' });
  await expect(review.getByRole('table', { name: 'Changes' })).toContainText('+36301112233');
  await review.getByRole('button', { name: 'Save' }).click();
  await expect(notice(page)).toContainText('Saved 2 attributes');
  const { body } = await platform.api<ApiAccount>('GET', `${accountsPath('consumers')}/${account.id}`);
  expect(body.accountInfo.contactPhone).toBe('+36301112233');
  expect((body.accountInfo.name as { givenName: string }).givenName).toBe('Ilona');
});

test('adds and removes a group and a role, as the platform then says', async ({ page }) => {
  const account = await someAccount('business', 'organization=globex');
  await openAccount(page, 'business', account.id);
  await tab(page, 'Groups');
  await page.getByRole('button', { name: 'Add to group' }).click();
  const picker = page.getByRole('dialog', { name: 'Add to a group' });
  await picker.getByRole('combobox', { name: 'Group' }).click();
  const option = picker.page().getByRole('option').first();
  const groupName = (await option.textContent())!;
  await option.click();
  await picker.getByRole('button', { name: 'Add' }).click();
  await expect(panel(page, 'Groups').getByRole('table')).toContainText(groupName);
  const groupsAfterAdd = await platform.api<{ groups?: Array<{ id: string }> }>(
    'GET',
    `${accountsPath('business')}/${account.id}`,
  );
  expect(groupsAfterAdd.body.groups?.length).toBeGreaterThan(0);

  await panel(page, 'Groups')
    .getByRole('button', { name: `Remove from ${groupName}` })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Remove from the group?' });
  await expect(confirm).toContainText('can block');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(panel(page, 'Groups').getByRole('table').getByText(groupName, { exact: true })).toBeHidden();
  const groupsAfterRemove = await platform.api<{ groups?: Array<{ id: string }> }>(
    'GET',
    `${accountsPath('business')}/${account.id}`,
  );
  expect(groupsAfterRemove.body.groups?.length ?? 0).toBe(groupsAfterAdd.body.groups!.length - 1);

  await tab(page, 'Roles');
  await page.getByRole('button', { name: 'Assign role' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign a role' });
  await assign.getByRole('combobox', { name: 'Role' }).click();
  const roleOption = page.getByRole('option').first();
  const roleName = (await roleOption.textContent())!;
  await roleOption.click();
  await assign.getByRole('combobox', { name: 'Organization' }).fill('Initech');
  await page.getByRole('option', { name: 'Initech' }).click();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(panel(page, 'Roles').getByRole('table')).toContainText('Initech');
  const roles = await platform.api<Array<{ id: string; organization: string }>>(
    'GET',
    `${accountsPath('business')}/${account.id}/roles`,
  );
  expect(roles.body.some((role) => role.organization === 'initech')).toBe(true);
  await panel(page, 'Roles')
    .getByRole('button', { name: `Remove ${roleName} in Initech` })
    .click();
  await page.getByRole('dialog', { name: 'Remove the role?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(panel(page, 'Roles').getByText('Initech')).toBeHidden();
  const rolesAfter = await platform.api<Array<{ organization: string }>>(
    'GET',
    `${accountsPath('business')}/${account.id}/roles`,
  );
  expect(rolesAfter.body.some((role) => role.organization === 'initech')).toBe(false);
});

async function customerLogin(store: string, identifier: string, password: string) {
  const response = await fetch(`${platform.url}/sandbox/customer/${store}/login`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    },
    body: JSON.stringify({ identifier, password }),
  });
  return { status: response.status, body: (await response.json()) as { sessionToken?: string; sessionId?: string } };
}

test('changes the password (the policy speaks on the field first) and the customer logs in with the new one', async ({
  page,
}) => {
  const { id, email } = await passwordOnlyAccount(0);
  const account = { id };
  await openAccount(page, 'consumers', account.id);
  await tab(page, 'Authenticators');
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the password' });
  await dialog.getByLabel('New password').fill('short');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText(/at least|characters/).first()).toBeVisible();
  await dialog.getByLabel('New password').fill('Brand-new-passphrase-42!');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(notice(page)).toContainText('Changed the password');
  expect((await customerLogin('consumers', email, 'Brand-new-passphrase-42!')).status).toBe(200);
  expect((await customerLogin('consumers', email, 'Demo-password-1!')).status).not.toBe(200);
});

test('terminates a session, and the customer’s session token is refused afterwards', async ({ page }) => {
  const { id, email } = await passwordOnlyAccount(1);
  const account = { id };
  const login = await customerLogin('consumers', email, 'Demo-password-1!');
  expect(login.status).toBe(200);
  const me = () =>
    fetch(`${platform.url}/sandbox/customer/me`, { headers: { Authorization: `Bearer ${login.body.sessionToken}` } });
  expect((await me()).status).toBe(200);
  await openAccount(page, 'consumers', account.id);
  await tab(page, 'Sessions');
  const sessions = panel(page, 'Sessions');
  const row = sessions.getByRole('row').filter({ hasText: 'Firefox 133' }).first();
  await expect(row).toContainText('Linux');
  const firefoxRows = sessions.getByRole('row').filter({ hasText: 'Firefox 133' });
  const before = await firefoxRows.count();
  await row.getByRole('button', { name: 'Terminate' }).click();
  await page
    .getByRole('dialog', { name: 'Terminate this session?' })
    .getByRole('button', { name: 'Terminate' })
    .click();
  await expect(notice(page)).toContainText('Terminated the session');
  await expect(firefoxRows).toHaveCount(before - 1);
  expect((await me()).status).toBe(401);
});

test('verifies the identity manually, then revokes it', async ({ page }) => {
  const account = await someAccount('partners', 'enabled=true', 2);
  await openAccount(page, 'partners', account.id);
  await tab(page, 'Verification');
  await page.getByRole('button', { name: 'Verify manually' }).click();
  const picker = page.getByRole('dialog', { name: 'Verify the identity manually' });
  await picker.getByRole('combobox', { name: 'Identity verification policy' }).click();
  const option = page.getByRole('option').first();
  // The option's first line is the policy's name; the second says what it asks of the customer.
  const policy = (await option.locator('.MuiListItemText-primary').textContent())!;
  await expect(option.locator('.MuiListItemText-secondary')).toContainText('Asks the customer to');
  await option.click();
  await picker.getByRole('button', { name: 'Mark as verified' }).click();
  const row = panel(page, 'Identity verification').getByRole('row').filter({ hasText: policy }).last();
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeVisible();
  type Proofing = { policyId: string; proofedAt?: string; invalidatedAt?: string };
  const verified = await platform.api<Proofing[]>('GET', `${accountsPath('partners')}/${account.id}/accountProofings`);
  const active = verified.body.filter((item) => item.proofedAt && !item.invalidatedAt);
  expect(active.length).toBeGreaterThan(0);
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog', { name: 'Revoke the verification?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(notice(page)).toContainText('Revoked');
  const after = await platform.api<Proofing[]>('GET', `${accountsPath('partners')}/${account.id}/accountProofings`);
  expect(after.body.filter((item) => item.proofedAt && !item.invalidatedAt).length).toBe(active.length - 1);
});

test('a password reset goes through the client the rules allow, with the organization’s policy, into the log', async ({
  page,
}) => {
  const account = await someAccount('business', 'organization=acme', 1);
  await openAccount(page, 'business', account.id);
  await tab(page, 'Authenticators');
  await page.getByRole('button', { name: 'Send password reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a password reset email?' });
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: /Notify the customer through/ }).click();
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'HR self-service' })).toHaveCount(0);
  await options.filter({ hasText: 'Workplace web' }).click();
  await expect(dialog.getByTestId('notification-rule')).toContainText('Acme notifications');
  await expect(dialog.getByTestId('notification-rule')).toContainText("organization's override");
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(notice(page)).toContainText('Sent the password reset');
  const log = await platform.api<Array<{ notificationPolicyId: string; policySource: string; clientId: string }>>(
    'GET',
    `/admin/api/v1/events/notification?accountIds=${account.id}`,
  );
  expect(log.body[0]).toMatchObject({ notificationPolicyId: 'np-acme', policySource: 'organization' });
  await tab(page, 'Activity');
  const history = panel(page, 'Activity').getByRole('table', { name: 'Notification history' });
  await expect(history).toContainText('Acme notifications');
  await history.getByRole('row').nth(1).click();
  await expect(page.getByTestId('notification-text')).toContainText('new password');
});

test('hostile strings stay text in every tab and in the exported report; no script runs', async ({ page, browser }) => {
  const { body } = await platform.api<ApiAccount[]>(
    'GET',
    `${accountsPath('consumers')}?loginIdentifier=hostile.scripttag@example.com`,
  );
  const hostile = body[0]!;
  await openAccount(page, 'consumers', hostile.id);
  const payload = '<script>window.__desksidePwned = true</script>';
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(payload);
  for (const name of accountTabs) {
    await tab(page, name);
    await expect(page.getByRole('tabpanel')).toBeVisible();
  }
  await tab(page, 'Attributes');
  await expect(page.getByRole('tabpanel', { name: 'Attributes' })).toContainText(payload);
  expect(await page.evaluate(() => (window as { __desksidePwned?: boolean }).__desksidePwned)).toBeUndefined();

  const path = await exportReport(page);
  const html = readFileSync(path, 'utf8');
  expect(html).not.toContain(payload);
  const report = await browser.newPage();
  await report.goto(pathToFileURL(path).href);
  await expect(report.locator('body')).toContainText(payload);
  await expect(report.locator('h2', { hasText: 'Activity' })).toBeVisible();
  expect(await report.evaluate(() => (window as { __desksidePwned?: boolean }).__desksidePwned)).toBeUndefined();
  await report.close();
});

test('the activity chart has a date axis and a tooltip per day, and a click on a day lists that day’s events', async ({
  page,
}) => {
  const account = await someAccount('consumers', 'enabled=true', 5);
  await openAccount(page, 'consumers', account.id);
  await tab(page, 'Activity');
  const activity = panel(page, 'Activity');
  const chart = activity.getByTestId('events-chart');
  await expect(chart).toBeVisible();
  // The newest event's day is the chart's last bar (this machine's time zone is the browser's).
  const newest = await platform.api<Array<{ startTimestamp: string }>>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${account.id}&size=1`,
  );
  const at = new Date(newest.body[0]!.startTimestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  // The axis reads as dates ("Nov 29"), not as indexes.
  await expect(
    chart
      .locator('svg text')
      .filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}$/ })
      .first(),
  ).toBeVisible();
  const bars = chart.locator('svg [class*="MuiBarChart-element"]');
  await expect(bars.first()).toBeVisible();
  const boxes = await bars.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
    }),
  );
  const last = boxes.filter((box) => box.height > 0).sort((a, b) => b.x - a.x)[0]!;
  await page.mouse.move(last.x, last.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText(String(at.getFullYear()));
  await expect(tooltip).toContainText(/Succeeded|Failed|Other/);
  await page.mouse.click(last.x, last.y);

  await expect(activity.getByLabel('From', { exact: true })).toHaveValue(day);
  await expect(activity.getByLabel('To', { exact: true })).toHaveValue(day);
  const from = new Date(`${day}T00:00:00`).toISOString();
  const to = new Date(`${day}T23:59:59.999`).toISOString();
  const platformDay = await platform.api<unknown[]>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${account.id}&startDate=${from}&endDate=${to}&size=100`,
  );
  expect(platformDay.body.length).toBeGreaterThan(0);
  await expect(activity.getByRole('table', { name: 'Events' }).locator('tbody tr')).toHaveCount(
    platformDay.body.length,
  );
});

test('the activity tab pages: the latest fifty, then older ones a hundred at a time, as many as the platform has', async ({
  page,
}) => {
  const account = (await someAccount('consumers', 'enabled=true', 9)) as ApiAccount & {
    identities: { email?: { id: string } };
  };
  // A run of wrong passwords gives the account well over a page of events.
  for (let attempt = 0; attempt < 130; attempt++)
    await fetch(`${platform.url}/sandbox/customer/consumers/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: account.identities.email!.id, password: `wrong-${attempt}` }),
    });
  const all = await platform.api<unknown[]>(
    'GET',
    `/admin/api/v1/events/account?subjectAccountIds=${account.id}&size=1000`,
  );
  expect(all.body.length).toBeGreaterThan(130);
  await openAccount(page, 'consumers', account.id);
  await tab(page, 'Activity');
  const activity = panel(page, 'Activity');
  const rows = activity.getByRole('table', { name: 'Events' }).locator('tbody tr');
  const older = activity.getByRole('button', { name: 'Load older events' });
  // The profile brings the latest 50; older ones come a hundred at a time, read from the newest on.
  await expect(rows).toHaveCount(50);
  await older.click();
  await expect(rows).toHaveCount(100);
  await older.click();
  await expect(rows).toHaveCount(Math.min(200, all.body.length));
  if (all.body.length > 200) await expect(older).toBeVisible();
  else await expect(older).toHaveCount(0);
});

type PlatformAccount = ApiAccount & {
  enabled?: boolean;
  accountLockout?: { locks?: Record<string, { until?: string }> };
  authenticators?: { methods?: Array<{ id: string; type: string; target?: string }> };
};
const platformAccount = async (store: string, id: string) =>
  (await platform.api<PlatformAccount>('GET', `${accountsPath(store)}/${id}`)).body;
const actions = (page: Page) => page.getByRole('group', { name: 'Account actions' });

test('disables and enables, locks and lifts the lock: the platform says so after each', async ({ page }) => {
  const account = await someAccount('consumers', 'enabled=true', 7);
  expect(Object.keys((await platformAccount('consumers', account.id)).accountLockout?.locks ?? {})).toEqual([]);
  await openAccount(page, 'consumers', account.id);

  await actions(page).getByRole('button', { name: 'Disable account' }).click();
  await expect(notice(page)).toContainText('Disabled the account.');
  expect((await platformAccount('consumers', account.id)).enabled).toBe(false);
  await actions(page).getByRole('button', { name: 'Enable account' }).click();
  await expect(notice(page)).toContainText('Enabled the account.');
  expect((await platformAccount('consumers', account.id)).enabled).toBe(true);

  await actions(page).getByRole('button', { name: 'Lock account' }).click();
  await page.getByRole('dialog', { name: 'Lock the account?' }).getByRole('button', { name: 'Lock' }).click();
  await expect(notice(page)).toContainText('Locked the account.');
  expect(Object.keys((await platformAccount('consumers', account.id)).accountLockout?.locks ?? {})).toEqual([
    '_password',
  ]);
  await actions(page).getByRole('button', { name: 'Lift password lock' }).click();
  await expect(notice(page)).toContainText('Lifted the password lock.');
  expect(Object.keys((await platformAccount('consumers', account.id)).accountLockout?.locks ?? {})).toEqual([]);
  await expect(actions(page).getByRole('button', { name: 'Lock account' })).toBeVisible();
});

test('deletes every session: each of the customer’s tokens is refused afterwards', async ({ page }) => {
  const { id, email } = await passwordOnlyAccount(2);
  const tokens = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const login = await customerLogin('consumers', email, 'Demo-password-1!');
    expect(login.status).toBe(200);
    tokens.push(login.body.sessionToken!);
  }
  const me = (token: string) =>
    fetch(`${platform.url}/sandbox/customer/me`, { headers: { Authorization: `Bearer ${token}` } });
  await openAccount(page, 'consumers', id);
  await actions(page).getByRole('button', { name: 'Delete all sessions' }).click();
  await page
    .getByRole('dialog', { name: 'Delete all sessions?' })
    .getByRole('button', { name: 'Delete sessions' })
    .click();
  await expect(notice(page)).toContainText('Deleted every session.');
  expect((await platform.api<unknown[]>('GET', `${accountsPath('consumers')}/${id}/sessions`)).body).toEqual([]);
  for (const token of tokens) expect((await me(token)).status).toBe(401);
  await expect(actions(page).getByRole('button', { name: 'Delete all sessions' })).toBeDisabled();
});

test('adds an email authenticator and deletes it, as the platform then lists them', async ({ page }) => {
  const account = await someAccount('consumers', 'enabled=true', 8);
  const target = `second.factor.${account.id.slice(0, 8)}@example.com`;
  await openAccount(page, 'consumers', account.id);
  await tab(page, 'Authenticators');
  await panel(page, 'Authenticators').getByRole('button', { name: 'Add email or phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an email or phone' });
  await dialog.getByRole('textbox', { name: 'Email address' }).fill(target);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(notice(page)).toContainText(`Added ${target}.`);
  const added = (await platformAccount('consumers', account.id)).authenticators?.methods ?? [];
  expect(added.filter((method) => method.target === target).map((method) => method.type)).toEqual(['email']);

  await panel(page, 'Authenticators')
    .getByRole('button', { name: `Delete email ${target}` })
    .click();
  await page.getByRole('dialog', { name: 'Delete the authenticator?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(notice(page)).toContainText('Deleted the authenticator.');
  const after = (await platformAccount('consumers', account.id)).authenticators?.methods ?? [];
  expect(after.some((method) => method.target === target)).toBe(false);
  expect(after.length).toBe(added.length - 1);
});

test('deletes an account only once its identifier is typed; the platform no longer has it', async ({ page }) => {
  const account = await someAccount('partners', 'enabled=true', 4);
  const full = await platform.api<{ identities: { email?: { id: string }; local?: { id: string } } }>(
    'GET',
    `${accountsPath('partners')}/${account.id}`,
  );
  const identifier = full.body.identities.email?.id ?? full.body.identities.local?.id ?? account.id;
  await openAccount(page, 'partners', account.id);
  await actions(page).getByRole('button', { name: 'Delete account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this account?' });
  const confirm = dialog.getByRole('button', { name: 'Delete account' });
  await dialog.getByRole('textbox', { name: 'Type the identifier to confirm' }).fill(`${identifier}x`);
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the identifier to confirm' }).fill(identifier);
  await confirm.click();
  await expect(dialog).toBeHidden();
  expect((await platform.api('GET', `${accountsPath('partners')}/${account.id}`)).status).toBe(404);
});

// Last: it makes the viewer's connection the active one.
test('a viewer-tier connection sees the account but every change is disabled, with the reason', async ({ page }) => {
  await page.goto(host.url);
  await addConnection(page, {
    name: 'Viewer desk',
    url: platform.url,
    clientId: 'deskside-viewer',
    clientSecret: 'viewer-demo-secret',
  });
  const account = await someAccount('consumers', 'enabled=true', 9);
  await openAccount(page, 'consumers', account.id);
  const disable = page.getByRole('button', { name: 'Disable account' });
  await expect(disable).toBeDisabled();
  await expect(page.locator('[data-disabled-reason]').filter({ has: disable })).toHaveAttribute(
    'data-disabled-reason',
    /lacks the write:account permission/,
  );
  await expect(page.getByRole('button', { name: 'Delete account' })).toBeDisabled();
  await expect(panel(page, 'Attributes').getByRole('textbox', { name: 'Given name' })).toBeDisabled();
  await tab(page, 'Groups');
  await expect(page.getByRole('button', { name: 'Add to group' })).toBeDisabled();
  await tab(page, 'Authenticators');
  await expect(page.getByRole('button', { name: 'Send password reset' })).toBeDisabled();
  await page.getByRole('button', { name: 'Download account information' }).click();
  await page.getByRole('menuitem', { name: 'JSON' }).click();
  await expect(notice(page)).toContainText('Saved');
});

/**
 * The agent's first minute: a store's accounts are listed as soon as it opens (newest first, as the platform has
 * them), a click on a row opens the account while the checkbox only selects, Enter in any filter field runs the
 * search and each active filter shows above the results (removable), the Search button stays in reach, and each
 * status chip explains itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { accountTabs, connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('first', 300)));
test.afterAll(() => stopSpecPlatform({ platform, host }));

const rows = (page: Page) => page.getByRole('listbox', { name: 'Accounts' }).getByRole('option');

test('connects', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'First minute', platform);
});

test('a store’s accounts are listed when it opens, newest first, as the platform lists them', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('combobox', { name: 'Identity store' })).toHaveText('consumers');
  // Nothing pressed: the first page is there.
  await expect(rows(page).first()).toBeVisible();
  const newest = await platform.api<Array<{ id: string }>>(
    'GET',
    `${accountsPath('consumers')}?size=5&sort=createdAt,desc`,
  );
  expect(newest.body).toHaveLength(5);
  const shown = await Promise.all(
    [0, 1, 2, 3, 4].map((index) => rows(page).nth(index).getAttribute('data-account-id')),
  );
  expect(shown).toEqual(newest.body.map((account) => account.id));

  // Another store: its own accounts, listed at once.
  await page.getByRole('combobox', { name: 'Identity store' }).click();
  await page.getByRole('option', { name: 'business', exact: true }).click();
  const business = await platform.api<Array<{ id: string }>>(
    'GET',
    `${accountsPath('business')}?size=1&sort=createdAt,desc`,
  );
  await expect(rows(page).first()).toHaveAttribute('data-account-id', business.body[0]!.id);
});

test('a click on a row opens the account; its checkbox, Ctrl/Cmd-click and Shift-click only select', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  await rows(page).nth(0).getByRole('checkbox').check();
  await rows(page)
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await rows(page)
    .nth(4)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);

  const name = (await rows(page).nth(1).locator('p').first().textContent())!;
  const id = (await rows(page).nth(1).getAttribute('data-account-id'))!;
  // A click on the email column, not the name: anywhere on the row opens it.
  await rows(page).nth(1).locator('p').nth(1).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(id);
});

test('Enter in a filter field runs the search; each active filter shows above the results and can be removed', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  const target = await platform.api<Array<{ id: string; identities?: { email?: { id?: string } } }>>(
    'GET',
    `${accountsPath('consumers')}?size=20&sort=createdAt,desc`,
  );
  const withEmail = target.body.find((account) => account.identities?.email?.id)!;
  const email = withEmail.identities!.email!.id!;
  const field = page.getByRole('form', { name: 'Filters' }).getByLabel('Email', { exact: true });
  await field.fill(email);
  await field.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-account-id', withEmail.id);
  await expect(page.locator('[data-field="email"]')).toHaveAttribute('data-active', 'true');
  const active = page.getByTestId('active-filters');
  await expect(active.locator('[data-filter="email"] .MuiChip-label')).toHaveText(`Email: ${email}`);

  // Removing the filter runs the search without it: the whole store again.
  await active.getByRole('img', { name: `Remove the filter Email: ${email}` }).click();
  await expect(active).toBeHidden();
  await expect(rows(page).nth(5)).toBeVisible();
  await expect(page.locator('[data-field="email"]')).not.toHaveAttribute('data-active', 'true');
});

test('the Search button stays in reach at 1440×900, whatever the length of the filter list', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  const fields = await page.locator('[data-field]').count();
  expect(fields).toBeGreaterThan(12);
  // The last field is out of view, and yet the button is in it.
  await expect(page.locator('[data-field]').last()).not.toBeInViewport();
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Clear', exact: true })).toBeInViewport();
});

test('each status chip says what it means for the customer', async ({ page }) => {
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  const unverified = page.getByRole('listbox', { name: 'Accounts' }).getByText('unverified email').first();
  if (!(await unverified.isVisible())) {
    // The newest page may hold none: page on until one shows.
    await expect(async () => {
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(unverified).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
  await unverified.hover();
  await expect(page.getByRole('tooltip', { name: /^Unverified email/ })).toContainText(
    'an activation or invitation may be pending',
  );
  const enabled = page.getByRole('listbox', { name: 'Accounts' }).getByText('enabled', { exact: true }).first();
  await enabled.hover();
  await expect(page.getByRole('tooltip', { name: /^Enabled/ })).toContainText('the customer can sign in');
});

test('bulk “remove from group” on members and a non-member: removed, and “not a member of this group”, skipped', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(rows(page).nth(2)).toBeVisible();
  const ids = await Promise.all([0, 1, 2].map((index) => rows(page).nth(index).getAttribute('data-account-id')));
  const groups = await platform.api<{ content: Array<{ id: string; name: string }> }>(
    'GET',
    '/admin/api/v1/identityStores/consumers/groups',
  );
  const group = groups.body.content[0]!;
  const membership = (id: string) => `${accountsPath('consumers')}/${id}/groups`;
  for (const id of [ids[0], ids[1]])
    expect((await platform.api('POST', membership(id!), [{ id: group.id }])).status).toBe(204);
  await platform.api('DELETE', `/admin/api/v1/identityStores/consumers/groups/${group.id}/members/${ids[2]}`);

  for (const index of [0, 1, 2]) await rows(page).nth(index).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Remove from group', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Remove 3 accounts from a group' });
  await picker.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: group.name, exact: true }).click();
  await picker.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 done, 1 skipped, 0 failed, 0 not attempted, of 3');
  await expect(page.locator('[data-outcome="skipped"]')).toContainText(ids[2]!);
  await expect(page.locator('[data-outcome="skipped"]')).toContainText('Not a member of this group');
  // Nothing to retry: a skipped account is not a failure.
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  for (const id of [ids[0], ids[1]]) {
    const members = await platform.api<Array<{ id: string }>>(
      'GET',
      `/admin/api/v1/identityStores/consumers/groups/${group.id}/members?id=${id}`,
    );
    expect(members.body.map((account) => account.id)).not.toContain(id);
  }
  await page.getByRole('button', { name: 'Close' }).click();
});

test('organizations show by name in the results and the overview (the id beside it); a linked account’s store is chosen', async ({
  page,
}) => {
  const organization = (
    await platform.api<{ id: string; name: string }>('GET', '/admin/api/v1/identityStores/business/organizations/acme')
  ).body;
  expect(organization.name).not.toBe(organization.id);
  const members = await platform.api<Array<{ id: string }>>(
    'GET',
    `${accountsPath('business')}?organization=acme&size=1`,
  );
  const member = members.body[0]!;

  // Opened from a link while the switcher shows another store: the switcher follows the account.
  await page.goto(`${host.origin}/account/business/${member.id}#token=${host.token}`);
  const overview = page.getByRole('complementary', { name: 'Overview' });
  await expect(overview).toContainText(member.id);
  await expect(overview.getByRole('row', { name: /^Organization/ })).toContainText(
    `${organization.name} (${organization.id})`,
  );
  await page.getByRole('button', { name: '← Results' }).click();
  await expect(page.getByRole('combobox', { name: 'Identity store' })).toHaveText('business');
  const field = page.getByRole('form', { name: 'Filters' }).getByLabel('Account id', { exact: true });
  await field.fill(member.id);
  await field.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(organization.name);
  await expect(rows(page).first().getByTitle(organization.id, { exact: true })).toHaveText(organization.name);
});

test('at 1280×800 an open account shows all eight tabs and every action, down to “Delete account”', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await rows(page).first().click();
  await expect(page.getByRole('complementary', { name: 'Overview' })).toBeVisible();
  for (const name of accountTabs)
    await expect(page.getByRole('tab', { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Delete account' })).toBeInViewport({ ratio: 1 });
  // The search panel folded into a rail to give the account the width; its button brings it back.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await page.getByRole('button', { name: 'Show the search panel' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.getByRole('button', { name: '← Results' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('for a member of an organization without its own policy, the notification rule says the application’s applies', async ({
  page,
}) => {
  const overridden = new Set(['acme', 'acme-europe']);
  const candidates = await platform.api<
    Array<{ id: string; organization?: string; identities?: { email?: { verified?: boolean } } }>
  >('GET', `${accountsPath('business')}?size=200`);
  // One a reset can reach: a confirmed email (an invited member has none yet).
  const member = candidates.body.find(
    (account) =>
      account.organization && !overridden.has(account.organization) && account.identities?.email?.verified === true,
  )!;
  expect(member).toBeDefined();
  const organization = (
    await platform.api<{ name: string }>(
      'GET',
      `/admin/api/v1/identityStores/business/organizations/${member.organization}`,
    )
  ).body;
  await page.goto(`${host.origin}/account/business/${member.id}#token=${host.token}`);
  await page.getByRole('tab', { name: 'Authenticators', exact: true }).click();
  await page.getByRole('button', { name: 'Send password reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a password reset email?' });
  await dialog.getByRole('combobox', { name: /Notify the customer through/ }).click();
  await page.getByRole('option').first().click();
  await expect(dialog.getByTestId('notification-rule')).toContainText(
    `no ${organization.name} organization policy: the `,
  );
  await expect(dialog.getByTestId('notification-rule')).toContainText("application's own applies");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('changing a password says the platform will not tell the customer, and offers the reset email instead', async ({
  page,
}) => {
  await page.goto(host.url);
  await rows(page).first().click();
  await page.getByRole('tab', { name: 'Authenticators', exact: true }).click();
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the password' });
  await expect(dialog.getByTestId('password-not-notified')).toContainText(
    'The platform does not tell the customer about a password set here',
  );
  await dialog.getByRole('button', { name: 'Send a reset instead' }).click();
  await expect(page.getByRole('dialog', { name: 'Send a password reset email?' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await page
    .getByRole('dialog', { name: 'Send a password reset email?' })
    .getByRole('button', { name: 'Cancel' })
    .click();
});

test('a registrant awaiting activation cannot be reached by email until the activation link is followed', async ({
  page,
}) => {
  const registered = await fetch(`${platform.url}/sandbox/customer/consumers/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'awaiting.activation@example.com',
      password: 'Spring-time-1',
      attributes: { name: { givenName: 'Awaiting', familyName: 'Activation' } },
    }),
  });
  expect(registered.status).toBe(201);
  const { accountId, activationNotificationId } = (await registered.json()) as {
    accountId: string;
    activationNotificationId: string;
  };
  await page.goto(`${host.origin}/account/consumers/${accountId}#token=${host.token}`);
  await expect(page.getByLabel('Identifiers')).toContainText('awaiting.activation@example.com (unverified)');
  await page.getByRole('tab', { name: 'Authenticators', exact: true }).click();
  await page.getByRole('button', { name: 'Send password reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a password reset email?' });
  // Said before sending, and sending is not offered.
  await expect(dialog.getByTestId('notification-reach')).toHaveText(
    'The customer cannot be reached: the email awaiting.activation@example.com is not verified (an activation or invitation may be pending), and there is no phone.',
  );
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // The platform refuses it too, with its reason.
  const refused = await platform.api<{ detail: string }>(
    'POST',
    `${accountsPath('consumers')}/${accountId}/password/reset`,
  );
  expect(refused.status).toBe(400);

  // The customer follows the link the activation message carried.
  const message = await platform.api<{ messagePlainText: string }>(
    'GET',
    `/admin/api/v1/events/notification/${activationNotificationId}`,
  );
  const link = /\S+\/sandbox\/customer\/activate\/[\w-]+/.exec(message.body.messagePlainText)![0];
  expect((await fetch(link)).status).toBe(200);

  await page.reload();
  await expect(page.getByLabel('Identifiers')).toContainText('awaiting.activation@example.com');
  await expect(page.getByLabel('Identifiers')).not.toContainText('(unverified)');
  await page.getByRole('tab', { name: 'Authenticators', exact: true }).click();
  await page.getByRole('button', { name: 'Send password reset' }).click();
  await expect(dialog).toContainText(
    'The customer receives a link to choose a new password at awaiting.activation@example.com.',
  );
  await expect(dialog.getByTestId('notification-reach')).toBeHidden();
  await dialog.getByRole('combobox', { name: /Notify the customer through/ }).click();
  await page.getByRole('option', { name: /Shop web/ }).click();
  await expect(dialog).toContainText('Sent by email to awaiting.activation@example.com.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  const sent = await platform.api<Array<{ notificationTemplate: { id: string }; target: string; channel: string }>>(
    'GET',
    `/admin/api/v1/events/notification?accountIds=${accountId}`,
  );
  expect(
    sent.body.map(({ notificationTemplate, target, channel }) => [notificationTemplate.id, target, channel]),
  ).toEqual(
    expect.arrayContaining([
      ['passwordReset', 'awaiting.activation@example.com', 'email'],
      ['accountActivation', 'awaiting.activation@example.com', 'email'],
    ]),
  );
});

test('the identity verification picker says what each policy asks of the customer, from its steps', async ({
  page,
}) => {
  const policies = await platform.api<{ content: Array<{ id: string; name: string; steps: Array<{ type: string }> }> }>(
    'GET',
    '/admin/api/v1/identityProofings',
  );
  const knowledge = policies.body.content.find((policy) => policy.id === 'knowledge-based')!;
  expect(knowledge.steps.map((step) => step.type)).toEqual([
    'proofingData',
    'addressRiskEvaluation',
    'knowledgeBasedVerification',
  ]);
  await page.goto(host.url);
  await rows(page).first().click();
  await page.getByRole('tab', { name: 'Verification' }).click();
  await page.getByRole('button', { name: 'Verify manually' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verify the identity manually' });
  await dialog.getByRole('combobox', { name: 'Identity verification policy' }).click();
  const option = page.getByRole('option', { name: new RegExp(knowledge.name) });
  await expect(option).toContainText(
    'Asks the customer to confirm their personal details, have their address checked against risk data, then answer questions only they should know.',
  );
  await option.click();
  await expect(dialog).toContainText('then answer questions only they should know.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('results page and sort as the platform does', async ({ page }) => {
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  const firstFive = () =>
    Promise.all([0, 1, 2, 3, 4].map((index) => rows(page).nth(index).getAttribute('data-account-id')));
  const platformPage = async (sort: string, pageIndex: number) =>
    (
      await platform.api<Array<{ id: string }>>(
        'GET',
        `${accountsPath('consumers')}?sort=${sort}&page=${pageIndex}&size=50`,
      )
    ).body
      .slice(0, 5)
      .map((account) => account.id);

  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Last login ↑' }).click();
  const expectedFirst = await platformPage('lastLogin,asc', 0);
  expect(expectedFirst).toHaveLength(5);
  await expect.poll(firstFive).toEqual(expectedFirst);
  await expect(page.getByTestId('page-indicator')).toHaveText(/^Page 1 of \d+\+?$/);

  await page.getByRole('button', { name: 'Next page' }).click();
  const expectedSecond = await platformPage('lastLogin,asc', 1);
  expect(expectedSecond).toHaveLength(5);
  expect(expectedSecond).not.toEqual(expectedFirst);
  await expect.poll(firstFive).toEqual(expectedSecond);
  await expect(page.getByTestId('page-indicator')).toHaveText(/^Page 2 of \d+\+?$/);

  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Created ↑' }).click();
  // A new order starts again at the first page.
  await expect.poll(firstFive).toEqual(await platformPage('createdAt,asc', 0));
  await expect(page.getByTestId('page-indicator')).toHaveText(/^Page 1 of \d+\+?$/);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(firstFive).toEqual(await platformPage('createdAt,asc', 1));
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect.poll(firstFive).toEqual(await platformPage('createdAt,asc', 0));
});

import { expect, test, type Page } from '@playwright/test';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

// One platform and one web host for the whole file; the tests run in order and act on different accounts.
test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('platform', 400)));

test.afterAll(() => stopSpecPlatform({ platform, host }));

const resultCount = (page: Page) => page.getByTestId('result-count');

async function searchWith(page: Page, setUp: () => Promise<void>) {
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await setUp();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
}

/** A quick search, waited for: the store's own listing may still be on the screen when Enter is pressed. */
async function quickSearch(page: Page, text: string) {
  await page.getByTestId('quick-search').fill(text);
  await page.getByTestId('quick-search').press('Enter');
  await expect(page.getByTestId('active-filters')).toContainText(text);
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
}

async function chooseStore(page: Page, store: string) {
  await page.getByRole('combobox', { name: 'Identity store' }).click();
  await page.getByRole('option', { name: store, exact: true }).click();
}

test('connects to a platform through the connections dialog, after testing it', async ({ page }) => {
  await page.goto(host.url);
  // Nothing configured yet: Deskside runs its own sandbox.
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Local sandbox');
  await page.getByRole('button', { name: 'Connection' }).click();
  await page.getByRole('menuitem', { name: 'Manage connections…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  await dialog.getByRole('button', { name: 'Add connection' }).click();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Training platform');
  await dialog.getByLabel('Tenant URL').fill('http://example.com');
  await dialog.getByLabel('Client id').fill('deskside-supervisor');
  await dialog.getByLabel('Client secret').fill('supervisor-demo-secret');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('must be an https:// URL')).toBeVisible();
  await dialog.getByLabel('Tenant URL').fill(platform.url);
  await dialog.getByLabel('Client secret').fill('wrong-secret');
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByText(/refused the client id deskside-supervisor or its secret/)).toBeVisible();
  await dialog.getByLabel('Client secret').fill('supervisor-demo-secret');
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByText('Connected: 3 identity stores.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Connection' }).click();
  await page.getByRole('menuitem', { name: /Training platform/ }).click();
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Training platform');
  await expect(page.getByTestId('environment')).toHaveText('staging');
  await expect(page.getByTestId('connectivity')).toHaveText('online');
});

test('searches by email domain, indexed attribute, date range and group, as the platform counts', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Training platform');

  await quickSearch(page, '@inbox.example');
  await expect(resultCount(page)).toHaveText(
    `${await platform.count('consumers', 'loginIdentifier=@inbox.example')} accounts`,
  );
  await expect(page.getByRole('option').first()).toContainText('inbox.example');

  await searchWith(page, async () => {
    await page.getByRole('combobox', { name: 'Loyalty tier' }).click();
    await page.getByRole('option', { name: 'Gold' }).click();
  });
  await expect(resultCount(page)).toHaveText(
    `${await platform.count('consumers', 'attribute_loyaltyTier=gold')} accounts`,
  );

  await searchWith(page, async () => {
    await page.getByRole('combobox', { name: 'Created', exact: true }).click();
    await page.getByRole('option', { name: 'Last 90 days' }).click();
  });
  await expect(resultCount(page)).toHaveText(
    `${await platform.count('consumers', 'createdAtStartDate=-P90D')} accounts`,
  );

  await chooseStore(page, 'business');
  await searchWith(page, async () => {
    await page.getByRole('combobox', { name: 'Groups' }).click();
    await page.getByRole('option', { name: 'Finance approvers' }).click();
    await page.keyboard.press('Escape');
  });
  await expect(resultCount(page)).toHaveText(
    `${await platform.count('business', 'groups=business-finance-approvers')} accounts`,
  );
});

test('a pinned field stays at the top of the panel after a reload', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Pin Loyalty tier' }).click();
  await expect(page.locator('[data-field]').first()).toHaveAttribute('data-field', 'attribute:loyaltyTier');
  await page.reload();
  await expect(page.locator('[data-field]').first()).toHaveAttribute('data-field', 'attribute:loyaltyTier');
  await expect(page.getByRole('button', { name: 'Unpin Loyalty tier' })).toBeVisible();
});

test('saves a search and reruns it in one click', async ({ page }) => {
  await page.goto(host.url);
  const platinum = await platform.count('consumers', 'attribute_loyaltyTier=platinum');
  await searchWith(page, async () => {
    await page.getByRole('combobox', { name: 'Loyalty tier' }).click();
    await page.getByRole('option', { name: 'Platinum' }).click();
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await dialog.getByLabel('Name', { exact: true }).fill('Platinum customers');
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await quickSearch(page, '@example.com');
  await expect(resultCount(page)).not.toHaveText(`${platinum} accounts`);
  await page.getByRole('list', { name: 'Saved searches' }).getByText('Platinum customers').click();
  await expect(resultCount(page)).toHaveText(`${platinum} accounts`);
});

test('bulk disable reports each account, including one deleted meanwhile', async ({ page }) => {
  await page.goto(host.url);
  await searchWith(page, async () => {
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Enabled' }).click();
  });
  const rows = page.getByRole('option');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  const ids = await Promise.all([0, 1, 2].map((index) => rows.nth(index).getAttribute('data-account-id')));
  expect((await platform.api('DELETE', `/admin/api/v1/identityStores/consumers/accounts/${ids[1]}`)).status).toBe(204);

  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 done, 1 failed, 0 not attempted, of 3');
  await expect(page.locator('[data-outcome="failed"]')).toContainText(ids[1]!);
  await expect(page.locator('[data-outcome="failed"]')).toContainText('no longer exists');
  for (const id of [ids[0], ids[2]]) {
    const account = await platform.api<{ enabled: boolean }>(
      'GET',
      `/admin/api/v1/identityStores/consumers/accounts/${id}`,
    );
    expect(account.body.enabled).toBe(false);
  }
  await page.getByRole('button', { name: 'Close' }).click();
});

test('delete refuses until the agent types the number of accounts, then deletes exactly those', async ({ page }) => {
  await page.goto(host.url);
  await quickSearch(page, '@example.com');
  const rows = page.getByRole('option');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  const ids = await Promise.all([0, 1].map((index) => rows.nth(index).getAttribute('data-account-id')));
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('button', { name: 'Delete 2' });
  await expect(confirm).toBeDisabled();
  await page.getByRole('dialog').getByLabel('Number of accounts').fill('1');
  await expect(confirm).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  for (const id of ids)
    expect((await platform.api('GET', `/admin/api/v1/identityStores/consumers/accounts/${id}`)).status).toBe(200);
  const neighbour = await rows.nth(2).getAttribute('data-account-id');

  // The right count deletes the two, and nothing else.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Number of accounts').fill('2');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 done, 0 failed, 0 not attempted, of 2');
  for (const id of ids)
    expect((await platform.api('GET', `/admin/api/v1/identityStores/consumers/accounts/${id}`)).status).toBe(404);
  expect((await platform.api('GET', `/admin/api/v1/identityStores/consumers/accounts/${neighbour}`)).status).toBe(200);
});

test('Ctrl/Cmd+K finds an account by email and opens it; ? lists the shortcuts', async ({ page }) => {
  const [account] = (
    await platform.api<Array<{ id: string; identities: { email: { id: string } } }>>(
      'GET',
      '/admin/api/v1/identityStores/consumers/accounts?size=1&enabled=true',
    )
  ).body;
  await page.goto(host.url);
  await expect(page.getByTestId('connectivity')).toHaveText('online');
  await page.keyboard.press('ControlOrMeta+k');
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(account!.identities.email.id);
  await expect(page.getByRole('option', { name: /Find/ })).toBeVisible();
  await command.press('Enter');
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(account!.id);
  await page.keyboard.press('Escape');
  await page.getByRole('listbox', { name: 'Accounts' }).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Command palette');
});

/** The platform's first account in the "business" store, read straight from its Admin API. */
async function firstBusinessAccount(): Promise<{ id: string }> {
  const { body } = await platform.api<Array<{ id: string }>>(
    'GET',
    '/admin/api/v1/identityStores/business/accounts?size=1',
  );
  return body[0]!;
}

test('a link to /account/<store>/<id> opens that account, which copies its own deskside:// link', async ({
  page,
  context,
}) => {
  const account = await firstBusinessAccount();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${host.origin}/account/business/${account.id}#token=${host.token}`);
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(account.id);
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`deskside://account/business/${account.id}`);
});

test('a link opened in a new tab gets the token from the open Deskside tab, never from the URL', async ({
  page,
  context,
}) => {
  const account = await firstBusinessAccount();
  await page.goto(host.url);
  await expect(page.getByTestId('connectivity')).toHaveText('online');
  const tab = await context.newPage();
  await tab.goto(`${host.origin}/account/business/${account.id}`);
  await expect(tab.getByRole('region', { name: 'Account' })).toContainText(account.id);
  expect(tab.url()).toBe(`${host.origin}/account/business/${account.id}`);
  await tab.close();
});

test('the result list renders only the rows in view, and exports the page or every result to CSV', async ({ page }) => {
  await page.goto(host.url);
  await quickSearch(page, '@example.com');
  await expect(page.getByTestId('page-indicator')).toContainText('Page 1 of');
  // 50 accounts on the page; only those in view (plus a few above and below) are in the DOM.
  const rendered = await page.getByRole('option').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  await page.getByRole('menuitem', { name: /This page/ }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('id,store,name,username,email,phone,status,organization,lastLoginAt,createdAt');
  expect(lines).toHaveLength(51);

  await page.getByRole('button', { name: 'CSV' }).click();
  await page.getByRole('menuitem', { name: /Every result/ }).click();
  const saved = page.getByTestId('csv-exported');
  await expect(saved).toContainText('Saved');
  const path = (await saved.textContent())!.replace(/^.* to /, '').trim();
  const all = readFileSync(path, 'utf8').trim().split('\r\n');
  expect(all.length - 1).toBe(await platform.count('consumers', 'loginIdentifier=@example.com'));
  expect(all.length - 1).toBeGreaterThan(50);
});

test('offline: recent accounts and saved searches come from the cache with their age; actions wait; it reconnects', async ({
  page,
}) => {
  await page.goto(host.url);
  await quickSearch(page, '@example.com');
  const first = page.getByRole('option').first();
  const name = (await first.locator('p').first().textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: '← Results' }).click();
  await page.getByRole('list', { name: 'Saved searches' }).getByText('Platinum customers').click();
  await expect(resultCount(page)).toContainText('accounts');

  await platform.stop();
  await quickSearch(page, '@example.com');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByTestId('cached-results')).toBeVisible();

  await page.getByRole('list', { name: 'Recent accounts' }).getByText(name).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByTestId('account-age')).toContainText('cached copy from');
  await page.getByRole('button', { name: '← Results' }).click();

  await page.getByRole('list', { name: 'Saved searches' }).getByText('Platinum customers').click();
  await expect(page.getByTestId('cached-results')).toContainText('cached results from');
  await page.getByRole('option').first().getByRole('checkbox').check();
  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeDisabled();

  await platform.start();
  await expect(page.getByTestId('offline-banner')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('connectivity')).toHaveText('online');
  await page.getByTestId('quick-search').press('Enter');
  await expect(page.getByTestId('cached-results')).toBeHidden();
});

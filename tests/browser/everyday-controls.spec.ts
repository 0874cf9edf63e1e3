/**
 * The controls an agent touches every day and no other test did: deleting a saved search, editing and removing a
 * connection, density, the status bar's cache line and its "Clear cache", and Alt+1…8 between the account's tabs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { accountTabs, addConnection, connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('everyday', 150)));
test.afterAll(() => stopSpecPlatform({ platform, host }));

const searching = (page: Page) => page.getByRole('progressbar', { name: 'Searching' });
const savedSearches = (page: Page) => page.getByRole('list', { name: 'Saved searches' });
const cacheLine = (page: Page) => page.getByText(/^Cache: [\d,]+ accounts?$/);

test('connects', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Everyday platform', platform);
});

test('a saved search is deleted from the list, and stays deleted after a reload', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('quick-search').fill('@example.com');
  await page.getByTestId('quick-search').press('Enter');
  await expect(searching(page)).toBeHidden();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await dialog.getByLabel('Name', { exact: true }).fill('Example domain');
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await expect(savedSearches(page).getByText('Example domain')).toBeVisible();
  await savedSearches(page).getByRole('button', { name: 'Delete saved search Example domain', exact: true }).click();
  await expect(savedSearches(page).getByText('Example domain')).toHaveCount(0);
  await page.reload();
  await expect(savedSearches(page)).toBeVisible();
  await expect(savedSearches(page).getByText('Example domain')).toHaveCount(0);
});

test('a connection is renamed, the active one removed; the menu follows and the renamed one still searches', async ({
  page,
}) => {
  await page.goto(host.url);
  await addConnection(page, {
    name: 'Spare tenant',
    url: platform.url,
    clientId: 'deskside-viewer',
    clientSecret: 'viewer-demo-secret',
  });
  await page.getByRole('button', { name: 'Connection' }).click();
  await page.getByRole('menuitem', { name: 'Manage connections…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  await dialog.getByRole('button', { name: 'Edit Everyday platform' }).click();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Renamed platform');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Renamed platform (')).toBeVisible();
  // The active one (just added) is removed: the console falls back to none or another, as the menu then shows.
  await dialog.getByRole('button', { name: 'Remove Spare tenant' }).click();
  await expect(dialog.getByText('Spare tenant (')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Connection' }).click();
  await expect(page.getByRole('menuitem', { name: /Renamed platform/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Spare tenant/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: /Renamed platform/ }).click();
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Renamed platform');
  await expect(page.getByTestId('connectivity')).toHaveText('online');
  // The renamed connection still searches the platform.
  await page.getByTestId('quick-search').fill('@example.com');
  await page.getByTestId('quick-search').press('Enter');
  await expect(searching(page)).toBeHidden();
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ accounts?$/);
});

test('density: compact makes the controls small, persists in settings and across a reload', async ({ page }) => {
  await page.goto(host.url);
  const search = page.getByRole('button', { name: 'Search', exact: true });
  await expect(search).not.toHaveClass(/MuiButton-sizeSmall/);
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('menuitem', { name: 'Density: Compact' }).click();
  await page.keyboard.press('Escape');
  await expect(search).toHaveClass(/MuiButton-sizeSmall/);
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8')) as { density: string };
  expect(saved.density).toBe('compact');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toHaveClass(/MuiButton-sizeSmall/);
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('menuitem', { name: 'Density: Comfortable' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Search', exact: true })).not.toHaveClass(/MuiButton-sizeSmall/);
});

test('the status bar counts the cached accounts, and “Clear cache” empties the cache', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('quick-search').fill('@example.com');
  await page.getByTestId('quick-search').press('Enter');
  await expect(searching(page)).toBeHidden();
  // The line is read when the page loads: reload to see what the search cached.
  await page.reload();
  await expect(cacheLine(page)).toHaveText(/^Cache: [1-9][\d,]* accounts?$/);
  await page.getByRole('button', { name: 'Clear cache' }).click();
  await expect(cacheLine(page)).toHaveText('Cache: 0 accounts');
});

test('Alt+1…8 switch the account’s tabs by the key’s place, whatever character it types', async ({ page }) => {
  const { body } = await platform.api<Array<{ id: string }>>(
    'GET',
    '/admin/api/v1/identityStores/consumers/accounts?size=1',
  );
  await page.goto(`${host.origin}/account/consumers/${body[0]!.id}#token=${host.token}`);
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(body[0]!.id);
  for (const [index, name] of accountTabs.entries()) {
    await page.keyboard.press(`Alt+${index + 1}`);
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }
  // On a Mac, Option+3 types "£": the key's place still picks the third tab.
  await page.evaluate(() =>
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '£', code: 'Digit3', altKey: true, bubbles: true })),
  );
  await expect(page.getByRole('tab', { name: accountTabs[2], exact: true })).toHaveAttribute('aria-selected', 'true');
  // Alt+9 is no tab: nothing changes.
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('tab', { name: accountTabs[2], exact: true })).toHaveAttribute('aria-selected', 'true');
});

/**
 * Screenshots of the main screens for the README, taken from the real console: the built web host against a
 * sandbox this script starts (and stops, for the offline picture). Writes PNGs into docs/.
 * Usage: npm run screenshots (builds first).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/browser/chromium';
import { accountTabs, connectAsSupervisor } from '../tests/browser/connections';
import { freePort, TestPlatform } from '../tests/browser/platform';
import { startBuiltWebHost } from '../tests/browser/web-host';

const docs = join(import.meta.dirname, '..', 'docs');
mkdirSync(docs, { recursive: true });
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300); // let transitions settle
  await page.screenshot({ path: join(docs, `${name}.png`) });
  console.log(`docs/${name}.png`);
};

const platform = new TestPlatform(await freePort(), join(mkdtempSync(join(tmpdir(), 'deskside-shots-')), 'p.db'));
await platform.start(1500);
const host = await startBuiltWebHost();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Training platform', platform);

  // Search with results
  await page.getByTestId('quick-search').fill('@inbox.example');
  await page.getByTestId('quick-search').press('Enter');
  await page.getByTestId('page-indicator').filter({ hasText: 'Page 1' }).waitFor();
  await shot(page, 'search');

  // An account of an organization, with each tab
  const [member] = (
    await platform.api<Array<{ id: string }>>(
      'GET',
      '/admin/api/v1/identityStores/business/accounts?organization=acme&neverLoggedIn=false&size=1',
    )
  ).body;
  await page.goto(`${host.origin}/account/business/${member!.id}#token=${host.token}`);
  await page.getByRole('complementary', { name: 'Overview' }).waitFor();
  for (const tab of accountTabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await shot(page, `account-${tab.toLowerCase()}`);
  }

  // A bulk action's per-account results
  await page.getByRole('button', { name: '← Results' }).click();
  await page.getByTestId('quick-search').fill('@inbox.example');
  await page.getByTestId('quick-search').press('Enter');
  await page.getByTestId('page-indicator').filter({ hasText: 'Page 1' }).waitFor();
  const rows = page.getByRole('option');
  await rows.nth(0).click();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  const ids = await Promise.all([0, 1, 2, 3].map((index) => rows.nth(index).getAttribute('data-account-id')));
  await platform.api('DELETE', `/admin/api/v1/identityStores/consumers/accounts/${ids[2]}`);
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await page.getByTestId('bulk-summary').filter({ hasText: 'of 4' }).waitFor();
  await shot(page, 'bulk-results');
  await page.getByRole('button', { name: 'Close' }).click();

  // Offline: the platform stops; a recent account opens from the cache with its age
  await platform.stop();
  await page.goto(`${host.origin}/account/business/${member!.id}#token=${host.token}`);
  await page.getByTestId('account-age').waitFor({ timeout: 30_000 });
  await shot(page, 'offline');
} finally {
  await browser.close();
  host.process.kill('SIGTERM');
  await platform.stop();
}

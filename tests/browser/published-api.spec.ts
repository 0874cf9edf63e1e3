/**
 * The everyday path against a platform that answers exactly as the published Admin API document says a tenant
 * does: no extensions (no total count, no notification client), undeclared query parameters refused, empty fields
 * left out — and, in the second platform, every field the document does not require left out too.
 */
import { expect, test, type Page } from '@playwright/test';
import { accountTabs, connectAsSupervisor } from './connections';
import { freePort, TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;
const resultCount = (page: Page) => page.getByTestId('result-count');
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name });
const overview = (page: Page) => page.getByRole('complementary', { name: 'Overview' });

async function searchWith(page: Page, setUp: () => Promise<void>) {
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await setUp();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
}

/** Every tab opens on its content, and none shows an answer the console refused. */
async function visitEveryTab(page: Page) {
  for (const name of accountTabs) {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(panel(page, name)).toBeVisible();
    await expect(panel(page, name)).not.toContainText(/does not match the Admin API|identity platform failed/);
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  }
}

/** Locks the open account and lifts the lock, each checked on the platform through `verifier`'s answers. */
async function lockAndLift(page: Page, verifier: TestPlatform, store: string, accountId: string) {
  const locks = async () =>
    Object.keys(
      (
        await verifier.api<{ accountLockout?: { locks?: Record<string, unknown> } }>(
          'GET',
          `${accountsPath(store)}/${accountId}`,
        )
      ).body.accountLockout?.locks ?? {},
    );
  await overview(page).getByRole('button', { name: 'Lock account' }).click();
  await page.getByRole('dialog', { name: 'Lock the account?' }).getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('account-notice')).toContainText('Locked the account.');
  expect(await locks()).toContain('_password');
  await overview(page).getByRole('button', { name: 'Lift password lock' }).click();
  await expect(page.getByTestId('account-notice')).toContainText('Lifted the password lock.');
  expect(await locks()).not.toContain('_password');
}

test.describe('a tenant without extensions, strict about its parameters', () => {
  let platform: TestPlatform;
  let host: RunningWebHost;

  test.beforeAll(
    async () => ({ platform, host } = await startSpecPlatform('published', 200, ['--no-extensions', '--strict'])),
  );
  test.afterAll(() => stopSpecPlatform({ platform, host }));

  test('connects with name, URL, client id and secret; searches a custom range and never-logged-in; pages without a total; opens every tab; edits a name; locks and lifts', async ({
    page,
  }) => {
    test.setTimeout(120_000); // the whole everyday path in one test
    await page.goto(host.url);
    await connectAsSupervisor(page, 'Published tenant', platform);
    const count = await platform.api<unknown[]>('GET', `${accountsPath('consumers')}?size=1`);
    expect(count.headers.get('x-total-count')).toBeNull(); // the platform gives no total

    // A custom date range (two bare dates in the form) and the first page: no total, so "N shown".
    await searchWith(page, async () => {
      await page.getByRole('combobox', { name: 'Created', exact: true }).click();
      await page.getByRole('option', { name: 'Between dates…' }).click();
      await page.getByRole('textbox', { name: 'From', exact: true }).fill('2000-01-01');
      await page.getByRole('textbox', { name: 'To', exact: true }).fill('2099-12-31');
    });
    await expect(resultCount(page)).toHaveText('50 shown');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
    await expect(resultCount(page)).toHaveText('50 shown');

    // Never logged in: the platform's own answer, and the login date fields are set aside.
    const never = await platform.api<unknown[]>('GET', `${accountsPath('consumers')}?neverLoggedIn=true&size=50`);
    expect(never.body.length).toBeGreaterThan(0);
    await searchWith(page, async () => {
      await page.getByRole('checkbox', { name: 'Never logged in' }).check();
      await expect(page.getByRole('combobox', { name: 'Last login', exact: true })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
    });
    await expect(resultCount(page)).toHaveText(`${never.body.length} shown`);

    // Open an account, every tab, an event's actions, then a name edit and a lock that is lifted.
    const { body } = await platform.api<Array<{ id: string; lastLogin?: unknown }>>(
      'GET',
      `${accountsPath('consumers')}?enabled=true&size=20`,
    );
    const account = body.find((candidate) => candidate.lastLogin) ?? body[0]!;
    await page.goto(`${host.origin}/account/consumers/${account.id}#token=${host.token}`);
    await expect(overview(page)).toContainText(account.id);
    await visitEveryTab(page);
    await page.getByRole('tab', { name: 'Activity', exact: true }).click();
    const firstEvent = panel(page, 'Activity').getByRole('row').nth(1);
    await firstEvent.click();
    // The actions come only with the event itself (getAccountEventById): "<type> at <time>", then each detail.
    await expect(page.getByRole('dialog')).toContainText(
      /(customerFlow|administrative|selfService) at .*: (success|failure)/,
    );
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Attributes', exact: true }).click();
    await panel(page, 'Attributes').getByRole('textbox', { name: 'Given name' }).fill('Published');
    await page.getByRole('button', { name: 'Review 1 change' }).click();
    await page.getByRole('dialog', { name: 'Review the changes' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('account-notice')).toContainText('Saved 1 attribute');
    const edited = await platform.api<{ accountInfo: { name: { givenName: string } } }>(
      'GET',
      `${accountsPath('consumers')}/${account.id}`,
    );
    expect(edited.body.accountInfo.name.givenName).toBe('Published');
    await lockAndLift(page, platform, 'consumers', account.id);
  });
});

test.describe('a tenant that answers only what the document requires', () => {
  let platform: TestPlatform;
  /** The same platform (its data file) answering in full, to check what the sparse one will not say. */
  let twin: TestPlatform;
  let host: RunningWebHost;

  test.beforeAll(async () => {
    ({ platform, host } = await startSpecPlatform('sparse', 120, ['--no-extensions', '--strict', '--sparse']));
    twin = new TestPlatform(await freePort(), platform.dataFile);
    await twin.start();
  });
  test.afterAll(async () => {
    await twin?.stop();
    await stopSpecPlatform({ platform, host });
  });

  test('connects, searches, opens every tab, and locks and lifts, with no answer refused', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await connectAsSupervisor(page, 'Sparse tenant', platform);
    await searchWith(page, async () => undefined);
    await expect(resultCount(page)).toHaveText('50 shown');
    const { body } = await platform.api<Array<{ id: string }>>('GET', `${accountsPath('consumers')}?size=1`);
    expect(Object.keys(body[0]!)).toEqual(['id']); // the leanest answer: an id and nothing else
    await page.goto(`${host.origin}/account/consumers/${body[0]!.id}#token=${host.token}`);
    await expect(overview(page)).toContainText(body[0]!.id);
    await expect(overview(page)).toContainText('not provided');
    await visitEveryTab(page);
    // The platform does not say whether the account is locked: both actions are offered.
    await expect(overview(page).getByRole('button', { name: 'Lift password lock' })).toBeVisible();
    await lockAndLift(page, twin, 'consumers', body[0]!.id);
  });
});

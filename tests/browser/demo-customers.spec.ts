/**
 * The seed's demo customers, as a trainer meets them: `--list-stories` names an example account of each kind, and
 * each reads in the console as its story says (the overview and one tab).
 */
import { expect, test, type Page } from '@playwright/test';
import { connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
let stories: Map<string, Array<{ store: string; id: string }>>;

test.beforeAll(async () => {
  ({ platform, host } = await startSpecPlatform('stories', 300));
  stories = await platform.stories();
});
test.afterAll(() => stopSpecPlatform({ platform, host }));

const check = (page: Page) => page.getByRole('region', { name: 'Sign-in check' });
const verdict = (page: Page, rule: string) => check(page).locator(`[data-rule="${rule}"]`);
const summaryRow = (page: Page, label: string) =>
  page.getByRole('table', { name: 'Account summary' }).getByRole('row', { name: new RegExp(`^${label}`) });
const tab = async (page: Page, name: string) => {
  await page.getByRole('tab', { name, exact: true }).click();
  return page.getByRole('tabpanel', { name });
};
/** The first example account of the story whose title starts so, opened in the console. */
async function openExample(page: Page, title: string) {
  const entry = [...stories.entries()].find(([name]) => name.startsWith(title));
  expect(entry, `--list-stories names "${title}"`).toBeDefined();
  const account = entry![1][0]!;
  expect(account, `an example of "${title}"`).toBeDefined();
  await page.goto(`${host.origin}/account/${account.store}/${account.id}#token=${host.token}`);
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(account.id);
  return account;
}

test('connects, and --list-stories names examples of nine kinds of customer', async ({ page }) => {
  expect(stories.size).toBe(9);
  for (const [title, accounts] of stories) expect(accounts.length, title).toBeGreaterThan(0);
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Stories platform', platform);
});

test('the healthy regular: nothing blocks, signed in before, an email to sign in with', async ({ page }) => {
  await openExample(page, 'The healthy regular');
  await expect(summaryRow(page, 'Last login')).not.toContainText('never');
  for (const rule of ['disabled', 'passwordLock', 'passcodeLock', 'invitationPending'])
    await expect(verdict(page, rule)).toHaveCount(0);
  await expect((await tab(page, 'Authenticators')).getByRole('table')).toContainText('email');
});

test('the never-activated registrant: the activation sent and not completed; the registration in Activity', async ({
  page,
}) => {
  await openExample(page, 'The never-activated registrant');
  await expect(verdict(page, 'emailUnverified')).toContainText(/Email not verified: activation sent .+, not completed/);
  await expect(summaryRow(page, 'Last login')).toContainText('never');
  await expect((await tab(page, 'Activity')).getByRole('table', { name: 'Events' })).toContainText(/registration/i);
});

test('the locked-out customer: the lock after the run of wrong passwords', async ({ page }) => {
  await openExample(page, 'The locked-out customer');
  await expect(verdict(page, 'passwordLock')).toContainText(/^Password locked after \d+ failed attempts/);
  await expect(verdict(page, 'failedSignIns')).toContainText('wrong password');
});

test('the disabled one: when and by whom, and the same client in Activity', async ({ page }) => {
  await openExample(page, 'The disabled one');
  const words = verdict(page, 'disabled').locator('.MuiAlert-message');
  await expect(words).toHaveText(/^Disabled on .+ by (HR provisioning|Fraud operations|Deskside supervisor):/);
  const by = /by ([^:]+):/.exec((await words.textContent())!)![1]!;
  await expect((await tab(page, 'Activity')).getByRole('table', { name: 'Events' })).toContainText(by);
});

test('the customer with an external identity only: the linked login, and no “no sign-in method” warning', async ({
  page,
}) => {
  await openExample(page, 'The customer with an external identity only');
  await expect(page.getByLabel('Identifiers', { exact: true })).toContainText(/(Google|Microsoft|Apple): /);
  await expect(verdict(page, 'noAuthenticator')).toHaveCount(0);
});

test('the one who opted out of marketing: revoked in Consents', async ({ page }) => {
  await openExample(page, 'The one who opted out of marketing');
  const consents = (await tab(page, 'Consents')).getByRole('table');
  await expect(consents.getByRole('row', { name: /Marketing emails.*revoked/ })).toHaveCount(1);
});

test('the business user with roles in two other organizations: three organizations in Roles', async ({ page }) => {
  await openExample(page, 'The business user in an organization');
  const organization = (await summaryRow(page, 'Organization').locator('td').textContent())!.replace(/ \(.*\)$/, '');
  const rows = (await tab(page, 'Roles')).getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const names = new Set(
    (await rows.allTextContents())
      .slice(1)
      .map((text) => /(Acme \w+|Acme Corporation|Globex Labs|Globex|Initech|Umbrella Health)/.exec(text)?.[1]),
  );
  expect(names.size).toBe(3);
  expect(names.has(organization)).toBe(true);
});

test('the account with a pending invitation: not accepted yet, sent through an application client', async ({
  page,
}) => {
  await openExample(page, 'The account with a pending invitation');
  await expect(verdict(page, 'invitationPending')).toContainText(/^Invited on .+ through .+, not accepted yet/);
  await expect(page.getByRole('region', { name: 'Invitations' })).toContainText('the link works until');
});

test('the occasional customer: signed in, a count of logins, and Activity says how long events are kept', async ({
  page,
}) => {
  await openExample(page, 'The occasional customer');
  await expect(summaryRow(page, 'Number of logins')).toContainText(/\d+/);
  await expect(summaryRow(page, 'Last login')).not.toContainText('never');
  await expect((await tab(page, 'Activity')).getByTestId('event-retention')).toContainText(/days/);
});

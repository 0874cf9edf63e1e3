/**
 * The quick actions on a selection the other specs leave out: enable, add to a group, a failure retried once the
 * platform accepts again, and a cancel half-way that leaves the rest untouched — each checked on the platform.
 */
import { expect, test, type Page } from '@playwright/test';
import { connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';
import type { RunningWebHost } from './web-host';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('bulk', 200)));
test.afterAll(async () => {
  await setFaults([]);
  await stopSpecPlatform({ platform, host });
});

const accounts = '/admin/api/v1/identityStores/consumers/accounts';
const rows = (page: Page) => page.getByRole('listbox', { name: 'Accounts' }).getByRole('option');
const summary = (page: Page) => page.getByTestId('bulk-summary');

function setFaults(rules: unknown[]) {
  return fetch(`${platform.url}/sandbox/control/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
}

/** Lists the store's accounts of one status, waited for. */
async function listByStatus(page: Page, status: 'Enabled' | 'Disabled') {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
  await expect(rows(page).first()).toBeVisible();
}

async function selectFirst(page: Page, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    await rows(page).nth(index).getByRole('checkbox').check();
    ids.push((await rows(page).nth(index).getAttribute('data-account-id'))!);
  }
  await expect(page.getByTestId('selection-count')).toHaveText(`${count} selected`);
  return ids;
}

const enabledOnPlatform = async (id: string) =>
  (await platform.api<{ enabled: boolean }>('GET', `${accounts}/${id}`)).body.enabled;

test('connects', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Bulk platform', platform);
});

test('enables disabled accounts, as the platform then says', async ({ page }) => {
  await listByStatus(page, 'Enabled');
  const ids = await selectFirst(page, 3);
  for (const id of ids) expect((await platform.api('POST', `${accounts}/${id}/disable`)).status).toBe(200);
  await listByStatus(page, 'Disabled');
  for (const id of ids) await page.locator(`[data-account-id="${id}"]`).getByRole('checkbox').check();
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(summary(page)).toHaveText('3 done, 0 failed, 0 not attempted, of 3');
  for (const id of ids) expect(await enabledOnPlatform(id)).toBe(true);
  await page.getByRole('button', { name: 'Close' }).click();
});

test('adds accounts to a group; the platform lists them as members', async ({ page }) => {
  const groups = await platform.api<{ content: Array<{ id: string; name: string }> }>(
    'GET',
    '/admin/api/v1/identityStores/consumers/groups',
  );
  const group = groups.body.content.at(-1)!;
  const members = async () =>
    (
      await platform.api<Array<{ id: string }>>(
        'GET',
        `/admin/api/v1/identityStores/consumers/groups/${group.id}/members?size=1000`,
      )
    ).body.map((account) => account.id);
  await listByStatus(page, 'Enabled');
  const ids = await selectFirst(page, 3);
  for (const id of ids)
    await platform.api('DELETE', `/admin/api/v1/identityStores/consumers/groups/${group.id}/members/${id}`);
  const before = await members();
  await page.getByRole('button', { name: 'Add to group', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Add 3 accounts to a group' });
  await picker.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: group.name, exact: true }).click();
  await picker.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(summary(page)).toHaveText('3 done, 0 failed, 0 not attempted, of 3');
  expect((await members()).sort()).toEqual([...before, ...ids].sort());
  await page.getByRole('button', { name: 'Close' }).click();
});

test('an account the platform refuses is reported, and retried alone once it accepts again', async ({ page }) => {
  await listByStatus(page, 'Enabled');
  const ids = await selectFirst(page, 3);
  // The platform refuses the second account's disable, with a wait too long to sit out.
  await setFaults([{ route: `^POST ${accounts}/${ids[1]}/disable$`, failEvery: 1, status: 429, retryAfter: 3600 }]);
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(summary(page)).toHaveText('2 done, 1 failed, 0 not attempted, of 3');
  await expect(page.locator('[data-outcome="failed"]')).toContainText(ids[1]!);
  expect(await enabledOnPlatform(ids[1]!)).toBe(true);

  await setFaults([]);
  await page.getByRole('button', { name: 'Retry 1 not done' }).click();
  await expect(summary(page)).toHaveText('1 done, 0 failed, 0 not attempted, of 1');
  for (const id of ids) expect(await enabledOnPlatform(id)).toBe(false);
  await page.getByRole('button', { name: 'Close' }).click();
});

test('cancelling half-way stops what was not started; those accounts stay enabled', async ({ page }) => {
  await listByStatus(page, 'Enabled');
  await page.getByRole('checkbox', { name: 'Select every account on this page' }).check();
  const selected = Number(/^(\d+) selected$/.exec((await page.getByTestId('selection-count').textContent())!)![1]);
  expect(selected).toBeGreaterThan(20);
  const enabledBefore = await platform.count('consumers', 'enabled=true');
  // Each disable takes a second on the platform, so the job is still running when the agent cancels.
  await setFaults([{ route: `^POST ${accounts}/[^/]+/disable$`, latencyMs: 1000 }]);
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(summary(page)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  // What was under way finishes; nothing else starts.
  await expect(page.getByRole('dialog', { name: 'Disable: cancelled' })).toBeVisible({ timeout: 20_000 });
  const [done, notAttempted, total] = /^(\d+) done, 0 failed, (\d+) not attempted, of (\d+)$/
    .exec((await summary(page).textContent())!)!
    .slice(1)
    .map(Number) as [number, number, number];
  expect(total).toBe(selected);
  expect(notAttempted).toBeGreaterThan(0);
  expect(done + notAttempted).toBe(selected);
  await setFaults([]);
  expect(await platform.count('consumers', 'enabled=true')).toBe(enabledBefore - done);
  await page.getByRole('button', { name: 'Close' }).click();
});

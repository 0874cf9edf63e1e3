/**
 * Exported account reports as a reader meets them, in Chromium: no raw timestamps, values by their display names,
 * every section counted, browser and system read; printed to PDF (A4 and Letter), the long one spans pages with
 * the activity table's header on each and numbered footers; the JSON validates against its committed schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Ajv from 'ajv';
import { connectAsSupervisor } from './connections';
import type { TestPlatform } from './platform';
import { exportReport } from './reports';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
const work = mkdtempSync(join(tmpdir(), 'deskside-reports-'));
const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;

test.beforeAll(async () => ({ platform, host } = await startSpecPlatform('reports', 200)));
test.afterAll(() => stopSpecPlatform({ platform, host }));

type Account = { id: string; accountInfo?: Record<string, unknown>; roles?: unknown[]; lastLogin?: unknown };
async function find(store: string, query: string, accept: (account: Account) => boolean): Promise<Account> {
  const { body } = await platform.api<Account[]>('GET', `${accountsPath(store)}?size=200&${query}`);
  const found = body.find(accept);
  if (!found) throw new Error(`no ${store} account for ${query}`);
  return found;
}

async function openReport(page: Page, browser: Browser, store: string, accountId: string) {
  await page.goto(`${host.origin}/account/${store}/${accountId}#token=${host.token}`);
  await expect(page.getByRole('complementary', { name: 'Overview' })).toContainText(accountId);
  const path = await exportReport(page, { caseReference: 'INC-2046', author: 'Ada Agent' });
  const report = await browser.newPage();
  await report.goto(pathToFileURL(path).href);
  return { report, path };
}

/** The checks every report passes, whoever the account. */
async function readable(report: Page) {
  const text = await report.locator('body').innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).toContain('Generated');
  expect(text).toMatch(/by Ada Agent for case INC-2046/);
  expect(text).toMatch(/All times [A-Za-z_/]+, UTC[+-]\d{2}:\d{2}\./);
  expect(text).toContain('This report holds personal data');
  const headings = await report.locator('h2').allInnerTexts();
  const counted = [
    'Attributes',
    'Activity',
    'Notification history',
    'Groups',
    'Roles',
    'Authenticators',
    'Sessions',
    'Identity verification',
    'Consents',
  ];
  expect(headings[0]).toBe('Summary');
  expect(headings.slice(1).map((heading) => heading.replace(/ \(\d+\)$/, ''))).toEqual(counted);
  for (const heading of headings.slice(1)) expect(heading).toMatch(/ \(\d+\)$/);
  return text;
}

test('connects', async ({ page }) => {
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Reports platform', platform);
});

test('a customer with every kind of attribute reads as the console shows it', async ({ page, browser }) => {
  const account = await find(
    'consumers',
    'attribute_loyaltyTier=gold',
    (candidate) =>
      Array.isArray(candidate.accountInfo?.addresses) &&
      (candidate.accountInfo!.addresses as unknown[]).length > 0 &&
      Boolean(candidate.lastLogin),
  );
  const { report } = await openReport(page, browser, 'consumers', account.id);
  await readable(report);
  const attributes = report.locator('table.attributes');
  await expect(attributes.locator('tr', { hasText: 'Loyalty tier' }).locator('td').nth(1)).toHaveText('Gold');
  // The complex list as a table of its fields, by their display names.
  await expect(attributes.locator('table.sub thead')).toContainText('City');
  // Browser and system read from each customer event's user agent.
  const devices = await report.locator('table.activity tbody tr td:last-child').allInnerTexts();
  expect(devices.some((cell) => / on (Windows|macOS|Linux|iOS|Android|iPadOS|ChromeOS)/.test(cell))).toBe(true);
  expect(await report.locator('table.activity tbody td.empty').count()).toBe(0);
  await report.close();
});

test('an organization’s member shows roles by organization name, and empty sections say none', async ({
  page,
  browser,
}) => {
  const account = await find('business', 'organization=acme', (candidate) => (candidate.roles ?? []).length > 0);
  const { report } = await openReport(page, browser, 'business', account.id);
  const text = await readable(report);
  const roles = report.locator('table.roles tbody');
  await expect(roles).toContainText('Acme');
  expect(await roles.innerText()).not.toMatch(/\bacme\b/);
  expect(text).toMatch(/Roles \([1-9]\d*\)/);
  // A section without entries says so.
  const empty = report.locator('td.empty');
  if ((await empty.count()) > 0) await expect(empty.first()).toHaveText('none');
  await report.close();
});

test('a long history prints on A4 and Letter across pages, headers repeated and pages numbered', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await find('consumers', 'enabled=true', () => true);
  // 2,000 administrative events: disabled and enabled 1,000 times.
  for (let round = 0; round < 1000; round++) {
    expect((await platform.api('POST', `${accountsPath('consumers')}/${account.id}/disable`)).status).toBe(200);
    expect((await platform.api('POST', `${accountsPath('consumers')}/${account.id}/enable`)).status).toBe(200);
  }
  const { report } = await openReport(page, browser, 'consumers', account.id);
  const text = await readable(report);
  const count = Number(/Activity \((\d+)\)/.exec(text)![1]);
  expect(count).toBeGreaterThanOrEqual(2000);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = join(work, `report-${format}.pdf`);
    writeFileSync(pdf, await report.pdf({ format }));
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(10);
    // Every page holding activity rows repeats the table's header.
    const activityPages = pages.filter((page) => /administrative/.test(page));
    expect(activityPages.length).toBeGreaterThan(10);
    for (const page of activityPages) expect(page).toMatch(/Time\s+Event\s+Outcome/);
    // Footers: the account's report and the page number of the total.
    expect(pages[0]).toMatch(new RegExp(`Page 1 of ${pages.length}`));
    expect(pages.at(-1)).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
    expect(pages[1]).toContain('Account report:');
  }
  await report.close();
});

test('the web host prints through the browser’s own dialog: the report opens in a tab of its own', async ({ page }) => {
  const account = await find('consumers', 'enabled=true', () => true);
  await page.goto(`${host.origin}/account/consumers/${account.id}#token=${host.token}`);
  await page.getByRole('button', { name: 'Export account report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export account report' });
  // The web host has no PDF printer of its own: the browser's print dialog is offered instead.
  await expect(dialog.getByRole('radio', { name: 'PDF' })).toHaveCount(0);
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Print / save as PDF' }).click();
  const tab = await popup;
  await tab.waitForLoadState();
  await expect(tab.locator('.identifiers')).toContainText(account.id);
  await expect(tab.locator('h2').first()).toHaveText('Summary');
  await tab.close();
});

test('the JSON report validates against its committed schema', async ({ page }) => {
  const account = await find('business', 'organization=acme', () => true);
  await page.goto(`${host.origin}/account/business/${account.id}#token=${host.token}`);
  const path = await exportReport(page, { format: 'JSON' });
  const schema = JSON.parse(readFileSync('shared/domain/account-report.schema.json', 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);
  const json = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number; header: { account: { id: string } } };
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json.header.account.id).toBe(account.id);
});

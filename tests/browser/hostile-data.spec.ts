import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { hostileCorpus } from '../fixtures/hostile-corpus';
import { accountTabs, connectAsSupervisor } from './connections';
import { escapeHtml } from '../../electron/main/services/reports/report-html';
import { exportReport } from './reports';
import type { TestPlatform } from './platform';
import type { RunningWebHost } from './web-host';
import { startSpecPlatform, stopSpecPlatform } from './spec-platform';

// The corpus goes in through the platform (attributes, lists, complex lists, customer logins that leave events),
// then every tab and the exported report must show it as text, with no script run.
test.describe.configure({ mode: 'serial' });

let platform: TestPlatform;
let host: RunningWebHost;
const accounts: Array<{ id: string; payloads: string[] }> = [];
const pwned = () => (window as { __desksidePwned?: boolean }).__desksidePwned;
/** Header values must be printable ASCII; the corpus's others go into attributes only. */
const asciiPayloads = hostileCorpus.filter((payload) => /^[\x20-\x7e]+$/.test(payload) && payload.length < 500);

/** The configuration an account view names (consents, groups, roles, ...), renamed to corpus strings. */
const renamed = new Map<string, string>();

async function renameConfiguration() {
  type Named = { id: string };
  const lists: Array<[string, string, (body: unknown) => Named[]]> = [
    ['consent', '/admin/api/v1/consents?size=100', (body) => (body as { content: Named[] }).content],
    [
      'group',
      '/admin/api/v1/identityStores/consumers/groups?size=100',
      (body) => (body as { content: Named[] }).content,
    ],
    ['role', '/admin/api/v1/identityStores/consumers/roles?size=100', (body) => (body as { content: Named[] }).content],
    ['organization', '/admin/api/v1/identityStores/consumers/organizations?size=100', (body) => body as Named[]],
    ['proofingPolicy', '/admin/api/v1/identityProofings?size=100', (body) => (body as { content: Named[] }).content],
    [
      'notificationPolicy',
      '/admin/api/v1/notificationPolicies?size=100',
      (body) => (body as { content: Named[] }).content,
    ],
  ];
  const applications = (
    await platform.api<{ content: Array<Named & { clients: Named[] }> }>('GET', '/admin/api/v2/applications?size=100')
  ).body.content;
  const targets: Array<[string, string]> = [
    ...applications.map((application): [string, string] => ['application', application.id]),
    ...applications.flatMap((application) =>
      application.clients.map((client): [string, string] => ['client', client.id]),
    ),
  ];
  for (const [kind, path, items] of lists)
    for (const item of items((await platform.api('GET', path)).body)) targets.push([kind, item.id]);
  for (const [index, [kind, id]] of targets.entries()) {
    const name = hostileCorpus[index % hostileCorpus.length]!;
    const answer = await fetch(`${platform.url}/sandbox/control/names`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind, id, name }),
    });
    expect(answer.status, `${kind} ${id}`).toBe(204);
    renamed.set(`${kind}:${id}`, name);
  }
}

/** Opens a tab and waits for its panel: a click during a re-render can be lost, so it is repeated until it shows. */
async function openTab(page: Page, name: string) {
  await expect(async () => {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tabpanel', { name })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}

test.beforeAll(async () => {
  ({ platform, host } = await startSpecPlatform('hostile', 300));
  await renameConfiguration();
  const { body } = await platform.api<Array<{ id: string; identities: { email?: { id: string } } }>>(
    'GET',
    '/admin/api/v1/identityStores/consumers/accounts?enabled=true&size=100',
  );
  const targets = body.filter(
    (account) => account.identities.email && !account.identities.email.id.startsWith('hostile'),
  );
  for (let start = 0, index = 0; start < hostileCorpus.length; start += 5, index++) {
    const payloads = hostileCorpus.slice(start, start + 5);
    const account = targets[index]!;
    const short = (text: string) => text.slice(0, 128);
    const saved = await platform.api('PUT', `/admin/api/v1/identityStores/consumers/accounts/${account.id}/personal`, {
      name: { givenName: short(payloads[0]!), familyName: short(payloads[1] ?? payloads[0]!) },
      interests: payloads.map((payload) => payload.slice(0, 500)),
      addresses: [
        { street: short(payloads[2] ?? payloads[0]!), city: short(payloads[3] ?? payloads[0]!), country: 'HU' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Logins with a hostile user agent and forwarded address leave events (and, when the password is right, a
    // session) on the account: one with a wrong password, one with the demo password.
    const agent = asciiPayloads[index % asciiPayloads.length]!;
    const forwarded = asciiPayloads[(index + 7) % asciiPayloads.length]!.replace(/,/g, ' ');
    for (const password of ['not-the-password', 'Demo-password-1!'])
      await fetch(`${platform.url}/sandbox/customer/consumers/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': agent, 'X-Forwarded-For': forwarded },
        body: JSON.stringify({ identifier: account.identities.email!.id, password }),
      });
    accounts.push({ id: account.id, payloads });
  }
});

test.afterAll(() => stopSpecPlatform({ platform, host }));

test(`${hostileCorpus.length} hostile strings in attributes, lists, events and configuration names stay text in every tab`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await connectAsSupervisor(page, 'Hostile data', platform);
  for (const account of accounts) {
    await page.goto(`${host.origin}/account/consumers/${account.id}#token=${host.token}`);
    const overview = page.getByRole('complementary', { name: 'Overview' });
    await expect(overview).toContainText(account.id);
    await expect(overview.getByRole('heading', { level: 2 })).toContainText(account.payloads[0]!.slice(0, 40).trim());
    for (const tab of accountTabs) await openTab(page, tab);
    await openTab(page, 'Attributes');
    const interests = page.getByRole('tabpanel', { name: 'Attributes' });
    for (const payload of account.payloads) {
      const shown = payload
        .split(/[\r\n]/)[0]!
        .slice(0, 30)
        .trim();
      if (shown) await expect(interests).toContainText(shown);
    }
    await openTab(page, 'Consents');
    const consents = await platform.api<{ consents?: Array<{ consentId: string }> }>(
      'GET',
      `/admin/api/v1/identityStores/consumers/accounts/${account.id}`,
    );
    // An account without consents has none in the answer (empty fields are left out).
    for (const consent of consents.body.consents ?? []) {
      const name = renamed.get(`consent:${consent.consentId}`)!;
      await expect(page.getByRole('tabpanel', { name: 'Consents' })).toContainText(
        name
          .split(/[\r\n]/)[0]!
          .slice(0, 30)
          .trim(),
      );
    }
    await openTab(page, 'Activity');
    await page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(pwned), account.id).toBeUndefined();
  }
});

test('the exported report of every such account holds every string as text, and runs nothing', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  // Every account that carries payloads, and every payload in its report: as escaped text, never as markup.
  for (const account of accounts) {
    await page.goto(`${host.origin}/account/consumers/${account.id}#token=${host.token}`);
    const path = await exportReport(page);
    const html = readFileSync(path, 'utf8');
    for (const payload of account.payloads) {
      if (/[<>]/.test(payload)) expect(html).not.toContain(payload);
      expect(html, `payload ${JSON.stringify(payload.slice(0, 40))}`).toContain(escapeHtml(payload.slice(0, 500)));
    }
    const report = await browser.newPage();
    await report.goto(pathToFileURL(path).href);
    await expect(report.locator('body')).toContainText(
      account.payloads[0]!.split(/[\r\n]/)[0]!
        .slice(0, 30)
        .trim(),
    );
    expect(await report.evaluate(pwned)).toBeUndefined();
    await report.close();
  }
});

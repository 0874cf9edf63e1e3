import { describe, expect, it } from 'vitest';
import { emptyCatalog, type AccountProfile, type StoreCatalog } from '@shared/domain/profile';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { reportJsonSchema } from '@shared/domain/account-report-schema';
import { buildReportHtml, buildReportJson, escapeHtml } from './report-html';
import type { AccountReport } from './report-model';
import { isoInZone, utcOffset } from './report-model';
import { summary } from '../../../../tests/fixtures/account-summaries';

const evil = `<img src=x onerror="alert(1)"> & 'quotes' </td></table><script>window.pwned=1</script>`;

const profile: AccountProfile = {
  summary: summary({
    id: 'acc-1',
    displayName: evil,
    email: 'a@example.com',
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
  language: 'en',
  disabledAt: null,
  numberOfLogins: 3,
  lastLogin: null,
  lastAuthenticationActivity: null,
  attributes: {
    nickname: evil,
    tags: [evil, 'plain'],
    addresses: [{ street: evil, city: 'Pécs', country: 'HU' }],
    loyaltyTier: 'gold',
    newsletter: true,
    languages: ['de', 'hu'],
    fraudScore: 'hidden-value-97',
  },
  externalIdentities: [],
  passwordLock: { locked: true, until: null, failedAttempts: 5 },
  passcodeLock: { locked: false, until: null, failedAttempts: 0 },
  authenticators: [],
  sessions: [
    {
      id: 's1',
      device: evil,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      ip: '1.2.3.4',
      location: { city: evil, country: 'Hungary' },
      lastLoginAt: '2026-02-01T00:00:00.000Z',
    },
  ],
  groups: [{ id: 'g', name: evil }],
  roles: [],
  proofings: [],
  consents: [],
  notificationPreferences: {},
  events: [],
  moreEvents: false,
  notifications: [],
  invitations: [],
};
const attribute = (key: string, type: string) => ({
  id: key,
  key,
  type,
  displayName: key === 'nickname' ? evil : key,
  visible: true,
  editable: true,
  required: false,
  searchable: false,
  options: [],
});
const catalog: StoreCatalog = {
  ...emptyCatalog,
  schema: [
    attribute('nickname', 'STRING'),
    attribute('tags', 'STRING_LIST'),
    {
      ...attribute('addresses', 'COMPLEX_LIST'),
      children: [
        { name: 'street', type: 'STRING', displayName: 'Street address', required: false, options: [] },
        { name: 'city', type: 'STRING', displayName: 'Town or city', required: false, options: [] },
        {
          name: 'country',
          type: 'SELECT',
          displayName: 'Country',
          required: false,
          options: [{ value: 'HU', label: 'Hungary' }],
        },
      ],
    },
    { ...attribute('loyaltyTier', 'SELECT'), options: [{ value: 'gold', label: 'Gold member' }] },
    { ...attribute('newsletter', 'CHECKBOX') },
    {
      ...attribute('languages', 'SELECT_LIST'),
      options: [
        { value: 'de', label: 'German' },
        { value: 'hu', label: 'Hungarian' },
      ],
    },
    { ...attribute('fraudScore', 'STRING'), visible: false },
  ],
};
const report: AccountReport = {
  generatedAt: '2026-11-29T10:00:00.000Z',
  connection: { name: evil, baseUrl: 'https://idp.example', environment: 'production', clientId: 'desk' },
  agent: 'ada',
  source: 'cache',
  fetchedAt: '2026-11-28T10:00:00.000Z',
  profile,
  catalog,
  events: [
    {
      id: 'e1',
      at: '2026-11-01T00:00:00.000Z',
      type: 'customerFlow',
      name: evil,
      outcome: 'failure',
      application: null,
      client: null,
      actorKind: 'customer',
      actor: evil,
      ip: null,
      location: null,
      userAgent: evil,
    },
  ],
};

/** December in Budapest: UTC+01:00. */
const clock = { timeZone: 'Europe/Budapest', now: Date.parse('2026-12-03T12:00:00.000Z') };
/** What a reader sees: the page's text without markup. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<\/?(b|span)[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');

describe('account report', () => {
  it('escapes every value: no markup from account data survives', () => {
    const html = buildReportHtml(report, clock);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<\/table><script/);
    expect(html).toContain(escapeHtml(evil));
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    // Only Deskside's own markup: the tables it opened, no more.
    expect(html.match(/<table/g)!.length).toBe(html.match(/<\/table>/g)!.length);
    // The footer's CSS string holds no character that could end it or the style element.
    const footer = /@bottom-left \{ content: "([^"]*)"/.exec(html)![1]!;
    expect(footer).not.toMatch(/[<>"\\]/);
  });

  it('reads like the console: times in the agent’s zone, display names, named list fields, browser and system', () => {
    const html = buildReportHtml(report, clock);
    const text = visibleText(html);
    // No raw ISO timestamp anywhere a reader looks; the zone and offset said once, in the header.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).toContain('All times Europe/Budapest, UTC+01:00.');
    // 2026-11-01T00:00Z is 01:00 on 1 Nov in Budapest.
    expect(text).toContain('1 Nov 2026, 01:00');
    expect(text).toContain('Generated 29 Nov 2026, 11:00 by ada');
    expect(text).toMatch(/from the offline cache, fetched 28 Nov 2026, 11:00 \(5 days ago\)/);
    expect(text).toContain('Gold member');
    expect(text).not.toMatch(/\bgold\b/);
    expect(text).toContain('German, Hungarian');
    expect(html).toMatch(/<td>newsletter<\/td><td>Yes<\/td>/);
    // A complex list as a small table with the child attributes' display names and their values' labels.
    expect(html).toMatch(
      /<table class="sub"><thead><tr><th>Street address<\/th><th>Town or city<\/th><th>Country<\/th>/,
    );
    expect(text).toContain('Hungary');
    // Browser and system read from the user agent, the raw string kept beneath.
    expect(text).toContain('Firefox 133 on Linux');
    expect(html).toContain('<div class="raw">Mozilla/5.0 (X11; Linux x86_64; rv:133.0)');
    // Hidden attributes never appear.
    expect(html).not.toContain('hidden-value-97');
    expect(html).not.toContain('fraudScore');
  });

  it('is structured for forwarding: header, summary, a counted section per tab, what it holds, production marked', () => {
    const html = buildReportHtml({ ...report, caseReference: 'INC-4711' }, clock);
    const text = visibleText(html);
    for (const [section, count] of [
      ['Attributes', 6],
      ['Activity', 1],
      ['Notification history', 0],
      ['Groups', 1],
      ['Roles', 0],
      ['Authenticators', 0],
      ['Sessions', 1],
      ['Identity verification', 0],
      ['Consents', 0],
    ] as const)
      expect(html).toContain(`<h2>${section} <span class="count">(${count})</span></h2>`);
    expect(html.indexOf('<h2>Attributes')).toBeLessThan(html.indexOf('<h2>Activity'));
    expect(html.indexOf('<h2>Activity')).toBeLessThan(html.indexOf('<h2>Consents'));
    expect(html).toContain('<td colspan="4" class="empty">none</td>');
    expect(text).toContain('for case INC-4711');
    expect(html).toContain('<span class="production">PRODUCTION</span>');
    expect(text).toContain('This report holds personal data');
    expect(text).toContain('enabled: The customer can sign in.');
    expect(text).toContain('locked until an agent lifts it');
    expect(html).toContain("default-src 'none'");
  });

  it('prints on A4 and Letter: headers repeat, rows stay whole, pages are numbered with the account’s name', () => {
    const html = buildReportHtml(report, clock);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    // No fixed paper size: the printer's A4 or Letter decides.
    expect(html).not.toMatch(/@page[^{]*\{[^}]*size:/);
  });

  it('writes JSON in its documented shape, raw and displayed, that validates against the committed schema', () => {
    const parsed = JSON.parse(buildReportJson(report, clock)) as {
      schemaVersion: number;
      attributes: { items: Array<{ key: string; raw: unknown; display: string }> };
      activity: { items: Array<{ at: { raw: string; display: string } }> };
      header: { timeZone: { offset: string } };
    };
    const committed = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../../shared/domain/account-report.schema.json'), 'utf8'),
    ) as object;
    expect(committed).toEqual(reportJsonSchema()); // run `npm run generate:report-schema` after changing the shape
    const validate = new Ajv({ strict: false }).compile(committed);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...parsed, schemaVersion: 2 })).toBe(false);
    expect(parsed.schemaVersion).toBe(1);
    const tier = parsed.attributes.items.find((item) => item.key === 'loyaltyTier')!;
    expect(tier).toMatchObject({ raw: 'gold', display: 'Gold member' });
    expect(parsed.activity.items[0]!.at).toMatchObject({
      raw: '2026-11-01T01:00:00.000+01:00',
      display: '1 Nov 2026, 01:00',
    });
    expect(parsed.header.timeZone.offset).toBe('UTC+01:00');
    expect(parsed.attributes.items.map((item) => item.key)).not.toContain('fraudScore');
  });

  it('turns instants into the agent’s zone with its offset, summer and winter', () => {
    expect(isoInZone(Date.parse('2026-07-01T10:00:00.000Z'), 'Europe/Budapest')).toBe('2026-07-01T12:00:00.000+02:00');
    expect(isoInZone(Date.parse('2026-12-31T23:30:00.250Z'), 'America/New_York')).toBe('2026-12-31T18:30:00.250-05:00');
    expect(utcOffset('UTC', Date.now())).toBe('UTC+00:00');
    expect(utcOffset('Asia/Kolkata', Date.now())).toBe('UTC+05:30');
  });
});

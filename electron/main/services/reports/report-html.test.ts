import { describe, expect, it } from 'vitest';
import { emptyCatalog, type AccountProfile, type StoreCatalog } from '@shared/domain/profile';
import { buildReportHtml, buildReportJson, escapeHtml, type AccountReport } from './report-html';

const evil = `<img src=x onerror="alert(1)"> & 'quotes' </td></table><script>window.pwned=1</script>`;

const profile: AccountProfile = {
  summary: {
    id: 'acc-1',
    store: 'consumers',
    displayName: evil,
    username: null,
    email: 'a@example.com',
    emailVerified: true,
    phone: null,
    enabled: true,
    locked: false,
    externalIdentity: false,
    organization: null,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: null,
  },
  language: 'en',
  disabledAt: null,
  numberOfLogins: 3,
  lastLogin: null,
  lastAuthenticationActivity: null,
  attributes: { nickname: evil, tags: [evil, 'plain'], addresses: [{ street: evil, city: 'Pécs' }] },
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
  schema: [attribute('nickname', 'STRING'), attribute('tags', 'STRING_LIST'), attribute('addresses', 'COMPLEX_LIST')],
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

describe('account report', () => {
  it('escapes every value: no markup from account data survives', () => {
    const html = buildReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<\/table><script/);
    expect(html).toContain(escapeHtml(evil));
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    // Only Deskside's own markup: the tables it opened, no more.
    expect(html.match(/<table/g)!.length).toBe(html.match(/<\/table>/g)!.length);
  });

  it('holds every tab, who made it, from which connection and how old the data is; prints without scripts', () => {
    const html = buildReportHtml(report);
    for (const section of [
      'Overview',
      'Attributes',
      'Activity (1 events)',
      'Notifications',
      'Groups',
      'Roles',
      'Authenticators',
      'Sessions',
      'Identity verification',
      'Consents',
    ])
      expect(html).toContain(`<h2>${section}</h2>`);
    expect(html).toContain('Generated 2026-11-29T10:00:00.000Z by ada');
    expect(html).toContain('from the offline cache, fetched 2026-11-28T10:00:00.000Z');
    expect(html).toContain('Firefox 133');
    expect(html).toContain('locked');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
  });

  it('writes the same account as JSON', () => {
    const parsed = JSON.parse(buildReportJson(report)) as { account: AccountProfile; events: unknown[] };
    expect(parsed.account.summary.displayName).toBe(evil);
    expect(parsed.events).toHaveLength(1);
  });
});

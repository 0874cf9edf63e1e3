import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, apiAs, type AccountJson, type Api } from './helpers';
import { startTestSandbox } from './helpers';

let sandbox: RunningSandbox;
let api: Api;
let all: Record<string, AccountJson[]>;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 400 });
  api = await apiAs(sandbox, 'supervisor');
  all = {};
  for (const store of ['consumers', 'business', 'partners'])
    all[store] = (await api.get<AccountJson[]>(`${accountsPath(store)}?size=1000`)).body;
});
afterAll(() => sandbox.close());

const search = async (store: string, query: string) => {
  const answer = await api.get<AccountJson[]>(`${accountsPath(store)}?size=1000&${query}`);
  expect(answer.status, `${store}?${query}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
  return answer;
};
const ids = (accounts: AccountJson[]) => accounts.map((account) => account.id).sort();
const emailOf = (account: AccountJson) => account.identities.email?.id ?? '';

describe('listAccounts filters', () => {
  it('finds by login identifier: email, username, or phone, case-insensitively', async () => {
    const consumer = all.consumers!.find((account) => account.identities.phone)!;
    expect(
      ids((await search('consumers', `loginIdentifier=${encodeURIComponent(emailOf(consumer).toUpperCase())}`)).body),
    ).toEqual([consumer.id]);
    expect(
      ids((await search('consumers', `loginIdentifier=${encodeURIComponent(consumer.identities.phone!.id)}`)).body),
    ).toContain(consumer.id);
    const employee = all.business![0]!;
    expect(ids((await search('business', `loginIdentifier=${employee.identities.local!.id}`)).body)).toEqual([
      employee.id,
    ]);
    expect(ids((await search('business', `userNameNativeClaim=${employee.identities.local!.id}`)).body)).toEqual([
      employee.id,
    ]);
    expect((await search('consumers', `id=${consumer.id}`)).body.map((account) => account.id)).toEqual([consumer.id]);
  });

  it('searches an email domain including its subdomains, and reports the total', async () => {
    const answer = await search('consumers', 'loginIdentifier=@inbox.example');
    const expected = all.consumers!.filter((account) => /@(.+\.)?inbox\.example$/.test(emailOf(account)));
    expect(ids(answer.body)).toEqual(ids(expected));
    expect(answer.body.some((account) => emailOf(account).endsWith('@eu.inbox.example'))).toBe(true);
    expect(answer.headers.get('x-total-count')).toBe(String(expected.length));
    expect(answer.headers.get('x-total-count-capped')).toBe('false');
    const claim = await search('consumers', 'emailNativeClaim=@eu.inbox.example');
    expect(claim.body.length).toBeGreaterThan(0); // every() over nothing would pass
    expect(claim.body.every((account) => emailOf(account).endsWith('@eu.inbox.example'))).toBe(true);
  });

  it('filters by an indexed attribute and refuses one that is not indexed', async () => {
    const gold = await search('consumers', 'attribute_loyaltyTier=gold');
    expect(ids(gold.body)).toEqual(
      ids(all.consumers!.filter((account) => account.accountInfo?.loyaltyTier === 'gold')),
    );
    expect(gold.body.length).toBeGreaterThan(0);
    const family = (all.business![0]!.accountInfo!.name as { familyName: string }).familyName;
    const byName = await search('business', `attribute_name.familyName=${encodeURIComponent(family)}`);
    expect(byName.body.length).toBeGreaterThan(0); // every() over nothing would pass
    expect(
      byName.body.every((account) => (account.accountInfo!.name as { familyName: string }).familyName === family),
    ).toBe(true);
    const refused = await api.get<{ fieldErrors: Array<{ field: string }> }>(
      `${accountsPath('consumers')}?attribute_birthDate=1990-01-01`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors[0]!.field).toBe('attribute_birthDate');
  });

  it('filters by status', async () => {
    const disabled = await search('consumers', 'enabled=false');
    expect(ids(disabled.body)).toEqual(ids(all.consumers!.filter((account) => !account.enabled)));
    expect(disabled.body.length).toBeGreaterThan(0);
    const never = await search('consumers', 'neverLoggedIn=true');
    expect(ids(never.body)).toEqual(ids(all.consumers!.filter((account) => !account.lastLogin)));
    const clash = await api.get(`${accountsPath('consumers')}?neverLoggedIn=true&lastLoginAtStartDate=-P30D`);
    expect(clash.status).toBe(400);
  });

  it('filters by date ranges given as timestamps or signed durations', async () => {
    const since = Date.now() - 90 * 86_400_000;
    const recent = await search('consumers', 'createdAtStartDate=-P90D');
    // Accounts within a minute of the boundary may fall either side as the clock moves; all others must match.
    const clear = (account: AccountJson) => Math.abs(Date.parse(account.createdAt) - since) > 60_000;
    const expected = all.consumers!.filter((account) => clear(account) && Date.parse(account.createdAt) >= since);
    expect(ids(recent.body.filter(clear))).toEqual(ids(expected));
    expect(expected.length).toBeGreaterThan(0);
    const cutoff = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const older = await search('consumers', `createdAtEndDate=${encodeURIComponent(cutoff)}`);
    expect(older.body.length).toBeGreaterThan(0); // every() over nothing would pass
    expect(older.body.every((account) => account.createdAt <= cutoff)).toBe(true);
    expect(recent.body.length + older.body.length).toBeLessThanOrEqual(all.consumers!.length);
    const bad = await api.get(`${accountsPath('consumers')}?createdAtStartDate=last-tuesday`);
    expect(bad.status).toBe(400);
  });

  it('filters by organization, organization scope, groups and roles, with include and exclude', async () => {
    const acme = await search('business', 'organization=acme');
    expect(acme.body.length).toBeGreaterThan(0); // every() over nothing would pass
    expect(acme.body.every((account) => account.organization === 'acme')).toBe(true);
    const scope = await search('business', 'organizationScope=acme');
    expect(new Set(scope.body.map((account) => account.organization))).toEqual(
      new Set(['acme', 'acme-europe', 'acme-americas']),
    );

    const group = 'business-finance-approvers';
    const members = await search('business', `groups=${group}`);
    expect(ids(members.body)).toEqual(
      ids(all.business!.filter((account) => (account.groups ?? []).some((g) => g.id === group))),
    );
    const others = await search('business', `groups=${group}&groupsFilter=exclude`);
    expect(members.body.length + others.body.length).toBe(all.business!.length);
    const viaMembers = await api.get<AccountJson[]>(
      `/admin/api/v1/identityStores/business/groups/${group}/members?size=1000`,
    );
    expect(ids(viaMembers.body)).toEqual(ids(members.body));

    const withRole = all.business!.find((account) => (account.roles ?? []).length > 0)!;
    const role = withRole.roles![0]!;
    const byRole = await search('business', `roles=${role.organization}:${role.id}`);
    expect(byRole.body.map((account) => account.id)).toContain(withRole.id);
    expect(
      byRole.body.every((account) =>
        (account.roles ?? []).some((r) => r.id === role.id && r.organization === role.organization),
      ),
    ).toBe(true);
    const withoutRole = await search('business', `roles=${role.organization}:${role.id}&rolesFilter=exclude`);
    expect(byRole.body.length + withoutRole.body.length).toBe(all.business!.length);
  });

  it('combines filters with AND, pages and sorts', async () => {
    const combined = await search('business', 'organization=acme&enabled=true&groups=business-all-staff');
    expect(combined.body.length).toBeGreaterThan(0); // every() over nothing would pass
    expect(
      combined.body.every(
        (account) =>
          account.organization === 'acme' &&
          account.enabled &&
          (account.groups ?? []).some((g) => g.id === 'business-all-staff'),
      ),
    ).toBe(true);
    const page0 = await api.get<AccountJson[]>(`${accountsPath('consumers')}?size=5&page=0&sort=createdAt,asc`);
    const page1 = await api.get<AccountJson[]>(`${accountsPath('consumers')}?size=5&page=1&sort=createdAt,asc`);
    const firstTen = [...page0.body, ...page1.body].map((account) => account.createdAt);
    expect(firstTen).toEqual([...firstTen].sort());
    expect(new Set([...page0.body, ...page1.body].map((account) => account.id)).size).toBe(10);
    expect((await api.get(`${accountsPath('consumers')}?sort=password,asc`)).status).toBe(400);
    expect((await api.get(`${accountsPath('nowhere')}`)).status).toBe(404);
  });
});

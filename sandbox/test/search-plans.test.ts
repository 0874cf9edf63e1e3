import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAccounts, type SearchParams } from '../domain/search';
import type { RunningSandbox } from '../start';
import { startTestSandbox } from './helpers';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 600 });
});
afterAll(() => sandbox.close());

/** Every plan must give the same answer; only its speed may differ. */
const queries: Array<[string, SearchParams]> = [
  ['consumers', { attribute_loyaltyTier: 'bronze' }],
  ['consumers', { attribute_loyaltyTier: 'gold', enabled: 'true' }],
  ['consumers', { loginIdentifier: '@inbox.example', neverLoggedIn: 'false' }],
  ['consumers', { createdAtStartDate: '-P200D', enabled: 'false' }],
  ['business', { groups: 'business-all-staff' }],
  ['business', { groups: 'business-all-staff', organization: 'acme' }],
  ['business', { groups: ['business-engineering', 'business-contractors'] }],
  ['business', { roles: 'acme:business-editor' }],
  ['business', { roles: 'acme:business-editor', groupsFilter: 'exclude', groups: 'business-engineering' }],
  ['business', { organizationScope: 'acme', sort: 'email,asc' }],
  ['business', { attribute_department: 'sales', sort: 'createdAt,asc' }],
  ['partners', {}],
  ['consumers', { enabled: 'false' }],
  ['business', { organization: 'acme' }],
];

describe('search plans', () => {
  it('answer the same whichever plan runs: candidates first, ordered walk, or sort-order walk', () => {
    for (const [store, params] of queries) {
      for (const page of ['0', '1']) {
        const request = { size: '15', page, ...params };
        const candidates = searchAccounts(sandbox.ctx, store, request, undefined, Number.MAX_SAFE_INTEGER);
        const walks = searchAccounts(sandbox.ctx, store, request, undefined, 0);
        const label = `${store} ${JSON.stringify(request)}`;
        expect(
          walks.rows.map((row) => row.id),
          label,
        ).toEqual(candidates.rows.map((row) => row.id));
        if (page === '0') expect(walks.rows.length, label).toBeGreaterThan(0);
      }
      const exact = searchAccounts(sandbox.ctx, store, { size: '1', ...params }, undefined, Number.MAX_SAFE_INTEGER);
      const all = searchAccounts(sandbox.ctx, store, { size: '1000', ...params }, undefined, Number.MAX_SAFE_INTEGER);
      expect(exact.total, `${store} ${JSON.stringify(params)} total`).toBe(all.rows.length);
    }
  });
});

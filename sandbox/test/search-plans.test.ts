import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PlanNotApplicable,
  searchAccounts,
  searchPlans,
  TOTAL_COUNT_CAP,
  type SearchParams,
  type SearchPlan,
} from '../domain/search';
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
  ['consumers', { enabled: 'true' }],
  ['business', { organization: 'acme' }],
];

/** The query under one plan, or null where that plan cannot serve it. */
function under(plan: SearchPlan, store: string, params: SearchParams) {
  try {
    return searchAccounts(sandbox.ctx, store, params, undefined, plan);
  } catch (error) {
    if (error instanceof PlanNotApplicable) return null;
    throw error;
  }
}

describe('search plans', () => {
  it('answer the same rows, in the same order, and the same total whichever plan runs', () => {
    const ran = new Map<SearchPlan, number>(searchPlans.map((plan) => [plan, 0]));
    for (const [store, params] of queries) {
      const label = `${store} ${JSON.stringify(params)}`;
      // Every match, in order, by the plan that reads every row: what each plan's pages must add up to.
      const everything = under('sortWalk', store, { ...params, size: '1000' })!;
      expect(everything.rows.length, label).toBeGreaterThan(0);
      const matches = everything.rows.map((row) => row.id);
      for (const plan of searchPlans) {
        const pages = [0, 1, 2].map((page) => under(plan, store, { ...params, size: '15', page: String(page) }));
        if (pages[0] === null) continue;
        ran.set(plan, ran.get(plan)! + 1);
        expect(
          pages.flatMap((page) => page!.rows.map((row) => row.id)),
          `${plan}: ${label}`,
        ).toEqual(matches.slice(0, 45));
        expect(pages[0]!.total, `${plan} total: ${label}`).toBe(matches.length);
        expect(pages[0]!.totalCapped, `${plan}: ${label}`).toBe(false);
      }
    }
    // Each plan served several of the queries, so each was compared.
    for (const plan of searchPlans) expect(ran.get(plan), plan).toBeGreaterThanOrEqual(3);
  });

  it('caps a total above 10,000 at 10,000 and says so, under each plan that serves the query', async () => {
    const large = await startTestSandbox({ seedAccounts: 20_000 });
    try {
      const count = (sql: string) => (large.ctx.db.prepare(sql).get() as { n: number }).n;
      const enabledConsumers = count("SELECT COUNT(*) AS n FROM accounts WHERE store = 'consumers' AND enabled = 1");
      expect(enabledConsumers).toBeGreaterThan(TOTAL_COUNT_CAP);
      for (const params of [{}, { enabled: 'true' }] as SearchParams[]) {
        let served = 0;
        for (const plan of searchPlans) {
          let result;
          try {
            result = searchAccounts(large.ctx, 'consumers', { ...params, size: '50' }, undefined, plan);
          } catch (error) {
            if (error instanceof PlanNotApplicable) continue;
            throw error;
          }
          served++;
          expect(result.total, `${plan} ${JSON.stringify(params)}`).toBe(TOTAL_COUNT_CAP);
          expect(result.totalCapped, `${plan} ${JSON.stringify(params)}`).toBe(true);
          expect(result.rows).toHaveLength(50);
        }
        expect(served).toBeGreaterThan(0);
      }
      // Below the cap the total is exact, and not marked.
      const disabled = count("SELECT COUNT(*) AS n FROM accounts WHERE store = 'consumers' AND enabled = 0");
      const exact = searchAccounts(large.ctx, 'consumers', { enabled: 'false', size: '50' });
      expect(exact).toMatchObject({ total: disabled, totalCapped: false });
    } finally {
      await large.close();
    }
  }, 120_000);
});

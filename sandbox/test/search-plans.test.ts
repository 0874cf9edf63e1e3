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
/** Accounts made to share one creation time, newest first by the tie-break (rowid). */
let tied: string[];
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 600 });
  // Accounts created in the same millisecond: the eight newest holders of a role (so they lead its pages) get one
  // creation time, in the account and in every copy of it the membership and attribute indexes keep. A plan that
  // broke the tie by anything but the rowid (the members' index lists them by account id) would order them apart.
  const db = sandbox.ctx.db;
  const newest = db
    .prepare(
      `SELECT a.id, a.created_at FROM accounts a JOIN account_roles r ON r.account_id = a.id
       WHERE a.store = 'business' AND r.organization_id = 'acme' AND r.role_id = 'business-editor'
       ORDER BY a.created_at DESC, a.rowid DESC LIMIT 8`,
    )
    .all() as Array<{ id: string; created_at: number }>;
  const at = newest.at(-1)!.created_at;
  for (const { id } of newest) {
    db.prepare('UPDATE accounts SET created_at = ? WHERE id = ?').run(at, id);
    for (const table of ['account_roles', 'account_groups', 'account_attribute_values'])
      db.prepare(`UPDATE ${table} SET account_created_at = ? WHERE account_id = ?`).run(at, id);
  }
  tied = (
    db
      .prepare(`SELECT id FROM accounts WHERE id IN (${newest.map(() => '?').join(',')}) ORDER BY rowid DESC`)
      .all(...newest.map((account) => account.id)) as Array<{ id: string }>
  ).map((row) => row.id);
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
  ['business', { roles: 'acme:business-editor', sort: 'createdAt,asc' }],
  ['business', { groups: 'business-engineering', enabled: 'true' }],
  ['business', { roles: 'acme:business-viewer', sort: ['createdAt,desc', 'email,asc'] }],
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

  it('break a tie in creation time by the rowid, whichever plan runs', () => {
    expect(tied).toHaveLength(8);
    // The tie is one the members' index would order otherwise (it lists them by account id).
    expect([...tied].sort().reverse()).not.toEqual(tied);
    for (const params of [{ roles: 'acme:business-editor' }, { groups: 'business-all-staff' }] as SearchParams[]) {
      let served = 0;
      for (const plan of searchPlans) {
        const page = under(plan, 'business', { ...params, size: '1000' });
        if (page === null) continue;
        served++;
        const ids = page.rows.map((row) => row.id);
        const tiedHere = ids.filter((id) => tied.includes(id));
        expect(tiedHere.length, `${plan} ${JSON.stringify(params)}`).toBeGreaterThan(1);
        expect(tiedHere, `${plan} ${JSON.stringify(params)}`).toEqual(tied.filter((id) => tiedHere.includes(id)));
      }
      expect(served, JSON.stringify(params)).toBeGreaterThanOrEqual(3);
    }
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

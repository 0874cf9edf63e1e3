/**
 * The searches the benchmarks time: many distinct values of each filter kind, drawn from the benchmark database,
 * each with the number of accounts it must match, counted here by SQL of its own over the stored rows (not by the
 * sandbox's search), so a filter the platform ignored or misread fails the benchmark instead of timing a listing.
 */
import type { AccountFilter } from '../shared/domain/search';
import { openDatabase } from '../sandbox/db/database';

/** The platform's total is exact up to this many; beyond it the answer says the total is capped. */
export const TOTAL_CAP = 10_000;
/** The console's page size. */
export const PAGE_SIZE = 50;

export interface SearchCase {
  kind: string;
  store: string;
  /** As the console asks for it. */
  filter: AccountFilter;
  /** The published listAccounts query parameters for the same search. */
  query: string;
  expected: number;
}

export type CaseKind =
  | 'identifier (email)'
  | 'identifier (username)'
  | 'email domain'
  | 'indexed attribute'
  | 'status'
  | 'date range'
  | 'membership';

const DAY = 86_400_000;
const enc = encodeURIComponent;

/** Up to `count` items spread evenly over a list (so not only its head). */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

export function searchCases(file: string, perKind = 40): Map<CaseKind, SearchCase[]> {
  const db = openDatabase(file);
  const rows = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const cases = new Map<CaseKind, SearchCase[]>();
  try {
    const { n } = db.prepare('SELECT MAX(rowid) AS n FROM accounts').get() as { n: number };
    const step = Math.max(1, Math.floor(n / (perKind * 4)));
    // Identifiers spread over the whole table (by rowid), so neither old nor new accounts are favoured.
    const identifiers = (column: 'email' | 'username', store: string) =>
      rows<{ value: string }>(
        `SELECT ${column} AS value FROM accounts WHERE store = ? AND ${column} IS NOT NULL AND rowid % ? = 0 LIMIT ?`,
        store,
        step,
        perKind,
      ).map(({ value }) => {
        const { matches } = db
          .prepare(
            `SELECT COUNT(*) AS matches FROM accounts
             WHERE store = ? AND (email = ? COLLATE NOCASE OR username = ? COLLATE NOCASE OR phone = ?)`,
          )
          .get(store, value, value, value) as { matches: number };
        return {
          kind: `identifier (${column})`,
          store,
          filter: { loginIdentifier: value },
          query: `loginIdentifier=${enc(value)}`,
          expected: matches,
        };
      });
    cases.set('identifier (email)', identifiers('email', 'consumers'));
    cases.set('identifier (username)', identifiers('username', 'business'));

    // Every domain of the store, counted with its subdomains ("@inbox.example" also finds "@eu.inbox.example").
    const domains = rows<{ domain: string; matches: number }>(
      `SELECT lower(substr(email, instr(email, '@') + 1)) AS domain, COUNT(*) AS matches FROM accounts
       WHERE store = 'consumers' AND email IS NOT NULL GROUP BY domain`,
    );
    // Each domain and each parent of one ("inbox.example" of "eu.inbox.example"), as an agent may type either.
    const searchable = [
      ...new Set(
        domains.flatMap(({ domain }) =>
          domain
            .split('.')
            .map((_, i, labels) => labels.slice(i).join('.'))
            .filter((suffix) => suffix.includes('.')),
        ),
      ),
    ];
    cases.set(
      'email domain',
      spread(searchable, perKind).map((domain) => ({
        kind: 'email domain',
        store: 'consumers',
        filter: { loginIdentifier: `@${domain}` },
        query: `loginIdentifier=${enc(`@${domain}`)}`,
        expected: domains
          .filter((other) => other.domain === domain || other.domain.endsWith(`.${domain}`))
          .reduce((sum, other) => sum + other.matches, 0),
      })),
    );

    const values = rows<{ path: string; value: string; matches: number }>(
      `SELECT path, lower(value) AS value, COUNT(DISTINCT account_id) AS matches FROM account_attribute_values
       WHERE store = 'consumers'
         AND path IN (SELECT path FROM attributes WHERE store = 'consumers' AND indexing != 'none')
       GROUP BY path, lower(value)`,
    );
    // As many values of each searchable attribute (a unique customer number, a shared family name or tier).
    const paths = [...new Set(values.map((row) => row.path))];
    const perPath = Math.ceil(perKind / paths.length);
    cases.set(
      'indexed attribute',
      paths
        .flatMap((path) =>
          spread(
            values.filter((row) => row.path === path),
            perPath,
          ),
        )
        .map(({ path, value, matches }) => ({
          kind: 'indexed attribute',
          store: 'consumers',
          filter: { attributes: { [path]: value } },
          query: `attribute_${path}=${enc(value)}`,
          expected: matches,
        })),
    );

    const status: SearchCase[] = [];
    for (const store of ['consumers', 'business', 'partners']) {
      const count = (where: string) =>
        (db.prepare(`SELECT COUNT(*) AS c FROM accounts WHERE store = ? AND ${where}`).get(store) as { c: number }).c;
      status.push(
        { kind: 'status', store, filter: { enabled: false }, query: 'enabled=false', expected: count('enabled = 0') },
        { kind: 'status', store, filter: { enabled: true }, query: 'enabled=true', expected: count('enabled = 1') },
        {
          kind: 'status',
          store,
          filter: { neverLoggedIn: true },
          query: 'neverLoggedIn=true',
          expected: count('last_login_at IS NULL'),
        },
      );
    }
    cases.set('status', status);

    // Creation windows of 1 to 40 days, at offsets spread over the store's life, given as timestamps.
    const { oldest, newest } = db
      .prepare("SELECT MIN(created_at) AS oldest, MAX(created_at) AS newest FROM accounts WHERE store = 'consumers'")
      .get() as { oldest: number; newest: number };
    const windows: SearchCase[] = [];
    for (let i = 0; i < perKind; i++) {
      const from = oldest + Math.floor(((newest - oldest) * i) / perKind);
      const to = from + (1 + ((i * 7) % 40)) * DAY;
      const fromIso = new Date(from).toISOString();
      const toIso = new Date(to).toISOString();
      const { c } = db
        .prepare("SELECT COUNT(*) AS c FROM accounts WHERE store = 'consumers' AND created_at >= ? AND created_at <= ?")
        .get(Date.parse(fromIso), Date.parse(toIso)) as { c: number };
      windows.push({
        kind: 'date range',
        store: 'consumers',
        filter: { dates: { createdAt: { from: fromIso, to: toIso } } },
        query: `createdAtStartDate=${enc(fromIso)}&createdAtEndDate=${enc(toIso)}`,
        expected: c,
      });
    }
    cases.set('date range', windows);

    const groups = rows<{ store: string; id: string; matches: number }>(
      `SELECT a.store AS store, g.group_id AS id, COUNT(*) AS matches FROM account_groups g
       JOIN accounts a ON a.id = g.account_id GROUP BY a.store, g.group_id`,
    ).map(({ store, id, matches }) => ({
      kind: 'membership',
      store,
      filter: { groups: { ids: [id], mode: 'include' as const } },
      query: `groups=${enc(id)}`,
      expected: matches,
    }));
    const roles = rows<{ store: string; organization: string; role: string; matches: number }>(
      `SELECT a.store AS store, r.organization_id AS organization, r.role_id AS role, COUNT(*) AS matches
       FROM account_roles r JOIN accounts a ON a.id = r.account_id GROUP BY a.store, r.organization_id, r.role_id`,
    ).map(({ store, organization, role, matches }) => ({
      kind: 'membership',
      store,
      filter: { roles: { pairs: [{ organization, role }], mode: 'include' as const } },
      query: `roles=${enc(`${organization}:${role}`)}`,
      expected: matches,
    }));
    cases.set('membership', spread([...groups, ...roles], perKind));
  } finally {
    db.close();
  }
  for (const [kind, list] of cases) {
    if (list.length === 0) throw new Error(`No ${kind} searches in ${file}: the benchmark would measure nothing.`);
    if (list.every((item) => item.expected === 0)) throw new Error(`Every ${kind} search in ${file} matches nothing.`);
  }
  return cases;
}

/**
 * Checks one answer against what the case must match: the total (exact up to the cap, marked capped beyond it)
 * and the number of rows on the page. Throws, naming the search, when the platform answered another question.
 */
export function checkAnswer(
  search: SearchCase,
  answer: { rows: number; total: number | null; capped: boolean },
  size = PAGE_SIZE,
): void {
  const problem =
    answer.rows !== Math.min(size, search.expected)
      ? `${answer.rows} rows on the first page`
      : search.expected > TOTAL_CAP
        ? !answer.capped || (answer.total ?? 0) < TOTAL_CAP
          ? `total ${answer.total} (capped: ${answer.capped})`
          : null
        : answer.total !== search.expected || answer.capped
          ? `total ${answer.total} (capped: ${answer.capped})`
          : null;
  if (problem)
    throw new Error(
      `${search.kind} search ${search.store}?${search.query} must match ${search.expected} accounts, answered ${problem}`,
    );
}

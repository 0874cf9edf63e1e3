import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import { badRequest, fieldError } from './problems';
import { parseDateFilter } from './time';
import { reverseDomain } from './ids';

/** Counting stops here: beyond it an agent narrows the search; an exact total would cost more than it tells. */
export const TOTAL_COUNT_CAP = 10_000;

/** Sortable properties, each with the index that gives its order within a store. */
const sortColumns: Record<string, { expression: string; index: string }> = {
  createdAt: { expression: 'a.created_at', index: 'accounts_created' },
  updatedAt: { expression: 'a.updated_at', index: 'accounts_updated' },
  disabledAt: { expression: 'a.disabled_at', index: 'accounts_disabled' },
  lastLogin: { expression: 'a.last_login_at', index: 'accounts_last_login' },
  lastLoginAt: { expression: 'a.last_login_at', index: 'accounts_last_login' },
  lastAuthenticationActivity: { expression: 'a.last_auth_at', index: 'accounts_last_auth' },
  email: { expression: 'a.email COLLATE NOCASE', index: 'accounts_email' },
  username: { expression: 'a.username COLLATE NOCASE', index: 'accounts_username' },
  id: { expression: 'a.id', index: 'sqlite_autoindex_accounts_1' },
};

const dateFilters: Array<[param: string, column: string, index: string]> = [
  ['updatedAt', 'updated_at', 'accounts_updated'],
  ['createdAt', 'created_at', 'accounts_created'],
  ['disabledAt', 'disabled_at', 'accounts_disabled'],
  ['lastLoginAt', 'last_login_at', 'accounts_last_login'],
  ['lastAuthenticationActivityAt', 'last_auth_at', 'accounts_last_auth'],
];

export type SearchParams = Record<string, string | string[] | undefined>;

export interface SearchResult {
  rows: AccountRow[];
  total: number;
  /** True when there are more matches than TOTAL_COUNT_CAP; total is then the cap. */
  totalCapped: boolean;
}

/** Query parameters that may repeat (`groups=a&groups=b`) or come comma separated (`groups=a,b`). */
export function listParam(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

function single(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function booleanParam(params: SearchParams, name: string): boolean | undefined {
  const value = single(params, name);
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw fieldError('query', name, 'must be true or false');
}

function integerParam(params: SearchParams, name: string, fallback: number, min: number, max: number): number {
  const value = single(params, name);
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw fieldError('query', name, `must be a whole number from ${min} to ${max}`);
  return parsed;
}

/**
 * One filter of a search. `probe` tests a row of accounts `a`; filters that can name their matching accounts
 * directly also have a `source` (a query of account ids) or an `index` range, so the planner below can start
 * from the smallest of them.
 */
interface Condition {
  probe: string;
  args: unknown[];
  driver?:
    | { kind: 'ids'; source: string; args: unknown[] }
    | {
        kind: 'index';
        index: string;
        countSql: string;
        args: unknown[];
        /** The index is (store, <this filter's column>, created_at): it lists its matches newest first. */
        ordersByCreated?: boolean;
      };
  /**
   * The filter names one group's or one role's members, whose index (the group or role, then the account's
   * creation time) lists them in creation order: `source` joined to the account, `match` on its leading columns.
   */
  members?: { source: string; match: string; args: unknown[] };
}

/** Below this many candidates, a search starts from them and sorts; above it, it walks the sort order. */
const DRIVE_LIMIT = 2_000;

/**
 * listAccounts and listGroupMembers: every filter of the reference, combined with AND. The query plan is chosen
 * here, not left to SQLite: it counts (up to a limit) the accounts each selective filter names and starts from
 * the smallest set when it is small, and otherwise walks the index of the sort order, testing each row. That keeps
 * every filter kind fast at a million accounts. `fixedGroup` restricts to one group's members (the members route).
 */
export function searchAccounts(
  ctx: SandboxContext,
  store: string,
  params: SearchParams,
  fixedGroup?: string,
  /** Tests force each plan (where it applies) and compare their answers. */
  plan?: SearchPlan,
): SearchResult {
  const conditions: Condition[] = [];
  const now = ctx.now();
  const add = (condition: Condition) => conditions.push(condition);

  const id = single(params, 'id');
  if (id) add({ probe: 'a.id = ?', args: [id], driver: { kind: 'ids', source: 'SELECT ?', args: [id] } });

  const domainCondition = (value: string, param: string) => {
    const reversed = reverseDomain(value);
    if (!reversed) throw fieldError('query', param, 'a domain search needs a domain after @');
    // One index range holds the domain and its subdomains: "moc.elpmaxe" up to "moc.elpmaxe/" ('/' follows '.').
    const args = [reversed, `${reversed}/`];
    add({
      probe: 'a.email_domain_rev >= ? AND a.email_domain_rev < ?',
      args,
      driver: {
        kind: 'index',
        index: 'accounts_email_domain',
        countSql: 'email_domain_rev >= ? AND email_domain_rev < ?',
        args,
      },
    });
  };
  const identifier = (column: 'username' | 'email' | 'phone', value: string) => ({
    sql: `SELECT id FROM accounts WHERE store = ? AND ${column} = ?${column === 'phone' ? '' : ' COLLATE NOCASE'}`,
    args: [store, value],
  });

  const loginIdentifier = single(params, 'loginIdentifier')?.trim();
  if (loginIdentifier) {
    if (loginIdentifier.startsWith('@')) domainCondition(loginIdentifier, 'loginIdentifier');
    else {
      const parts = (['username', 'email', 'phone'] as const).map((column) => identifier(column, loginIdentifier));
      add({
        probe: '(a.username = ? COLLATE NOCASE OR a.email = ? COLLATE NOCASE OR a.phone = ?)',
        args: [loginIdentifier, loginIdentifier, loginIdentifier],
        driver: {
          kind: 'ids',
          source: parts.map((part) => part.sql).join(' UNION '),
          args: parts.flatMap((part) => part.args),
        },
      });
    }
  }
  const email = single(params, 'emailNativeClaim')?.trim();
  if (email) {
    if (email.startsWith('@')) domainCondition(email, 'emailNativeClaim');
    else {
      const part = identifier('email', email);
      add({
        probe: 'a.email = ? COLLATE NOCASE',
        args: [email],
        driver: { kind: 'ids', source: part.sql, args: part.args },
      });
    }
  }
  const username = single(params, 'userNameNativeClaim')?.trim();
  if (username) {
    const part = identifier('username', username);
    add({
      probe: 'a.username = ? COLLATE NOCASE',
      args: [username],
      driver: { kind: 'ids', source: part.sql, args: part.args },
    });
  }

  const enabled = booleanParam(params, 'enabled');
  if (enabled !== undefined) {
    const args = [enabled ? 1 : 0];
    add({
      probe: 'a.enabled = ?',
      args,
      driver: { kind: 'index', index: 'accounts_enabled', countSql: 'enabled = ?', args, ordersByCreated: true },
    });
  }

  const neverLoggedIn = booleanParam(params, 'neverLoggedIn');
  for (const [param, column, index] of dateFilters) {
    const range: string[] = [];
    const args: unknown[] = [];
    for (const [suffix, operator] of [
      ['StartDate', '>='],
      ['EndDate', '<='],
    ] as const) {
      const name = `${param}${suffix}`;
      const raw = single(params, name);
      if (!raw) continue;
      if (neverLoggedIn === true && (column === 'last_login_at' || column === 'last_auth_at')) {
        throw fieldError('query', name, 'cannot be combined with neverLoggedIn=true');
      }
      const value = parseDateFilter(raw, now);
      if (value === null)
        throw fieldError('query', name, 'must be an ISO-8601 timestamp or a signed ISO-8601 duration such as -P30D');
      range.push(`${column} ${operator} ?`);
      args.push(value);
    }
    if (range.length > 0) {
      add({
        probe: range.map((term) => `a.${term}`).join(' AND '),
        args,
        driver: { kind: 'index', index, countSql: range.join(' AND '), args },
      });
    }
  }
  if (neverLoggedIn !== undefined) {
    const test = neverLoggedIn ? 'last_login_at IS NULL' : 'last_login_at IS NOT NULL';
    add({
      probe: `a.${test}`,
      args: [],
      ...(neverLoggedIn
        ? { driver: { kind: 'index', index: 'accounts_last_login', countSql: test, args: [], ordersByCreated: true } }
        : {}),
    });
  }

  const organization = single(params, 'organization');
  if (organization) {
    add({
      probe: 'a.organization = ?',
      args: [organization],
      driver: {
        kind: 'index',
        index: 'accounts_organization',
        countSql: 'organization = ?',
        args: [organization],
        ordersByCreated: true,
      },
    });
  }
  const organizationScope = single(params, 'organizationScope');
  if (organizationScope) {
    const subtree =
      'WITH RECURSIVE scope(id) AS (SELECT ? UNION SELECT o.id FROM organizations o JOIN scope ON o.parent_id = scope.id) SELECT id FROM scope';
    add({
      probe: `a.organization IN (${subtree})`,
      args: [organizationScope],
      driver: {
        kind: 'ids',
        source: `SELECT x.id FROM accounts x WHERE x.store = ? AND x.organization IN (${subtree})`,
        args: [store, organizationScope],
      },
    });
  }

  const membership = (ids: string[], exclude: boolean) => {
    const marks = ids.map(() => '?').join(',');
    const probe = `EXISTS (SELECT 1 FROM account_groups g WHERE g.account_id = a.id AND g.group_id IN (${marks}))`;
    if (exclude) return add({ probe: `NOT ${probe}`, args: ids });
    add({
      probe,
      args: ids,
      driver: {
        kind: 'ids',
        source: `SELECT DISTINCT account_id FROM account_groups WHERE group_id IN (${marks})`,
        args: ids,
      },
      ...(ids.length === 1
        ? {
            members: { source: 'account_groups m INDEXED BY account_groups_group', match: 'm.group_id = ?', args: ids },
          }
        : {}),
    });
  };
  if (fixedGroup) membership([fixedGroup], false);
  const groups = listParam(params.groups);
  if (groups.length > 0) membership(groups, filterMode(params, 'groupsFilter') === 'exclude');

  const roles = listParam(params.roles);
  if (roles.length > 0) {
    const exclude = filterMode(params, 'rolesFilter') === 'exclude';
    const pairs = roles.map((pair) => {
      const [org, role] = pair.split(':');
      if (!org || !role) throw fieldError('query', 'roles', 'each role is organizationId:roleId');
      return [org, role] as const;
    });
    const terms = pairs.map(() => '(r.organization_id = ? AND r.role_id = ?)').join(' OR ');
    const args = pairs.flat();
    const probe = `EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND (${terms}))`;
    if (exclude) add({ probe: `NOT ${probe}`, args });
    else
      add({
        probe,
        args,
        driver: { kind: 'ids', source: `SELECT DISTINCT r.account_id FROM account_roles r WHERE ${terms}`, args },
        ...(pairs.length === 1
          ? {
              members: {
                source: 'account_roles m INDEXED BY account_roles_role',
                match: 'm.organization_id = ? AND m.role_id = ?',
                args,
              },
            }
          : {}),
      });
  }

  const indexed = new Set(
    (
      ctx.db.prepare("SELECT path FROM attributes WHERE store = ? AND indexing != 'none'").all(store) as Array<{
        path: string;
      }>
    ).map((row) => row.path),
  );
  for (const [name, value] of Object.entries(params)) {
    if (!name.startsWith('attribute_') || value === undefined) continue;
    const path = name.slice('attribute_'.length);
    if (!indexed.has(path))
      throw fieldError(
        'query',
        name,
        `attribute ${path} is not searchable in this identity store (only indexed attributes are)`,
      );
    const text = Array.isArray(value) ? value[0] : value;
    add({
      probe:
        'EXISTS (SELECT 1 FROM account_attribute_values v WHERE v.account_id = a.id AND v.path = ? AND v.value = ?)',
      args: [path, text],
      driver: {
        kind: 'ids',
        source: 'SELECT account_id FROM account_attribute_values WHERE store = ? AND path = ? AND value = ?',
        args: [store, path, text],
      },
    });
  }

  const size = integerParam(params, 'size', 20, 1, 1000);
  const page = integerParam(params, 'page', 0, 0, 1_000_000);
  const sort = sortTerms(params.sort);
  return runPlan(ctx, store, conditions, sort, page, size, plan);
}

/**
 * The ways a search can run: start from the few candidates of the most selective filter and sort them; walk a
 * status or organization index newest first; walk one group's or role's members newest first; or walk the sort
 * order testing every row.
 */
export const searchPlans = ['candidates', 'indexWalk', 'memberWalk', 'sortWalk'] as const;
export type SearchPlan = (typeof searchPlans)[number];

/** Thrown when a test forces a plan that cannot serve the query. */
export class PlanNotApplicable extends Error {}

/** Counts up to `limit` rows: enough to compare filters, and to report a total, without paying for large ones. */
function cappedCount(ctx: SandboxContext, sql: string, args: unknown[], limit: number): number {
  return (ctx.db.prepare(`SELECT COUNT(*) AS n FROM (${sql} LIMIT ${limit})`).get(...args) as { n: number }).n;
}

function runPlan(
  ctx: SandboxContext,
  store: string,
  conditions: Condition[],
  sort: SortTerm[],
  page: number,
  size: number,
  forced?: SearchPlan,
): SearchResult {
  const where = ['a.store = ?', ...conditions.map((condition) => condition.probe)];
  const whereArgs = [store, ...conditions.flatMap((condition) => condition.args)];
  const whereSql = where.join(' AND ');

  // How many accounts each selective filter names, counted up to a limit, using its index alone.
  const sized = conditions
    .filter(
      (condition): condition is Condition & { driver: NonNullable<Condition['driver']> } =>
        condition.driver !== undefined,
    )
    .map((condition) => ({
      condition,
      count: cappedCount(
        ctx,
        driverRows(condition.driver, store),
        driverArgs(condition.driver, store),
        TOTAL_COUNT_CAP + 1,
      ),
    }))
    .sort((a, b) => a.count - b.count);
  const best = sized[0] ?? null;

  // Which plans can serve this query, and the one chosen: few candidates first; else a large status's or
  // organization's own index in the default order; else the sort order.
  const defaultOrder = sort[0]!.expression === 'a.created_at';
  const applicable: Record<SearchPlan, boolean> = {
    candidates: best !== null,
    indexWalk:
      best?.condition.driver.kind === 'index' && Boolean(best.condition.driver.ordersByCreated) && defaultOrder,
    memberWalk: Boolean(best?.condition.members) && defaultOrder,
    sortWalk: true,
  };
  const chosen: SearchPlan =
    forced ??
    (best && best.count <= DRIVE_LIMIT
      ? 'candidates'
      : applicable.indexWalk
        ? 'indexWalk'
        : applicable.memberWalk
          ? 'memberWalk'
          : 'sortWalk');
  if (!applicable[chosen]) throw new PlanNotApplicable(`${chosen} cannot serve this query`);

  let from: string;
  let fromArgs: unknown[] = [];
  let order: string;
  // A filter that names the rows the plan starts from needs no second test on each of them.
  let decided: Condition | null = null;
  if (chosen === 'indexWalk') {
    // A large status or organization in the default order: its index lists the matches newest first.
    from = `accounts a INDEXED BY ${(best!.condition.driver as { index: string }).index} WHERE`;
    order = sort.map((term) => `${term.expression} ${term.direction}`).join(', ');
  } else if (chosen === 'memberWalk') {
    // Many members, spread unevenly over time (a role of an organization created years ago): walking the sort order
    // would pass every newer account first. The members' own index lists them in creation order (the creation
    // time is copied there with the membership, and never changes); SQLite sorts only within equal times, for
    // the rowid tie-break, and stops at the page.
    const members = best!.condition.members!;
    from = `${members.source} CROSS JOIN accounts a ON a.id = m.account_id WHERE ${members.match} AND`;
    fromArgs = members.args;
    decided = best!.condition;
    order = [
      `m.account_created_at ${sort[0]!.direction}`,
      ...sort.slice(1).map((term) => `${term.expression} ${term.direction}`),
    ].join(', ');
  } else if (chosen === 'candidates') {
    // Few candidates: start from them, then sort the ones that pass every filter.
    if (best!.condition.driver.kind === 'ids') {
      from = `accounts a INDEXED BY sqlite_autoindex_accounts_1 WHERE a.id IN (${best!.condition.driver.source}) AND`;
      fromArgs = best!.condition.driver.args;
      decided = best!.condition;
    } else {
      from = `accounts a INDEXED BY ${best!.condition.driver.index} WHERE`;
    }
    order = sort.map((term) => `+${term.expression} ${term.direction}`).join(', ');
  } else {
    // Every filter is broad: walk the sort order (its index ends in rowid, the tie-break) and stop at the page.
    from = `accounts a INDEXED BY ${sort[0]!.index} WHERE`;
    order = sort.map((term) => `${term.expression} ${term.direction}`).join(', ');
  }
  const kept = conditions.filter((condition) => condition !== decided);
  const pageWhere = ['a.store = ?', ...kept.map((condition) => condition.probe)].join(' AND ');
  const pageArgs = [store, ...kept.flatMap((condition) => condition.args)];
  const rows = ctx.db
    .prepare(`SELECT a.* FROM ${from} ${pageWhere} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...fromArgs, ...pageArgs, size, page * size) as AccountRow[];

  // The total: exact when one filter decides it or the candidates are few; otherwise counted among the first
  // TOTAL_COUNT_CAP accounts of the smallest filter (or of the store) and marked as a lower bound.
  let total: number;
  let capped: boolean;
  if (best && conditions.length === 1) {
    total = best.count;
    capped = best.count > TOTAL_COUNT_CAP;
  } else if (best && chosen === 'candidates') {
    total = cappedCount(ctx, `SELECT 1 FROM ${from} ${pageWhere}`, [...fromArgs, ...pageArgs], TOTAL_COUNT_CAP + 1);
    capped = total > TOTAL_COUNT_CAP;
  } else {
    const base = best
      ? driverRows(best.condition.driver, store, 'rowid')
      : 'SELECT rowid FROM accounts INDEXED BY accounts_created WHERE store = ?';
    const baseArgs = best ? driverArgs(best.condition.driver, store) : [store];
    total = cappedCount(
      ctx,
      `SELECT 1 FROM (${base} LIMIT ${TOTAL_COUNT_CAP}) s JOIN accounts a ON a.rowid = s.rowid WHERE ${whereSql}`,
      [...baseArgs, ...whereArgs],
      TOTAL_COUNT_CAP + 1,
    );
    // A lower bound only when the set it was counted in was cut at the cap (a small store's total is exact).
    const counted = best
      ? best.count
      : cappedCount(ctx, 'SELECT 1 FROM accounts WHERE store = ?', [store], TOTAL_COUNT_CAP + 1);
    capped = counted > TOTAL_COUNT_CAP;
  }
  return { rows, total: Math.min(total, TOTAL_COUNT_CAP), totalCapped: capped };
}

/** The rows a driver names, from its own index (no account row is read). */
function driverRows(driver: NonNullable<Condition['driver']>, _store: string, column: 'rowid' | '1' = '1'): string {
  if (driver.kind === 'index')
    return `SELECT ${column === 'rowid' ? 'rowid' : '1'} FROM accounts INDEXED BY ${driver.index} WHERE store = ? AND ${driver.countSql}`;
  return column === 'rowid'
    ? `SELECT x.rowid FROM accounts x WHERE x.id IN (${driver.source})`
    : `SELECT 1 FROM (${driver.source})`;
}

function driverArgs(driver: NonNullable<Condition['driver']>, store: string): unknown[] {
  return driver.kind === 'index' ? [store, ...driver.args] : driver.args;
}

function filterMode(params: SearchParams, name: string): 'include' | 'exclude' {
  const value = single(params, name) ?? 'include';
  if (value !== 'include' && value !== 'exclude') throw fieldError('query', name, 'must be include or exclude');
  return value;
}

interface SortTerm {
  expression: string;
  direction: 'ASC' | 'DESC';
  /** The index that yields rows in this order within a store. */
  index: string;
}

/** `sort=createdAt,desc&sort=email` to SQL terms; newest first when nothing is asked. */
function sortTerms(sort: string | string[] | undefined): SortTerm[] {
  const values = Array.isArray(sort) ? sort : sort ? [sort] : [];
  const terms: SortTerm[] = [];
  for (const value of values) {
    const [property, direction = 'asc'] = value.split(',').map((part) => part.trim());
    const column = property ? sortColumns[property] : undefined;
    if (!column) throw badRequest(`Cannot sort by ${property}; sortable: ${Object.keys(sortColumns).join(', ')}`);
    if (direction !== 'asc' && direction !== 'desc')
      throw badRequest(`Sort direction must be asc or desc, not ${direction}`);
    terms.push({ ...column, direction: direction === 'asc' ? 'ASC' : 'DESC' });
  }
  if (terms.length === 0) terms.push({ ...sortColumns.createdAt!, direction: 'DESC' });
  // The tie-break is the rowid: every index of the sort order ends in it, so no extra sort is needed.
  terms.push({ expression: 'a.rowid', index: 'accounts_created', direction: terms[0]!.direction });
  return terms;
}

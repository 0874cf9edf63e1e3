import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import { badRequest, fieldError } from './problems';
import { parseDateFilter } from './time';
import { reverseDomain } from './ids';

/** Counting stops here: an exact total of a few hundred thousand matches costs more than an agent gains. */
export const TOTAL_COUNT_CAP = 100_000;

const sortColumns: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  disabledAt: 'disabled_at',
  lastLogin: 'last_login_at',
  lastLoginAt: 'last_login_at',
  lastAuthenticationActivity: 'last_auth_at',
  email: 'email',
  username: 'username',
  id: 'id',
  numberOfLogins: 'number_of_logins',
};

const dateFilters: Array<[param: string, column: string]> = [
  ['updatedAt', 'updated_at'],
  ['createdAt', 'created_at'],
  ['disabledAt', 'disabled_at'],
  ['lastLoginAt', 'last_login_at'],
  ['lastAuthenticationActivityAt', 'last_auth_at'],
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
 * listAccounts and listGroupMembers: every filter of the reference, combined with AND.
 * `fixedGroup` restricts to one group's members (the members route).
 */
export function searchAccounts(
  ctx: SandboxContext,
  store: string,
  params: SearchParams,
  fixedGroup?: string,
): SearchResult {
  const where: string[] = ['a.store = ?'];
  const args: unknown[] = [store];
  const now = ctx.now();

  const id = single(params, 'id');
  if (id) {
    where.push('a.id = ?');
    args.push(id);
  }

  const domainCondition = (value: string) => {
    const reversed = reverseDomain(value);
    if (!reversed) throw fieldError('query', 'loginIdentifier', 'a domain search needs a domain after @');
    // One index range holds the domain and its subdomains: "moc.elpmaxe" up to "moc.elpmaxe/" ('/' follows '.').
    where.push('a.email_domain_rev >= ? AND a.email_domain_rev < ?');
    args.push(reversed, `${reversed}/`);
  };

  const loginIdentifier = single(params, 'loginIdentifier')?.trim();
  if (loginIdentifier) {
    if (loginIdentifier.startsWith('@')) domainCondition(loginIdentifier);
    else {
      where.push('(a.username = ? COLLATE NOCASE OR a.email = ? COLLATE NOCASE OR a.phone = ?)');
      args.push(loginIdentifier, loginIdentifier, loginIdentifier);
    }
  }
  const email = single(params, 'emailNativeClaim')?.trim();
  if (email) {
    if (email.startsWith('@')) domainCondition(email);
    else {
      where.push('a.email = ? COLLATE NOCASE');
      args.push(email);
    }
  }
  const username = single(params, 'userNameNativeClaim')?.trim();
  if (username) {
    where.push('a.username = ? COLLATE NOCASE');
    args.push(username);
  }

  const enabled = booleanParam(params, 'enabled');
  if (enabled !== undefined) {
    where.push('a.enabled = ?');
    args.push(enabled ? 1 : 0);
  }

  const neverLoggedIn = booleanParam(params, 'neverLoggedIn');
  for (const [param, column] of dateFilters) {
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
      where.push(`a.${column} ${operator} ?`);
      args.push(value);
    }
  }
  if (neverLoggedIn !== undefined)
    where.push(neverLoggedIn ? 'a.last_login_at IS NULL' : 'a.last_login_at IS NOT NULL');

  const organization = single(params, 'organization');
  if (organization) {
    where.push('a.organization = ?');
    args.push(organization);
  }
  const organizationScope = single(params, 'organizationScope');
  if (organizationScope) {
    where.push(
      'a.organization IN (WITH RECURSIVE scope(id) AS (SELECT ? UNION SELECT o.id FROM organizations o JOIN scope ON o.parent_id = scope.id) SELECT id FROM scope)',
    );
    args.push(organizationScope);
  }

  if (fixedGroup) {
    where.push('a.id IN (SELECT account_id FROM account_groups WHERE group_id = ?)');
    args.push(fixedGroup);
  }
  const groups = listParam(params.groups);
  if (groups.length > 0) {
    const exclude = filterMode(params, 'groupsFilter') === 'exclude';
    where.push(
      `a.id ${exclude ? 'NOT IN' : 'IN'} (SELECT account_id FROM account_groups WHERE group_id IN (${groups.map(() => '?').join(',')}))`,
    );
    args.push(...groups);
  }
  const roles = listParam(params.roles);
  if (roles.length > 0) {
    const exclude = filterMode(params, 'rolesFilter') === 'exclude';
    const pairs = roles.map((pair) => {
      const [org, role] = pair.split(':');
      if (!org || !role) throw fieldError('query', 'roles', 'each role is organizationId:roleId');
      return [org, role] as const;
    });
    where.push(
      `a.id ${exclude ? 'NOT IN' : 'IN'} (SELECT account_id FROM account_roles WHERE ${pairs.map(() => '(organization_id = ? AND role_id = ?)').join(' OR ')})`,
    );
    args.push(...pairs.flat());
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
    where.push('a.id IN (SELECT account_id FROM account_attribute_values WHERE store = ? AND path = ? AND value = ?)');
    args.push(store, path, Array.isArray(value) ? value[0] : value);
  }

  const size = integerParam(params, 'size', 20, 1, 1000);
  const page = integerParam(params, 'page', 0, 0, 1_000_000);
  const order = sortClause(params.sort);
  const whereSql = where.join(' AND ');
  const rows = ctx.db
    .prepare(`SELECT a.* FROM accounts a WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...args, size, page * size) as AccountRow[];
  const counted = (
    ctx.db
      .prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM accounts a WHERE ${whereSql} LIMIT ?)`)
      .get(...args, TOTAL_COUNT_CAP + 1) as { n: number }
  ).n;
  return { rows, total: Math.min(counted, TOTAL_COUNT_CAP), totalCapped: counted > TOTAL_COUNT_CAP };
}

function filterMode(params: SearchParams, name: string): 'include' | 'exclude' {
  const value = single(params, name) ?? 'include';
  if (value !== 'include' && value !== 'exclude') throw fieldError('query', name, 'must be include or exclude');
  return value;
}

/** `sort=createdAt,desc&sort=email` to SQL; newest first when nothing is asked. */
function sortClause(sort: string | string[] | undefined): string {
  const values = Array.isArray(sort) ? sort : sort ? [sort] : [];
  const terms: string[] = [];
  for (const value of values) {
    const [property, direction = 'asc'] = value.split(',').map((part) => part.trim());
    const column = property ? sortColumns[property] : undefined;
    if (!column) throw badRequest(`Cannot sort by ${property}; sortable: ${Object.keys(sortColumns).join(', ')}`);
    if (direction !== 'asc' && direction !== 'desc')
      throw badRequest(`Sort direction must be asc or desc, not ${direction}`);
    terms.push(`a.${column} ${direction.toUpperCase()}`);
  }
  if (terms.length === 0) terms.push('a.created_at DESC');
  terms.push('a.id ASC');
  return terms.join(', ');
}

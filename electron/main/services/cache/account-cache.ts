import { AccountSummary } from '@shared/domain/account';
import type { AccountFilter } from '@shared/domain/search';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { CacheDb } from './cache-database';
import { writePending, writeSoon } from './deferred-writes';

export interface CachedSummary {
  summary: AccountSummary;
  fetchedAt: number;
}

export const LOCAL_COUNT_CAP = 1000;
/** Up to this many index matches, a local search starts from them; past it, it walks the accounts in order. */
const DRIVE_LIMIT = 2000;
/** A count that walks the accounts looks at this many of them at most. */
const COUNT_BUDGET = 1_000;

export interface LocalSearchResult {
  items: CachedSummary[];
  /** At most LOCAL_COUNT_CAP; with totalCapped, a lower bound. */
  total: number;
  totalCapped: boolean;
  /** Filters the cache cannot evaluate (it holds no memberships or attributes); the UI says so. */
  unapplied: string[];
}

/** FTS5 query text for what the agent typed: each word a quoted prefix, so "ada lov" finds Ada Lovelace. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

/** Lower case without accents, as the FTS index compares (remove_diacritics). */
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The cached copy of accounts: summaries from every search (and profiles from account views), searchable offline
 * through FTS5 and a few indexed columns.
 */
export class AccountCache {
  constructor(
    private readonly db: CacheDb,
    /** The connection whose accounts these are: every read and write stays within it. */
    readonly connectionId: string,
    private readonly now: () => number,
  ) {}

  private readonly statements = new Map<string, Statement<unknown[]>>();

  /** A statement prepared once for this cache: the write path runs on every search's answer. */
  private statement(sql: string): Statement<unknown[]> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Stores accounts now (after any page still pending); one transaction per call. */
  upsertSummaries(summaries: AccountSummary[], fetchedAt = this.now()): void {
    writePending(this.db);
    this.write(summaries, fetchedAt);
  }

  /**
   * Stores what a search returned just after its answer has been handed on; any other use of this cache writes it
   * first, so reads, removals and later writes see it in order.
   */
  upsertSummariesSoon(summaries: AccountSummary[], fetchedAt = this.now()): void {
    writeSoon(this.db, () => this.write(summaries, fetchedAt));
  }

  private write(summaries: AccountSummary[], fetchedAt: number): void {
    const find = this.statement('SELECT rowid, summary FROM accounts WHERE connection_id = ? AND store = ? AND id = ?');
    // An account that comes back as it was cached (most of a rerun search) only has its fetch time moved: its
    // columns and full-text entry are derived from the summary alone, and rewriting them is most of the cost.
    const touch = this.statement('UPDATE accounts SET fetched_at = ? WHERE rowid = ?');
    const insert = this.statement(
      `INSERT INTO accounts (connection_id, store, id, display_name, enabled, organization, created_at, last_login_at, search_text, email_folded, email_domain_rev, username_folded, summary, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.statement(
      'UPDATE accounts SET display_name = ?, enabled = ?, organization = ?, created_at = ?, last_login_at = ?, search_text = ?, email_folded = ?, email_domain_rev = ?, username_folded = ?, summary = ?, fetched_at = ? WHERE rowid = ?',
    );
    const ftsDelete = this.statement('DELETE FROM accounts_fts WHERE rowid = ?');
    const ftsInsert = this.statement(
      'INSERT INTO accounts_fts (rowid, display_name, username, email, phone, account_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const summary of summaries) {
        const existing = find.get(this.connectionId, summary.store, summary.id) as
          { rowid: number; summary: string } | undefined;
        const json = JSON.stringify(summary);
        if (existing?.summary === json) {
          touch.run(fetchedAt, existing.rowid);
          continue;
        }
        const email = summary.email ? fold(summary.email) : null;
        const columns = [
          summary.displayName,
          summary.enabled ? 1 : 0,
          summary.organization,
          // A platform may leave the creation time out: such accounts sort last, newest first.
          summary.createdAt ?? '',
          summary.lastLoginAt,
          [summary.displayName, summary.username, summary.email, summary.phone, summary.id]
            .filter((value): value is string => Boolean(value))
            .map(fold)
            .join('\u0001'),
          email,
          email?.includes('@') ? [...email.split('@')[1]!].reverse().join('') : null,
          summary.username ? fold(summary.username) : null,
          json,
          fetchedAt,
        ] as const;
        let rowid: number;
        if (existing) {
          update.run(...columns, existing.rowid);
          ftsDelete.run(existing.rowid);
          rowid = existing.rowid;
        } else {
          rowid = Number(insert.run(this.connectionId, summary.store, summary.id, ...columns).lastInsertRowid);
        }
        ftsInsert.run(
          rowid,
          summary.displayName,
          summary.username ?? '',
          summary.email ?? '',
          summary.phone ?? '',
          summary.id,
        );
      }
    })();
  }

  get(store: string, accountId: string): CachedSummary | null {
    writePending(this.db);
    const row = this.db
      .prepare('SELECT summary, fetched_at FROM accounts WHERE connection_id = ? AND store = ? AND id = ?')
      .get(this.connectionId, store, accountId) as { summary: string; fetched_at: number } | undefined;
    return row ? { summary: AccountSummary.parse(JSON.parse(row.summary)), fetchedAt: row.fetched_at } : null;
  }

  /** Forgets accounts the platform says are gone. */
  remove(store: string, accountId: string): void {
    writePending(this.db);
    this.db
      .prepare('DELETE FROM account_events WHERE connection_id = ? AND store = ? AND account_id = ?')
      .run(this.connectionId, store, accountId);
    const row = this.db
      .prepare('SELECT rowid FROM accounts WHERE connection_id = ? AND store = ? AND id = ?')
      .get(this.connectionId, store, accountId) as { rowid: number } | undefined;
    if (!row) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM accounts_fts WHERE rowid = ?').run(row.rowid);
      this.db.prepare('DELETE FROM accounts WHERE rowid = ?').run(row.rowid);
      this.db
        .prepare('DELETE FROM recent_accounts WHERE connection_id = ? AND store = ? AND account_id = ?')
        .run(this.connectionId, store, accountId);
    })();
  }

  /**
   * Searches cached accounts of one store. Text filters go through the FTS index and are then checked exactly;
   * status, organization and dates are columns; memberships and attributes are not cached and are reported unapplied.
   */
  search(store: string, filter: AccountFilter, page: number, size: number): LocalSearchResult {
    writePending(this.db);
    const where = ['a.connection_id = ?', 'a.store = ?'];
    const args: unknown[] = [this.connectionId, store];
    const domains: string[] = [];
    const login = filter.loginIdentifier ? fold(filter.loginIdentifier.trim()) : '';
    if (login.startsWith('@')) domains.push(login.slice(1));
    else if (login) {
      where.push('instr(a.search_text, ?) > 0');
      args.push(login);
    }
    const email = filter.email ? fold(filter.email.trim()) : '';
    if (email.startsWith('@')) domains.push(email.slice(1));
    else if (email) {
      where.push('a.email_folded = ?');
      args.push(email);
    }
    for (const domain of domains) {
      // The domain and its subdomains are one range of the reversed domain ('/' sorts right after '.').
      const reversed = [...domain].reverse().join('');
      where.push('a.email_domain_rev >= ? AND a.email_domain_rev < ?');
      args.push(reversed, `${reversed}/`);
    }
    if (filter.username?.trim()) {
      where.push('a.username_folded = ?');
      args.push(fold(filter.username.trim()));
    }
    if (filter.id?.trim()) {
      where.push('a.id = ?');
      args.push(filter.id.trim());
    }
    if (filter.enabled !== undefined) {
      where.push('a.enabled = ?');
      args.push(filter.enabled ? 1 : 0);
    }
    if (filter.organization) {
      where.push('a.organization = ?');
      args.push(filter.organization);
    }
    if (filter.neverLoggedIn !== undefined)
      where.push(filter.neverLoggedIn ? 'a.last_login_at IS NULL' : 'a.last_login_at IS NOT NULL');
    const unapplied: string[] = [];
    for (const [field, range] of Object.entries(filter.dates ?? {})) {
      const column = field === 'createdAt' ? 'created_at' : field === 'lastLoginAt' ? 'last_login_at' : null;
      if (!column || !range) {
        unapplied.push(`${field} dates`);
        continue;
      }
      for (const [bound, operator] of [
        [range.from, '>='],
        [range.to, '<='],
      ] as const) {
        if (!bound) continue;
        where.push(`a.${column} ${operator} ?`);
        args.push(resolveBound(bound, this.now()));
      }
    }
    if (filter.attributes && Object.keys(filter.attributes).length > 0) unapplied.push('attributes');
    if (filter.groups?.ids.length) unapplied.push('groups');
    if (filter.roles?.pairs.length) unapplied.push('roles');
    if (filter.organizationScope) unapplied.push('organization scope');

    // Exact identifiers use their own indexes. Words and domains: when their index names few accounts, start from
    // them and sort; otherwise walk the accounts newest first and stop at the page, the exact tests above being
    // enough on their own, and count within a budget of rows (the total is then a lower bound).
    const exact =
      Boolean(email && !email.startsWith('@')) || Boolean(filter.username?.trim()) || Boolean(filter.id?.trim());
    const match = !exact && login && !login.startsWith('@') ? ftsQuery(login) : null;
    const few = (sql: string, params: unknown[]) =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM (${sql} LIMIT ${DRIVE_LIMIT + 1})`).get(...params) as { n: number })
        .n <= DRIVE_LIMIT;
    // With a status filter, the walk goes through that status's accounts only.
    const walkIndex = filter.enabled === undefined ? 'accounts_store_created' : 'accounts_store_enabled_created';
    let from = `accounts a INDEXED BY ${walkIndex}`;
    let fromWhere: string[] = [];
    let fromArgs: unknown[] = [];
    let walking = true;
    if (exact) {
      from = `accounts a INDEXED BY ${filter.id?.trim() ? 'sqlite_autoindex_accounts_1' : email && !email.startsWith('@') ? 'accounts_email' : 'accounts_username'}`;
      walking = false;
    } else if (match && few('SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ?', [match])) {
      from = 'accounts_fts f CROSS JOIN accounts a ON a.rowid = f.rowid';
      fromWhere = ['accounts_fts MATCH ?'];
      fromArgs = [match];
      walking = false;
    } else if (domains.length > 0) {
      const reversed = [...domains[0]!].reverse().join('');
      if (
        few(
          'SELECT 1 FROM accounts WHERE connection_id = ? AND store = ? AND email_domain_rev >= ? AND email_domain_rev < ?',
          [this.connectionId, store, reversed, `${reversed}/`],
        )
      ) {
        from = 'accounts a INDEXED BY accounts_email_domain';
        walking = false;
      }
    }
    const whereSql = [...fromWhere, ...where].join(' AND ');
    const allArgs = [...fromArgs, ...args];
    let rows: Array<{ summary: string; fetched_at: number }>;
    let total: number;
    let capped = false;
    if (walking) {
      rows = this.db
        .prepare(
          `SELECT a.summary, a.fetched_at FROM ${from} WHERE ${whereSql} ORDER BY a.created_at DESC, a.rowid DESC LIMIT ? OFFSET ?`,
        )
        .all(...allArgs, size, page * size) as Array<{ summary: string; fetched_at: number }>;
      const status = filter.enabled === undefined ? '' : 'AND enabled = ?';
      const statusArgs = filter.enabled === undefined ? [] : [filter.enabled ? 1 : 0];
      const walked = `SELECT rowid FROM accounts INDEXED BY ${walkIndex} WHERE connection_id = ? AND store = ? ${status} ORDER BY created_at DESC LIMIT ${COUNT_BUDGET}`;
      total = (
        this.db
          .prepare(
            `SELECT COUNT(*) AS n FROM (${walked}) s CROSS JOIN accounts a ON a.rowid = s.rowid WHERE ${whereSql}`,
          )
          .get(this.connectionId, store, ...statusArgs, ...allArgs) as { n: number }
      ).n;
      capped =
        (
          this.db
            .prepare(
              `SELECT COUNT(*) AS n FROM (SELECT 1 FROM accounts WHERE connection_id = ? AND store = ? ${status} LIMIT ${COUNT_BUDGET + 1})`,
            )
            .get(this.connectionId, store, ...statusArgs) as { n: number }
        ).n > COUNT_BUDGET;
      // The page may reach past the counted rows; a lower bound is at least what is shown.
      total = Math.max(total, page * size + rows.length);
    } else {
      // Few candidates: read their keys once, count and sort them here, then load only the page's summaries.
      const keys = this.db
        .prepare(`SELECT a.rowid AS rowid, a.created_at AS created FROM ${from} WHERE ${whereSql}`)
        .all(...allArgs) as Array<{ rowid: number; created: string }>;
      keys.sort((a, b) => (a.created === b.created ? b.rowid - a.rowid : a.created < b.created ? 1 : -1));
      total = keys.length;
      const pageKeys = keys.slice(page * size, page * size + size).map((key) => key.rowid);
      const load = this.db.prepare('SELECT summary, fetched_at FROM accounts WHERE rowid = ?');
      rows = pageKeys.map((rowid) => load.get(rowid) as { summary: string; fetched_at: number });
    }
    if (total > LOCAL_COUNT_CAP) capped = true;
    return {
      items: rows.map((row) => ({ summary: JSON.parse(row.summary) as AccountSummary, fetchedAt: row.fetched_at })),
      total: Math.min(total, LOCAL_COUNT_CAP),
      totalCapped: capped,
      unapplied,
    };
  }

  recordRecent(store: string, accountId: string, openedAt = this.now()): void {
    writePending(this.db);
    this.db.transaction(() => {
      this.statement(
        'INSERT INTO recent_accounts (connection_id, store, account_id, opened_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET opened_at = excluded.opened_at',
      ).run(this.connectionId, store, accountId, openedAt);
      // Keep the list short: it is a convenience, not a history.
      this.statement(
        'DELETE FROM recent_accounts WHERE connection_id = ? AND rowid NOT IN (SELECT rowid FROM recent_accounts WHERE connection_id = ? ORDER BY opened_at DESC LIMIT 50)',
      ).run(this.connectionId, this.connectionId);
    })();
  }

  recent(limit: number): Array<CachedSummary & { openedAt: number }> {
    writePending(this.db);
    const rows = this.db
      .prepare(
        `SELECT a.summary, a.fetched_at, r.opened_at FROM recent_accounts r
         JOIN accounts a ON a.connection_id = r.connection_id AND a.store = r.store AND a.id = r.account_id
         WHERE r.connection_id = ? ORDER BY r.opened_at DESC LIMIT ?`,
      )
      .all(this.connectionId, limit) as Array<{ summary: string; fetched_at: number; opened_at: number }>;
    return rows.map((row) => ({
      summary: JSON.parse(row.summary) as AccountSummary,
      fetchedAt: row.fetched_at,
      openedAt: row.opened_at,
    }));
  }
}

/** A date bound of the filter (timestamp or signed duration) to an ISO string for comparison. */
export function resolveBound(bound: string, now: number): string {
  const match =
    /^([+-])P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      bound,
    );
  if (!match) return new Date(Date.parse(bound)).toISOString();
  const [, sign, y, mo, w, d, h, mi, s] = match;
  const n = (part: string | undefined) => (part ? Number(part) : 0);
  const ms = (((n(y) * 365 + n(mo) * 30 + n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(mi)) * 60_000 + n(s) * 1000;
  return new Date(sign === '-' ? now - ms : now + ms).toISOString();
}

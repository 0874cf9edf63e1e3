/**
 * The offline cache's schema, one migration per version (PRAGMA user_version). Released migrations never change;
 * a test migrates from every earlier version.
 */
export const cacheMigrations: readonly string[] = [
  // 1: accounts with a full-text index, saved searches and their last results, recent accounts, the action journal.
  `
  CREATE TABLE accounts (
    rowid INTEGER PRIMARY KEY,
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    organization TEXT,
    created_at TEXT NOT NULL,
    last_login_at TEXT,
    -- Folded (lower case, no accents) identifiers, for the exact part of an offline search.
    search_text TEXT NOT NULL DEFAULT '',
    email_folded TEXT,
    email_domain_rev TEXT,
    username_folded TEXT,
    summary TEXT NOT NULL,
    profile TEXT,
    fetched_at INTEGER NOT NULL,
    profile_fetched_at INTEGER,
    UNIQUE (connection_id, store, id)
  );
  CREATE INDEX accounts_fetched ON accounts(fetched_at);
  CREATE INDEX accounts_store_created ON accounts(connection_id, store, created_at);
  CREATE INDEX accounts_email_domain ON accounts(connection_id, store, email_domain_rev);
  CREATE INDEX accounts_email ON accounts(connection_id, store, email_folded);
  CREATE INDEX accounts_username ON accounts(connection_id, store, username_folded);
  -- Names and identifiers, split into words (an email's parts too) so any of them finds the account.
  CREATE VIRTUAL TABLE accounts_fts USING fts5(
    display_name, username, email, phone, account_id,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    name TEXT NOT NULL,
    filter TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    last_run_at INTEGER
  );
  CREATE INDEX saved_searches_connection ON saved_searches(connection_id, store);
  CREATE TABLE saved_search_results (
    search_id TEXT PRIMARY KEY REFERENCES saved_searches(id) ON DELETE CASCADE,
    page TEXT NOT NULL,
    fetched_at INTEGER NOT NULL
  );
  CREATE TABLE recent_accounts (
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    account_id TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, store, account_id)
  );
  CREATE INDEX recent_accounts_opened ON recent_accounts(connection_id, opened_at);
  CREATE TABLE action_journal (
    id TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    action TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    total INTEGER NOT NULL,
    results TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX action_journal_started ON action_journal(started_at);
  `,
  // 2: the account view's offline copy: each store's catalog (schema, names) and every fetched account event.
  `
  CREATE TABLE store_catalogs (
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    catalog TEXT NOT NULL,
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, store)
  );
  CREATE TABLE account_events (
    connection_id TEXT NOT NULL,
    store TEXT NOT NULL,
    account_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, store, account_id, event_id)
  ) WITHOUT ROWID;
  -- No other index: reads and deletes are per account (the key's prefix), and each extra index made writing
  -- an account's events markedly slower; the hourly retention purge can afford a scan.
  `,
  // 3: offline searches with a status filter walk only the accounts of that status, newest first.
  `
  CREATE INDEX accounts_store_enabled_created ON accounts(connection_id, store, enabled, created_at);
  `,
  // 4: the identity stores of each connection, so the store switcher works offline too.
  `
  CREATE TABLE identity_stores (
    connection_id TEXT PRIMARY KEY,
    stores TEXT NOT NULL,
    fetched_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 5: what an action was for, where the agent had to say (an impersonation's client and reason).
  `
  ALTER TABLE action_journal ADD COLUMN detail TEXT;
  `,
  // 6: words typed offline are prefixes ("nagy" finds every "nagy1987" of the emails): without prefix indexes each
  // such word merged thousands of one-account terms. The index is rebuilt from the cached accounts.
  `
  DROP TABLE accounts_fts;
  CREATE VIRTUAL TABLE accounts_fts USING fts5(
    display_name, username, email, phone, account_id,
    content = '', contentless_delete = 1,
    prefix = '2 3 4 5 6 7 8',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO accounts_fts (rowid, display_name, username, email, phone, account_id)
    SELECT rowid, display_name,
      coalesce(CASE WHEN json_valid(summary) THEN json_extract(summary, '$.username') END, ''),
      coalesce(CASE WHEN json_valid(summary) THEN json_extract(summary, '$.email') END, ''),
      coalesce(CASE WHEN json_valid(summary) THEN json_extract(summary, '$.phone') END, ''),
      id
    FROM accounts;
  `,
];

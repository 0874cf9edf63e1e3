/**
 * The sandbox's schema, one migration per version. PRAGMA user_version records how far a database has come;
 * a migration never changes once released, so older files always upgrade the same way.
 */
export const migrations: readonly string[] = [
  // 1: configuration, accounts and everything an account owns.
  `
  CREATE TABLE identity_stores (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    policy_tag TEXT,
    account_event_ttl INTEGER NOT NULL DEFAULT 30,
    organization_registration_enabled INTEGER NOT NULL DEFAULT 0,
    password_policy TEXT NOT NULL,
    max_failed_logins INTEGER NOT NULL DEFAULT 5,
    position INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE attributes (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    indexing TEXT NOT NULL DEFAULT 'none',
    definition TEXT NOT NULL
  );
  CREATE INDEX attributes_store ON attributes(store, position);

  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX groups_store ON groups(store, name);
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    parent_id TEXT REFERENCES organizations(id),
    routes TEXT NOT NULL DEFAULT '[]',
    configuration TEXT NOT NULL DEFAULT '{}',
    metadata TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX organizations_store ON organizations(store, name);
  CREATE TABLE roles (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    scopes TEXT NOT NULL DEFAULT '[]',
    default_role INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX roles_store ON roles(store, name);
  CREATE TABLE proofing_policies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    policy_tag TEXT,
    failure_message TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    display_text TEXT NOT NULL,
    self_service_display_text TEXT,
    policy_tag TEXT,
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE consent_versions (
    consent_id TEXT NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    display_text TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (consent_id, version)
  );
  CREATE TABLE brands (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand_name TEXT NOT NULL,
    primary_color TEXT,
    background_color TEXT,
    logo_url TEXT,
    support_text TEXT
  );
  CREATE TABLE notification_policies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL,
    sender_display_name TEXT NOT NULL
  );
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL CHECK (type IN ('personal', 'organizational', 'hybrid')),
    brand_id TEXT REFERENCES brands(id),
    notification_policy_id TEXT REFERENCES notification_policies(id),
    identity_proofing_id TEXT REFERENCES proofing_policies(id)
  );
  CREATE TABLE application_organization_policies (
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    brand_id TEXT REFERENCES brands(id),
    notification_policy_id TEXT REFERENCES notification_policies(id),
    PRIMARY KEY (application_id, organization_id)
  );
  CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    oauth2_client_id TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    login_url TEXT
  );
  CREATE INDEX clients_application ON clients(application_id);

  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES identity_stores(name) ON DELETE CASCADE,
    username TEXT,
    email TEXT,
    email_domain_rev TEXT,
    email_verified INTEGER NOT NULL DEFAULT 0,
    phone TEXT,
    phone_verified INTEGER NOT NULL DEFAULT 0,
    display_name TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    organization TEXT REFERENCES organizations(id),
    language TEXT NOT NULL DEFAULT 'en-US',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    disabled_at INTEGER,
    last_login_at INTEGER,
    last_login_ip TEXT,
    last_login_location TEXT,
    last_auth_at INTEGER,
    last_auth_ip TEXT,
    number_of_logins INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    failed_password_attempts INTEGER NOT NULL DEFAULT 0,
    failed_passcode_attempts INTEGER NOT NULL DEFAULT 0,
    locks TEXT NOT NULL DEFAULT '{}',
    metadata TEXT NOT NULL DEFAULT '{}',
    notification_preferences TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX accounts_username ON accounts(store, username COLLATE NOCASE);
  CREATE INDEX accounts_email ON accounts(store, email COLLATE NOCASE);
  CREATE INDEX accounts_email_domain ON accounts(store, email_domain_rev, created_at);
  CREATE INDEX accounts_phone ON accounts(store, phone);
  CREATE INDEX accounts_created ON accounts(store, created_at);
  CREATE INDEX accounts_updated ON accounts(store, updated_at);
  CREATE INDEX accounts_disabled ON accounts(store, disabled_at);
  CREATE INDEX accounts_last_login ON accounts(store, last_login_at, created_at);
  CREATE INDEX accounts_last_auth ON accounts(store, last_auth_at);
  CREATE INDEX accounts_enabled ON accounts(store, enabled, created_at);
  CREATE INDEX accounts_organization ON accounts(store, organization, created_at);

  -- Memberships and indexed values carry the account's creation time, so a search can walk them in the default
  -- order (newest first) without reading every account they name.
  CREATE TABLE account_attribute_values (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    store TEXT NOT NULL,
    path TEXT NOT NULL,
    value TEXT NOT NULL COLLATE NOCASE,
    account_created_at INTEGER NOT NULL
  );
  CREATE INDEX account_attribute_values_lookup ON account_attribute_values(store, path, value, account_created_at);
  CREATE INDEX account_attribute_values_account ON account_attribute_values(account_id, path, value);

  CREATE TABLE account_groups (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    account_created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, group_id)
  ) WITHOUT ROWID;
  CREATE INDEX account_groups_group ON account_groups(group_id, account_created_at, account_id);
  CREATE TABLE account_roles (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    account_created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, organization_id, role_id)
  ) WITHOUT ROWID;
  CREATE INDEX account_roles_role ON account_roles(organization_id, role_id, account_created_at, account_id);

  CREATE TABLE authenticators (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    sub_type TEXT,
    target TEXT,
    methods TEXT NOT NULL DEFAULT '[]',
    public_metadata TEXT NOT NULL DEFAULT '{}',
    secret TEXT,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
  );
  CREATE INDEX authenticators_account ON authenticators(account_id);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    token_hash TEXT UNIQUE,
    device_string TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    last_ip TEXT NOT NULL,
    location TEXT,
    last_login_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_account ON sessions(account_id);
  CREATE TABLE external_identities (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    external_id TEXT NOT NULL,
    display TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    linked_at INTEGER NOT NULL
  );
  CREATE INDEX external_identities_account ON external_identities(account_id);
  CREATE TABLE account_consents (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    consent_id TEXT NOT NULL REFERENCES consents(id),
    consent_version INTEGER NOT NULL,
    opt_in INTEGER NOT NULL,
    opt_out INTEGER
  );
  CREATE INDEX account_consents_account ON account_consents(account_id);
  CREATE TABLE account_proofings (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    policy_id TEXT NOT NULL REFERENCES proofing_policies(id),
    attempts INTEGER NOT NULL DEFAULT 0,
    proofed_at INTEGER,
    invalidated_at INTEGER,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX account_proofings_account ON account_proofings(account_id);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL,
    account_id TEXT,
    type TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '[]',
    start_ts INTEGER NOT NULL,
    end_ts INTEGER NOT NULL,
    actor_ip TEXT,
    login_session_id TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX events_account ON events(account_id, start_ts);
  CREATE INDEX events_store ON events(store, start_ts);
  CREATE INDEX events_time ON events(start_ts);

  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL,
    account_id TEXT,
    account_event_id TEXT,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_name TEXT NOT NULL,
    notification_policy_id TEXT,
    brand_id TEXT,
    application_id TEXT,
    client_id TEXT,
    rule TEXT NOT NULL,
    success INTEGER NOT NULL DEFAULT 1,
    timestamp INTEGER NOT NULL,
    valid_until INTEGER,
    message TEXT NOT NULL,
    message_plain_text TEXT NOT NULL
  );
  CREATE INDEX notifications_account ON notifications(account_id, timestamp);
  CREATE INDEX notifications_time ON notifications(timestamp);

  CREATE TABLE impersonations (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
  // 2: activation links (a store may require the customer to confirm the email before signing in), and the steps
  // of identity verification policies.
  `
  ALTER TABLE identity_stores ADD COLUMN activation_required INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE proofing_policies ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE activations (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX activations_account ON activations(account_id, created_at);
  `,
  // 3: the administrative audit trail: every change made through the Admin API, by which client.
  `
  CREATE TABLE audit_entries (
    id TEXT PRIMARY KEY,
    date INTEGER NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    name TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    actor_client_id TEXT NOT NULL,
    actor_client_name TEXT NOT NULL,
    actor_ip TEXT NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL
  );
  CREATE INDEX audit_entries_url ON audit_entries(url, date);
  CREATE INDEX audit_entries_date ON audit_entries(date);
  `,
  // 4: invitations (an administrator invites a customer by email; the customer accepts by a link and sets a
  // password), the notification log's link to them, and one-time passcodes a customer signs in with.
  `
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    store TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    email TEXT NOT NULL,
    organization TEXT,
    language TEXT NOT NULL,
    metadata TEXT NOT NULL,
    groups TEXT NOT NULL,
    roles TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    valid_until INTEGER NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    accepted_at INTEGER
  );
  CREATE INDEX invitations_store ON invitations(store, email);
  CREATE INDEX invitations_account ON invitations(account_id);
  ALTER TABLE notifications ADD COLUMN invitation_id TEXT;
  CREATE TABLE passcodes (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
  // 5: the seed's example accounts of each kind of customer story (what `--list-stories` prints).
  `
  CREATE TABLE seed_stories (
    archetype TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (archetype, account_id)
  );
  `,
];

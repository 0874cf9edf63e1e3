import type { Db } from '../db/database';
import { attributeKey, type AttributeDefinition } from '../domain/attributes';
import { INSERT_EVENT } from '../domain/events';
import { hashPassword } from '../domain/passwords';
import * as config from './configuration';
import { Prng } from './prng';
import { archetypes, OrderedIds, writeStory, type Archetype, type Statements, type StoryContext } from './stories';

/** Every seeded account can log in with this password (see README). */
export const SEED_PASSWORD = 'Demo-password-1!';
const DAY = 86_400_000;

export interface SeedOptions {
  accounts: number;
  seed?: number;
  /** The generator's "now": events and dates fall in the months before it. */
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  accounts: number;
  events: number;
  hostileAccounts: string[];
  /** How many accounts tell each kind of story. */
  stories: Record<Archetype, number>;
  /** Where a large seed shortens the stories for speed, what it leaves out. */
  shortened: string | null;
}

export function isSeeded(db: Db): boolean {
  return db.prepare('SELECT 1 FROM identity_stores LIMIT 1').get() !== undefined;
}

/** Fills an empty database with the demo platform. The same options always give the same data. */
export function seedDatabase(db: Db, options: SeedOptions): SeedSummary {
  const rng = new Prng(options.seed ?? 20261129);
  const now = options.now ?? Date.now();
  seedConfiguration(db, now);
  return seedAccounts(db, rng, options, now);
}

function seedConfiguration(db: Db, now: number): void {
  db.transaction(() => {
    const insertStore = db.prepare(
      'INSERT INTO identity_stores (name, description, password_policy, max_failed_logins, activation_required, account_event_ttl, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAttribute = db.prepare(
      'INSERT INTO attributes (id, store, position, path, indexing, definition) VALUES (?, ?, ?, ?, ?, ?)',
    );
    config.stores.forEach((store, position) => {
      insertStore.run(
        store.name,
        store.description,
        JSON.stringify(store.passwordPolicy),
        store.maxFailedLogins,
        store.activationRequired ? 1 : 0,
        store.eventRetentionDays,
        position,
      );
      store.attributes.forEach((attribute: AttributeDefinition, index: number) =>
        insertAttribute.run(
          attribute.id,
          store.name,
          index,
          attributeKey(attribute),
          attribute.indexing ?? 'none',
          JSON.stringify(attribute),
        ),
      );
    });
    for (const [store, names] of Object.entries(config.groups)) {
      names.forEach((name) =>
        db
          .prepare('INSERT INTO groups (id, store, name, description) VALUES (?, ?, ?, ?)')
          .run(config.groupId(store, name), store, name, `${name} of ${store}`),
      );
    }
    for (const [id, store, name, parent, route] of config.organizations) {
      db.prepare(
        'INSERT INTO organizations (id, store, name, description, parent_id, routes, configuration, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        store,
        name,
        `${name} (${store})`,
        parent,
        JSON.stringify([route]),
        JSON.stringify({ uniqueIdentifier: parent === null, selfRegistrationEnabled: false }),
        JSON.stringify({ tier: parent ? 'division' : 'customer' }),
      );
    }
    for (const [id, store, name, scopes] of config.roles)
      db.prepare('INSERT INTO roles (id, store, name, description, scopes) VALUES (?, ?, ?, ?, ?)').run(
        id,
        store,
        name,
        `${name} role`,
        JSON.stringify(scopes),
      );
    for (const [id, name, description, steps] of config.proofingPolicies) {
      const stepRows = steps.map((type, index) => ({
        id: `${id}-${index + 1}`,
        type,
        enabled: true,
        actions: { success: index === steps.length - 1 ? 'exitProofing' : 'nextStep', failure: 'failureMessage' },
      }));
      db.prepare(
        'INSERT INTO proofing_policies (id, name, description, failure_message, steps) VALUES (?, ?, ?, ?, ?)',
      ).run(id, name, description, 'We could not verify your identity.', JSON.stringify(stepRows));
    }
    for (const [id, name, texts] of config.consents) {
      db.prepare('INSERT INTO consents (id, name, description, display_text, version) VALUES (?, ?, ?, ?, ?)').run(
        id,
        name,
        `${name} consent`,
        texts.at(-1),
        texts.length,
      );
      texts.forEach((text, index) =>
        db
          .prepare('INSERT INTO consent_versions (consent_id, version, display_text, published_at) VALUES (?, ?, ?, ?)')
          .run(id, index + 1, text, now - (texts.length - index) * 120 * DAY),
      );
    }
    for (const [id, name, brandName, color] of config.brands) {
      db.prepare(
        'INSERT INTO brands (id, name, brand_name, primary_color, background_color, support_text) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, name, brandName, color, '#ffffff', `Questions? Contact ${brandName} support.`);
    }
    for (const [id, name, sender, display] of config.notificationPolicies) {
      db.prepare('INSERT INTO notification_policies (id, name, sender, sender_display_name) VALUES (?, ?, ?, ?)').run(
        id,
        name,
        sender,
        display,
      );
    }
    for (const [id, store, name, type, brand, policy, clients] of config.applications) {
      db.prepare(
        'INSERT INTO applications (id, store, name, description, type, brand_id, notification_policy_id, identity_proofing_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, store, name, `${name} (${type})`, type, brand, policy, 'document-check');
      for (const [clientId, clientName, clientType] of clients) {
        db.prepare(
          'INSERT INTO clients (id, application_id, name, type, oauth2_client_id, login_url) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(clientId, id, clientName, clientType, `${clientId}-oidc`, `https://${id}.sandbox.example/login`);
      }
    }
    for (const [application, organization, brand, policy] of config.organizationPolicies) {
      db.prepare(
        'INSERT INTO application_organization_policies (application_id, organization_id, brand_id, notification_policy_id) VALUES (?, ?, ?, ?)',
      ).run(application, organization, brand, policy);
    }
  })();
}

function seedAccounts(db: Db, rng: Prng, options: SeedOptions, now: number): SeedSummary {
  const statements: Statements = {
    account: db.prepare(
      `INSERT INTO accounts (id, store, username, email, email_domain_rev, email_verified, phone, phone_verified, display_name, enabled, organization, language,
         created_at, updated_at, disabled_at, last_login_at, last_login_ip, last_login_location, last_auth_at, last_auth_ip, number_of_logins, password_hash,
         failed_password_attempts, locks, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    attributeValue: db.prepare(
      'INSERT INTO account_attribute_values (account_id, store, path, value, account_created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    group: db.prepare(
      'INSERT OR IGNORE INTO account_groups (account_id, group_id, account_created_at) VALUES (?, ?, ?)',
    ),
    role: db.prepare(
      'INSERT OR IGNORE INTO account_roles (account_id, organization_id, role_id, account_created_at) VALUES (?, ?, ?, ?)',
    ),
    authenticator: db.prepare(
      'INSERT INTO authenticators (id, account_id, type, sub_type, target, methods, public_metadata, secret, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    session: db.prepare(
      'INSERT INTO sessions (id, account_id, token_hash, device_string, user_agent, last_ip, location, last_login_at, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)',
    ),
    identity: db.prepare(
      'INSERT INTO external_identities (id, account_id, provider, external_id, display, metadata, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    consent: db.prepare(
      'INSERT INTO account_consents (id, account_id, consent_id, consent_version, opt_in, opt_out) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    proofing: db.prepare(
      'INSERT INTO account_proofings (id, account_id, policy_id, attempts, proofed_at, invalidated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    event: db.prepare(INSERT_EVENT),
    notification: db.prepare(
      `INSERT INTO notifications (id, store, account_id, account_event_id, channel, target, template_id, template_name, notification_policy_id, brand_id,
         application_id, client_id, rule, success, timestamp, valid_until, message, message_plain_text, invitation_id)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'application', 1, ?, ?, ?, ?, ?)`,
    ),
    activation: db.prepare(
      'INSERT INTO activations (token_hash, account_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    invitation: db.prepare(
      `INSERT INTO invitations (id, store, account_id, client_id, email, organization, language, metadata, groups, roles, sent_at, valid_until, token_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    story: db.prepare('INSERT INTO seed_stories (archetype, account_id, position) VALUES (?, ?, ?)'),
  };
  const total = options.accounts;
  // A large seed builds the secondary indexes once at the end (sorted bulk builds beat a million B-tree
  // inserts) and skips fsyncs: a seed that dies half way is started again from scratch anyway.
  const bulk = total >= 50_000;
  const story: StoryContext = {
    rng,
    ids: new OrderedIds(rng.uuid().replace(/-/g, '')),
    now,
    statements,
    passwordHash: hashPassword(SEED_PASSWORD, Buffer.from('deskside-seed-salt')),
    indexedAttributes: new Map(
      config.stores.map((store) => [
        store.name,
        store.attributes.filter(
          (attribute: AttributeDefinition) => attribute.indexing && attribute.indexing !== 'none',
        ),
      ]),
    ),
    short: bulk,
  };
  const batch = 5_000;
  const deferred = bulk ? dropSecondaryIndexes(db) : [];
  if (bulk) db.pragma('synchronous = OFF');
  let events = 0;
  const hostile: string[] = [];
  const stories = Object.fromEntries(archetypes.map(([id]) => [id, 0])) as Record<Archetype, number>;
  for (let start = 0; start < total; start += batch) {
    db.transaction(() => {
      for (let index = start; index < Math.min(total, start + batch); index++) {
        const written = writeStory(story, index);
        events += written.events;
        stories[written.archetype]++;
        if (written.hostile) hostile.push(written.id);
      }
    })();
    options.onProgress?.(Math.min(total, start + batch), total);
  }
  for (const sql of deferred) db.exec(sql);
  if (bulk) db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
  return {
    accounts: total,
    events,
    hostileAccounts: hostile,
    stories,
    shortened: bulk
      ? 'Large seed: each account keeps at most its two latest sign-ins as events (login counts still cover every sign-in).'
      : null,
  };
}

const bulkTables = [
  'accounts',
  'account_attribute_values',
  'account_groups',
  'account_roles',
  'authenticators',
  'sessions',
  'external_identities',
  'account_consents',
  'account_proofings',
  'events',
  'notifications',
];

/** Drops the secondary indexes of the tables a seed fills and returns the statements that recreate them. */
function dropSecondaryIndexes(db: Db): string[] {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bulkTables.map(() => '?').join(',')})`,
    )
    .all(...bulkTables) as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  return indexes.map((index) => index.sql);
}

/** The seeded example accounts of each kind of story, first ones first (`--list-stories`). */
export function storyExamples(
  db: Db,
  perArchetype = 3,
): Array<{ archetype: Archetype; title: string; accounts: Array<{ id: string; store: string }> }> {
  const find = db.prepare(
    'SELECT s.account_id AS id, a.store AS store FROM seed_stories s JOIN accounts a ON a.id = s.account_id WHERE s.archetype = ? ORDER BY s.position LIMIT ?',
  );
  return archetypes.map(([archetype, title]) => ({
    archetype,
    title,
    accounts: find.all(archetype, perArchetype) as Array<{ id: string; store: string }>,
  }));
}

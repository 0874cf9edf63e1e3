import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database';
import { attributeKey, type AttributeDefinition } from '../domain/attributes';
import { placeAt, placeCount } from '../domain/geo';
import { reverseDomain } from '../domain/ids';
import { hashPassword } from '../domain/passwords';
import { describeDevice } from '../domain/user-agent';
import * as config from './configuration';
import {
  consumerDomains,
  cities,
  countries,
  familyNames,
  givenNames,
  hostileValues,
  interests,
  ipPrefixes,
  streets,
  userAgents,
} from './data';
import { Prng } from './prng';

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
      'INSERT INTO identity_stores (name, description, password_policy, max_failed_logins, activation_required, position) VALUES (?, ?, ?, ?, ?, ?)',
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
          .run(groupId(store, name), store, name, `${name} of ${store}`),
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

export const groupId = (store: string, name: string) =>
  `${store}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, '');

type Statement = Database.Statement<unknown[]>;
type Statements = Record<
  | 'account'
  | 'attributeValue'
  | 'group'
  | 'role'
  | 'authenticator'
  | 'session'
  | 'identity'
  | 'consent'
  | 'proofing'
  | 'event'
  | 'notification',
  Statement
>;

function seedAccounts(db: Db, rng: Prng, options: SeedOptions, now: number): SeedSummary {
  const passwordHash = hashPassword(SEED_PASSWORD, Buffer.from('deskside-seed-salt'));
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
    event: db.prepare(
      'INSERT INTO events (id, store, account_id, type, labels, start_ts, end_ts, actor_ip, login_session_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    notification: db.prepare(
      `INSERT INTO notifications (id, store, account_id, account_event_id, channel, target, template_id, template_name, notification_policy_id, brand_id, application_id, client_id, rule, success, timestamp, valid_until, message, message_plain_text)
       VALUES (?, ?, ?, ?, 'email', ?, 'passwordReset', 'Password reset', ?, ?, ?, ?, 'application', 1, ?, ?, ?, ?)`,
    ),
  };
  const attributesByStore = new Map(
    config.stores.map((store) => [
      store.name,
      store.attributes.filter((attribute: AttributeDefinition) => attribute.indexing && attribute.indexing !== 'none'),
    ]),
  );
  // Months of activity for a demo-sized platform; a handful of events each for the million-account benchmarks.
  const maxEvents = options.accounts > 50_000 ? 3 : 24;
  const total = options.accounts;
  const batch = 5_000;
  // A large seed builds the secondary indexes once at the end (sorted bulk builds beat a million B-tree
  // inserts) and skips fsyncs: a seed that dies half way is started again from scratch anyway.
  const bulk = total >= 50_000;
  const deferred = bulk ? dropSecondaryIndexes(db) : [];
  if (bulk) db.pragma('synchronous = OFF');
  let events = 0;
  const hostile: string[] = [];
  for (let start = 0; start < total; start += batch) {
    db.transaction(() => {
      for (let index = start; index < Math.min(total, start + batch); index++) {
        const generated = generateAccount(rng, index, now, statements, passwordHash, attributesByStore, maxEvents);
        events += generated.events;
        if (generated.hostile) hostile.push(generated.id);
      }
    })();
    options.onProgress?.(Math.min(total, start + batch), total);
  }
  for (const sql of deferred) db.exec(sql);
  if (bulk) db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
  return { accounts: total, events, hostileAccounts: hostile };
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

const hostileKeys = Object.keys(hostileValues) as Array<keyof typeof hostileValues>;

function generateAccount(
  rng: Prng,
  index: number,
  now: number,
  s: Statements,
  passwordHash: string,
  indexedAttributes: Map<string, AttributeDefinition[]>,
  maxEvents: number,
): { id: string; events: number; hostile: boolean } {
  const id = rng.uuid();
  // The first accounts of the consumer store carry hostile values, so every screen meets them early.
  const hostileKey = index < hostileKeys.length ? hostileKeys[index]! : null;
  const store = hostileKey
    ? 'consumers'
    : rng.weighted<'consumers' | 'business' | 'partners'>([
        ['consumers', 60],
        ['business', 30],
        ['partners', 10],
      ]);
  const given = hostileKey ? hostileValues[hostileKey] : rng.pick(givenNames);
  const family = hostileKey ? `${hostileKey}` : rng.pick(familyNames);
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase() || 'user';
  const createdAt = now - rng.int(1, 3 * 365) * DAY - rng.int(0, DAY);
  /** A moment some time after the account was created, never in the future. */
  const after = (offset: number) => Math.min(createdAt + offset, now);
  const neverLoggedIn = rng.chance(0.12);
  const lastLoginAt = neverLoggedIn
    ? null
    : Math.min(
        now - rng.int(0, 60) * 60_000,
        createdAt + rng.int(0, Math.max(1, Math.floor((now - createdAt) / DAY))) * DAY,
      );
  const enabled = !rng.chance(0.06);
  const disabledAt = enabled ? null : (lastLoginAt ?? createdAt) + rng.int(1, 20) * DAY;
  const ip = `${rng.pick(ipPrefixes)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
  const place = placeAt(rng.int(0, placeCount - 1));

  let organization: string | null = null;
  let username: string | null = null;
  let email: string;
  let phone: string | null = rng.chance(0.4)
    ? `+${rng.pick(['36', '1', '44', '49', '33', '81'])}${rng.int(100000000, 999999999)}`
    : null;
  const metadata: Record<string, unknown> = { name: { givenName: given, familyName: family } };
  const number = String(index).padStart(7, '0');
  if (store === 'consumers') {
    email = hostileKey
      ? `hostile.${hostileKey.toLowerCase()}@example.com`
      : `${slug(given)}.${slug(family)}${index}@${rng.weighted(consumerDomains)}`;
    Object.assign(metadata, {
      customerNumber: `C-${number}`,
      loyaltyTier: rng.weighted([
        ['bronze', 50],
        ['silver', 30],
        ['gold', 15],
        ['platinum', 5],
      ] as const),
      birthDate: `${rng.int(1950, 2006)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      preferredLanguage: rng.pick(['en', 'hu', 'de', 'fr', 'es', 'ja']),
      newsletter: rng.chance(0.4),
      interests: interests.filter(() => rng.chance(0.25)),
      addresses: rng.chance(0.7)
        ? [
            {
              street: `${rng.int(1, 200)} ${rng.pick(streets)}`,
              city: rng.pick(cities),
              postalCode: String(rng.int(1000, 99999)),
              country: rng.pick(countries),
            },
          ]
        : [],
    });
    if (phone) metadata.contactPhone = phone;
    if (hostileKey)
      Object.assign(metadata, {
        fraudScore: hostileValues[hostileKey],
        interests: [hostileValues[hostileKey]],
        addresses: [{ street: hostileValues[hostileKey], city: 'Budapest', country: 'HU' }],
      });
  } else if (store === 'business') {
    organization = rng.weighted([
      ['acme', 20],
      ['acme-europe', 20],
      ['acme-americas', 15],
      ['globex', 15],
      ['globex-labs', 5],
      ['initech', 15],
      ['umbrella', 10],
      [null, 5],
    ] as const);
    const domain = organization ? `${organization.split('-')[0]}.example` : 'freelance.example';
    username = `${slug(given)}.${slug(family)}.${index}`;
    email = `${slug(given)}.${slug(family)}${index}@${domain}`;
    Object.assign(metadata, {
      employeeId: `E${number}`,
      department: rng.pick(['sales', 'engineering', 'finance', 'support', 'hr', 'legal']),
      costCenter: `CC-${rng.int(1000, 1099)}`,
      startDate: new Date(createdAt).toISOString().slice(0, 10),
      jobTitle: rng.pick([
        'Engineer',
        'Account executive',
        'Analyst',
        'Support specialist',
        'Recruiter',
        'Counsel',
        'Team lead',
      ]),
      contractor: rng.chance(0.1),
      secondaryEmails: rng.chance(0.2) ? [`${slug(given)}${index}@personal.example`] : [],
    });
    if (phone) metadata.workPhone = phone;
  } else {
    organization = rng.weighted([
      ['north-partners', 45],
      ['south-partners', 45],
      [null, 10],
    ] as const);
    username = `partner${index}`;
    email = `${slug(given)}${index}@${rng.pick(['resell.example', 'integrate.example', 'channel.example'])}`;
    Object.assign(metadata, {
      companyName: rng.pick(['Northwind Traders', 'Contoso Resellers', 'Fabrikam Integrations', 'Tailspin Partners']),
      partnerLevel: rng.weighted([
        ['registered', 60],
        ['silver', 30],
        ['gold', 10],
      ] as const),
      regions: ['emea', 'amer', 'apac'].filter(() => rng.chance(0.4)),
      contactPhones: phone ? [phone] : [],
      certifiedOn: rng.chance(0.5) ? [new Date(createdAt + 30 * DAY).toISOString().slice(0, 10)] : [],
      acceptedResellerTerms: rng.chance(0.9),
    });
  }
  if (!phone) phone = null;
  const emailVerified = !rng.chance(0.15);
  const locked = rng.chance(0.03);
  const locks = locked ? { _password: { until: rng.chance(0.5) ? null : now + rng.int(1, 14) * 60_000 } } : {};
  const failed = locked ? rng.int(3, 10) : rng.chance(0.1) ? rng.int(1, 2) : 0;
  const logins = neverLoggedIn ? 0 : rng.int(1, 400);
  const displayName = `${given} ${family}`;
  s.account.run(
    id,
    store,
    username,
    email,
    reverseDomain(email),
    emailVerified ? 1 : 0,
    phone,
    phone && rng.chance(0.8) ? 1 : 0,
    displayName,
    enabled ? 1 : 0,
    organization,
    rng.pick(['en-US', 'en-GB', 'hu-HU', 'de-DE', 'fr-FR', 'ja-JP']),
    createdAt,
    Math.max(createdAt, lastLoginAt ?? createdAt),
    disabledAt,
    lastLoginAt,
    lastLoginAt ? ip : null,
    lastLoginAt ? JSON.stringify(place) : null,
    lastLoginAt,
    lastLoginAt ? ip : null,
    logins,
    passwordHash,
    failed,
    JSON.stringify(locks),
    JSON.stringify(metadata),
  );
  for (const attribute of indexedAttributes.get(store) ?? []) {
    const key = attributeKey(attribute);
    const value = key
      .split('.')
      .reduce<unknown>((current, part) => (current as Record<string, unknown> | undefined)?.[part], metadata);
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string') s.attributeValue.run(id, store, key, item, createdAt);
  }

  // Memberships
  for (const name of config.groups[store]!)
    if (rng.chance(store === 'business' && name === 'All staff' ? 0.9 : 0.15))
      s.group.run(id, groupId(store, name), createdAt);
  if (organization) {
    const storeRoles = config.roles.filter(([, roleStore]) => roleStore === store);
    if (storeRoles.length > 0 && rng.chance(0.7)) s.role.run(id, organization, rng.pick(storeRoles)[0], createdAt);
    if (storeRoles.length > 1 && rng.chance(0.15)) s.role.run(id, organization, rng.pick(storeRoles)[0], createdAt);
  }

  // Authenticators: password, email, and a mix of the stronger kinds.
  const authenticator = (
    type: string,
    target: string | null,
    methods: string[],
    secret: string | null = null,
    subType: string | null = null,
  ) =>
    s.authenticator.run(
      rng.uuid(),
      id,
      type,
      subType,
      target,
      JSON.stringify(methods),
      '{}',
      secret,
      after(rng.int(0, 30) * DAY),
      lastLoginAt && rng.chance(0.6) ? lastLoginAt : null,
    );
  authenticator('password', null, []);
  authenticator('email', email, ['passcode', 'magicLink']);
  if (phone) authenticator('phone', phone, ['passcode', 'voice']);
  if (rng.chance(0.2)) authenticator('softToken', 'Authenticator app', ['passcode'], rng.base32(32));
  if (rng.chance(0.05))
    authenticator(
      'passkey',
      'Passkey',
      ['publicKey'],
      null,
      rng.pick(['iCloud Keychain', 'Google Password Manager', 'Windows Hello']),
    );
  if (rng.chance(0.03)) authenticator('webAuthnSecurityKey', 'YubiKey 5', ['publicKey']);
  if (rng.chance(0.02)) authenticator('webAuthnDeviceBiometrics', 'Touch ID', ['publicKey']);

  // Sessions across browsers and countries
  if (lastLoginAt && enabled) {
    for (let n = rng.int(0, 3); n > 0; n--) {
      const userAgent = rng.pick(userAgents);
      const sessionIp = `${rng.pick(ipPrefixes)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
      const at = lastLoginAt - rng.int(0, 20) * DAY;
      s.session.run(
        rng.uuid(),
        id,
        describeDevice(userAgent),
        userAgent,
        sessionIp,
        JSON.stringify(placeAt(rng.int(0, placeCount - 1))),
        at,
        at,
      );
    }
  }
  if (rng.chance(0.08)) {
    const provider = rng.pick(['Google', 'Microsoft', 'Apple']);
    s.identity.run(
      rng.uuid(),
      id,
      provider,
      `${provider.toLowerCase()}|${rng.int(10 ** 8, 10 ** 9)}`,
      `${given} ${family} (${provider})`,
      JSON.stringify({ email }),
      after(DAY),
    );
  }

  // Consent histories: outdated versions, revocations, current agreements.
  for (const [consentId, , texts] of config.consents) {
    if (!rng.chance(consentId === 'terms-of-service' ? 0.95 : 0.4)) continue;
    const version = rng.int(1, texts.length);
    const optIn = after(rng.int(0, 60) * DAY);
    const revoked = rng.chance(0.15);
    s.consent.run(
      rng.uuid(),
      id,
      consentId,
      version,
      optIn,
      revoked ? Math.min(optIn + rng.int(1, 90) * DAY, now) : null,
    );
  }
  if (rng.chance(0.1)) {
    const invalidated = rng.chance(0.2);
    const proofed = rng.chance(0.7);
    s.proofing.run(
      rng.uuid(),
      id,
      rng.pick(config.proofingPolicies)[0],
      proofed ? rng.int(0, 2) : rng.int(1, 5),
      proofed ? after(2 * DAY) : null,
      invalidated && proofed ? after(40 * DAY) : null,
    );
  }

  // Activity
  let events = 0;
  const userName = username ?? email;
  const application = config.applications.find(
    ([, appStore, , type]) => appStore === store && (organization ? type !== 'personal' : type !== 'organizational'),
  )!;
  const eventCount = neverLoggedIn ? 1 : rng.int(1, maxEvents);
  for (let n = 0; n < eventCount; n++) {
    const at = n === 0 ? createdAt : Math.min(now - 1000, createdAt + Math.floor(rng.next() * (now - createdAt)));
    const name =
      n === 0
        ? 'registration'
        : rng.weighted([
            ['login', 60],
            ['logout', 15],
            ['passwordChange', 4],
            ['consentOptIn', 5],
            ['mfaEnrollment', 4],
            ['identityVerification', 2],
          ] as const);
    const failed = name === 'login' && rng.chance(0.15);
    const userAgent = rng.pick(userAgents);
    const eventIp = `${rng.pick(ipPrefixes)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
    const label = `${failed ? 'failure' : 'success'}:${name}`;
    const type = name === 'consentOptIn' || name === 'mfaEnrollment' ? 'selfService' : 'customerFlow';
    const actor = { accountId: id, userName, ip: eventIp, userAgent, location: placeAt(rng.int(0, placeCount - 1)) };
    const timestamp = new Date(at).toISOString();
    const body = {
      type,
      labels: [label],
      actor,
      actorApplication: { id: application[0], name: application[2] },
      actorClient: { id: application[6][0]![0], name: application[6][0]![1] },
      subject: { accountId: id, store, userName },
      actions: [
        {
          type,
          timestamp,
          actor,
          details: [
            {
              name,
              label,
              type,
              outcome: failed ? 'failure' : 'success',
              timestamp,
              metadata: failed ? { reason: 'invalid_credentials' } : {},
            },
          ],
        },
      ],
    };
    s.event.run(
      rng.uuid(),
      store,
      id,
      type,
      JSON.stringify([label]),
      at,
      at + rng.int(50, 3000),
      eventIp,
      null,
      JSON.stringify(body),
    );
    events++;
  }
  if (rng.chance(0.05) && !organization) {
    const at = now - rng.int(1, 90) * DAY;
    const [appId, , appName, , brand, policy, clients] = application;
    s.notification.run(
      rng.uuid(),
      store,
      id,
      null,
      email,
      policy,
      brand,
      appId,
      clients[0]![0],
      at,
      at + DAY,
      `<p>${appName}: reset your password.</p>`,
      `${appName}: reset your password.`,
    );
  }
  return { id, events, hostile: hostileKey !== null };
}

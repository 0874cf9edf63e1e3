import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { attributeKey, type AttributeDefinition } from '../domain/attributes';
import { eventRecord, type EventInput } from '../domain/events';
import { placeAt, placeCount } from '../domain/geo';
import { reverseDomain } from '../domain/ids';
import { escapeHtml } from '../domain/html';
import { templates } from '../domain/notifications';
import { describeDevice } from '../domain/user-agent';
import * as config from './configuration';
import { consumerDomains, familyNames, givenNames, hostileValues, interests, userAgents } from './data';
import { homeAt, ipIn, phoneNumber, postalCode, type Home } from './places';
import type { Prng } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How long a temporary password lock lasts (as routes/customer.ts locks). */
const TEMPORARY_LOCK_MS = 15 * MINUTE;
const PERMANENT_LOCK_THRESHOLD = 10;

/**
 * The kinds of customer a trainer can find in the seed, in fixed proportions: of every 100 accounts in a row, this
 * many of each (README, "Demo customers").
 */
export const archetypes = [
  ['regular', 'The healthy regular', 56],
  ['occasional', 'The occasional customer: rare sign-ins, most older than the store keeps events', 8],
  ['neverActivated', 'The never-activated registrant: email never confirmed, the activation link pending', 4],
  ['lockedOut', 'The locked-out customer: a run of wrong passwords, the password locked', 4],
  ['disabled', 'The disabled one: who disabled it, when and why', 4],
  ['externalOnly', 'The customer with an external identity only (no password)', 4],
  ['marketingOptOut', 'The one who opted out of marketing', 8],
  ['multiOrg', 'The business user in an organization, with roles in two others', 8],
  ['invited', 'The account with a pending invitation', 4],
] as const;
export type Archetype = (typeof archetypes)[number][0];

const slots: Archetype[] = archetypes.flatMap(([id, , count]) => Array.from({ length: count }, () => id));

/** Which archetype the account at this position tells: a fixed permutation of each run of 100 positions. */
export function archetypeOf(index: number): Archetype {
  return slots[(index * 37 + 11) % 100]!;
}

/** Administrative clients whose changes the seeded accounts' histories record. */
const adminClients = {
  hr: { clientId: 'hr-provisioning', name: 'HR provisioning' },
  supervisor: { clientId: 'deskside-supervisor', name: 'Deskside supervisor' },
  fraud: { clientId: 'fraud-operations', name: 'Fraud operations' },
} as const;
type AdminClient = (typeof adminClients)[keyof typeof adminClients];

const disableReasons: ReadonlyArray<[AdminClient, string]> = [
  [adminClients.fraud, 'Chargeback fraud under review'],
  [adminClients.fraud, 'Account takeover suspected: logins from three countries in an hour'],
  [adminClients.supervisor, 'Requested by the customer on the phone (ticket 48213)'],
  [adminClients.hr, 'Left the company'],
];

export type Statement = Database.Statement<unknown[]>;
export type Statements = Record<
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
  | 'notification'
  | 'activation'
  | 'invitation'
  | 'story',
  Statement
>;

/**
 * Ids in the order rows are written (a run's prefix, then a counter), shaped as the platform's UUIDs: a bulk seed
 * then appends to each primary key's index instead of landing at random in a growing one.
 */
export class OrderedIds {
  private count = 0;
  constructor(private readonly prefix: string) {}

  next(): string {
    const n = (this.count++).toString(16).padStart(15, '0');
    return `${this.prefix.slice(0, 8)}-${n.slice(0, 4)}-4${n.slice(4, 7)}-8${n.slice(7, 10)}-${n.slice(10)}${this.prefix.slice(8, 15)}`;
  }
}

export interface StoryContext {
  rng: Prng;
  /** Every seeded row's id but the accounts' (random, as customers' ids are). */
  ids: OrderedIds;
  now: number;
  statements: Statements;
  passwordHash: string;
  indexedAttributes: Map<string, AttributeDefinition[]>;
  /** Large seeds keep fewer events per account (the seed summary says so). */
  short: boolean;
}

type Store = 'consumers' | 'business' | 'partners';
const storeConfig = (store: Store) => config.stores.find((candidate) => candidate.name === store)!;

function storeOf(rng: Prng, archetype: Archetype): Store {
  switch (archetype) {
    case 'neverActivated':
    case 'externalOnly':
    case 'marketingOptOut':
      return 'consumers';
    case 'multiOrg':
      return 'business';
    case 'invited':
      return rng.weighted<Store>([
        ['business', 60],
        ['partners', 40],
      ]);
    case 'occasional':
      return rng.weighted<Store>([
        ['consumers', 70],
        ['partners', 30],
      ]);
    default:
      return rng.weighted<Store>([
        ['consumers', 55],
        ['business', 30],
        ['partners', 15],
      ]);
  }
}

const businessOrganizations = [
  ['acme', 20],
  ['acme-europe', 20],
  ['acme-americas', 15],
  ['globex', 15],
  ['globex-labs', 5],
  ['initech', 15],
  ['umbrella', 10],
] as const;

function organizationOf(rng: Prng, store: Store, archetype: Archetype): string | null {
  if (store === 'business')
    return archetype === 'multiOrg' || archetype === 'invited' || !rng.chance(0.05)
      ? rng.weighted(businessOrganizations)
      : null;
  if (store === 'partners')
    return archetype === 'invited' || !rng.chance(0.1) ? rng.pick(['north-partners', 'south-partners']) : null;
  return null;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase() || 'user';

/** A moment between two others (inclusive of the first). */
const between = (rng: Prng, from: number, to: number) => from + Math.floor(rng.next() * Math.max(0, to - from));

interface Login {
  at: number;
  sessionId: string;
  place: number;
  ip: string;
  userAgent: string;
  loggedOutAt: number | null;
}

/** What the seed reports of one account. */
export interface WrittenStory {
  id: string;
  archetype: Archetype;
  events: number;
  hostile: boolean;
}

const hostileKeys = Object.keys(hostileValues) as Array<keyof typeof hostileValues>;

/**
 * One seeded account, generated as a story: a timeline from registration (or creation by an administrator, or an
 * invitation) to now, and every field derived from it. Events are kept only within the store's event retention;
 * the login count covers the account's whole life.
 */
export function writeStory(story: StoryContext, index: number): WrittenStory {
  const { rng, now, statements: s } = story;
  const id = rng.uuid();
  const hostileKey = index < hostileKeys.length ? hostileKeys[index]! : null;
  const archetype: Archetype = hostileKey ? 'regular' : archetypeOf(index);
  const store: Store = hostileKey ? 'consumers' : storeOf(rng, archetype);
  const settings = storeConfig(store);
  const retentionStart = now - settings.eventRetentionDays * DAY;
  const organization = organizationOf(rng, store, archetype);
  const home: Home = homeAt(rng.int(0, placeCount - 1));
  const given = hostileKey ? hostileValues[hostileKey] : rng.pick(givenNames);
  const family = hostileKey ? `${hostileKey}` : rng.pick(familyNames);
  const number = String(index).padStart(7, '0');

  // ---- when it began and how often the customer comes
  const ageDays =
    archetype === 'neverActivated'
      ? rng.int(1, 20)
      : archetype === 'invited'
        ? rng.int(1, 5)
        : archetype === 'occasional'
          ? rng.int(400, 3 * 365)
          : rng.int(30, 3 * 365);
  const createdAt = now - ageDays * DAY - rng.int(0, 12 * HOUR);
  const origin: 'registration' | 'adminCreation' | 'invitation' =
    archetype === 'invited' ? 'invitation' : store === 'business' ? 'adminCreation' : 'registration';
  // Disabled lately (so the store still keeps the event that says who did it), a day or more after it began.
  const disabledAt =
    archetype === 'disabled' ? Math.max(createdAt + DAY, now - rng.int(1, 60) * DAY - rng.int(0, DAY)) : null;
  const end = disabledAt ?? now;
  const signsIn = archetype !== 'neverActivated' && archetype !== 'invited';
  const perDay = archetype === 'occasional' ? 1 / rng.int(60, 200) : rng.pick([0.05, 0.15, 0.4, 0.8, 1.5] as const);

  // ---- identifiers
  let username: string | null = null;
  let email: string;
  if (store === 'consumers')
    email = hostileKey
      ? `hostile.${hostileKey.toLowerCase()}@example.com`
      : `${slug(given)}.${slug(family)}${index}@${rng.weighted(consumerDomains)}`;
  else if (store === 'business') {
    const domain = organization ? `${organization.split('-')[0]}.example` : 'freelance.example';
    username = `${slug(given)}.${slug(family)}.${index}`;
    email = `${slug(given)}.${slug(family)}${index}@${domain}`;
  } else {
    username = `partner${index}`;
    email = `${slug(given)}${index}@${rng.pick(['resell.example', 'integrate.example', 'channel.example'])}`;
  }
  const phone = rng.chance(0.4) ? phoneNumber(home.countryCode, index) : null;
  // Verified by following the activation link (stores that ask), by completing registration with a password (those
  // that do not), by the administrator who created the account, or by the identity provider.
  const emailVerified = archetype !== 'neverActivated' && archetype !== 'invited';
  const activatedAt =
    emailVerified && origin === 'registration' && settings.activationRequired && archetype !== 'externalOnly'
      ? createdAt + rng.int(2, 180) * MINUTE
      : null;
  const phoneVerified = phone !== null && signsIn && rng.chance(0.85);
  // A linked login is made by signing in with it: not for a customer who never could.
  const provider =
    archetype === 'externalOnly' || (signsIn && rng.chance(0.06)) ? rng.pick(['Google', 'Microsoft', 'Apple']) : null;
  // Registrants chose a password (the never-activated too); the invited choose one when they accept.
  const hasPassword = archetype !== 'invited' && archetype !== 'externalOnly';

  // ---- the account row's lockout
  const lockFailures =
    archetype === 'lockedOut'
      ? rng.chance(0.3)
        ? PERMANENT_LOCK_THRESHOLD + rng.int(0, 2)
        : settings.maxFailedLogins + rng.int(0, 1)
      : archetype === 'regular' && !hostileKey && signsIn && rng.chance(0.08)
        ? Math.min(settings.maxFailedLogins - 1, rng.int(1, 2))
        : 0;
  // ---- sign-ins: the last one, those the store still keeps events of, and how many in all
  const devices = [rng.pick(userAgents), rng.pick(userAgents)];
  const firstPossible = (activatedAt ?? createdAt) + 5 * MINUTE;
  const logins: Login[] = [];
  let lastLoginAt: number | null = null;
  let numberOfLogins = 0;
  if (signsIn) {
    // Sign-ins end before the account was disabled, and before a run of failures that follows the last one.
    const until = end - (lockFailures > 0 ? (lockFailures * 2 + 15) * MINUTE : MINUTE);
    const gap = (-Math.log(1 - rng.next()) / perDay) * DAY;
    lastLoginAt = Math.min(until, Math.max(firstPossible, Math.floor(until - gap) - rng.int(1, 60) * MINUTE));
    const keptFrom = Math.max(retentionStart, firstPossible);
    const maxKept = story.short ? 2 : 14;
    const expected = Math.round((perDay * Math.max(0, lastLoginAt - keptFrom)) / DAY);
    const kept = lastLoginAt >= retentionStart ? Math.min(maxKept - 1, expected) : -1;
    const times =
      kept < 0 ? [] : [...Array.from({ length: kept }, () => between(rng, keptFrom, lastLoginAt! - HOUR)), lastLoginAt];
    times.sort((a, b) => a - b);
    for (const at of times) {
      const place = rng.chance(0.85) ? home.place : rng.int(0, placeCount - 1);
      const loggedOut = rng.chance(0.3) ? at + rng.int(5, 240) * MINUTE : null;
      logins.push({
        at,
        sessionId: story.ids.next(),
        place,
        ip: ipIn(rng, place),
        userAgent: rng.pick(devices),
        loggedOutAt: loggedOut !== null && loggedOut < end ? loggedOut : null,
      });
    }
    // Every sign-in of the account's life, at its rate: never fewer than the events kept.
    numberOfLogins = Math.max(logins.length, 1, Math.round((perDay * (lastLoginAt - createdAt)) / DAY));
  }

  // A lock is recent (a temporary one still holds); other runs of failures fall any time after the last success.
  const failureStart =
    lockFailures === 0
      ? 0
      : archetype === 'lockedOut'
        ? now - lockFailures * 2 * MINUTE - MINUTE
        : between(rng, lastLoginAt! + 10 * MINUTE, now - lockFailures * 2 * MINUTE - MINUTE);
  const failureTimes = Array.from({ length: lockFailures }, (_, n) => failureStart + n * 2 * MINUTE);
  const lastFailure = failureTimes.at(-1) ?? null;
  const locks =
    archetype === 'lockedOut' && lastFailure !== null
      ? {
          _password: {
            until: lockFailures >= PERMANENT_LOCK_THRESHOLD ? null : lastFailure + TEMPORARY_LOCK_MS,
          },
        }
      : {};

  // ---- profile attributes, agreeing with the home place
  const metadata: Record<string, unknown> = { name: { givenName: given, familyName: family } };
  if (store === 'consumers') {
    Object.assign(metadata, {
      customerNumber: `C-${number}`,
      loyaltyTier: rng.weighted([
        ['bronze', 50],
        ['silver', 30],
        ['gold', 15],
        ['platinum', 5],
      ] as const),
      birthDate: `${rng.int(1950, 2006)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      preferredLanguage: home.country.preferredLanguage,
      newsletter: archetype !== 'marketingOptOut' && rng.chance(0.4),
      interests: interests.filter(() => rng.chance(0.25)),
      addresses: rng.chance(0.7)
        ? [
            {
              street: `${rng.int(1, 200)} ${rng.pick(home.country.streets)}`,
              city: home.city,
              postalCode: postalCode(rng, home.country.postalShape),
              country: home.countryCode,
            },
          ]
        : [],
    });
    if (phone) metadata.contactPhone = phone;
    if (hostileKey)
      Object.assign(metadata, {
        fraudScore: hostileValues[hostileKey],
        interests: [hostileValues[hostileKey]],
        addresses: [{ street: hostileValues[hostileKey], city: home.city, country: home.countryCode }],
      });
  } else if (store === 'business') {
    Object.assign(metadata, {
      employeeId: `E${number}`,
      department: rng.pick(['sales', 'engineering', 'finance', 'support', 'hr', 'legal']),
      costCenter: `CC-${rng.int(1000, 1099)}`,
      startDate: new Date(createdAt).toISOString().slice(0, 10),
      jobTitle: rng.pick(['Engineer', 'Account executive', 'Analyst', 'Support specialist', 'Recruiter', 'Counsel']),
      contractor: rng.chance(0.1),
      secondaryEmails: rng.chance(0.2) ? [`${slug(given)}${index}@personal.example`] : [],
    });
    if (phone) metadata.workPhone = phone;
  } else {
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

  // ---- events: one writer for all, kept only within the store's retention
  const userName = username ?? email;
  const application = config.applications.find(
    ([, appStore, , type]) => appStore === store && (organization ? type !== 'personal' : type !== 'organizational'),
  )!;
  const [appId, , appName, , , , clients] = application;
  const client = { id: clients[0]![0], name: clients[0]![1] };
  let events = 0;
  let updatedAt = createdAt;
  // The account's row decides nothing the timeline has not: its events and sessions are written after it (a child
  // row before its parent would make SQLite look for it on every account, with the bulk seed's indexes dropped).
  const afterAccount: Array<[Statement, unknown[]]> = [];
  const flush = () => afterAccount.splice(0).forEach(([statement, args]) => statement.run(...args));
  const event = (at: number, input: Omit<EventInput, 'store' | 'accountId' | 'userName'>): string | null => {
    updatedAt = Math.max(updatedAt, Math.min(at, now));
    if (at < retentionStart || at > now) return null;
    const eventId = story.ids.next();
    const full: EventInput = { store, accountId: id, userName, ...input };
    const record = eventRecord(full, at);
    afterAccount.push([
      s.event,
      [
        eventId,
        store,
        id,
        input.type,
        record.labels,
        at,
        at + rng.int(50, 900),
        record.actorIp,
        input.loginSessionId ?? null,
        record.body,
      ],
    ]);
    events++;
    return eventId;
  };
  const customerActor = (place: number, ip: string, userAgent: string) => ({
    accountId: id,
    userName,
    ip,
    userAgent,
    location: placeAt(place),
  });
  const admin = (
    at: number,
    who: AdminClient,
    name: string,
    details: Record<string, unknown>,
    request: { method: string; path: string; code: number },
  ) =>
    event(at, {
      type: 'administrative',
      name,
      outcome: 'success',
      actor: { userName: who.name, ip: '203.0.113.10', userAgent: 'Deskside/0.1' },
      actorClient: { id: who.clientId, name: who.name },
      actorApplication: { id: 'admin-api', name: 'Admin API' },
      metadata: details,
      http: { method: request.method, url: `/admin/api/v1/identityStores/${store}${request.path}`, code: request.code },
    });
  const customerEvent = (
    at: number,
    name: string,
    outcome: 'success' | 'failure',
    where: { place: number; ip: string; userAgent: string },
    extra: Partial<EventInput> = {},
  ) =>
    event(at, {
      type:
        name === 'consentOptIn' || name === 'consentOptOut' || name === 'mfaEnrollment'
          ? 'selfService'
          : 'customerFlow',
      name,
      outcome,
      actor: customerActor(where.place, where.ip, where.userAgent),
      actorApplication: { id: appId, name: appName },
      actorClient: client,
      ...extra,
    });
  const atHome = () => ({ place: home.place, ip: ipIn(rng, home.place), userAgent: devices[0]! });

  // The beginning.
  if (origin === 'registration') {
    customerEvent(createdAt, 'registration', 'success', atHome(), {
      metadata: {
        activationRequired: settings.activationRequired && !provider,
        ...(archetype === 'externalOnly' ? { provider } : {}),
      },
    });
    if (activatedAt) customerEvent(activatedAt, 'accountActivation', 'success', atHome());
  } else if (origin === 'adminCreation') {
    admin(createdAt, adminClients.hr, 'accountCreation', {}, { method: 'POST', path: '/accounts', code: 201 });
  }

  // Sign-ins: a wrong password now and then just before a success, the session, a logout.
  for (const login of logins) {
    const where = { place: login.place, ip: login.ip, userAgent: login.userAgent };
    if (hasPassword && rng.chance(0.1)) {
      const misses = rng.int(1, 2);
      for (let miss = misses; miss > 0; miss--) {
        const at = login.at - miss * rng.int(1, 2) * MINUTE;
        if (at > createdAt)
          customerEvent(at, 'login', 'failure', where, { metadata: { reason: 'invalid_credentials' } });
      }
    }
    customerEvent(login.at, 'login', 'success', where, {
      loginSessionId: login.sessionId,
      ...(archetype === 'externalOnly' ? { metadata: { provider } } : {}),
    });
    if (login.loggedOutAt)
      customerEvent(login.loggedOutAt, 'logout', 'success', where, { loginSessionId: login.sessionId });
    else if (login.at > now - 14 * DAY && disabledAt === null)
      afterAccount.push([
        s.session,
        [
          login.sessionId,
          id,
          describeDevice(login.userAgent),
          login.userAgent,
          login.ip,
          JSON.stringify(placeAt(login.place)),
          login.at,
          login.at,
        ],
      ]);
  }
  // A run of wrong passwords after the last success: the lock where it reached the store's limit.
  const lastPlace = logins.at(-1) ?? { place: home.place, ip: ipIn(rng, home.place), userAgent: devices[0]! };
  failureTimes.forEach((at, n) => {
    customerEvent(at, 'login', 'failure', lastPlace, { metadata: { reason: 'invalid_credentials' } });
    if (archetype === 'lockedOut' && n + 1 === settings.maxFailedLogins)
      event(at, {
        type: 'systemInitiatedOperation',
        name: 'accountLock',
        outcome: 'success',
        metadata: { failedAttempts: n + 1, lock: '_password' },
      });
  });
  // The registrant who never confirmed: tried to sign in, refused until the link is followed.
  if (archetype === 'neverActivated')
    for (let attempt = rng.int(0, 2); attempt > 0; attempt--)
      customerEvent(between(rng, createdAt + HOUR, now), 'login', 'failure', atHome(), {
        metadata: { reason: 'activation_pending' },
      });

  // ---- the account row
  s.account.run(
    id,
    store,
    username,
    email,
    reverseDomain(email),
    emailVerified ? 1 : 0,
    phone,
    phoneVerified ? 1 : 0,
    `${given} ${family}`,
    disabledAt === null ? 1 : 0,
    organization,
    home.country.language,
    createdAt,
    Math.max(updatedAt, disabledAt ?? 0),
    disabledAt,
    lastLoginAt,
    lastLoginAt ? (logins.at(-1)?.ip ?? ipIn(rng, home.place)) : null,
    lastLoginAt ? JSON.stringify(placeAt(logins.at(-1)?.place ?? home.place)) : null,
    lastLoginAt,
    lastLoginAt ? (logins.at(-1)?.ip ?? null) : null,
    numberOfLogins,
    hasPassword ? story.passwordHash : null,
    lockFailures,
    JSON.stringify(locks),
    JSON.stringify(metadata),
  );
  flush();
  for (const attribute of story.indexedAttributes.get(store) ?? []) {
    const key = attributeKey(attribute);
    const value = key
      .split('.')
      .reduce<unknown>((current, part) => (current as Record<string, unknown> | undefined)?.[part], metadata);
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string') s.attributeValue.run(id, store, key, item, createdAt);
  }

  // ---- memberships, each an administrative change by a named client
  const groupNames = config.groups[store]!.filter((name) =>
    rng.chance(store === 'business' && name === 'All staff' ? 0.9 : 0.12),
  );
  if (groupNames.length > 0) {
    const at = origin === 'registration' ? between(rng, createdAt + DAY, end) : createdAt + MINUTE;
    for (const name of groupNames) s.group.run(id, config.groupId(store, name), createdAt);
    admin(
      at,
      store === 'business' ? adminClients.hr : adminClients.supervisor,
      'groupAssign',
      { groups: groupNames },
      {
        method: 'POST',
        path: `/accounts/${id}/groups`,
        code: 204,
      },
    );
  }
  if (organization) {
    const storeRoles = config.roles.filter(([, roleStore]) => roleStore === store).map(([roleId]) => roleId);
    const grant = (org: string, roleId: string, at: number) => {
      s.role.run(id, org, roleId, createdAt);
      admin(
        at,
        adminClients.hr,
        'roleAssign',
        { organization: org, roles: [roleId] },
        {
          method: 'POST',
          path: `/accounts/${id}/roles`,
          code: 204,
        },
      );
    };
    if (storeRoles.length > 0 && (archetype === 'multiOrg' || rng.chance(0.7)))
      grant(organization, rng.pick(storeRoles), createdAt + 2 * MINUTE);
    if (archetype === 'multiOrg') {
      const others = businessOrganizations.map(([org]) => org).filter((org) => org !== organization);
      const first = rng.pick(others);
      const second = rng.pick(others.filter((org) => org !== first));
      grant(first, rng.pick(storeRoles), between(rng, createdAt + DAY, end));
      grant(second, rng.pick(storeRoles), between(rng, createdAt + DAY, end));
    }
  }

  // ---- authenticators: enrolled at registration or later, last used at a sign-in after that
  const authenticator = (
    type: string,
    target: string | null,
    methods: string[],
    createdOn: number,
    secret: string | null = null,
    subType: string | null = null,
  ) =>
    s.authenticator.run(
      story.ids.next(),
      id,
      type,
      subType,
      target,
      JSON.stringify(methods),
      '{}',
      secret,
      createdOn,
      lastLoginAt !== null && lastLoginAt >= createdOn && type !== 'email' && type !== 'phone' ? lastLoginAt : null,
    );
  if (hasPassword) authenticator('password', null, [], createdAt);
  if (archetype !== 'externalOnly' && archetype !== 'invited')
    authenticator('email', email, ['passcode', 'magicLink'], createdAt);
  if (phone && phoneVerified && archetype !== 'externalOnly')
    authenticator('phone', phone, ['passcode', 'voice'], between(rng, createdAt, end));
  if (hasPassword && lastLoginAt !== null) {
    const enroll = (type: string, target: string, methods: string[], secret: string | null, subType: string | null) => {
      const at = between(rng, createdAt, lastLoginAt!);
      authenticator(type, target, methods, at, secret, subType);
      customerEvent(at, 'mfaEnrollment', 'success', atHome(), { metadata: { type } });
    };
    if (rng.chance(0.15)) enroll('softToken', 'Authenticator app', ['passcode'], rng.base32(32), null);
    if (rng.chance(0.05))
      enroll(
        'passkey',
        'Passkey',
        ['publicKey'],
        null,
        rng.pick(['iCloud Keychain', 'Google Password Manager', 'Windows Hello']),
      );
    if (rng.chance(0.03)) enroll('webAuthnSecurityKey', 'YubiKey 5', ['publicKey'], null, null);
    if (rng.chance(0.02)) enroll('webAuthnDeviceBiometrics', 'Touch ID', ['publicKey'], null, null);
  }
  if (provider)
    s.identity.run(
      story.ids.next(),
      id,
      provider,
      `${provider.toLowerCase()}|${100_000_000 + index}`,
      `${given} ${family} (${provider})`,
      JSON.stringify({ email }),
      archetype === 'externalOnly' ? createdAt : between(rng, createdAt, end),
    );

  // ---- consents: agreed at registration to the version of the day, agreed again to newer ones, or opted out
  if (origin !== 'invitation') {
    for (const [consentId, , texts] of config.consents) {
      const wanted =
        consentId === 'terms-of-service'
          ? 0.97
          : consentId === 'marketing-email'
            ? archetype === 'marketingOptOut'
              ? 1
              : 0.4
            : consentId === 'partner-sharing'
              ? 0.2
              : 0;
      if (!rng.chance(wanted)) continue;
      const publishedAt = (version: number) => now - (texts.length - version + 1) * 120 * DAY;
      let version = 1;
      while (version < texts.length && publishedAt(version + 1) <= createdAt) version++;
      // Each agreement a row; an agreement to a newer version ends the older one (as the platform records it).
      const rows: Array<{ version: number; optIn: number; optOut: number | null }> = [
        { version, optIn: createdAt, optOut: null },
      ];
      while (
        version < texts.length &&
        lastLoginAt !== null &&
        publishedAt(version + 1) < lastLoginAt &&
        rng.chance(0.7)
      ) {
        version++;
        const agreedAt = between(rng, Math.max(publishedAt(version), rows.at(-1)!.optIn), lastLoginAt);
        rows.at(-1)!.optOut = agreedAt;
        rows.push({ version, optIn: agreedAt, optOut: null });
        customerEvent(agreedAt, 'consentOptIn', 'success', atHome(), { metadata: { consentId, version } });
      }
      if (consentId === 'marketing-email' && archetype === 'marketingOptOut') {
        const optOut = Math.min(Math.max(rows.at(-1)!.optIn + DAY, now - rng.int(1, 60) * DAY), now - MINUTE);
        rows.at(-1)!.optOut = optOut;
        customerEvent(optOut, 'consentOptOut', 'success', atHome(), { metadata: { consentId, version } });
      }
      for (const row of rows) s.consent.run(story.ids.next(), id, consentId, row.version, row.optIn, row.optOut);
    }
  }

  // ---- identity verification where the store asks for it (the consumer store's shops)
  if (store === 'consumers' && signsIn && lastLoginAt !== null && rng.chance(0.1)) {
    const [policy, policyName, , steps] = rng.pick(config.proofingPolicies);
    const attempts = rng.int(1, 3);
    const proofed = rng.chance(0.75);
    let at = between(rng, createdAt + HOUR, lastLoginAt);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const success = proofed && attempt === attempts;
      customerEvent(at, 'identityVerification', success ? 'success' : 'failure', atHome(), {
        metadata: { policyId: policy, policyName, ...(success ? {} : { failedStep: rng.pick(steps) }) },
      });
      if (!success && attempt < attempts) at += rng.int(10, 120) * MINUTE;
    }
    s.proofing.run(story.ids.next(), id, policy, proofed ? attempts - 1 : attempts, proofed ? at : null, null);
  }

  // ---- who disabled it and why
  if (disabledAt !== null) {
    const [who, reason] = rng.pick(disableReasons);
    admin(
      disabledAt,
      who,
      'accountDisable',
      { reason },
      { method: 'POST', path: `/accounts/${id}/disable`, code: 200 },
    );
  }

  // ---- the pending steps: an activation link never followed, an invitation not accepted
  if (archetype === 'neverActivated') {
    const token = rng.base32(40);
    s.activation.run(hash(token), id, email, createdAt, createdAt + 7 * DAY);
    notify(s, story.ids, {
      id,
      store,
      email,
      at: createdAt,
      template: 'accountActivation',
      application,
      validUntil: createdAt + 7 * DAY,
      details: `Confirm your email address within 7 days: /sandbox/customer/activate/${token}`,
    });
  }
  if (archetype === 'invited') {
    const invitationId = story.ids.next();
    const token = rng.base32(40);
    const inviter = store === 'business' ? adminClients.hr : adminClients.supervisor;
    const inviteClient = clients[0]![0];
    s.invitation.run(
      invitationId,
      store,
      id,
      inviteClient,
      email,
      organization,
      home.country.language,
      JSON.stringify({ name: metadata.name }),
      '[]',
      '[]',
      createdAt,
      createdAt + 7 * DAY,
      hash(token),
    );
    admin(
      createdAt,
      inviter,
      'accountInvitation',
      { invitationId, clientId: inviteClient },
      {
        method: 'POST',
        path: '/invite',
        code: 201,
      },
    );
    notify(s, story.ids, {
      id,
      store,
      email,
      at: createdAt,
      template: 'accountInvitation',
      application,
      validUntil: createdAt + 7 * DAY,
      details: `You are invited. Accept within 7 days: /sandbox/customer/invitation/${token}`,
      invitationId,
    });
  } else if (emailVerified && signsIn && rng.chance(0.05)) {
    const at = Math.max(createdAt + DAY, now - rng.int(1, 80) * DAY);
    if (at < end)
      notify(s, story.ids, {
        id,
        store,
        email,
        at,
        template: 'passwordReset',
        application,
        validUntil: at + DAY,
        details: 'Reset your password within 24 hours.',
      });
  }
  flush();
  // Examples for `--list-stories`: the first accounts of each kind (not the hostile ones).
  if (index < 2_000 && !hostileKey) s.story.run(archetype, id, index);
  return { id, archetype, events, hostile: hostileKey !== null };
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A message in the outbox, as the platform writes one (domain/notifications.ts), to the account's email. */
function notify(
  s: Statements,
  ids: OrderedIds,
  message: {
    id: string;
    store: string;
    email: string;
    at: number;
    template: keyof typeof templates;
    application: (typeof config.applications)[number];
    validUntil: number;
    details: string;
    invitationId?: string;
  },
): void {
  const [appId, , appName, , brandId, policyId, clients] = message.application;
  const brand = config.brands.find(([brand]) => brand === brandId)?.[2] ?? appName;
  const plain = `${brand}: ${templates[message.template]}. ${message.details}`;
  s.notification.run(
    ids.next(),
    message.store,
    message.id,
    'email',
    message.email,
    message.template,
    templates[message.template],
    policyId,
    brandId,
    appId,
    clients[0]![0],
    message.at,
    message.validUntil,
    `<p><strong>${escapeHtml(brand)}</strong></p><p>${escapeHtml(templates[message.template])}</p><p>${escapeHtml(message.details)}</p>`,
    plain,
    message.invitationId ?? null,
  );
}

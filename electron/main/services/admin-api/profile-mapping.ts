import { NOT_PROVIDED } from '@shared/domain/profile';
import type { AccountEvent, AccountProfile, EventDetail, GeoLocation, NotificationEntry } from '@shared/domain/profile';
import type { StoreCatalog } from '@shared/domain/profile';
import type { z } from 'zod';
import type { AccountSummary } from '@shared/domain/account';
import type {
  ApiAccount,
  ApiAccountProfile,
  ApiEvent,
  ApiEventHeader,
  ApiIdentity,
  ApiNotificationEvent,
  ApiSession,
} from './schemas';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** An Admin API account as the console's summary. */
export function toSummary(account: ApiAccount, store: string, now = Date.now()): AccountSummary {
  const identities = (account.identities ?? {}) as Record<string, unknown>;
  const email = identities.email as { id?: unknown; verified?: unknown } | undefined;
  const local = identities.local as { id?: unknown } | undefined;
  const phone = identities.phone as { id?: unknown } | undefined;
  const external = identities.external;
  const name = (account.accountInfo?.name ?? {}) as { givenName?: unknown; familyName?: unknown };
  const fullName = [text(name.givenName), text(name.familyName)].filter(Boolean).join(' ');
  const locks = Object.values(account.accountLockout?.locks ?? {});
  const when = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? value : null);
  return {
    id: account.id,
    store: account.store ?? store,
    displayName: fullName || text(local?.id) || text(email?.id) || text(phone?.id) || account.id,
    username: text(local?.id),
    email: text(email?.id),
    emailVerified: email ? email.verified === true : null,
    phone: text(phone?.id),
    // `enabled` may be left out of a lean answer: an account with a disabling date is taken as disabled.
    enabled: account.enabled ?? !account.disabledAt,
    locked: locks.some((lock) => !lock.until || Date.parse(lock.until) > now),
    externalIdentity: Array.isArray(external)
      ? external.length > 0
      : Object.keys(identities).some((key) => !['local', 'email', 'phone', 'external'].includes(key)),
    organization: account.organization ?? null,
    lastLoginAt: when(account.lastLogin?.time),
    createdAt: when(account.createdAt),
    updatedAt: when(account.updatedAt),
  };
}

type Feature = { properties?: Record<string, string | undefined> } | undefined;

const nameOf = (list: Array<{ id: string; name: string }>, id: string) =>
  list.find((item) => item.id === id)?.name ?? id;
const shown = (value: string | undefined) => (value === undefined || value === '' ? NOT_PROVIDED : value);

export function toLocation(feature: Feature): GeoLocation | null {
  const properties = feature?.properties;
  if (!properties) return null;
  const country = properties.country || null;
  const city = properties.city || null;
  return country || city ? { country, city } : null;
}

function lockState(
  locks: Record<string, { until?: string | null | undefined }>,
  kind: string,
  failedAttempts: number | undefined,
  now: number,
  /** False when the answer had no lockout at all: the state is then unknown, not "unlocked". */
  known = true,
) {
  if (!known) return { locked: null, until: null, failedAttempts: failedAttempts ?? 0 };
  const lock = locks[kind];
  const until = lock?.until ?? null;
  const locked = Boolean(lock) && (until === null || Date.parse(until) > now);
  return { locked, until: locked ? until : null, failedAttempts: failedAttempts ?? 0 };
}

export interface ProfileParts {
  account: ApiAccountProfile;
  sessions: Array<z.infer<typeof ApiSession>>;
  /** `GET .../identities`: flat Local, Email, Phone and External identities; null without the permission. */
  identities: ApiIdentity[] | null;
  events: ApiEventHeader[];
  moreEvents: boolean;
  notifications: ApiNotificationEvent[];
}

/** An Admin API account and its parts as the console's profile, with ids named from the store's catalog. */
export function toProfile(parts: ProfileParts, store: string, catalog: StoreCatalog, now = Date.now()): AccountProfile {
  const { account } = parts;
  const locks = account.accountLockout?.locks ?? {};
  const login = (info: ApiAccountProfile['lastLogin']) =>
    info?.time ? { at: info.time, ip: info.ip ?? null, location: toLocation(info.location) } : null;
  const lockout = account.accountLockout;
  return {
    summary: toSummary(account, store, now),
    language: account.language ?? null,
    disabledAt: account.disabledAt ?? null,
    numberOfLogins: account.numberOfLogins ?? null,
    lastLogin: login(account.lastLogin),
    lastAuthenticationActivity: login(account.lastAuthenticationActivity),
    attributes: account.accountInfo ?? {},
    externalIdentities: externalIdentities(parts.identities ?? [], account).map((identity) => ({
      id: identity.id,
      display: identity.display ?? identity.id,
      provider: typeof identity.metadata?.provider === 'string' ? identity.metadata.provider : null,
    })),
    passwordLock: lockState(
      locks,
      '_password',
      (lockout?.failedPasswordAttemptCount ?? 0) + (lockout?.failedPasswordAttemptCountPermanentLock ?? 0),
      now,
      lockout !== undefined,
    ),
    passcodeLock: lockState(
      locks,
      '_passcode',
      (lockout?.failedPasscodeAttemptCount ?? 0) + (lockout?.failedPasscodeAttemptCountPermanentLock ?? 0),
      now,
      lockout !== undefined,
    ),
    authenticators: (account.authenticators?.methods ?? []).map((method) => ({
      id: method.id,
      type: shown(method.type),
      subType: method.subType ?? null,
      target: method.target ?? null,
      methods: method.methods ?? [],
      createdAt: method.createdAt ?? null,
      lastUsedAt: method.lastUsedAt ?? null,
    })),
    sessions: parts.sessions.map((session) => ({
      id: session.id,
      device: session.deviceString ?? '',
      userAgent: session.userAgent ?? '',
      ip: session.lastIP ?? '',
      location: toLocation(session.location),
      lastLoginAt: session.lastLoginAt ?? null,
    })),
    groups: (account.groups ?? []).map(({ id }) => ({ id, name: nameOf(catalog.groups, id) })),
    roles: (account.roles ?? []).map((role) => ({
      roleId: role.id,
      roleName: nameOf(catalog.roles, role.id),
      organizationId: role.organization,
      organizationName: nameOf(catalog.organizations, role.organization),
    })),
    proofings: (account.accountProofings ?? [])
      .filter((proofing) => !proofing.deleted)
      .map((proofing) => ({
        id: proofing.id,
        policyId: proofing.policyId ?? null,
        policyName: proofing.policyId ? nameOf(catalog.proofingPolicies, proofing.policyId) : NOT_PROVIDED,
        attempts: proofing.attempts ?? 0,
        proofedAt: proofing.proofedAt ?? null,
        invalidatedAt: proofing.invalidatedAt ?? null,
      })),
    consents: (account.consents ?? []).map((consent) => {
      const definition = catalog.consents.find((item) => item.id === consent.consentId);
      const currentVersion = definition?.version ?? null;
      const version = consent.consentVersion ?? null;
      const state = consent.optOut
        ? 'revoked'
        : currentVersion !== null && version !== null && version < currentVersion
          ? 'outdated'
          : 'agreed';
      return {
        id: consent.id,
        consentId: consent.consentId ?? null,
        name: definition?.name ?? consent.consentId ?? NOT_PROVIDED,
        version,
        currentVersion,
        agreedAt: consent.optIn ?? null,
        optedOutAt: consent.optOut ?? null,
        state,
      };
    }),
    notificationPreferences: account.notificationPreferences ?? {},
    events: parts.events.map(toEvent),
    moreEvents: parts.moreEvents,
    notifications: parts.notifications.map((item) => toNotification(item, catalog)),
  };
}

/** The event's outcome, from its `outcome:name` label. */
function outcomeOf(labels: string[] | undefined): { outcome: AccountEvent['outcome']; name: string } {
  const label = labels?.find((item) => /^(success|failure):/.test(item));
  if (!label) return { outcome: 'unknown', name: labels?.[0] ?? '' };
  const [outcome, ...rest] = label.split(':');
  return { outcome: outcome as 'success' | 'failure', name: rest.join(':') };
}

export function toEvent(event: ApiEventHeader): AccountEvent {
  const { outcome, name } = outcomeOf(event.labels);
  const actorKind: AccountEvent['actorKind'] =
    event.type === 'administrative' || event.type === 'bulkOperation'
      ? 'admin'
      : event.type === 'customerFlow' || event.type === 'selfService'
        ? 'customer'
        : 'system';
  return {
    id: event.eventId,
    at: event.startTimestamp ?? null,
    type: shown(event.type),
    name: name || shown(event.type),
    outcome,
    application: event.actorApplication?.name ?? null,
    client: event.actorClient?.name ?? null,
    actorKind,
    actor: event.actor?.userName ?? event.actorClient?.name ?? null,
    ip: event.actor?.ip ?? null,
    location: toLocation(event.actor?.location),
    userAgent: event.actor?.userAgent ?? null,
  };
}

export function toEventDetail(event: z.infer<typeof ApiEvent>): EventDetail {
  return {
    ...toEvent(event),
    actions: (event.actions ?? []).map((action) => ({
      type: shown(action.type),
      at: action.timestamp ?? null,
      details: (action.details ?? []).map((detail) => ({
        name: shown(detail.name),
        outcome: detail.outcome ?? null,
        at: detail.timestamp ?? null,
        metadata: detail.metadata ?? {},
      })),
      http: action.http
        ? {
            method: shown(action.http.request?.method),
            url: shown(action.http.request?.url),
            status: action.http.response?.code ?? null,
          }
        : null,
      notifications: (action.notifications ?? []).map(({ id, target }) => ({ id, target: shown(target) })),
    })),
  };
}

export function toNotification(item: ApiNotificationEvent, catalog: StoreCatalog): NotificationEntry {
  return {
    id: item.id,
    at: item.timestamp ?? null,
    template: shown(item.notificationTemplate?.displayName ?? item.notificationTemplate?.id),
    channel: shown(item.channel),
    target: shown(item.target),
    success: item.success ?? null,
    policyId: item.notificationPolicyId ?? null,
    policyName: item.notificationPolicyId ? nameOf(catalog.notificationPolicies, item.notificationPolicyId) : null,
    policySource: item.policySource ?? null,
    clientName: item.clientId ? nameOf(catalog.clients, item.clientId) : null,
    eventId: item.accountEventId ?? null,
  };
}

/**
 * The external (social or enterprise) identities among `GET .../identities`: Local and External share one shape,
 * so the local one is told apart by the account's username, email and phone by their own fields.
 */
function externalIdentities(identities: ApiIdentity[], account: ApiAccountProfile): ApiIdentity[] {
  const own = account.identities ?? {};
  const idOf = (key: string) => (own[key] as { id?: unknown } | undefined)?.id;
  const local = [idOf('local'), idOf('email'), idOf('phone')].filter((id): id is string => typeof id === 'string');
  return identities.filter((identity) => identity.verified === undefined && !local.includes(identity.id));
}

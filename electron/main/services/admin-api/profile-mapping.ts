import type { AccountEvent, AccountProfile, EventDetail, GeoLocation, NotificationEntry } from '@shared/domain/profile';
import type { StoreCatalog } from '@shared/domain/profile';
import type { z } from 'zod';
import { toSummary } from './admin-api-platform';
import type {
  ApiAccountProfile,
  ApiEvent,
  ApiEventHeader,
  ApiIdentities,
  ApiNotificationEvent,
  ApiSession,
} from './schemas';

type Feature = { properties?: Record<string, string | undefined> } | undefined;

const nameOf = (list: Array<{ id: string; name: string }>, id: string) =>
  list.find((item) => item.id === id)?.name ?? id;

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
) {
  const lock = locks[kind];
  const until = lock?.until ?? null;
  const locked = Boolean(lock) && (until === null || Date.parse(until) > now);
  return { locked, until: locked ? until : null, failedAttempts: failedAttempts ?? 0 };
}

export interface ProfileParts {
  account: ApiAccountProfile;
  sessions: Array<z.infer<typeof ApiSession>>;
  identities: z.infer<typeof ApiIdentities> | null;
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
  return {
    summary: toSummary(account, store, now),
    language: account.language ?? null,
    disabledAt: account.disabledAt ?? null,
    numberOfLogins: account.numberOfLogins ?? 0,
    lastLogin: login(account.lastLogin),
    lastAuthenticationActivity: login(account.lastAuthenticationActivity),
    attributes: account.accountInfo ?? {},
    externalIdentities: (parts.identities?.external ?? []).map((identity) => ({
      id: identity.id,
      display: identity.display,
      provider: typeof identity.metadata?.provider === 'string' ? identity.metadata.provider : null,
    })),
    passwordLock: lockState(locks, '_password', account.accountLockout?.failedPasswordAttemptCount, now),
    passcodeLock: lockState(locks, '_passcode', account.accountLockout?.failedPasscodeAttemptCount, now),
    authenticators: (account.authenticators?.methods ?? []).map((method) => ({
      id: method.id,
      type: method.type,
      subType: method.subType ?? null,
      target: method.target ?? null,
      methods: method.methods ?? [],
      createdAt: method.createdAt,
      lastUsedAt: method.lastUsedAt ?? null,
    })),
    sessions: parts.sessions.map((session) => ({
      id: session.id,
      device: session.deviceString ?? '',
      userAgent: session.userAgent ?? '',
      ip: session.lastIP ?? '',
      location: toLocation(session.location),
      lastLoginAt: session.lastLoginAt,
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
        policyId: proofing.policyId,
        policyName: nameOf(catalog.proofingPolicies, proofing.policyId),
        attempts: proofing.attempts,
        proofedAt: proofing.proofedAt ?? null,
        invalidatedAt: proofing.invalidatedAt ?? null,
      })),
    consents: (account.consents ?? []).map((consent) => {
      const definition = catalog.consents.find((item) => item.id === consent.consentId);
      const currentVersion = definition?.version ?? null;
      const state = consent.optOut
        ? 'revoked'
        : currentVersion !== null && consent.consentVersion < currentVersion
          ? 'outdated'
          : 'agreed';
      return {
        id: consent.id,
        consentId: consent.consentId,
        name: definition?.name ?? consent.consentId,
        version: consent.consentVersion,
        currentVersion,
        agreedAt: consent.optIn,
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
    at: event.startTimestamp,
    type: event.type,
    name: name || event.type,
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
    actions: event.actions.map((action) => ({
      type: action.type,
      at: action.timestamp,
      details: action.details.map((detail) => ({
        name: detail.name,
        outcome: detail.outcome ?? null,
        at: detail.timestamp,
        metadata: detail.metadata ?? {},
      })),
      http: action.http
        ? { method: action.http.request.method, url: action.http.request.url, status: action.http.response.code }
        : null,
      notifications: (action.notifications ?? []).map(({ id, target }) => ({ id, target })),
    })),
  };
}

export function toNotification(item: ApiNotificationEvent, catalog: StoreCatalog): NotificationEntry {
  return {
    id: item.id,
    at: item.timestamp,
    template: item.notificationTemplate.displayName,
    channel: item.channel,
    target: item.target,
    success: item.success,
    policyId: item.notificationPolicyId ?? null,
    policyName: item.notificationPolicyId ? nameOf(catalog.notificationPolicies, item.notificationPolicyId) : null,
    policySource: item.policySource ?? null,
    clientName: item.clientId ? nameOf(catalog.clients, item.clientId) : null,
    eventId: item.accountEventId ?? null,
  };
}

import { ConsoleAction, type ActionPermission, type AllowedActions } from '@shared/domain/console-actions';
import { NOT_PROVIDED } from '@shared/domain/profile';
import type {
  AccountEvent,
  AccountProfile,
  AuditChange,
  EventDetail,
  GeoLocation,
  NotificationEntry,
} from '@shared/domain/profile';
import type { ConsentState, StoreCatalog } from '@shared/domain/profile';
import type { z } from 'zod';
import type { AccountSummary } from '@shared/domain/account';
import { DesksideError } from '@shared/contracts';
import type { AttributeDefinition } from '@shared/domain/identity-store';
import { loginDateFields, type AccountFilter } from '@shared/domain/search';
import type {
  ApiAuditEntry,
  ApiAttribute,
  ApiChildAttribute,
  ApiAccount,
  ApiAccountProfile,
  ApiEvent,
  ApiEventHeader,
  ApiIdentity,
  ApiInvitation,
  ApiNotificationEvent,
  ApiSession,
} from './schemas';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

type ApiConsentRecord = NonNullable<z.infer<typeof ApiAccountProfile>['consents']>[number];

/**
 * The version a later agreement to the same consent replaced this record with, or null. A platform may close the
 * older record with an opt-out when the customer agrees to a newer version: that is no revocation.
 */
function newerAgreement(consent: ApiConsentRecord, all: ApiConsentRecord[]): number | null {
  const version = consent.consentVersion;
  if (version === undefined || !consent.consentId) return null;
  const newer = all
    .filter(
      (other) =>
        other.consentId === consent.consentId &&
        other.consentVersion !== undefined &&
        other.consentVersion > version &&
        Boolean(other.optIn) &&
        (!consent.optIn || Date.parse(other.optIn!) >= Date.parse(consent.optIn)),
    )
    .map((other) => other.consentVersion!)
    .sort((a, b) => a - b);
  return newer[0] ?? null;
}

/** An Admin API account as the console's summary. */
export function toSummary(account: ApiAccount, store: string, now = Date.now()): AccountSummary {
  const identities = (account.identities ?? {}) as Record<string, unknown>;
  const email = identities.email as { id?: unknown; verified?: unknown } | undefined;
  const local = identities.local as { id?: unknown } | undefined;
  const phone = identities.phone as { id?: unknown; verified?: unknown } | undefined;
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
    phoneVerified: phone && typeof phone.verified === 'boolean' ? phone.verified : null,
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
  /** The store's pending invitations to the account's email (any account's: filtered here by account id). */
  invitations: ApiInvitation[];
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
      // Two counters of the same failures, toward the temporary and the permanent lock: the larger is how many
      // failed in a row (the temporary one may restart after each temporary lock).
      Math.max(lockout?.failedPasswordAttemptCount ?? 0, lockout?.failedPasswordAttemptCountPermanentLock ?? 0),
      now,
      lockout !== undefined,
    ),
    passcodeLock: lockState(
      locks,
      '_passcode',
      Math.max(lockout?.failedPasscodeAttemptCount ?? 0, lockout?.failedPasscodeAttemptCountPermanentLock ?? 0),
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
    consents: (account.consents ?? []).map((consent, _index, all) => {
      const definition = catalog.consents.find((item) => item.id === consent.consentId);
      const currentVersion = definition?.version ?? null;
      const version = consent.consentVersion ?? null;
      const supersededBy = newerAgreement(consent, all);
      const state: ConsentState =
        supersededBy !== null
          ? 'superseded'
          : consent.optOut
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
        supersededBy,
      };
    }),
    notificationPreferences: account.notificationPreferences ?? {},
    events: parts.events.map(toEvent),
    moreEvents: parts.moreEvents,
    notifications: parts.notifications.map((item) => toNotification(item, catalog)),
    invitations: parts.invitations
      .filter((invitation) => invitation.accountId === account.id)
      .map((invitation) => ({
        id: invitation.id,
        email: shown(invitation.email),
        clientId: invitation.clientId ?? null,
        clientName: catalog.clients.find((client) => client.id === invitation.clientId)?.name ?? null,
        sentAt: invitation.sent ?? null,
        validUntil: invitation.validUntil ?? null,
      })),
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

// ---- the console's filter and sort as listAccounts parameters

const dateParams: Record<string, string> = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  disabledAt: 'disabledAt',
  lastLoginAt: 'lastLoginAt',
  lastAuthenticationActivityAt: 'lastAuthenticationActivityAt',
};

/** The console's filter as listAccounts query parameters. */
export function filterToQuery(filter: AccountFilter): Record<string, string | string[] | undefined> {
  const loginBounds = loginDateFields.filter((field) => filter.dates?.[field]?.from || filter.dates?.[field]?.to);
  if (filter.neverLoggedIn && loginBounds.length > 0)
    throw new DesksideError({
      code: 'VALIDATION',
      message: '"Never logged in" cannot be combined with a last login or last authentication date.',
      fieldErrors: { neverLoggedIn: ['cannot be combined with a last login or last authentication date'] },
    });
  const query: Record<string, string | string[] | undefined> = {
    loginIdentifier: filter.loginIdentifier || undefined,
    id: filter.id || undefined,
    emailNativeClaim: filter.email || undefined,
    userNameNativeClaim: filter.username || undefined,
    enabled: filter.enabled === undefined ? undefined : String(filter.enabled),
    neverLoggedIn: filter.neverLoggedIn === undefined ? undefined : String(filter.neverLoggedIn),
    organization: filter.organization || undefined,
    organizationScope: filter.organizationScope || undefined,
  };
  for (const [field, range] of Object.entries(filter.dates ?? {})) {
    const param = dateParams[field];
    if (!param || !range) continue;
    if (range.from) query[`${param}StartDate`] = dateTimeBound(range.from, 'start');
    if (range.to) query[`${param}EndDate`] = dateTimeBound(range.to, 'end');
  }
  for (const [key, value] of Object.entries(filter.attributes ?? {}))
    if (value !== '') query[`attribute_${key}`] = value;
  if (filter.groups && filter.groups.ids.length > 0) {
    query.groups = filter.groups.ids;
    query.groupsFilter = filter.groups.mode;
  }
  if (filter.roles && filter.roles.pairs.length > 0) {
    query.roles = filter.roles.pairs.map((pair) => `${pair.organization}:${pair.role}`);
    query.rolesFilter = filter.roles.mode;
  }
  return query;
}

/**
 * A date bound as the Admin API takes it: a date-time or a signed ISO-8601 duration, never a bare date. A bare date
 * (a custom range) is the start or the end of that day in the agent's time zone.
 */
export function dateTimeBound(bound: string, side: 'start' | 'end'): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(bound);
  if (!day) return bound;
  const [year, month, date] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
  const local = side === 'start' ? new Date(year, month, date) : new Date(year, month, date, 23, 59, 59, 999);
  return local.toISOString();
}

export const sortParams: Record<string, string> = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  lastLogin: 'lastLogin',
};

// ---- the store's configuration

/**
 * Whether an application's type lets it notify an account of this organization (or of none). The document's
 * request enum (personal, organizational, hybrid) names the rule; its response enum (ssp, oauth2, saml2,
 * orgPortal) does not, so those are offered to everyone but the organization portal, which is for members only.
 */
export function audienceAllows(type: string | undefined, organizationId: string | null): boolean {
  if (type === 'personal') return organizationId === null;
  if (type === 'organizational' || type === 'orgPortal') return organizationId !== null;
  return true;
}

/** An attribute of the store's schema in the console's words; identifier and password types may have no name. */
export function toAttributeDefinition(
  attribute: ApiAttribute,
  children: Array<z.infer<typeof ApiChildAttribute>> | null,
): AttributeDefinition {
  const name = attribute.name ?? attribute.id;
  const options = (values: ApiAttribute['values']) =>
    (values ?? []).map((option) => ({ value: option.value, label: option.displayName ?? option.value }));
  return {
    id: attribute.id,
    key: attribute.path ? `${attribute.path}.${name}` : name,
    type: attribute.type,
    displayName: attribute.displayName ?? name,
    visible: attribute.displayOnAdminConsole ?? false,
    editable: attribute.editableOnAdminConsole ?? false,
    required: attribute.required ?? false,
    searchable: Boolean(attribute.indexing && attribute.indexing !== 'none'),
    options: options(attribute.values),
    ...(attribute.validator ? { validator: attribute.validator } : {}),
    ...(attribute.listValidator ? { listLimits: attribute.listValidator } : {}),
    ...(children
      ? {
          children: children
            .filter((child) => child.enabled !== false)
            .map((child) => ({
              name: child.name,
              type: child.type,
              displayName: child.displayName ?? child.name,
              required: child.required ?? false,
              options: options(child.values),
              ...(child.validator ? { validator: child.validator } : {}),
            })),
        }
      : {}),
  };
}

// ---- permissions

/**
 * The permissions each action needs (the Admin API's names; where the published document lists two for one
 * operation, both): what allowedActions() checks the token's scope against.
 */
export const actionScopes: Record<ConsoleAction, readonly string[]> = {
  updateAttributes: ['write:account'],
  enable: ['write:account'],
  disable: ['write:account'],
  lock: ['write:account'],
  liftLock: ['write:account'],
  deleteSessions: ['write:account'],
  deleteSession: ['write:account'],
  addGroups: ['read:config_identity_store', 'write:account'],
  removeGroup: ['write:account'],
  assignRoles: ['read:config_identity_store', 'write:account'],
  removeRole: ['write:account'],
  addAuthenticator: ['write:account_authenticator'],
  deleteAuthenticator: ['delete:account_authenticator'],
  sendPasswordReset: ['write:account_authenticator'],
  changePassword: ['write:account_authenticator'],
  verifyManually: ['write:account_proofing'],
  revokeProofing: ['write:account_proofing'],
  clearProofingAttempts: ['delete:account_proofing'],
  deleteAccount: ['delete:account'],
  download: ['read:account_download'],
  impersonate: ['write:account_impersonation'],
  changeIdentifier: ['write:account_identity'],
  unlinkIdentity: ['delete:account_identity'],
  resendInvitation: ['write:account'],
  revokeInvitation: ['write:account'],
};

/** Actions the connection must be seen to hold the permission for: a tenant that names no scope gets them off. */
const NEEDS_EXPLICIT_GRANT: ReadonlySet<ConsoleAction> = new Set(['impersonate']);

/** The permissions of the Admin API calls the console reads with (the account view, search, catalog). */
export const READ_SCOPES = [
  'read:account',
  'read:admin_event_audit',
  'read:account_identity',
  'read:event_account',
  'read:config_identity_store',
  'read:config_identity_proofing',
  'read:config_consent',
  'read:config_application',
  'read:config_notification_policy',
  'read:config_brand',
] as const;

/**
 * Every permission the console uses, asked for in the token request: what the tenant grants of these (the token's
 * `scope`) decides what the UI allows. Nothing the console never calls is asked for.
 */
export const CONSOLE_SCOPES: readonly string[] = [
  ...new Set([...READ_SCOPES, ...Object.values(actionScopes).flat()]),
].sort();

/**
 * The console's actions as the Admin API's permissions allow them: an action whose permissions the token's scope
 * lacks is refused, with the missing names. When the tenant answers no scope at all (some do not), nothing is
 * refused in advance: each call's own 403 then says what is missing.
 */
export function allowedActionsFor(granted: readonly string[]): AllowedActions {
  return Object.fromEntries(
    ConsoleAction.options.map((action) => {
      const unknown = granted.length === 0;
      const missing =
        unknown && !NEEDS_EXPLICIT_GRANT.has(action)
          ? []
          : actionScopes[action].filter((scope) => !granted.includes(scope));
      const permission: ActionPermission =
        missing.length === 0
          ? { allowed: true }
          : {
              allowed: false,
              reason: `This connection lacks the ${missing.join(' and ')} permission${missing.length > 1 ? 's' : ''}.`,
            };
      return [action, permission];
    }),
  ) as AllowedActions;
}

// ---- the administrative audit

/** What each Admin API operation on an account did, in the agent's words. */
const auditWords: Record<string, string> = {
  enableAccount: 'Enabled the account',
  disableAccount: 'Disabled the account',
  updateLocalMetadata: 'Changed attributes',
  lock: 'Locked the account',
  liftPasswordLock: 'Lifted the password lock',
  liftPasscodeLock: 'Lifted the passcode lock',
  clearAccountDeviceSessions: 'Ended every session',
  deleteAccountDeviceSession: 'Ended a session',
  addGroupsToAccount: 'Added to groups',
  removeGroup: 'Removed from a group',
  addRolesToAccount: 'Assigned roles',
  deleteRolesFromAccount: 'Removed a role',
  addAuthenticator: 'Added an authenticator',
  deleteAuthenticator: 'Deleted an authenticator',
  resetPassword: 'Set a new password',
  adminInitiatedPasswordReset: 'Sent a password reset',
  addAccountProofing: 'Verified the identity manually',
  invalidateAccountProofing: 'Revoked an identity verification',
  deleteAccountProofingFailures: 'Cleared failed verification attempts',
  updateAccountIdentifier: 'Changed an identifier',
  deleteExternalIdentity: 'Unlinked an external login',
  impersonation: 'Signed in as the customer',
  updateAccountOrganization: 'Changed the organization',
  updateAccountNotificationPreferences: 'Changed notification preferences',
  createAccount: 'Created the account',
  deleteAccountById: 'Deleted the account',
};

export function toAuditChange(entry: ApiAuditEntry): AuditChange {
  const name = entry.name ?? null;
  return {
    id: entry.id,
    at: entry.date && !Number.isNaN(Date.parse(entry.date)) ? entry.date : null,
    what: (name && auditWords[name]) ?? name ?? NOT_PROVIDED,
    action: entry.action ?? null,
    by: entry.actorClient?.name ?? entry.actorClient?.id ?? entry.actor?.userName ?? null,
    ip: entry.actor?.ip ?? null,
    url: entry.url ?? null,
  };
}

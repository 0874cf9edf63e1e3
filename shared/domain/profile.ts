import { z } from 'zod';
import { AccountId, AccountSummary, StoreName } from './account';
import { AttributeDefinition, NamedEntity, Organization, ProofingPolicy } from './identity-store';

const when = z.string();

/** What the console shows for a value the platform left out of its answer (lean answers leave out empty fields). */
export const NOT_PROVIDED = 'not provided';

/** Where an IP address was placed (country and city as the platform reports them), if it could be. */
export const GeoLocation = z.object({ country: z.string().nullable(), city: z.string().nullable() });
export type GeoLocation = z.infer<typeof GeoLocation>;

export const LoginInfo = z.object({ at: when, ip: z.string().nullable(), location: GeoLocation.nullable() });
export type LoginInfo = z.infer<typeof LoginInfo>;

export const LockState = z.object({
  /** Null when the platform did not say (no lockout in its answer): the agent may both lock and lift. */
  locked: z.boolean().nullable(),
  /** null while locked for good (until an agent lifts it). */
  until: when.nullable(),
  failedAttempts: z.number().int(),
});

export const Authenticator = z.object({
  id: z.string(),
  type: z.string(),
  subType: z.string().nullable(),
  target: z.string().nullable(),
  methods: z.array(z.string()),
  createdAt: when.nullable(),
  lastUsedAt: when.nullable(),
});
export type Authenticator = z.infer<typeof Authenticator>;

export const DeviceSession = z.object({
  id: z.string(),
  device: z.string(),
  userAgent: z.string(),
  ip: z.string(),
  location: GeoLocation.nullable(),
  lastLoginAt: when.nullable(),
});
export type DeviceSession = z.infer<typeof DeviceSession>;

export const Proofing = z.object({
  id: z.string(),
  policyId: z.string().nullable(),
  policyName: z.string(),
  attempts: z.number().int(),
  proofedAt: when.nullable(),
  invalidatedAt: when.nullable(),
});
export type Proofing = z.infer<typeof Proofing>;

/**
 * agreed: to the current version (or the only one known); outdated: to an older version, with nothing newer agreed;
 * superseded: an older agreement the customer replaced by agreeing to a newer version (not a revocation);
 * revoked: an explicit opt-out.
 */
export const ConsentState = z.enum(['agreed', 'outdated', 'superseded', 'revoked']);
export type ConsentState = z.infer<typeof ConsentState>;

export const AccountConsent = z.object({
  id: z.string(),
  consentId: z.string().nullable(),
  name: z.string(),
  version: z.number().int().nullable(),
  currentVersion: z.number().int().nullable(),
  agreedAt: when.nullable(),
  optedOutAt: when.nullable(),
  state: ConsentState,
  /** The version whose agreement replaced this one (state superseded). Absent in copies cached before it existed. */
  supersededBy: z.number().int().nullable().default(null),
});
export type AccountConsent = z.infer<typeof AccountConsent>;

export const RoleAssignment = z.object({
  roleId: z.string(),
  roleName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const ExternalIdentity = z.object({ id: z.string(), display: z.string(), provider: z.string().nullable() });
export type ExternalIdentity = z.infer<typeof ExternalIdentity>;

/** One account event as the activity list shows it. */
export const AccountEvent = z.object({
  id: z.string(),
  at: when.nullable(),
  type: z.string(),
  name: z.string(),
  outcome: z.enum(['success', 'failure', 'unknown']),
  application: z.string().nullable(),
  client: z.string().nullable(),
  actorKind: z.enum(['customer', 'admin', 'system']),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  location: GeoLocation.nullable(),
  userAgent: z.string().nullable(),
});
export type AccountEvent = z.infer<typeof AccountEvent>;

export const EventAction = z.object({
  type: z.string(),
  at: when.nullable(),
  details: z.array(
    z.object({
      name: z.string(),
      outcome: z.string().nullable(),
      at: when.nullable(),
      metadata: z.record(z.string(), z.unknown()),
    }),
  ),
  http: z.object({ method: z.string(), url: z.string(), status: z.number().int().nullable() }).nullable(),
  notifications: z.array(z.object({ id: z.string(), target: z.string() })),
});
export const EventDetail = AccountEvent.extend({ actions: z.array(EventAction) });
export type EventDetail = z.infer<typeof EventDetail>;

/** One message of the notification log. */
export const NotificationEntry = z.object({
  id: z.string(),
  at: when.nullable(),
  template: z.string(),
  channel: z.string(),
  target: z.string(),
  /** Null when the platform does not say whether it was delivered. */
  success: z.boolean().nullable(),
  policyId: z.string().nullable(),
  policyName: z.string().nullable(),
  policySource: z.string().nullable(),
  clientName: z.string().nullable(),
  eventId: z.string().nullable(),
});
export type NotificationEntry = z.infer<typeof NotificationEntry>;
export const NotificationDetail = NotificationEntry.extend({ text: z.string(), errors: z.array(z.string()) });
export type NotificationDetail = z.infer<typeof NotificationDetail>;

export const NotificationPreferences = z.record(z.string(), z.boolean());

/** An invitation the customer has not accepted yet (the platform sends a link; accepting sets a password). */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  /** The application client it was sent through, and its name where the catalog knows it. */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  sentAt: when.nullable(),
  validUntil: when.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

/** Everything the overview and the eight tabs show of one account, as fetched together. */
export const AccountProfile = z.object({
  summary: AccountSummary,
  language: z.string().nullable(),
  disabledAt: when.nullable(),
  /** Null when the platform leaves it out. */
  numberOfLogins: z.number().int().nullable(),
  lastLogin: LoginInfo.nullable(),
  lastAuthenticationActivity: LoginInfo.nullable(),
  attributes: z.record(z.string(), z.unknown()),
  externalIdentities: z.array(ExternalIdentity),
  passwordLock: LockState,
  passcodeLock: LockState,
  authenticators: z.array(Authenticator),
  sessions: z.array(DeviceSession),
  groups: z.array(NamedEntity),
  roles: z.array(RoleAssignment),
  proofings: z.array(Proofing),
  consents: z.array(AccountConsent),
  notificationPreferences: NotificationPreferences,
  /** The most recent events (newest first) and whether older ones exist. */
  events: z.array(AccountEvent),
  moreEvents: z.boolean(),
  notifications: z.array(NotificationEntry),
  /** Invitations not accepted yet (profiles cached before invitations were read have none). */
  invitations: z.array(Invitation).default([]),
});
export type AccountProfile = z.infer<typeof AccountProfile>;

/** A client the agent may notify a customer through, with what the platform's rules make of it. */
export const NotificationOption = z.object({
  clientId: z.string(),
  clientName: z.string(),
  applicationName: z.string(),
  applicationType: z.string(),
  brandName: z.string().nullable(),
  policyName: z.string().nullable(),
  /** 'organization' when the account's organization overrides the application's branding or policy. */
  policySource: z.enum(['application', 'organization']),
});
export type NotificationOption = z.infer<typeof NotificationOption>;

/** What a store offers an account view: its schema and the names behind ids. */
export const StoreCatalog = z.object({
  schema: z.array(AttributeDefinition),
  groups: z.array(NamedEntity),
  organizations: z.array(Organization),
  roles: z.array(NamedEntity),
  proofingPolicies: z.array(ProofingPolicy),
  consents: z.array(NamedEntity.extend({ version: z.number().int().nullable() })),
  notificationPolicies: z.array(NamedEntity),
  /** Application clients, by their object id, for naming the client a notification went through. */
  clients: z.array(NamedEntity),
});
export type StoreCatalog = z.infer<typeof StoreCatalog>;

/** A store about which nothing is known (offline, before its catalog was ever fetched). */
export const emptyCatalog: StoreCatalog = {
  schema: [],
  groups: [],
  organizations: [],
  roles: [],
  proofingPolicies: [],
  consents: [],
  notificationPolicies: [],
  clients: [],
};

const Id = z.string().min(1).max(128);
const NotifyClient = Id.optional();

/**
 * Every change an agent can make from the account view. `notifyClientId` names the application client the
 * customer is told through, where the platform sends a notification for the change.
 */
export const ProfileAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('updateAttributes'),
    changes: z.record(z.string().max(256), z.unknown()),
    notifyClientId: NotifyClient,
  }),
  z.strictObject({ kind: z.literal('enable') }),
  z.strictObject({ kind: z.literal('disable') }),
  z.strictObject({ kind: z.literal('lock'), notifyClientId: NotifyClient }),
  z.strictObject({ kind: z.literal('liftLock'), lock: z.enum(['password', 'passcode']) }),
  z.strictObject({ kind: z.literal('deleteSessions') }),
  z.strictObject({ kind: z.literal('deleteSession'), sessionId: Id }),
  z.strictObject({ kind: z.literal('addGroups'), groupIds: z.array(Id).min(1).max(100) }),
  z.strictObject({ kind: z.literal('removeGroup'), groupId: Id }),
  z.strictObject({ kind: z.literal('assignRoles'), organizationId: Id, roleIds: z.array(Id).min(1).max(100) }),
  z.strictObject({ kind: z.literal('removeRole'), organizationId: Id, roleId: Id }),
  z.strictObject({
    kind: z.literal('addAuthenticator'),
    type: z.enum(['email', 'phone']),
    target: z.string().trim().min(1).max(320),
    notifyClientId: NotifyClient,
  }),
  z.strictObject({ kind: z.literal('deleteAuthenticator'), authenticatorId: Id, notifyClientId: NotifyClient }),
  z.strictObject({ kind: z.literal('sendPasswordReset'), notifyClientId: Id }),
  z.strictObject({ kind: z.literal('changePassword'), newPassword: z.string().min(1).max(256) }),
  z.strictObject({ kind: z.literal('verifyManually'), policyId: Id }),
  z.strictObject({ kind: z.literal('revokeProofing'), proofingId: Id }),
  z.strictObject({ kind: z.literal('clearProofingAttempts'), proofingId: Id }),
  z.strictObject({
    kind: z.literal('changeIdentifier'),
    type: z.enum(['username', 'email', 'phone']),
    identifier: z.string().trim().min(1).max(320),
    /** The new identifier typed a second time: an identifier is how the customer signs in. */
    confirmation: z.string().trim().max(320),
    /** The agent says the customer proved they own the new email or phone: the platform skips verifying it. */
    customerProvedIt: z.boolean(),
    notifyClientId: NotifyClient,
  }),
  z.strictObject({ kind: z.literal('unlinkIdentity'), externalLoginId: Id, notifyClientId: NotifyClient }),
  z.strictObject({ kind: z.literal('resendInvitation'), invitationId: Id }),
  z.strictObject({ kind: z.literal('revokeInvitation'), invitationId: Id }),
]);
export type ProfileAction = z.infer<typeof ProfileAction>;
export type ProfileActionKind = ProfileAction['kind'];

export const ProfileView = z.object({
  profile: AccountProfile,
  catalog: StoreCatalog,
  source: z.enum(['live', 'cache']),
  fetchedAt: when,
  /** Offline with only the account's summary cached (it was found by a search but never opened). */
  partial: z.boolean(),
  /** Why the newest of a run of failed sign-ins failed, as the platform recorded it (null when none or unknown). */
  lastFailureReason: z.string().nullable(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** What the activity tab asks for. */
export const EventQuery = z.strictObject({
  store: StoreName,
  accountId: AccountId,
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  types: z.array(z.string().max(40)).max(10).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  /** What happened, as one of the platform's event labels (`failure:login`); filtered by the platform. */
  label: z.string().max(80).optional(),
  page: z.number().int().min(0).max(10_000).default(0),
  size: z.number().int().min(1).max(500).default(100),
});
export type EventQuery = z.infer<typeof EventQuery>;

/** An event's label as the platform writes it: `(success|failure):{event name}`. */
export const eventLabelOf = (event: Pick<AccountEvent, 'outcome' | 'name'>) => `${event.outcome}:${event.name}`;
export const EventPage = z.object({ items: z.array(AccountEvent), more: z.boolean() });

/** One change an administrator or API client made to the account, from the platform's administrative audit. */
export const AuditChange = z.object({
  id: z.string(),
  at: when.nullable(),
  /** What was done, in words ("Disabled the account"), else the operation's name. */
  what: z.string(),
  action: z.string().nullable(),
  /** The API client (or admin) that made it. */
  by: z.string().nullable(),
  ip: z.string().nullable(),
  url: z.string().nullable(),
});
export type AuditChange = z.infer<typeof AuditChange>;
export const AuditPage = z.object({ items: z.array(AuditChange), more: z.boolean() });
export type AuditPage = z.infer<typeof AuditPage>;
export type EventPage = z.infer<typeof EventPage>;

export const eventTypes = [
  'customerFlow',
  'selfService',
  'administrative',
  'scheduled',
  'bulkOperation',
  'systemInitiatedOperation',
] as const;

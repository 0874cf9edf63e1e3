/**
 * What Deskside reads from Admin API responses, as lenient zod schemas: unknown fields pass, fields a real
 * platform may omit are optional. The type checks at the end tie them to the generated document types, so a
 * change of the API's shape breaks the build here rather than at run time.
 */
import { z } from 'zod';
import type { AdminApiSchemas } from '@shared/admin-api/types';

const when = z.string();
const json = z.record(z.string(), z.unknown());
/** Text the console only shows: any string, absent when the platform leaves it out. */
const shown = z.string().optional();

/*
 * One rule for every schema here, from the published document: "fields with empty values are not included in the
 * response", and most response schemas declare nothing required. So only ids (and the keys the console cannot work
 * without) are required; every other field is optional; unknown fields and enum values pass through as they are.
 */

export const ApiPaged = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    content: z.array(item).optional(),
    page: z
      .looseObject({
        number: z.number().optional(),
        size: z.number().optional(),
        totalElements: z.number().optional(),
        totalPages: z.number().optional(),
      })
      .optional(),
  });

export const ApiIdentityStore = z.looseObject({
  name: z.string(),
  description: shown,
  accountEventTTL: z.number().optional(),
});

const ApiSelectValue = z.looseObject({ value: z.string(), displayName: shown });
const ApiValidator = z.looseObject({
  min: z.number().optional(),
  max: z.number().optional(),
  regex: z.string().optional(),
  errorMessage: z.string().optional(),
});

/** A store's attribute. Identifier and password types need no `name` (the document requires only id and type). */
export const ApiAttribute = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string().optional(),
  displayName: shown,
  path: z.string().optional(),
  required: z.boolean().optional(),
  displayOnAdminConsole: z.boolean().optional(),
  editableOnAdminConsole: z.boolean().optional(),
  indexing: z.string().optional(),
  values: z.array(ApiSelectValue).optional(),
  validator: ApiValidator.optional(),
  listValidator: z.looseObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
});
export type ApiAttribute = z.infer<typeof ApiAttribute>;

/** A child of a complex-list attribute, from `.../attributes/{parentAttributeId}/attributes`. */
export const ApiChildAttribute = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  displayName: shown,
  required: z.boolean().optional(),
  enabled: z.boolean().optional(),
  values: z.array(ApiSelectValue).optional(),
  validator: ApiValidator.optional(),
});

const ApiLock = z.looseObject({ until: when.nullable().optional() });
const ApiLockout = z.looseObject({
  failedPasswordAttemptCount: z.number().optional(),
  failedPasscodeAttemptCount: z.number().optional(),
  failedPasswordAttemptCountPermanentLock: z.number().optional(),
  failedPasscodeAttemptCountPermanentLock: z.number().optional(),
  locks: z.record(z.string(), ApiLock).optional(),
});

export const ApiAccount = z.looseObject({
  id: z.string(),
  store: z.string().optional(),
  enabled: z.boolean().optional(),
  organization: z.string().nullable().optional(),
  createdAt: when.optional(),
  updatedAt: when.optional(),
  disabledAt: when.optional(),
  lastLogin: z.looseObject({ time: when.optional() }).optional(),
  accountInfo: json.optional(),
  identities: json.optional(),
  accountLockout: ApiLockout.optional(),
});
export type ApiAccount = z.infer<typeof ApiAccount>;

const ApiFeature = z.looseObject({ properties: z.record(z.string(), z.string().optional()).optional() });
const ApiLogin = z.looseObject({ time: when.optional(), ip: shown, location: ApiFeature.optional() });

/** The whole account, as the account view reads it. */
export const ApiAccountProfile = ApiAccount.extend({
  language: shown,
  numberOfLogins: z.number().optional(),
  lastLogin: ApiLogin.optional(),
  lastAuthenticationActivity: ApiLogin.optional(),
  authenticators: z
    .looseObject({
      methods: z
        .array(
          z.looseObject({
            id: z.string(),
            type: shown,
            subType: shown,
            target: shown,
            methods: z.array(z.string()).optional(),
            createdAt: when.optional(),
            lastUsedAt: when.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  consents: z
    .array(
      z.looseObject({
        id: z.string(),
        consentId: z.string().optional(),
        consentVersion: z.number().optional(),
        optIn: when.optional(),
        optOut: when.optional(),
      }),
    )
    .optional(),
  accountProofings: z
    .array(
      z.looseObject({
        id: z.string(),
        policyId: z.string().optional(),
        attempts: z.number().optional(),
        proofedAt: when.optional(),
        invalidatedAt: when.optional(),
        deleted: z.boolean().optional(),
      }),
    )
    .optional(),
  groups: z.array(z.looseObject({ id: z.string() })).optional(),
  roles: z.array(z.looseObject({ id: z.string(), organization: z.string() })).optional(),
  notificationPreferences: z.record(z.string(), z.boolean()).optional(),
});
export type ApiAccountProfile = z.infer<typeof ApiAccountProfile>;

export const ApiSession = z.looseObject({
  id: z.string(),
  deviceString: shown,
  userAgent: shown,
  lastIP: shown,
  lastLoginAt: when.optional(),
  location: ApiFeature.optional(),
});

/**
 * One identity of `GET .../identities`: the document's oneOf of flat Local, Email, Phone and External objects
 * (no wrapper keys). External ones are told apart by having neither `verified` nor the account's username.
 */
export const ApiIdentity = z.looseObject({
  id: z.string(),
  display: shown,
  verified: z.boolean().optional(),
  metadata: json.optional(),
});
export type ApiIdentity = z.infer<typeof ApiIdentity>;
/** A tenant may answer with one identity or a list of them. */
export const ApiIdentities = z.union([z.array(ApiIdentity), ApiIdentity]);

const ApiActor = z.looseObject({
  accountId: shown,
  userName: shown,
  ip: shown,
  userAgent: shown,
  location: ApiFeature.optional(),
});
const ApiNamed = z.looseObject({ id: z.string(), name: shown });

export const ApiEventHeader = z.looseObject({
  eventId: z.string(),
  type: shown,
  labels: z.array(z.string()).optional(),
  startTimestamp: when.optional(),
  actor: ApiActor.optional(),
  actorApplication: ApiNamed.optional(),
  actorClient: ApiNamed.optional(),
});
export type ApiEventHeader = z.infer<typeof ApiEventHeader>;

export const ApiEvent = ApiEventHeader.extend({
  actions: z
    .array(
      z.looseObject({
        type: shown,
        timestamp: when.optional(),
        details: z
          .array(
            z.looseObject({
              name: shown,
              outcome: shown,
              timestamp: when.optional(),
              metadata: json.optional(),
            }),
          )
          .optional(),
        http: z
          .looseObject({
            request: z.looseObject({ method: shown, url: shown }).optional(),
            response: z.looseObject({ code: z.number().optional() }).optional(),
          })
          .optional(),
        notifications: z.array(z.looseObject({ id: z.string(), target: shown })).optional(),
      }),
    )
    .optional(),
});

export const ApiNotificationEvent = z.looseObject({
  id: z.string(),
  accountEventId: shown,
  channel: shown,
  target: shown,
  notificationPolicyId: shown,
  notificationTemplate: z.looseObject({ id: z.string().optional(), displayName: shown }).optional(),
  success: z.boolean().optional(),
  timestamp: when.optional(),
  /** Sandbox extensions (not in the published document): the client that sent it and where its policy came from. */
  clientId: shown,
  policySource: shown,
});
export type ApiNotificationEvent = z.infer<typeof ApiNotificationEvent>;
export const ApiNotificationDetail = ApiNotificationEvent.extend({
  messagePlainText: shown,
  errorMessages: z.array(z.looseObject({ message: shown })).optional(),
});

/** AccountInvitationResponse_Account (the list's item): the document requires none of its fields; an id is needed. */
export const ApiInvitation = z.looseObject({
  id: z.string(),
  accountId: shown,
  clientId: shown,
  email: shown,
  organization: shown,
  sent: when.optional(),
  store: shown,
  validUntil: when.optional(),
});
export type ApiInvitation = z.infer<typeof ApiInvitation>;

/** AuditEntry: only its id is required; everything else may be left out. */
export const ApiAuditEntry = z.looseObject({
  id: z.string(),
  action: shown,
  actorClient: z.looseObject({ id: shown, name: shown }).optional(),
  actor: z.looseObject({ ip: shown, userName: shown, accountId: shown }).optional(),
  date: when.optional(),
  name: shown,
  url: shown,
});
export type ApiAuditEntry = z.infer<typeof ApiAuditEntry>;

/** ImpersonationResponse_Account: the link is the whole answer, so it must be there. */
export const ApiImpersonation = z.looseObject({ impersonationUrl: z.string().url() });

export const ApiProofingPolicy = ApiNamed.extend({
  steps: z.array(z.looseObject({ type: z.string() })).optional(),
});
export const ApiConsent = ApiNamed.extend({ version: z.number().optional() });
export const ApiBrand = z.looseObject({ id: z.string(), name: shown, brandName: shown });
export const ApiNotificationPolicy = ApiNamed;
const ApiPolicyLink = z.looseObject({ id: z.string() }).nullable().optional();
/** An application as listed: no policies (those come with the application itself). */
export const ApiApplicationListItem = z.looseObject({
  id: z.string(),
  name: shown,
  type: shown,
  identityStore: z.looseObject({ name: z.string().optional() }).optional(),
  clients: z.array(z.looseObject({ id: z.string(), name: shown })).optional(),
});
export const ApiApplication = ApiApplicationListItem.extend({
  policies: z.looseObject({ brand: ApiPolicyLink, notificationPolicy: ApiPolicyLink }).optional(),
});
export type ApiApplication = z.infer<typeof ApiApplication>;
export const ApiOrganizationPolicy = z.looseObject({
  organization: z.looseObject({ id: z.string() }).optional(),
  policies: z.looseObject({ brand: ApiPolicyLink, notificationPolicy: ApiPolicyLink }).optional(),
});

export const ApiGroup = ApiNamed;
export const ApiOrganization = z.looseObject({
  id: z.string(),
  name: shown,
  parent: z.looseObject({ id: z.string() }).optional(),
});
export const ApiRole = ApiNamed;

// ---- the generated types must fit what is read here (compile-time only)
/** The declared fields of a loose object type, at every depth, without index signatures. */
type Known<T> =
  T extends ReadonlyArray<infer U>
    ? Array<Known<U>>
    : T extends object
      ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
      : T;
type Fits<Generated, Read> = NonNullable<Generated> extends Known<Read> ? true : false;
const fits = <T extends true>(value: T) => value;
fits<Fits<AdminApiSchemas['AccountResponse_Account'], z.input<typeof ApiAccount>>>(true);
fits<Fits<AdminApiSchemas['AccountAttribute'], z.input<typeof ApiAttribute>>>(true);
fits<Fits<AdminApiSchemas['IdentityStoreListResponse'], z.input<typeof ApiIdentityStore>>>(true);
fits<Fits<AdminApiSchemas['GroupResponse'], z.input<typeof ApiGroup>>>(true);
fits<Fits<AdminApiSchemas['OrganizationListResponse'], z.input<typeof ApiOrganization>>>(true);
fits<Fits<AdminApiSchemas['RoleResponse'], z.input<typeof ApiRole>>>(true);
fits<Fits<AdminApiSchemas['AccountResponse_Account'], z.input<typeof ApiAccountProfile>>>(true);
fits<Fits<AdminApiSchemas['IdentifiedSessionResponse_Account'], z.input<typeof ApiSession>>>(true);
fits<Fits<AdminApiSchemas['IdentitiesResponse_Identities'], z.input<typeof ApiIdentities>>>(true);
fits<Fits<AdminApiSchemas['AccountEventHeaderResponse'], z.input<typeof ApiEventHeader>>>(true);
fits<Fits<AdminApiSchemas['AccountEventResponse'], z.input<typeof ApiEvent>>>(true);
fits<Fits<AdminApiSchemas['NotificationEventListResponse'], z.input<typeof ApiNotificationEvent>>>(true);
fits<Fits<AdminApiSchemas['AccountInvitationResponse_Account'], z.input<typeof ApiInvitation>>>(true);
fits<Fits<AdminApiSchemas['NotificationEventResponse'], z.input<typeof ApiNotificationDetail>>>(true);
fits<Fits<AdminApiSchemas['IdentityProofingListResponse'], z.input<typeof ApiProofingPolicy>>>(true);
fits<Fits<AdminApiSchemas['Consent_Consent'], z.input<typeof ApiConsent>>>(true);
fits<Fits<AdminApiSchemas['Brand_Brand'], z.input<typeof ApiBrand>>>(true);
fits<Fits<AdminApiSchemas['NotificationPolicyResponse'], z.input<typeof ApiNotificationPolicy>>>(true);
fits<Fits<AdminApiSchemas['ApplicationConfigResponse_ApplicationConfig'], z.input<typeof ApiApplication>>>(true);
fits<Fits<AdminApiSchemas['OrganizationPolicyResponse_OrganizationPolicy'], z.input<typeof ApiOrganizationPolicy>>>(
  true,
);

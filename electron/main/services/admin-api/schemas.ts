/**
 * What Deskside reads from Admin API responses, as lenient zod schemas: unknown fields pass, fields a real
 * platform may omit are optional. The type checks at the end tie them to the generated document types, so a
 * change of the API's shape breaks the build here rather than at run time.
 */
import { z } from 'zod';
import type { AdminApiSchemas } from '@shared/admin-api/types';

const when = z.string();
const json = z.record(z.string(), z.unknown());

export const ApiPaged = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    content: z.array(item),
    page: z
      .looseObject({ number: z.number(), size: z.number(), totalElements: z.number(), totalPages: z.number() })
      .optional(),
  });

export const ApiIdentityStore = z.looseObject({ name: z.string(), description: z.string().optional() });

export const ApiAttribute = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  displayName: z.string(),
  path: z.string().optional(),
  required: z.boolean().optional(),
  displayOnAdminConsole: z.boolean().optional(),
  editableOnAdminConsole: z.boolean().optional(),
  indexing: z.string().optional(),
  values: z.array(z.looseObject({ value: z.string(), displayName: z.string() })).optional(),
  validator: z
    .looseObject({
      min: z.number().optional(),
      max: z.number().optional(),
      regex: z.string().optional(),
      errorMessage: z.string().optional(),
    })
    .optional(),
  listValidator: z.looseObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  attributes: z
    .array(
      z.looseObject({
        name: z.string(),
        type: z.string(),
        displayName: z.string(),
        required: z.boolean().optional(),
        values: z.array(z.looseObject({ value: z.string(), displayName: z.string() })).optional(),
        validator: z
          .looseObject({ min: z.number().optional(), max: z.number().optional(), regex: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});

export const ApiAccount = z.looseObject({
  id: z.string(),
  store: z.string().optional(),
  enabled: z.boolean(),
  organization: z.string().nullable().optional(),
  createdAt: when.optional(),
  updatedAt: when.optional(),
  disabledAt: when.optional(),
  lastLogin: z.looseObject({ time: when.optional() }).optional(),
  accountInfo: json.optional(),
  identities: json.optional(),
  accountLockout: z
    .looseObject({ locks: z.record(z.string(), z.looseObject({ until: when.nullable().optional() })).optional() })
    .optional(),
});
export type ApiAccount = z.infer<typeof ApiAccount>;

const ApiFeature = z.looseObject({ properties: z.record(z.string(), z.string().optional()).optional() });
const ApiLogin = z.looseObject({ time: when.optional(), ip: z.string().optional(), location: ApiFeature.optional() });

/** The whole account, as the account view reads it. */
export const ApiAccountProfile = ApiAccount.extend({
  language: z.string().optional(),
  numberOfLogins: z.number().optional(),
  lastLogin: ApiLogin.optional(),
  lastAuthenticationActivity: ApiLogin.optional(),
  accountLockout: z
    .looseObject({
      failedPasswordAttemptCount: z.number().optional(),
      failedPasscodeAttemptCount: z.number().optional(),
      locks: z.record(z.string(), z.looseObject({ until: when.nullable().optional() })).optional(),
    })
    .optional(),
  authenticators: z
    .looseObject({
      methods: z.array(
        z.looseObject({
          id: z.string(),
          type: z.string(),
          subType: z.string().optional(),
          target: z.string().optional(),
          methods: z.array(z.string()).optional(),
          createdAt: when,
          lastUsedAt: when.optional(),
        }),
      ),
    })
    .optional(),
  consents: z
    .array(
      z.looseObject({
        id: z.string(),
        consentId: z.string(),
        consentVersion: z.number(),
        optIn: when,
        optOut: when.optional(),
      }),
    )
    .optional(),
  accountProofings: z
    .array(
      z.looseObject({
        id: z.string(),
        policyId: z.string(),
        attempts: z.number(),
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
  deviceString: z.string().optional(),
  userAgent: z.string().optional(),
  lastIP: z.string().optional(),
  lastLoginAt: when,
  location: ApiFeature.optional(),
});

export const ApiIdentities = z.looseObject({
  external: z
    .array(
      z.looseObject({ id: z.string(), display: z.string(), metadata: z.record(z.string(), z.unknown()).optional() }),
    )
    .optional(),
});

const ApiActor = z.looseObject({
  accountId: z.string().optional(),
  userName: z.string().optional(),
  ip: z.string().optional(),
  userAgent: z.string().optional(),
  location: ApiFeature.optional(),
});
const ApiNamed = z.looseObject({ id: z.string(), name: z.string() });

export const ApiEventHeader = z.looseObject({
  eventId: z.string(),
  type: z.string(),
  labels: z.array(z.string()).optional(),
  startTimestamp: when,
  actor: ApiActor.optional(),
  actorApplication: ApiNamed.optional(),
  actorClient: ApiNamed.optional(),
});
export type ApiEventHeader = z.infer<typeof ApiEventHeader>;

export const ApiEvent = ApiEventHeader.extend({
  actions: z.array(
    z.looseObject({
      type: z.string(),
      timestamp: when,
      details: z.array(
        z.looseObject({
          name: z.string(),
          outcome: z.string().optional(),
          timestamp: when,
          metadata: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
      http: z
        .looseObject({
          request: z.looseObject({ method: z.string(), url: z.string() }),
          response: z.looseObject({ code: z.number() }),
        })
        .optional(),
      notifications: z.array(z.looseObject({ id: z.string(), target: z.string() })).optional(),
    }),
  ),
});

export const ApiNotificationEvent = z.looseObject({
  id: z.string(),
  accountEventId: z.string().optional(),
  channel: z.string(),
  target: z.string(),
  notificationPolicyId: z.string().optional(),
  notificationTemplate: z.looseObject({ id: z.string(), displayName: z.string() }),
  success: z.boolean(),
  timestamp: when,
  clientId: z.string().optional(),
  policySource: z.string().optional(),
});
export type ApiNotificationEvent = z.infer<typeof ApiNotificationEvent>;
export const ApiNotificationDetail = ApiNotificationEvent.extend({
  messagePlainText: z.string().optional(),
  errorMessages: z.array(z.looseObject({ message: z.string() })).optional(),
});

export const ApiProofingPolicy = ApiNamed;
export const ApiConsent = ApiNamed.extend({ version: z.number().optional() });
export const ApiBrand = z.looseObject({ id: z.string(), name: z.string(), brandName: z.string().optional() });
export const ApiNotificationPolicy = ApiNamed;
export const ApiApplication = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  identityStore: z.looseObject({ name: z.string() }).optional(),
  clients: z.array(z.looseObject({ id: z.string(), name: z.string() })).optional(),
  policies: z
    .looseObject({
      brand: z.looseObject({ id: z.string() }).optional(),
      notificationPolicy: z.looseObject({ id: z.string() }).optional(),
    })
    .optional(),
});
export type ApiApplication = z.infer<typeof ApiApplication>;
export const ApiOrganizationPolicy = z.looseObject({
  organization: z.looseObject({ id: z.string() }),
  policies: z.looseObject({
    brand: z.looseObject({ id: z.string() }).nullable().optional(),
    notificationPolicy: z.looseObject({ id: z.string() }).nullable().optional(),
  }),
});

export const ApiGroup = z.looseObject({ id: z.string(), name: z.string() });
export const ApiOrganization = z.looseObject({
  id: z.string(),
  name: z.string(),
  parent: z.looseObject({ id: z.string() }).optional(),
});
export const ApiRole = z.looseObject({ id: z.string(), name: z.string() });

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
fits<Fits<AdminApiSchemas['NotificationEventResponse'], z.input<typeof ApiNotificationDetail>>>(true);
fits<Fits<AdminApiSchemas['IdentityProofingListResponse'], z.input<typeof ApiProofingPolicy>>>(true);
fits<Fits<AdminApiSchemas['Consent_Consent'], z.input<typeof ApiConsent>>>(true);
fits<Fits<AdminApiSchemas['Brand_Brand'], z.input<typeof ApiBrand>>>(true);
fits<Fits<AdminApiSchemas['NotificationPolicyResponse'], z.input<typeof ApiNotificationPolicy>>>(true);
fits<Fits<AdminApiSchemas['ApplicationConfigResponse_ApplicationConfig'], z.input<typeof ApiApplication>>>(true);
fits<Fits<AdminApiSchemas['OrganizationPolicyResponse_OrganizationPolicy'], z.input<typeof ApiOrganizationPolicy>>>(
  true,
);

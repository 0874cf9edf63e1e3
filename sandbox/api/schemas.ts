/**
 * The Admin API's shapes as zod schemas, named as in the reference. Registered with ids, they become the
 * components of the generated OpenAPI document that the console is typed from.
 */
import { z } from 'zod';

function named<T extends z.ZodType>(id: string, schema: T): T {
  z.globalRegistry.add(schema, { id });
  return schema;
}

const dateTime = z.string().describe('ISO-8601 date-time');
const json = z.record(z.string(), z.unknown());

export const FieldError = named(
  'FieldError',
  z.object({ field: z.string(), message: z.string(), objectName: z.string() }),
);

export const ProblemJson = named(
  'ProblemJson',
  z.object({
    type: z.string().optional(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    path: z.string().optional(),
    message: z.string().optional(),
    errorKey: z.string().optional(),
    entityName: z.string().optional(),
    fieldErrors: z.array(FieldError).optional(),
  }),
);

export const PageMetadata = named(
  'PageMetadata',
  z.object({
    number: z.number().int(),
    size: z.number().int(),
    totalElements: z.number().int(),
    totalPages: z.number().int(),
  }),
);

export function pagedModel<T extends z.ZodType>(id: string, item: T) {
  return named(id, z.object({ content: z.array(item), page: PageMetadata }));
}

export const NameAndId = named('NameAndIdResponse', z.object({ id: z.string(), name: z.string() }));
export const IdReference = named('IdReferenceRequest', z.object({ id: z.string().regex(/^[a-zA-Z0-9-]{1,36}$/) }));

// ---- identity stores and attributes

export const IdentityStoreListResponse = named(
  'IdentityStoreListResponse',
  z.object({
    name: z.string(),
    description: z.string(),
    accountEventTTL: z.number().int(),
    organizationRegistrationEnabled: z.boolean(),
    passwordHashApiEnabled: z.boolean(),
    passwordPolicy: z.object({ id: z.string() }),
    policyTag: z.string().optional(),
  }),
);
export const IdentityStoreResponse = named(
  'IdentityStoreResponse',
  IdentityStoreListResponse.extend({ eventHookFunctions: z.array(json) }),
);
export const PagedModelIdentityStoreListResponse = pagedModel(
  'PagedModelIdentityStoreListResponse',
  IdentityStoreListResponse,
);

export const AttributeType = z.enum([
  'STRING',
  'CHECKBOX',
  'SELECT',
  'PHONE_NUMBER',
  'EMAIL',
  'DATE',
  'PASSWORD',
  'USERNAME_IDENTIFIER',
  'EMAIL_IDENTIFIER',
  'PHONE_IDENTIFIER',
  'STRING_LIST',
  'SELECT_LIST',
  'PHONE_NUMBER_LIST',
  'EMAIL_LIST',
  'DATE_LIST',
  'COMPLEX_LIST',
]);
export const Indexing = z.enum(['none', 'searchOnly', 'searchUnique', 'searchUniqueInOrganization']);
export const SelectValue = named('SelectValue', z.object({ displayName: z.string(), value: z.string() }));
export const StringValidator = named(
  'StringValidator',
  z.object({
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    regex: z.string().optional(),
    errorMessage: z.string().optional(),
  }),
);
export const ListValidator = named(
  'ListValidator',
  z.object({ min: z.number().int().optional(), max: z.number().int().optional() }),
);

export const ChildAccountAttribute = named(
  'ChildAccountAttribute',
  z.object({
    id: z.string(),
    type: AttributeType,
    name: z.string(),
    displayName: z.string(),
    path: z.string(),
    enabled: z.boolean(),
    required: z.boolean(),
    uniqueInTheList: z.boolean().optional(),
    indexing: Indexing.optional(),
    values: z.array(SelectValue).optional(),
    validator: StringValidator.optional(),
  }),
);

/** One attribute of a store's schema; type-specific fields are present where the type has them. */
export const AccountAttribute = named(
  'AccountAttribute',
  z.object({
    id: z.string(),
    type: AttributeType,
    name: z.string().optional().describe('Not given for identifier and password types'),
    displayName: z.string(),
    path: z.string(),
    enabled: z.boolean(),
    required: z.boolean(),
    displayOnAdminConsole: z.boolean(),
    displayOnMyAccount: z.boolean(),
    displayOnOrganizationPortal: z.boolean(),
    displayOnRegistration: z.boolean(),
    editableOnAdminConsole: z.boolean(),
    editableOnMyAccount: z.boolean(),
    editableOnOrganizationPortal: z.boolean(),
    frontendHook: z.object({ enabled: z.boolean(), code: z.string().optional() }),
    indexing: Indexing.optional(),
    default: z.union([z.string(), z.boolean()]).optional(),
    renderType: z.string().optional(),
    values: z.array(SelectValue).optional(),
    validator: StringValidator.optional(),
    listValidator: ListValidator.optional(),
  }),
);

// ---- accounts

export const FeatureResponse = named(
  'FeatureResponse',
  z.object({
    type: z.string(),
    geometry: z.object({ type: z.string(), coordinates: z.array(z.number()) }),
    properties: z.record(z.string(), z.string()),
  }),
);
export const LastLoginResponse = named(
  'LastLoginResponse_Account',
  z.object({ time: dateTime.optional(), ip: z.string().optional(), location: FeatureResponse.optional() }),
);
export const AccountLock = named('AccountLock_Account', z.object({ until: dateTime.nullable() }));
export const AccountLockout = named(
  'AccountLockout_Account',
  z.object({
    failedPasswordAttemptCount: z.number().int(),
    failedPasswordAttemptCountPermanentLock: z.number().int(),
    failedPasscodeAttemptCount: z.number().int(),
    failedPasscodeAttemptCountPermanentLock: z.number().int(),
    locks: z.record(z.string(), AccountLock),
  }),
);
export const AuthenticatorType = z.enum([
  'phone',
  'email',
  'softToken',
  'webAuthnSecurityKey',
  'webAuthnDeviceBiometrics',
  'passkey',
  'custom',
  'password',
]);
export const AuthenticatorResponse = named(
  'AuthenticatorResponse_Account',
  z.object({
    id: z.string(),
    type: AuthenticatorType,
    subType: z.string().optional(),
    target: z.string().optional(),
    methods: z.array(z.string()),
    publicMetadata: json,
    createdAt: dateTime,
    lastUsedAt: dateTime.optional(),
  }),
);
export const ConsentResponseAccount = named(
  'ConsentResponse_Account',
  z.object({
    id: z.string(),
    consentId: z.string(),
    consentVersion: z.number().int(),
    optIn: dateTime,
    optOut: dateTime.optional(),
  }),
);
export const AccountProofingWithName = named(
  'AccountProofingWithNameAndDeletedResponse_Account',
  z.object({
    id: z.string(),
    policyId: z.string(),
    attempts: z.number().int(),
    proofedAt: dateTime.optional(),
    invalidatedAt: dateTime.optional(),
    deleted: z.boolean(),
  }),
);
export const NotificationPreferences = named(
  'NotificationPreferencesResponse',
  z.object({
    accountAttributeUpdate: z.boolean(),
    accountDeletion: z.boolean(),
    accountLockout: z.boolean(),
    mfaMethodChange: z.boolean(),
    passwordResetSuccess: z.boolean(),
  }),
);
export const AccountRole = named(
  'AccountRole_Account',
  z.object({ id: z.string().min(1), organization: z.string().min(1) }),
);

export const AccountResponse = named(
  'AccountResponse_Account',
  z.object({
    id: z.string(),
    store: z.string(),
    enabled: z.boolean(),
    organization: z.string().nullable(),
    language: z.string(),
    createdAt: dateTime,
    updatedAt: dateTime,
    disabledAt: dateTime.optional(),
    lastLogin: LastLoginResponse.optional(),
    lastAuthenticationActivity: LastLoginResponse.optional(),
    numberOfLogins: z.number().int(),
    accountInfo: json,
    identities: json,
    accountLockout: AccountLockout,
    authenticators: z.object({ methods: z.array(AuthenticatorResponse) }),
    consents: z.array(ConsentResponseAccount),
    accountProofings: z.array(AccountProofingWithName),
    groups: z.array(z.object({ id: z.string() })),
    roles: z.array(AccountRole),
    notificationPreferences: NotificationPreferences,
  }),
);

export const AccountInsertRequest = named(
  'AccountInsertRequest_Account',
  z.object({
    language: z
      .string()
      .regex(/^[a-z]{2,3}-[A-Z0-9]{2,3}$/)
      .default('en-US'),
    email: z.object({ id: z.string().email(), verified: z.boolean().default(false) }).optional(),
    phone: z
      .object({
        id: z.string().regex(/^\+[1-9]\d{6,14}$/, 'Phone numbers are E.164: + and 7 to 15 digits'),
        verified: z.boolean().default(false),
      })
      .optional(),
    local: z.object({ id: z.string().min(1).max(104).optional(), metadata: json.optional() }).optional(),
    organization: z.string().optional(),
    password: z.string().min(1).max(256).optional(),
    skipPasswordPolicy: z.boolean().default(false),
  }),
);

export const IdentifiedSessionResponse = named(
  'IdentifiedSessionResponse_Account',
  z.object({
    id: z.string(),
    deviceString: z.string(),
    userAgent: z.string(),
    lastIP: z.string(),
    lastLoginAt: dateTime,
    location: FeatureResponse.optional(),
  }),
);

export const AuthenticatorAdminInsertRequest = named(
  'AuthenticatorAdminInsertRequest_Account',
  z.object({
    type: z.enum(['email', 'phone', 'custom']),
    target: z.string().min(1),
    subType: z.string().optional(),
    metadata: json.optional(),
    publicMetadata: json.optional(),
  }),
);

export const PasswordResetRequest = named(
  'PasswordResetRequest_Account',
  z.object({ newPassword: z.string().min(1).max(256).optional(), skipPasswordPolicy: z.boolean().optional() }),
);

/** One identity: the document's oneOf of flat Local, Email, Phone and External objects (no wrapper keys). */
export const IdentitiesResponse = named(
  'IdentitiesResponse_Identities',
  // Email and Phone first: a union answers with its first match, and Local/External would drop `verified`.
  z.union([
    z.object({ id: z.string(), display: z.string().optional(), verified: z.boolean() }).describe('Email or Phone'),
    z
      .object({ id: z.string(), display: z.string().optional(), metadata: json.optional() })
      .describe('Local or External'),
  ]),
);

export const RoleAssignmentRequest = named(
  'RoleAssignmentRequest_Account',
  z.object({ organization: z.string().min(1), roles: z.array(IdReference).min(1) }),
);
export const AccountOrganizationUpdateRequest = named(
  'AccountOrganizationUpdateRequest',
  z.object({ id: z.string().nullable().optional() }),
);
export const CustomerIdentityVerificationResponse = named(
  'CustomerIdentityVerificationResponse_AccountProofing',
  z.object({
    id: z.string(),
    policyId: z.string(),
    attempts: z.number().int(),
    proofedAt: dateTime.optional(),
    invalidatedAt: dateTime.optional(),
  }),
);
export const CustomerIdentityVerificationInsertRequest = named(
  'CustomerIdentityVerificationInsertRequest_AccountProofing',
  z.object({ policyId: z.string().min(1) }),
);
export const AccountIdentifierUpdateRequest = named(
  'AccountIdentifierUpdateRequest_Account',
  z.object({ identifier: z.string().optional(), type: z.enum(['username', 'email', 'phone']) }),
);
export const ImpersonationInsertRequest = named(
  'ImpersonationInsertRequest_Account',
  z.object({ clientId: z.string().min(1), reason: z.string().max(512) }),
);
export const ImpersonationResponse = named('ImpersonationResponse_Account', z.object({ impersonationUrl: z.string() }));
// ---- invitations

export const AccountInvitationInsertRequest = named(
  'AccountInvitationInsertRequest_AccountInvitationDetails',
  z.object({
    clientId: z.string().min(1),
    email: z.string().min(1).email(),
    groups: z.array(IdReference),
    language: z.string().regex(/^[a-z]{2,3}-[A-Z0-9]{2,3}$/),
    metadata: json,
    organization: z.string().optional(),
    roles: z.array(AccountRole),
  }),
);
export const AccountInvitationListItem = named(
  'AccountInvitationResponse_Account',
  z.object({
    accountId: z.string(),
    clientId: z.string(),
    email: z.string(),
    id: z.string(),
    organization: z.string().optional(),
    sent: dateTime,
    store: z.string(),
    validUntil: dateTime,
  }),
);
export const AccountInvitationResponse = named(
  'AccountInvitationResponse_AccountInvitationDetails',
  AccountInvitationListItem.extend({
    groups: z.array(z.object({ id: z.string() })),
    language: z.string(),
    metadata: json,
    roles: z.array(AccountRole),
  }),
);
export const InvitationConflictProblemJson = named(
  'InvitationConflictProblemJson_AccountInvitationDetails',
  ProblemJson.extend({ conflictingId: z.string().optional() }),
);
export const AccountLockRequest = named('AccountLockRequest', z.object({ type: z.string().regex(/^_password$/) }));

// ---- configuration

export const GroupResponse = named(
  'GroupResponse',
  z.object({ id: z.string(), name: z.string(), description: z.string() }),
);
export const PagedModelGroupResponse = pagedModel('PagedModelGroupResponse', GroupResponse);
export const OrganizationListResponse = named(
  'OrganizationListResponse',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    parent: NameAndId.optional(),
    routes: z.array(z.string()),
    configuration: json,
  }),
);
export const OrganizationResponse = named(
  'OrganizationResponse',
  OrganizationListResponse.extend({ metadata: z.record(z.string(), z.string()) }),
);
export const RoleResponse = named(
  'RoleResponse',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scopes: z.array(z.string()),
    defaultRole: z.boolean(),
    defaultAdminRole: z.boolean(),
  }),
);
export const PagedModelRoleResponse = pagedModel('PagedModelRoleResponse', RoleResponse);
export const IdentityProofingStepDTO = named(
  'IdentityProofingStepDTO',
  z.object({
    id: z.string(),
    type: z.enum([
      'addressRiskEvaluation',
      'documentVerification',
      'knowledgeBasedVerification',
      'phoneNumberRiskEvaluation',
      'phoneBasedIdentityAffirmation',
      'proofingData',
    ]),
  }),
);
/** The step types of the published IdentityVerificationStep. */
export type ProofingStepType = z.infer<typeof IdentityProofingStepDTO>['type'];
export const IdentityProofingListResponse = named(
  'IdentityProofingListResponse',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    policyTag: z.string().optional(),
    steps: z.array(IdentityProofingStepDTO),
  }),
);
export const PagedModelIdentityProofingListResponse = pagedModel(
  'PagedModelIdentityProofingListResponse',
  IdentityProofingListResponse,
);
export const IdentityProofingResponse = named(
  'IdentityProofingResponse_IdentityProofing',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    policyTag: z.string().optional(),
    failureMessage: z.object({ displayText: z.string() }),
  }),
);
export const Consent = named(
  'Consent_Consent',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    displayText: z.string(),
    selfServiceDisplayText: z.string().optional(),
    policyTag: z.string().optional(),
    version: z.number().int(),
    versions: z
      .array(z.object({ version: z.number().int(), displayText: z.string(), publishedAt: dateTime }))
      .describe('Sandbox extension: every published version of the consent text.'),
  }),
);
export const PagedModelConsent = pagedModel('PagedModelConsent', Consent);
export const Brand = named(
  'Brand_Brand',
  z.object({
    id: z.string(),
    name: z.string(),
    brandName: z.string(),
    primaryColor: z.string().optional(),
    backgroundColor: z.string().optional(),
    logoUrl: z.string().optional(),
    supportText: z.string().optional(),
  }),
);
export const PagedModelBrand = pagedModel('PagedModelBrand', Brand);
export const NotificationPolicyResponse = named(
  'NotificationPolicyResponse',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    sender: z.string(),
    senderDisplayName: z.string(),
  }),
);
export const PagedModelNotificationPolicyResponse = pagedModel(
  'PagedModelNotificationPolicyResponse',
  NotificationPolicyResponse,
);

const policyLink = z.object({ id: z.string(), name: z.string().optional() }).optional();
export const PoliciesResponse = named(
  'PoliciesResponse_ApplicationConfig',
  z.object({ brand: policyLink, notificationPolicy: policyLink, identityProofing: policyLink }),
);
export const ApplicationClientNameAndLoginURLs = named(
  'ApplicationClientNameAndLoginURLsResponse',
  z.object({ id: z.string(), name: z.string(), loginUrl: z.string().optional() }),
);
export const ApplicationConfigResponse = named(
  'ApplicationConfigResponse_ApplicationConfig',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    type: z
      .enum(['personal', 'organizational', 'hybrid'])
      .describe('As in the request schema: what marks an application organizational.'),
    identityStore: z.object({ name: z.string() }),
    clients: z.array(ApplicationClientNameAndLoginURLs),
    policies: PoliciesResponse,
  }),
);
/** An application as listed: the document's list item carries no policies. */
export const ApplicationConfigListResponse = named(
  'ApplicationConfigListResponse',
  ApplicationConfigResponse.omit({ policies: true }),
);
export const PagedModelApplicationConfigListResponse = pagedModel(
  'PagedModelApplicationConfigListResponse',
  ApplicationConfigListResponse,
);
export const GenericClientResponse = named(
  'GenericClientResponse_ApplicationConfig',
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    enabled: z.boolean(),
    loginUrl: z.string().optional(),
    configuration: z.object({ clientId: z.string().optional() }).optional(),
  }),
);
export const OrganizationPolicyResponse = named(
  'OrganizationPolicyResponse_OrganizationPolicy',
  z.object({
    organization: z.object({ id: z.string() }),
    policies: z.object({
      brand: z.object({ id: z.string() }).nullable(),
      notificationPolicy: z.object({ id: z.string() }).nullable(),
    }),
  }),
);
export const PagedModelOrganizationPolicyResponse = pagedModel(
  'PagedModelOrganizationPolicyResponse',
  OrganizationPolicyResponse,
);

// ---- events and notifications

export const EventType = z.enum([
  'customerFlow',
  'selfService',
  'administrative',
  'scheduled',
  'bulkOperation',
  'systemInitiatedOperation',
]);
export const EventActor = named(
  'EventActor',
  z.object({
    accountId: z.string().optional(),
    userName: z.string().optional(),
    store: z.string().optional(),
    ip: z.string().optional(),
    userAgent: z.string().optional(),
    location: FeatureResponse.optional(),
  }),
);
export const Notification = named('Notification', z.object({ id: z.string(), target: z.string() }));
export const Detail = named(
  'Detail',
  z.object({
    name: z.string(),
    label: z.string().optional(),
    type: z.string().optional(),
    outcome: z.string().optional(),
    timestamp: dateTime,
    metadata: json.optional(),
    notifications: z.array(Notification).optional(),
  }),
);
export const ActionResponse = named(
  'ActionResponse',
  z.object({
    type: EventType,
    timestamp: dateTime,
    actor: EventActor.optional(),
    details: z.array(Detail),
    http: z
      .object({
        request: z.object({ method: z.string(), url: z.string() }),
        response: z.object({ code: z.number().int() }),
      })
      .optional(),
    notifications: z.array(Notification).optional(),
  }),
);
export const AccountEventHeaderResponse = named(
  'AccountEventHeaderResponse',
  z.object({
    eventId: z.string(),
    type: EventType,
    labels: z.array(z.string()),
    startTimestamp: dateTime,
    endTimestamp: dateTime,
    actor: EventActor.optional(),
    actorApplication: NameAndId.optional(),
    actorClient: NameAndId.optional(),
    loginSessionId: z.string().optional(),
    subject: z.object({ accountId: z.string().optional(), store: z.string(), userName: z.string().optional() }),
  }),
);
export const AccountEventResponse = named(
  'AccountEventResponse',
  AccountEventHeaderResponse.extend({ actions: z.array(ActionResponse) }),
);
export const NotificationEventListResponse = named(
  'NotificationEventListResponse',
  z.object({
    id: z.string(),
    accountId: z.string().optional(),
    accountEventId: z.string().optional(),
    invitationId: z.string().optional(),
    identityStore: z.string(),
    channel: z.string(),
    target: z.string(),
    notificationPolicyId: z.string().optional(),
    notificationTemplate: z.object({ id: z.string(), displayName: z.string() }),
    success: z.boolean(),
    timestamp: dateTime,
    validUntil: dateTime.optional(),
    brandId: z.string().optional().describe('Sandbox extension: the branding policy that applied.'),
    applicationId: z.string().optional().describe('Sandbox extension: the application whose client sent it.'),
    clientId: z.string().optional().describe('Sandbox extension: the client named in X-Notification-By-Application.'),
    policySource: z
      .enum(['application', 'organization'])
      .optional()
      .describe('Sandbox extension: whose policies applied.'),
  }),
);
export const NotificationEventResponse = named(
  'NotificationEventResponse',
  NotificationEventListResponse.extend({
    message: z.string(),
    messagePlainText: z.string(),
    errorMessages: z.array(z.object({ message: z.string() })),
  }),
);

export const TokenResponse = named(
  'TokenResponse',
  z.object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
  }),
);

// ---- the administrative audit (v2)

export const AuditEntry = named(
  'AuditEntry',
  z.object({
    id: z.string(),
    action: z.string(),
    actorClient: z.object({ id: z.string(), name: z.string() }),
    actor: z.object({ ip: z.string() }),
    date: z.string(),
    entityType: z.string(),
    method: z.string(),
    name: z.string(),
    request: z.string(),
    response: z.string(),
    url: z.string(),
    version: z.number().int(),
  }),
);
export const PagedModelAuditEntry = pagedModel('PagedModelAuditEntry', AuditEntry);

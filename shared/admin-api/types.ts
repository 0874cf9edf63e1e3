/* Generated from openapi.json by `npm run generate:admin-api`. Do not edit: change the sandbox routes and regenerate. */
/* eslint-disable */
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentitiesResponse_IdentitiesInput".
 */
export type IdentitiesResponse_IdentitiesInput = ({
id: string
display?: string
verified: boolean
} | {
id: string
display?: string
metadata?: {
[k: string]: unknown | undefined
}
})
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentitiesResponse_Identities".
 */
export type IdentitiesResponse_Identities = ({
id: string
display?: string
verified: boolean
} | {
id: string
display?: string
metadata?: {
[k: string]: unknown | undefined
}
})

export interface AdminApiSchemas {
FieldErrorInput?: FieldErrorInput
ProblemJsonInput?: ProblemJsonInput
PageMetadataInput?: PageMetadataInput
NameAndIdResponseInput?: NameAndIdResponseInput
IdReferenceRequestInput?: IdReferenceRequestInput
IdentityStoreListResponseInput?: IdentityStoreListResponseInput
IdentityStoreResponseInput?: IdentityStoreResponseInput
PagedModelIdentityStoreListResponseInput?: PagedModelIdentityStoreListResponseInput
SelectValueInput?: SelectValueInput
StringValidatorInput?: StringValidatorInput
ListValidatorInput?: ListValidatorInput
ChildAccountAttributeInput?: ChildAccountAttributeInput
AccountAttributeInput?: AccountAttributeInput
FeatureResponseInput?: FeatureResponseInput
LastLoginResponse_AccountInput?: LastLoginResponse_AccountInput
AccountLock_AccountInput?: AccountLock_AccountInput
AccountLockout_AccountInput?: AccountLockout_AccountInput
AuthenticatorResponse_AccountInput?: AuthenticatorResponse_AccountInput
ConsentResponse_AccountInput?: ConsentResponse_AccountInput
AccountProofingWithNameAndDeletedResponse_AccountInput?: AccountProofingWithNameAndDeletedResponse_AccountInput
NotificationPreferencesResponseInput?: NotificationPreferencesResponseInput
AccountRole_AccountInput?: AccountRole_AccountInput
AccountResponse_AccountInput?: AccountResponse_AccountInput
AccountInsertRequest_AccountInput?: AccountInsertRequest_AccountInput
IdentifiedSessionResponse_AccountInput?: IdentifiedSessionResponse_AccountInput
AuthenticatorAdminInsertRequest_AccountInput?: AuthenticatorAdminInsertRequest_AccountInput
PasswordResetRequest_AccountInput?: PasswordResetRequest_AccountInput
IdentitiesResponse_IdentitiesInput?: IdentitiesResponse_IdentitiesInput
RoleAssignmentRequest_AccountInput?: RoleAssignmentRequest_AccountInput
AccountOrganizationUpdateRequestInput?: AccountOrganizationUpdateRequestInput
CustomerIdentityVerificationResponse_AccountProofingInput?: CustomerIdentityVerificationResponse_AccountProofingInput
CustomerIdentityVerificationInsertRequest_AccountProofingInput?: CustomerIdentityVerificationInsertRequest_AccountProofingInput
AccountIdentifierUpdateRequest_AccountInput?: AccountIdentifierUpdateRequest_AccountInput
ImpersonationInsertRequest_AccountInput?: ImpersonationInsertRequest_AccountInput
ImpersonationResponse_AccountInput?: ImpersonationResponse_AccountInput
AccountInvitationInsertRequest_AccountInvitationDetailsInput?: AccountInvitationInsertRequest_AccountInvitationDetailsInput
AccountInvitationResponse_AccountInput?: AccountInvitationResponse_AccountInput
AccountInvitationResponse_AccountInvitationDetailsInput?: AccountInvitationResponse_AccountInvitationDetailsInput
InvitationConflictProblemJson_AccountInvitationDetailsInput?: InvitationConflictProblemJson_AccountInvitationDetailsInput
AccountLockRequestInput?: AccountLockRequestInput
GroupResponseInput?: GroupResponseInput
PagedModelGroupResponseInput?: PagedModelGroupResponseInput
OrganizationListResponseInput?: OrganizationListResponseInput
OrganizationResponseInput?: OrganizationResponseInput
RoleResponseInput?: RoleResponseInput
PagedModelRoleResponseInput?: PagedModelRoleResponseInput
IdentityProofingStepDTOInput?: IdentityProofingStepDTOInput
IdentityProofingListResponseInput?: IdentityProofingListResponseInput
PagedModelIdentityProofingListResponseInput?: PagedModelIdentityProofingListResponseInput
IdentityProofingResponse_IdentityProofingInput?: IdentityProofingResponse_IdentityProofingInput
Consent_ConsentInput?: Consent_ConsentInput
PagedModelConsentInput?: PagedModelConsentInput
Brand_BrandInput?: Brand_BrandInput
PagedModelBrandInput?: PagedModelBrandInput
NotificationPolicyResponseInput?: NotificationPolicyResponseInput
PagedModelNotificationPolicyResponseInput?: PagedModelNotificationPolicyResponseInput
PoliciesResponse_ApplicationConfigInput?: PoliciesResponse_ApplicationConfigInput
ApplicationClientNameAndLoginURLsResponseInput?: ApplicationClientNameAndLoginURLsResponseInput
ApplicationConfigResponse_ApplicationConfigInput?: ApplicationConfigResponse_ApplicationConfigInput
ApplicationConfigListResponseInput?: ApplicationConfigListResponseInput
PagedModelApplicationConfigListResponseInput?: PagedModelApplicationConfigListResponseInput
GenericClientResponse_ApplicationConfigInput?: GenericClientResponse_ApplicationConfigInput
OrganizationPolicyResponse_OrganizationPolicyInput?: OrganizationPolicyResponse_OrganizationPolicyInput
PagedModelOrganizationPolicyResponseInput?: PagedModelOrganizationPolicyResponseInput
EventActorInput?: EventActorInput
NotificationInput?: NotificationInput
DetailInput?: DetailInput
ActionResponseInput?: ActionResponseInput
AccountEventHeaderResponseInput?: AccountEventHeaderResponseInput
AccountEventResponseInput?: AccountEventResponseInput
NotificationEventListResponseInput?: NotificationEventListResponseInput
NotificationEventResponseInput?: NotificationEventResponseInput
TokenResponseInput?: TokenResponseInput
AuditEntryInput?: AuditEntryInput
PagedModelAuditEntryInput?: PagedModelAuditEntryInput
FieldError?: FieldError
ProblemJson?: ProblemJson
PageMetadata?: PageMetadata
NameAndIdResponse?: NameAndIdResponse
IdReferenceRequest?: IdReferenceRequest
IdentityStoreListResponse?: IdentityStoreListResponse
IdentityStoreResponse?: IdentityStoreResponse
PagedModelIdentityStoreListResponse?: PagedModelIdentityStoreListResponse
SelectValue?: SelectValue
StringValidator?: StringValidator
ListValidator?: ListValidator
ChildAccountAttribute?: ChildAccountAttribute
AccountAttribute?: AccountAttribute
FeatureResponse?: FeatureResponse
LastLoginResponse_Account?: LastLoginResponse_Account
AccountLock_Account?: AccountLock_Account
AccountLockout_Account?: AccountLockout_Account
AuthenticatorResponse_Account?: AuthenticatorResponse_Account
ConsentResponse_Account?: ConsentResponse_Account
AccountProofingWithNameAndDeletedResponse_Account?: AccountProofingWithNameAndDeletedResponse_Account
NotificationPreferencesResponse?: NotificationPreferencesResponse
AccountRole_Account?: AccountRole_Account
AccountResponse_Account?: AccountResponse_Account
AccountInsertRequest_Account?: AccountInsertRequest_Account
IdentifiedSessionResponse_Account?: IdentifiedSessionResponse_Account
AuthenticatorAdminInsertRequest_Account?: AuthenticatorAdminInsertRequest_Account
PasswordResetRequest_Account?: PasswordResetRequest_Account
IdentitiesResponse_Identities?: IdentitiesResponse_Identities
RoleAssignmentRequest_Account?: RoleAssignmentRequest_Account
AccountOrganizationUpdateRequest?: AccountOrganizationUpdateRequest
CustomerIdentityVerificationResponse_AccountProofing?: CustomerIdentityVerificationResponse_AccountProofing
CustomerIdentityVerificationInsertRequest_AccountProofing?: CustomerIdentityVerificationInsertRequest_AccountProofing
AccountIdentifierUpdateRequest_Account?: AccountIdentifierUpdateRequest_Account
ImpersonationInsertRequest_Account?: ImpersonationInsertRequest_Account
ImpersonationResponse_Account?: ImpersonationResponse_Account
AccountInvitationInsertRequest_AccountInvitationDetails?: AccountInvitationInsertRequest_AccountInvitationDetails
AccountInvitationResponse_Account?: AccountInvitationResponse_Account
AccountInvitationResponse_AccountInvitationDetails?: AccountInvitationResponse_AccountInvitationDetails
InvitationConflictProblemJson_AccountInvitationDetails?: InvitationConflictProblemJson_AccountInvitationDetails
AccountLockRequest?: AccountLockRequest
GroupResponse?: GroupResponse
PagedModelGroupResponse?: PagedModelGroupResponse
OrganizationListResponse?: OrganizationListResponse
OrganizationResponse?: OrganizationResponse
RoleResponse?: RoleResponse
PagedModelRoleResponse?: PagedModelRoleResponse
IdentityProofingStepDTO?: IdentityProofingStepDTO
IdentityProofingListResponse?: IdentityProofingListResponse
PagedModelIdentityProofingListResponse?: PagedModelIdentityProofingListResponse
IdentityProofingResponse_IdentityProofing?: IdentityProofingResponse_IdentityProofing
Consent_Consent?: Consent_Consent
PagedModelConsent?: PagedModelConsent
Brand_Brand?: Brand_Brand
PagedModelBrand?: PagedModelBrand
NotificationPolicyResponse?: NotificationPolicyResponse
PagedModelNotificationPolicyResponse?: PagedModelNotificationPolicyResponse
PoliciesResponse_ApplicationConfig?: PoliciesResponse_ApplicationConfig
ApplicationClientNameAndLoginURLsResponse?: ApplicationClientNameAndLoginURLsResponse
ApplicationConfigResponse_ApplicationConfig?: ApplicationConfigResponse_ApplicationConfig
ApplicationConfigListResponse?: ApplicationConfigListResponse
PagedModelApplicationConfigListResponse?: PagedModelApplicationConfigListResponse
GenericClientResponse_ApplicationConfig?: GenericClientResponse_ApplicationConfig
OrganizationPolicyResponse_OrganizationPolicy?: OrganizationPolicyResponse_OrganizationPolicy
PagedModelOrganizationPolicyResponse?: PagedModelOrganizationPolicyResponse
EventActor?: EventActor
Notification?: Notification
Detail?: Detail
ActionResponse?: ActionResponse
AccountEventHeaderResponse?: AccountEventHeaderResponse
AccountEventResponse?: AccountEventResponse
NotificationEventListResponse?: NotificationEventListResponse
NotificationEventResponse?: NotificationEventResponse
TokenResponse?: TokenResponse
AuditEntry?: AuditEntry
PagedModelAuditEntry?: PagedModelAuditEntry
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "FieldErrorInput".
 */
export interface FieldErrorInput {
field: string
message: string
objectName: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ProblemJsonInput".
 */
export interface ProblemJsonInput {
type?: string
title: string
status: number
detail?: string
path?: string
message?: string
errorKey?: string
entityName?: string
fieldErrors?: FieldErrorInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PageMetadataInput".
 */
export interface PageMetadataInput {
number: number
size: number
totalElements: number
totalPages: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NameAndIdResponseInput".
 */
export interface NameAndIdResponseInput {
id: string
name: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdReferenceRequestInput".
 */
export interface IdReferenceRequestInput {
id: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityStoreListResponseInput".
 */
export interface IdentityStoreListResponseInput {
name: string
description: string
accountEventTTL: number
organizationRegistrationEnabled: boolean
passwordHashApiEnabled: boolean
passwordPolicy: {
id: string
}
policyTag?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityStoreResponseInput".
 */
export interface IdentityStoreResponseInput {
name: string
description: string
accountEventTTL: number
organizationRegistrationEnabled: boolean
passwordHashApiEnabled: boolean
passwordPolicy: {
id: string
}
policyTag?: string
eventHookFunctions: {
[k: string]: unknown | undefined
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelIdentityStoreListResponseInput".
 */
export interface PagedModelIdentityStoreListResponseInput {
content: IdentityStoreListResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "SelectValueInput".
 */
export interface SelectValueInput {
displayName: string
value: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "StringValidatorInput".
 */
export interface StringValidatorInput {
min?: number
max?: number
regex?: string
errorMessage?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ListValidatorInput".
 */
export interface ListValidatorInput {
min?: number
max?: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ChildAccountAttributeInput".
 */
export interface ChildAccountAttributeInput {
id: string
type: ("STRING" | "CHECKBOX" | "SELECT" | "PHONE_NUMBER" | "EMAIL" | "DATE" | "PASSWORD" | "USERNAME_IDENTIFIER" | "EMAIL_IDENTIFIER" | "PHONE_IDENTIFIER" | "STRING_LIST" | "SELECT_LIST" | "PHONE_NUMBER_LIST" | "EMAIL_LIST" | "DATE_LIST" | "COMPLEX_LIST")
name: string
displayName: string
path: string
enabled: boolean
required: boolean
uniqueInTheList?: boolean
indexing?: ("none" | "searchOnly" | "searchUnique" | "searchUniqueInOrganization")
values?: SelectValueInput[]
validator?: StringValidatorInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountAttributeInput".
 */
export interface AccountAttributeInput {
id: string
type: ("STRING" | "CHECKBOX" | "SELECT" | "PHONE_NUMBER" | "EMAIL" | "DATE" | "PASSWORD" | "USERNAME_IDENTIFIER" | "EMAIL_IDENTIFIER" | "PHONE_IDENTIFIER" | "STRING_LIST" | "SELECT_LIST" | "PHONE_NUMBER_LIST" | "EMAIL_LIST" | "DATE_LIST" | "COMPLEX_LIST")
/**
 * Not given for identifier and password types
 */
name?: string
displayName: string
path: string
enabled: boolean
required: boolean
displayOnAdminConsole: boolean
displayOnMyAccount: boolean
displayOnOrganizationPortal: boolean
displayOnRegistration: boolean
editableOnAdminConsole: boolean
editableOnMyAccount: boolean
editableOnOrganizationPortal: boolean
frontendHook: {
enabled: boolean
code?: string
}
indexing?: ("none" | "searchOnly" | "searchUnique" | "searchUniqueInOrganization")
default?: (string | boolean)
renderType?: string
values?: SelectValueInput[]
validator?: StringValidatorInput
listValidator?: ListValidatorInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "FeatureResponseInput".
 */
export interface FeatureResponseInput {
type: string
geometry: {
type: string
coordinates: number[]
}
properties: {
[k: string]: string | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "LastLoginResponse_AccountInput".
 */
export interface LastLoginResponse_AccountInput {
/**
 * ISO-8601 date-time
 */
time?: string
ip?: string
location?: FeatureResponseInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLock_AccountInput".
 */
export interface AccountLock_AccountInput {
until: (string | null)
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLockout_AccountInput".
 */
export interface AccountLockout_AccountInput {
failedPasswordAttemptCount: number
failedPasswordAttemptCountPermanentLock: number
failedPasscodeAttemptCount: number
failedPasscodeAttemptCountPermanentLock: number
locks: {
[k: string]: AccountLock_AccountInput | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuthenticatorResponse_AccountInput".
 */
export interface AuthenticatorResponse_AccountInput {
id: string
type: ("phone" | "email" | "softToken" | "webAuthnSecurityKey" | "webAuthnDeviceBiometrics" | "passkey" | "custom" | "password")
subType?: string
target?: string
methods: string[]
publicMetadata: {
[k: string]: unknown | undefined
}
/**
 * ISO-8601 date-time
 */
createdAt: string
/**
 * ISO-8601 date-time
 */
lastUsedAt?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ConsentResponse_AccountInput".
 */
export interface ConsentResponse_AccountInput {
id: string
consentId: string
consentVersion: number
/**
 * ISO-8601 date-time
 */
optIn: string
/**
 * ISO-8601 date-time
 */
optOut?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountProofingWithNameAndDeletedResponse_AccountInput".
 */
export interface AccountProofingWithNameAndDeletedResponse_AccountInput {
id: string
policyId: string
attempts: number
/**
 * ISO-8601 date-time
 */
proofedAt?: string
/**
 * ISO-8601 date-time
 */
invalidatedAt?: string
deleted: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationPreferencesResponseInput".
 */
export interface NotificationPreferencesResponseInput {
accountAttributeUpdate: boolean
accountDeletion: boolean
accountLockout: boolean
mfaMethodChange: boolean
passwordResetSuccess: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountRole_AccountInput".
 */
export interface AccountRole_AccountInput {
id: string
organization: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountResponse_AccountInput".
 */
export interface AccountResponse_AccountInput {
id: string
store: string
enabled: boolean
organization: (string | null)
language: string
/**
 * ISO-8601 date-time
 */
createdAt: string
/**
 * ISO-8601 date-time
 */
updatedAt: string
/**
 * ISO-8601 date-time
 */
disabledAt?: string
lastLogin?: LastLoginResponse_AccountInput
lastAuthenticationActivity?: LastLoginResponse_AccountInput
numberOfLogins: number
accountInfo: {
[k: string]: unknown | undefined
}
identities: {
[k: string]: unknown | undefined
}
accountLockout: AccountLockout_AccountInput
authenticators: {
methods: AuthenticatorResponse_AccountInput[]
}
consents: ConsentResponse_AccountInput[]
accountProofings: AccountProofingWithNameAndDeletedResponse_AccountInput[]
groups: {
id: string
}[]
roles: AccountRole_AccountInput[]
notificationPreferences: NotificationPreferencesResponseInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInsertRequest_AccountInput".
 */
export interface AccountInsertRequest_AccountInput {
language?: string
email?: {
id: string
verified?: boolean
}
phone?: {
id: string
verified?: boolean
}
local?: {
id?: string
metadata?: {
[k: string]: unknown | undefined
}
}
organization?: string
password?: string
skipPasswordPolicy?: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentifiedSessionResponse_AccountInput".
 */
export interface IdentifiedSessionResponse_AccountInput {
id: string
deviceString: string
userAgent: string
lastIP: string
/**
 * ISO-8601 date-time
 */
lastLoginAt: string
location?: FeatureResponseInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuthenticatorAdminInsertRequest_AccountInput".
 */
export interface AuthenticatorAdminInsertRequest_AccountInput {
type: ("email" | "phone" | "custom")
target: string
subType?: string
metadata?: {
[k: string]: unknown | undefined
}
publicMetadata?: {
[k: string]: unknown | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PasswordResetRequest_AccountInput".
 */
export interface PasswordResetRequest_AccountInput {
newPassword?: string
skipPasswordPolicy?: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "RoleAssignmentRequest_AccountInput".
 */
export interface RoleAssignmentRequest_AccountInput {
organization: string
/**
 * @minItems 1
 */
roles: [IdReferenceRequestInput, ...(IdReferenceRequestInput)[]]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountOrganizationUpdateRequestInput".
 */
export interface AccountOrganizationUpdateRequestInput {
id?: (string | null)
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "CustomerIdentityVerificationResponse_AccountProofingInput".
 */
export interface CustomerIdentityVerificationResponse_AccountProofingInput {
id: string
policyId: string
attempts: number
/**
 * ISO-8601 date-time
 */
proofedAt?: string
/**
 * ISO-8601 date-time
 */
invalidatedAt?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "CustomerIdentityVerificationInsertRequest_AccountProofingInput".
 */
export interface CustomerIdentityVerificationInsertRequest_AccountProofingInput {
policyId: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountIdentifierUpdateRequest_AccountInput".
 */
export interface AccountIdentifierUpdateRequest_AccountInput {
identifier?: string
type: ("username" | "email" | "phone")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ImpersonationInsertRequest_AccountInput".
 */
export interface ImpersonationInsertRequest_AccountInput {
clientId: string
reason: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ImpersonationResponse_AccountInput".
 */
export interface ImpersonationResponse_AccountInput {
impersonationUrl: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationInsertRequest_AccountInvitationDetailsInput".
 */
export interface AccountInvitationInsertRequest_AccountInvitationDetailsInput {
clientId: string
email: string
groups: IdReferenceRequestInput[]
language: string
metadata: {
[k: string]: unknown | undefined
}
organization?: string
roles: AccountRole_AccountInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationResponse_AccountInput".
 */
export interface AccountInvitationResponse_AccountInput {
accountId: string
clientId: string
email: string
id: string
organization?: string
/**
 * ISO-8601 date-time
 */
sent: string
store: string
/**
 * ISO-8601 date-time
 */
validUntil: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationResponse_AccountInvitationDetailsInput".
 */
export interface AccountInvitationResponse_AccountInvitationDetailsInput {
accountId: string
clientId: string
email: string
id: string
organization?: string
/**
 * ISO-8601 date-time
 */
sent: string
store: string
/**
 * ISO-8601 date-time
 */
validUntil: string
groups: {
id: string
}[]
language: string
metadata: {
[k: string]: unknown | undefined
}
roles: AccountRole_AccountInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "InvitationConflictProblemJson_AccountInvitationDetailsInput".
 */
export interface InvitationConflictProblemJson_AccountInvitationDetailsInput {
type?: string
title: string
status: number
detail?: string
path?: string
message?: string
errorKey?: string
entityName?: string
fieldErrors?: FieldErrorInput[]
conflictingId?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLockRequestInput".
 */
export interface AccountLockRequestInput {
type: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "GroupResponseInput".
 */
export interface GroupResponseInput {
id: string
name: string
description: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelGroupResponseInput".
 */
export interface PagedModelGroupResponseInput {
content: GroupResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationListResponseInput".
 */
export interface OrganizationListResponseInput {
id: string
name: string
description: string
parent?: NameAndIdResponseInput
routes: string[]
configuration: {
[k: string]: unknown | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationResponseInput".
 */
export interface OrganizationResponseInput {
id: string
name: string
description: string
parent?: NameAndIdResponseInput
routes: string[]
configuration: {
[k: string]: unknown | undefined
}
metadata: {
[k: string]: string | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "RoleResponseInput".
 */
export interface RoleResponseInput {
id: string
name: string
description: string
scopes: string[]
defaultRole: boolean
defaultAdminRole: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelRoleResponseInput".
 */
export interface PagedModelRoleResponseInput {
content: RoleResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingStepDTOInput".
 */
export interface IdentityProofingStepDTOInput {
id: string
type: ("addressRiskEvaluation" | "documentVerification" | "knowledgeBasedVerification" | "phoneNumberRiskEvaluation" | "phoneBasedIdentityAffirmation" | "proofingData")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingListResponseInput".
 */
export interface IdentityProofingListResponseInput {
id: string
name: string
description: string
policyTag?: string
steps: IdentityProofingStepDTOInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelIdentityProofingListResponseInput".
 */
export interface PagedModelIdentityProofingListResponseInput {
content: IdentityProofingListResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingResponse_IdentityProofingInput".
 */
export interface IdentityProofingResponse_IdentityProofingInput {
id: string
name: string
description: string
policyTag?: string
failureMessage: {
displayText: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Consent_ConsentInput".
 */
export interface Consent_ConsentInput {
id: string
name: string
description: string
displayText: string
selfServiceDisplayText?: string
policyTag?: string
version: number
/**
 * Sandbox extension: every published version of the consent text.
 */
versions: {
version: number
displayText: string
/**
 * ISO-8601 date-time
 */
publishedAt: string
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelConsentInput".
 */
export interface PagedModelConsentInput {
content: Consent_ConsentInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Brand_BrandInput".
 */
export interface Brand_BrandInput {
id: string
name: string
brandName: string
primaryColor?: string
backgroundColor?: string
logoUrl?: string
supportText?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelBrandInput".
 */
export interface PagedModelBrandInput {
content: Brand_BrandInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationPolicyResponseInput".
 */
export interface NotificationPolicyResponseInput {
id: string
name: string
description: string
sender: string
senderDisplayName: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelNotificationPolicyResponseInput".
 */
export interface PagedModelNotificationPolicyResponseInput {
content: NotificationPolicyResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PoliciesResponse_ApplicationConfigInput".
 */
export interface PoliciesResponse_ApplicationConfigInput {
brand?: {
id: string
name?: string
}
notificationPolicy?: {
id: string
name?: string
}
identityProofing?: {
id: string
name?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationClientNameAndLoginURLsResponseInput".
 */
export interface ApplicationClientNameAndLoginURLsResponseInput {
id: string
name: string
loginUrl?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationConfigResponse_ApplicationConfigInput".
 */
export interface ApplicationConfigResponse_ApplicationConfigInput {
id: string
name: string
description: string
/**
 * As in the request schema: what marks an application organizational.
 */
type: ("personal" | "organizational" | "hybrid")
identityStore: {
name: string
}
clients: ApplicationClientNameAndLoginURLsResponseInput[]
policies: PoliciesResponse_ApplicationConfigInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationConfigListResponseInput".
 */
export interface ApplicationConfigListResponseInput {
id: string
name: string
description: string
/**
 * As in the request schema: what marks an application organizational.
 */
type: ("personal" | "organizational" | "hybrid")
identityStore: {
name: string
}
clients: ApplicationClientNameAndLoginURLsResponseInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelApplicationConfigListResponseInput".
 */
export interface PagedModelApplicationConfigListResponseInput {
content: ApplicationConfigListResponseInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "GenericClientResponse_ApplicationConfigInput".
 */
export interface GenericClientResponse_ApplicationConfigInput {
id: string
name: string
type: string
enabled: boolean
loginUrl?: string
configuration?: {
clientId?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationPolicyResponse_OrganizationPolicyInput".
 */
export interface OrganizationPolicyResponse_OrganizationPolicyInput {
organization: {
id: string
}
policies: {
brand: ({
id: string
} | null)
notificationPolicy: ({
id: string
} | null)
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelOrganizationPolicyResponseInput".
 */
export interface PagedModelOrganizationPolicyResponseInput {
content: OrganizationPolicyResponse_OrganizationPolicyInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "EventActorInput".
 */
export interface EventActorInput {
accountId?: string
userName?: string
store?: string
ip?: string
userAgent?: string
location?: FeatureResponseInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationInput".
 */
export interface NotificationInput {
id: string
target: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "DetailInput".
 */
export interface DetailInput {
name: string
label?: string
type?: string
outcome?: string
/**
 * ISO-8601 date-time
 */
timestamp: string
metadata?: {
[k: string]: unknown | undefined
}
notifications?: NotificationInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ActionResponseInput".
 */
export interface ActionResponseInput {
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
/**
 * ISO-8601 date-time
 */
timestamp: string
actor?: EventActorInput
details: DetailInput[]
http?: {
request: {
method: string
url: string
}
response: {
code: number
}
}
notifications?: NotificationInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountEventHeaderResponseInput".
 */
export interface AccountEventHeaderResponseInput {
eventId: string
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
labels: string[]
/**
 * ISO-8601 date-time
 */
startTimestamp: string
/**
 * ISO-8601 date-time
 */
endTimestamp: string
actor?: EventActorInput
actorApplication?: NameAndIdResponseInput
actorClient?: NameAndIdResponseInput
loginSessionId?: string
subject: {
accountId?: string
store: string
userName?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountEventResponseInput".
 */
export interface AccountEventResponseInput {
eventId: string
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
labels: string[]
/**
 * ISO-8601 date-time
 */
startTimestamp: string
/**
 * ISO-8601 date-time
 */
endTimestamp: string
actor?: EventActorInput
actorApplication?: NameAndIdResponseInput
actorClient?: NameAndIdResponseInput
loginSessionId?: string
subject: {
accountId?: string
store: string
userName?: string
}
actions: ActionResponseInput[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationEventListResponseInput".
 */
export interface NotificationEventListResponseInput {
id: string
accountId?: string
accountEventId?: string
invitationId?: string
identityStore: string
channel: string
target: string
notificationPolicyId?: string
notificationTemplate: {
id: string
displayName: string
}
success: boolean
/**
 * ISO-8601 date-time
 */
timestamp: string
/**
 * ISO-8601 date-time
 */
validUntil?: string
/**
 * Sandbox extension: the branding policy that applied.
 */
brandId?: string
/**
 * Sandbox extension: the application whose client sent it.
 */
applicationId?: string
/**
 * Sandbox extension: the client named in X-Notification-By-Application.
 */
clientId?: string
/**
 * Sandbox extension: whose policies applied.
 */
policySource?: ("application" | "organization")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationEventResponseInput".
 */
export interface NotificationEventResponseInput {
id: string
accountId?: string
accountEventId?: string
invitationId?: string
identityStore: string
channel: string
target: string
notificationPolicyId?: string
notificationTemplate: {
id: string
displayName: string
}
success: boolean
/**
 * ISO-8601 date-time
 */
timestamp: string
/**
 * ISO-8601 date-time
 */
validUntil?: string
/**
 * Sandbox extension: the branding policy that applied.
 */
brandId?: string
/**
 * Sandbox extension: the application whose client sent it.
 */
applicationId?: string
/**
 * Sandbox extension: the client named in X-Notification-By-Application.
 */
clientId?: string
/**
 * Sandbox extension: whose policies applied.
 */
policySource?: ("application" | "organization")
message: string
messagePlainText: string
errorMessages: {
message: string
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "TokenResponseInput".
 */
export interface TokenResponseInput {
access_token: string
token_type: "Bearer"
expires_in: number
scope: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuditEntryInput".
 */
export interface AuditEntryInput {
id: string
action: string
actorClient: {
id: string
name: string
}
actor: {
ip: string
}
date: string
entityType: string
method: string
name: string
request: string
response: string
url: string
version: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelAuditEntryInput".
 */
export interface PagedModelAuditEntryInput {
content: AuditEntryInput[]
page: PageMetadataInput
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "FieldError".
 */
export interface FieldError {
field: string
message: string
objectName: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ProblemJson".
 */
export interface ProblemJson {
type?: string
title: string
status: number
detail?: string
path?: string
message?: string
errorKey?: string
entityName?: string
fieldErrors?: FieldError[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PageMetadata".
 */
export interface PageMetadata {
number: number
size: number
totalElements: number
totalPages: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NameAndIdResponse".
 */
export interface NameAndIdResponse {
id: string
name: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdReferenceRequest".
 */
export interface IdReferenceRequest {
id: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityStoreListResponse".
 */
export interface IdentityStoreListResponse {
name: string
description: string
accountEventTTL: number
organizationRegistrationEnabled: boolean
passwordHashApiEnabled: boolean
passwordPolicy: {
id: string
}
policyTag?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityStoreResponse".
 */
export interface IdentityStoreResponse {
name: string
description: string
accountEventTTL: number
organizationRegistrationEnabled: boolean
passwordHashApiEnabled: boolean
passwordPolicy: {
id: string
}
policyTag?: string
eventHookFunctions: {
[k: string]: unknown | undefined
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelIdentityStoreListResponse".
 */
export interface PagedModelIdentityStoreListResponse {
content: IdentityStoreListResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "SelectValue".
 */
export interface SelectValue {
displayName: string
value: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "StringValidator".
 */
export interface StringValidator {
min?: number
max?: number
regex?: string
errorMessage?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ListValidator".
 */
export interface ListValidator {
min?: number
max?: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ChildAccountAttribute".
 */
export interface ChildAccountAttribute {
id: string
type: ("STRING" | "CHECKBOX" | "SELECT" | "PHONE_NUMBER" | "EMAIL" | "DATE" | "PASSWORD" | "USERNAME_IDENTIFIER" | "EMAIL_IDENTIFIER" | "PHONE_IDENTIFIER" | "STRING_LIST" | "SELECT_LIST" | "PHONE_NUMBER_LIST" | "EMAIL_LIST" | "DATE_LIST" | "COMPLEX_LIST")
name: string
displayName: string
path: string
enabled: boolean
required: boolean
uniqueInTheList?: boolean
indexing?: ("none" | "searchOnly" | "searchUnique" | "searchUniqueInOrganization")
values?: SelectValue[]
validator?: StringValidator
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountAttribute".
 */
export interface AccountAttribute {
id: string
type: ("STRING" | "CHECKBOX" | "SELECT" | "PHONE_NUMBER" | "EMAIL" | "DATE" | "PASSWORD" | "USERNAME_IDENTIFIER" | "EMAIL_IDENTIFIER" | "PHONE_IDENTIFIER" | "STRING_LIST" | "SELECT_LIST" | "PHONE_NUMBER_LIST" | "EMAIL_LIST" | "DATE_LIST" | "COMPLEX_LIST")
/**
 * Not given for identifier and password types
 */
name?: string
displayName: string
path: string
enabled: boolean
required: boolean
displayOnAdminConsole: boolean
displayOnMyAccount: boolean
displayOnOrganizationPortal: boolean
displayOnRegistration: boolean
editableOnAdminConsole: boolean
editableOnMyAccount: boolean
editableOnOrganizationPortal: boolean
frontendHook: {
enabled: boolean
code?: string
}
indexing?: ("none" | "searchOnly" | "searchUnique" | "searchUniqueInOrganization")
default?: (string | boolean)
renderType?: string
values?: SelectValue[]
validator?: StringValidator
listValidator?: ListValidator
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "FeatureResponse".
 */
export interface FeatureResponse {
type: string
geometry: {
type: string
coordinates: number[]
}
properties: {
[k: string]: string | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "LastLoginResponse_Account".
 */
export interface LastLoginResponse_Account {
/**
 * ISO-8601 date-time
 */
time?: string
ip?: string
location?: FeatureResponse
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLock_Account".
 */
export interface AccountLock_Account {
until: (string | null)
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLockout_Account".
 */
export interface AccountLockout_Account {
failedPasswordAttemptCount: number
failedPasswordAttemptCountPermanentLock: number
failedPasscodeAttemptCount: number
failedPasscodeAttemptCountPermanentLock: number
locks: {
[k: string]: AccountLock_Account | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuthenticatorResponse_Account".
 */
export interface AuthenticatorResponse_Account {
id: string
type: ("phone" | "email" | "softToken" | "webAuthnSecurityKey" | "webAuthnDeviceBiometrics" | "passkey" | "custom" | "password")
subType?: string
target?: string
methods: string[]
publicMetadata: {
[k: string]: unknown | undefined
}
/**
 * ISO-8601 date-time
 */
createdAt: string
/**
 * ISO-8601 date-time
 */
lastUsedAt?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ConsentResponse_Account".
 */
export interface ConsentResponse_Account {
id: string
consentId: string
consentVersion: number
/**
 * ISO-8601 date-time
 */
optIn: string
/**
 * ISO-8601 date-time
 */
optOut?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountProofingWithNameAndDeletedResponse_Account".
 */
export interface AccountProofingWithNameAndDeletedResponse_Account {
id: string
policyId: string
attempts: number
/**
 * ISO-8601 date-time
 */
proofedAt?: string
/**
 * ISO-8601 date-time
 */
invalidatedAt?: string
deleted: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationPreferencesResponse".
 */
export interface NotificationPreferencesResponse {
accountAttributeUpdate: boolean
accountDeletion: boolean
accountLockout: boolean
mfaMethodChange: boolean
passwordResetSuccess: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountRole_Account".
 */
export interface AccountRole_Account {
id: string
organization: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountResponse_Account".
 */
export interface AccountResponse_Account {
id: string
store: string
enabled: boolean
organization: (string | null)
language: string
/**
 * ISO-8601 date-time
 */
createdAt: string
/**
 * ISO-8601 date-time
 */
updatedAt: string
/**
 * ISO-8601 date-time
 */
disabledAt?: string
lastLogin?: LastLoginResponse_Account
lastAuthenticationActivity?: LastLoginResponse_Account
numberOfLogins: number
accountInfo: {
[k: string]: unknown | undefined
}
identities: {
[k: string]: unknown | undefined
}
accountLockout: AccountLockout_Account
authenticators: {
methods: AuthenticatorResponse_Account[]
}
consents: ConsentResponse_Account[]
accountProofings: AccountProofingWithNameAndDeletedResponse_Account[]
groups: {
id: string
}[]
roles: AccountRole_Account[]
notificationPreferences: NotificationPreferencesResponse
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInsertRequest_Account".
 */
export interface AccountInsertRequest_Account {
language: string
email?: {
id: string
verified: boolean
}
phone?: {
id: string
verified: boolean
}
local?: {
id?: string
metadata?: {
[k: string]: unknown | undefined
}
}
organization?: string
password?: string
skipPasswordPolicy: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentifiedSessionResponse_Account".
 */
export interface IdentifiedSessionResponse_Account {
id: string
deviceString: string
userAgent: string
lastIP: string
/**
 * ISO-8601 date-time
 */
lastLoginAt: string
location?: FeatureResponse
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuthenticatorAdminInsertRequest_Account".
 */
export interface AuthenticatorAdminInsertRequest_Account {
type: ("email" | "phone" | "custom")
target: string
subType?: string
metadata?: {
[k: string]: unknown | undefined
}
publicMetadata?: {
[k: string]: unknown | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PasswordResetRequest_Account".
 */
export interface PasswordResetRequest_Account {
newPassword?: string
skipPasswordPolicy?: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "RoleAssignmentRequest_Account".
 */
export interface RoleAssignmentRequest_Account {
organization: string
/**
 * @minItems 1
 */
roles: [IdReferenceRequest, ...(IdReferenceRequest)[]]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountOrganizationUpdateRequest".
 */
export interface AccountOrganizationUpdateRequest {
id?: (string | null)
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "CustomerIdentityVerificationResponse_AccountProofing".
 */
export interface CustomerIdentityVerificationResponse_AccountProofing {
id: string
policyId: string
attempts: number
/**
 * ISO-8601 date-time
 */
proofedAt?: string
/**
 * ISO-8601 date-time
 */
invalidatedAt?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "CustomerIdentityVerificationInsertRequest_AccountProofing".
 */
export interface CustomerIdentityVerificationInsertRequest_AccountProofing {
policyId: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountIdentifierUpdateRequest_Account".
 */
export interface AccountIdentifierUpdateRequest_Account {
identifier?: string
type: ("username" | "email" | "phone")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ImpersonationInsertRequest_Account".
 */
export interface ImpersonationInsertRequest_Account {
clientId: string
reason: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ImpersonationResponse_Account".
 */
export interface ImpersonationResponse_Account {
impersonationUrl: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationInsertRequest_AccountInvitationDetails".
 */
export interface AccountInvitationInsertRequest_AccountInvitationDetails {
clientId: string
email: string
groups: IdReferenceRequest[]
language: string
metadata: {
[k: string]: unknown | undefined
}
organization?: string
roles: AccountRole_Account[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationResponse_Account".
 */
export interface AccountInvitationResponse_Account {
accountId: string
clientId: string
email: string
id: string
organization?: string
/**
 * ISO-8601 date-time
 */
sent: string
store: string
/**
 * ISO-8601 date-time
 */
validUntil: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountInvitationResponse_AccountInvitationDetails".
 */
export interface AccountInvitationResponse_AccountInvitationDetails {
accountId: string
clientId: string
email: string
id: string
organization?: string
/**
 * ISO-8601 date-time
 */
sent: string
store: string
/**
 * ISO-8601 date-time
 */
validUntil: string
groups: {
id: string
}[]
language: string
metadata: {
[k: string]: unknown | undefined
}
roles: AccountRole_Account[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "InvitationConflictProblemJson_AccountInvitationDetails".
 */
export interface InvitationConflictProblemJson_AccountInvitationDetails {
type?: string
title: string
status: number
detail?: string
path?: string
message?: string
errorKey?: string
entityName?: string
fieldErrors?: FieldError[]
conflictingId?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountLockRequest".
 */
export interface AccountLockRequest {
type: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "GroupResponse".
 */
export interface GroupResponse {
id: string
name: string
description: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelGroupResponse".
 */
export interface PagedModelGroupResponse {
content: GroupResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationListResponse".
 */
export interface OrganizationListResponse {
id: string
name: string
description: string
parent?: NameAndIdResponse
routes: string[]
configuration: {
[k: string]: unknown | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationResponse".
 */
export interface OrganizationResponse {
id: string
name: string
description: string
parent?: NameAndIdResponse
routes: string[]
configuration: {
[k: string]: unknown | undefined
}
metadata: {
[k: string]: string | undefined
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "RoleResponse".
 */
export interface RoleResponse {
id: string
name: string
description: string
scopes: string[]
defaultRole: boolean
defaultAdminRole: boolean
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelRoleResponse".
 */
export interface PagedModelRoleResponse {
content: RoleResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingStepDTO".
 */
export interface IdentityProofingStepDTO {
id: string
type: ("addressRiskEvaluation" | "documentVerification" | "knowledgeBasedVerification" | "phoneNumberRiskEvaluation" | "phoneBasedIdentityAffirmation" | "proofingData")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingListResponse".
 */
export interface IdentityProofingListResponse {
id: string
name: string
description: string
policyTag?: string
steps: IdentityProofingStepDTO[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelIdentityProofingListResponse".
 */
export interface PagedModelIdentityProofingListResponse {
content: IdentityProofingListResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "IdentityProofingResponse_IdentityProofing".
 */
export interface IdentityProofingResponse_IdentityProofing {
id: string
name: string
description: string
policyTag?: string
failureMessage: {
displayText: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Consent_Consent".
 */
export interface Consent_Consent {
id: string
name: string
description: string
displayText: string
selfServiceDisplayText?: string
policyTag?: string
version: number
/**
 * Sandbox extension: every published version of the consent text.
 */
versions: {
version: number
displayText: string
/**
 * ISO-8601 date-time
 */
publishedAt: string
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelConsent".
 */
export interface PagedModelConsent {
content: Consent_Consent[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Brand_Brand".
 */
export interface Brand_Brand {
id: string
name: string
brandName: string
primaryColor?: string
backgroundColor?: string
logoUrl?: string
supportText?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelBrand".
 */
export interface PagedModelBrand {
content: Brand_Brand[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationPolicyResponse".
 */
export interface NotificationPolicyResponse {
id: string
name: string
description: string
sender: string
senderDisplayName: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelNotificationPolicyResponse".
 */
export interface PagedModelNotificationPolicyResponse {
content: NotificationPolicyResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PoliciesResponse_ApplicationConfig".
 */
export interface PoliciesResponse_ApplicationConfig {
brand?: {
id: string
name?: string
}
notificationPolicy?: {
id: string
name?: string
}
identityProofing?: {
id: string
name?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationClientNameAndLoginURLsResponse".
 */
export interface ApplicationClientNameAndLoginURLsResponse {
id: string
name: string
loginUrl?: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationConfigResponse_ApplicationConfig".
 */
export interface ApplicationConfigResponse_ApplicationConfig {
id: string
name: string
description: string
/**
 * As in the request schema: what marks an application organizational.
 */
type: ("personal" | "organizational" | "hybrid")
identityStore: {
name: string
}
clients: ApplicationClientNameAndLoginURLsResponse[]
policies: PoliciesResponse_ApplicationConfig
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ApplicationConfigListResponse".
 */
export interface ApplicationConfigListResponse {
id: string
name: string
description: string
/**
 * As in the request schema: what marks an application organizational.
 */
type: ("personal" | "organizational" | "hybrid")
identityStore: {
name: string
}
clients: ApplicationClientNameAndLoginURLsResponse[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelApplicationConfigListResponse".
 */
export interface PagedModelApplicationConfigListResponse {
content: ApplicationConfigListResponse[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "GenericClientResponse_ApplicationConfig".
 */
export interface GenericClientResponse_ApplicationConfig {
id: string
name: string
type: string
enabled: boolean
loginUrl?: string
configuration?: {
clientId?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "OrganizationPolicyResponse_OrganizationPolicy".
 */
export interface OrganizationPolicyResponse_OrganizationPolicy {
organization: {
id: string
}
policies: {
brand: ({
id: string
} | null)
notificationPolicy: ({
id: string
} | null)
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelOrganizationPolicyResponse".
 */
export interface PagedModelOrganizationPolicyResponse {
content: OrganizationPolicyResponse_OrganizationPolicy[]
page: PageMetadata
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "EventActor".
 */
export interface EventActor {
accountId?: string
userName?: string
store?: string
ip?: string
userAgent?: string
location?: FeatureResponse
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Notification".
 */
export interface Notification {
id: string
target: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "Detail".
 */
export interface Detail {
name: string
label?: string
type?: string
outcome?: string
/**
 * ISO-8601 date-time
 */
timestamp: string
metadata?: {
[k: string]: unknown | undefined
}
notifications?: Notification[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "ActionResponse".
 */
export interface ActionResponse {
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
/**
 * ISO-8601 date-time
 */
timestamp: string
actor?: EventActor
details: Detail[]
http?: {
request: {
method: string
url: string
}
response: {
code: number
}
}
notifications?: Notification[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountEventHeaderResponse".
 */
export interface AccountEventHeaderResponse {
eventId: string
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
labels: string[]
/**
 * ISO-8601 date-time
 */
startTimestamp: string
/**
 * ISO-8601 date-time
 */
endTimestamp: string
actor?: EventActor
actorApplication?: NameAndIdResponse
actorClient?: NameAndIdResponse
loginSessionId?: string
subject: {
accountId?: string
store: string
userName?: string
}
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AccountEventResponse".
 */
export interface AccountEventResponse {
eventId: string
type: ("customerFlow" | "selfService" | "administrative" | "scheduled" | "bulkOperation" | "systemInitiatedOperation")
labels: string[]
/**
 * ISO-8601 date-time
 */
startTimestamp: string
/**
 * ISO-8601 date-time
 */
endTimestamp: string
actor?: EventActor
actorApplication?: NameAndIdResponse
actorClient?: NameAndIdResponse
loginSessionId?: string
subject: {
accountId?: string
store: string
userName?: string
}
actions: ActionResponse[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationEventListResponse".
 */
export interface NotificationEventListResponse {
id: string
accountId?: string
accountEventId?: string
invitationId?: string
identityStore: string
channel: string
target: string
notificationPolicyId?: string
notificationTemplate: {
id: string
displayName: string
}
success: boolean
/**
 * ISO-8601 date-time
 */
timestamp: string
/**
 * ISO-8601 date-time
 */
validUntil?: string
/**
 * Sandbox extension: the branding policy that applied.
 */
brandId?: string
/**
 * Sandbox extension: the application whose client sent it.
 */
applicationId?: string
/**
 * Sandbox extension: the client named in X-Notification-By-Application.
 */
clientId?: string
/**
 * Sandbox extension: whose policies applied.
 */
policySource?: ("application" | "organization")
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "NotificationEventResponse".
 */
export interface NotificationEventResponse {
id: string
accountId?: string
accountEventId?: string
invitationId?: string
identityStore: string
channel: string
target: string
notificationPolicyId?: string
notificationTemplate: {
id: string
displayName: string
}
success: boolean
/**
 * ISO-8601 date-time
 */
timestamp: string
/**
 * ISO-8601 date-time
 */
validUntil?: string
/**
 * Sandbox extension: the branding policy that applied.
 */
brandId?: string
/**
 * Sandbox extension: the application whose client sent it.
 */
applicationId?: string
/**
 * Sandbox extension: the client named in X-Notification-By-Application.
 */
clientId?: string
/**
 * Sandbox extension: whose policies applied.
 */
policySource?: ("application" | "organization")
message: string
messagePlainText: string
errorMessages: {
message: string
}[]
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "TokenResponse".
 */
export interface TokenResponse {
access_token: string
token_type: "Bearer"
expires_in: number
scope: string
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "AuditEntry".
 */
export interface AuditEntry {
id: string
action: string
actorClient: {
id: string
name: string
}
actor: {
ip: string
}
date: string
entityType: string
method: string
name: string
request: string
response: string
url: string
version: number
}
/**
 * This interface was referenced by `AdminApiSchemas`'s JSON-Schema
 * via the `definition` "PagedModelAuditEntry".
 */
export interface PagedModelAuditEntry {
content: AuditEntry[]
page: PageMetadata
}

/** Every named Admin API operation with its method and path. */
export interface AdminApiOperations {
  addAccountProofing: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/accountProofings' };
  addAuthenticator: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/authenticators' };
  addGroup: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/groups/{groupId}/members' };
  addGroupsToAccount: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/groups' };
  addRolesToAccount: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/roles' };
  adminInitiatedPasswordReset: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/password/reset' };
  clearAccountDeviceSessions: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/sessions' };
  createAccount: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts' };
  createInvitation: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/invite' };
  deleteAccountById: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}' };
  deleteAccountDeviceSession: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/sessions/{sessionId}' };
  deleteAccountInvitation: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/invite/{invitationId}' };
  deleteAccountProofingFailures: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/accountProofings/{accountProofingId}' };
  deleteAuthenticator: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/authenticators/{authenticatorId}' };
  deleteExternalIdentity: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/identities/{externalLoginId}' };
  deleteRolesFromAccount: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/roles/{roleId}' };
  disableAccount: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/disable' };
  enableAccount: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/enable' };
  getAccountAttribute_1: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/attributes/{id}' };
  getAccountById: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}' };
  getAccountEventById: { method: 'GET'; path: '/admin/api/v1/events/account/{eventId}' };
  getAccountEvents: { method: 'GET'; path: '/admin/api/v1/events/account' };
  getAccountInvitation: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/invite/{invitationId}' };
  getAccountInvitations: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/invite' };
  getAccountProofing: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/accountProofings' };
  getAccountRolesById: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/roles' };
  getAllAccountAttributes: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/attributes' };
  getAllAccountAttributes_1: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/attributes/{parentAttributeId}/attributes' };
  getAllApplicationConfigs: { method: 'GET'; path: '/admin/api/v2/applications' };
  getAllClients: { method: 'GET'; path: '/admin/api/v2/applications/{applicationId}/clients' };
  getAllConsents: { method: 'GET'; path: '/admin/api/v1/consents' };
  getAllIdentityProofings: { method: 'GET'; path: '/admin/api/v1/identityProofings' };
  getApplicationConfig: { method: 'GET'; path: '/admin/api/v2/applications/{id}' };
  getBrand: { method: 'GET'; path: '/admin/api/v1/brands/{id}' };
  getBrands: { method: 'GET'; path: '/admin/api/v1/brands' };
  getClient: { method: 'GET'; path: '/admin/api/v2/applications/{applicationId}/clients/{clientId}' };
  getConsentById: { method: 'GET'; path: '/admin/api/v1/consents/{id}' };
  getDescriptor: { method: 'GET'; path: '/admin/api/v1/events/descriptor' };
  getGroup: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/groups/{id}' };
  getGroups: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/groups' };
  getIdentifiedAccountDeviceSessions: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/sessions' };
  getIdentities: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/identities' };
  getIdentityProofingById: { method: 'GET'; path: '/admin/api/v1/identityProofings/{id}' };
  getIdentityStore: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}' };
  getIdentityStores: { method: 'GET'; path: '/admin/api/v1/identityStores' };
  getNotificationEventById: { method: 'GET'; path: '/admin/api/v1/events/notification/{eventId}' };
  getNotificationEvents: { method: 'GET'; path: '/admin/api/v1/events/notification' };
  getNotificationPolicies: { method: 'GET'; path: '/admin/api/v1/notificationPolicies' };
  getNotificationPolicy: { method: 'GET'; path: '/admin/api/v1/notificationPolicies/{id}' };
  getOrganization: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/organizations/{id}' };
  getOrganizationPolicies: { method: 'GET'; path: '/admin/api/v2/applications/{appId}/organizations' };
  getOrganizationPolicy: { method: 'GET'; path: '/admin/api/v2/applications/{appId}/organizations/{orgId}' };
  getOrganizations: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/organizations' };
  getPersonalData: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/download' };
  get_5: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/roles/{id}' };
  impersonation: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/impersonation' };
  invalidateAccountProofing: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/accountProofings/{accountProofingId}/invalidate' };
  liftPasscodeLock: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/liftPasscodeLock' };
  liftPasswordLock: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/liftPasswordLock' };
  listAccounts: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts' };
  listGroupMembers: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/groups/{groupId}/members' };
  list_5: { method: 'GET'; path: '/admin/api/v1/identityStores/{identityStoreName}/roles' };
  list_6: { method: 'GET'; path: '/admin/api/v2/admin/events/audit' };
  lock: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/lock' };
  removeGroup: { method: 'DELETE'; path: '/admin/api/v1/identityStores/{identityStoreName}/groups/{groupId}/members/{accountId}' };
  resendInvitation: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/invite/{invitationId}/resend' };
  resetPassword: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/password/change' };
  token: { method: 'POST'; path: '/oauth2/token' };
  updateAccountIdentifier: { method: 'POST'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/identities/identifier' };
  updateAccountNotificationPreferences: { method: 'PUT'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/notificationPreferences' };
  updateAccountOrganization: { method: 'PUT'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/organization' };
  updateLocalMetadata: { method: 'PUT'; path: '/admin/api/v1/identityStores/{identityStoreName}/accounts/{accountId}/personal' };
}

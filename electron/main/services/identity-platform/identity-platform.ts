import type { AllowedActions } from '@shared/domain/console-actions';
import type { AccountSummary } from '@shared/domain/account';
import type { AttributeDefinition, IdentityStore, NamedEntity, Organization } from '@shared/domain/identity-store';
import type {
  AccountProfile,
  AuditPage,
  EventDetail,
  EventPage,
  NotificationDetail,
  NotificationOption,
  ProfileAction,
  StoreCatalog,
} from '@shared/domain/profile';
import type { SearchRequest } from '@shared/domain/search';

export interface AccountEventQuery {
  store: string;
  accountId: string;
  from?: string | undefined;
  to?: string | undefined;
  types?: string[] | undefined;
  /** One of the platform's event labels (`failure:login`). */
  label?: string | undefined;
  page: number;
  size: number;
}

export interface PlatformPage {
  items: AccountSummary[];
  total: number | null;
  totalCapped: boolean;
}

/**
 * The console's one port to an identity platform, in its own vocabulary. The Admin API client is the first
 * adapter; no platform type passes this interface.
 */
export interface IdentityPlatform {
  /** The permission scopes the connection holds, and those the console uses that it was refused. */
  permissions(): Promise<{ granted: string[]; missing: string[] }>;
  /**
   * What the agent may do through this connection, in the console's words: what the platform supports combined with
   * what the connection was granted, with the reason for each refusal. The UI disables by this alone.
   */
  allowedActions(): Promise<AllowedActions>;
  listIdentityStores(): Promise<IdentityStore[]>;
  attributeSchema(store: string): Promise<AttributeDefinition[]>;
  listGroups(store: string): Promise<NamedEntity[]>;
  listOrganizations(store: string): Promise<Organization[]>;
  listRoles(store: string): Promise<NamedEntity[]>;
  searchAccounts(request: SearchRequest, signal?: AbortSignal): Promise<PlatformPage>;
  getAccountSummary(store: string, accountId: string): Promise<AccountSummary>;
  /** What a quick action changes, for checking before a retry; null when the account no longer exists. */
  accountState(store: string, accountId: string): Promise<{ enabled: boolean; groupIds: string[] } | null>;
  enableAccount(store: string, accountId: string): Promise<void>;
  disableAccount(store: string, accountId: string): Promise<void>;
  deleteAccount(store: string, accountId: string): Promise<void>;
  addToGroup(store: string, accountId: string, groupId: string): Promise<void>;
  removeFromGroup(store: string, accountId: string, groupId: string): Promise<void>;

  // ---- the account view
  /** The store's schema and the names behind the ids an account refers to. */
  storeCatalog(store: string): Promise<StoreCatalog>;
  /**
   * The account with its sessions, identities, latest events and notifications. `knownEmail` (the email a search
   * last saw) lets what is read by email start at once; a changed email is read again.
   */
  getAccountProfile(
    store: string,
    accountId: string,
    catalog: StoreCatalog,
    knownEmail?: string | null,
  ): Promise<AccountProfile>;
  listAccountEvents(query: AccountEventQuery): Promise<EventPage>;
  getAccountEvent(eventId: string): Promise<EventDetail>;
  /** The labels the platform gives events (its event descriptor). */
  eventLabels(): Promise<string[]>;
  /** The administrative audit's changes to this account (its URL and everything under it), newest first. */
  accountAudit(store: string, accountId: string, page: number, size: number): Promise<AuditPage>;
  getNotification(notificationId: string, catalog: StoreCatalog): Promise<NotificationDetail>;
  /** The clients the platform's rules allow notifying an account of this organization (or none) through. */
  notificationOptions(store: string, organizationId: string | null): Promise<NotificationOption[]>;
  downloadPersonalData(store: string, accountId: string, fileType: 'html' | 'json'): Promise<string>;
  applyAction(store: string, accountId: string, action: ProfileAction): Promise<void>;
  /** A one-time link that signs the agent in as the customer through an application client; the reason is kept. */
  impersonate(store: string, accountId: string, request: { clientId: string; reason: string }): Promise<string>;
}

import type { AccountSummary } from '@shared/domain/account';
import type { AttributeDefinition, IdentityStore, NamedEntity, Organization } from '@shared/domain/identity-store';
import type { AccountFilter, SearchRequest } from '@shared/domain/search';

/** What a connected platform can do; the UI hides or disables what it lacks. */
export interface PlatformCapabilities {
  /** The platform reports how many accounts match a search. */
  totalCount: boolean;
  deleteAccount: boolean;
  groupMembership: boolean;
  enableDisable: boolean;
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
  readonly capabilities: PlatformCapabilities;
  /** The permission scopes the connection holds. */
  scopes(): Promise<string[]>;
  listIdentityStores(): Promise<IdentityStore[]>;
  attributeSchema(store: string): Promise<AttributeDefinition[]>;
  listGroups(store: string): Promise<NamedEntity[]>;
  listOrganizations(store: string): Promise<Organization[]>;
  listRoles(store: string): Promise<NamedEntity[]>;
  searchAccounts(request: SearchRequest, signal?: AbortSignal): Promise<PlatformPage>;
  getAccountSummary(store: string, accountId: string): Promise<AccountSummary>;
  enableAccount(store: string, accountId: string): Promise<void>;
  disableAccount(store: string, accountId: string): Promise<void>;
  deleteAccount(store: string, accountId: string): Promise<void>;
  addToGroup(store: string, accountId: string, groupId: string): Promise<void>;
  removeFromGroup(store: string, accountId: string, groupId: string): Promise<void>;
}

export type { AccountFilter };

import type { AccountSummary } from '@shared/domain/account';
import type { AttributeDefinition, IdentityStore, NamedEntity, Organization } from '@shared/domain/identity-store';
import type { AccountFilter, SearchRequest } from '@shared/domain/search';
import { z } from 'zod';
import type { IdentityPlatform, PlatformCapabilities, PlatformPage } from '../platform/identity-platform';
import type { AdminApiClient } from './http-client';
import { ApiAccount, ApiAttribute, ApiGroup, ApiIdentityStore, ApiOrganization, ApiPaged, ApiRole } from './schemas';

const V1 = '/admin/api/v1';
const enc = encodeURIComponent;

const dateParams: Record<string, string> = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  disabledAt: 'disabledAt',
  lastLoginAt: 'lastLoginAt',
  lastAuthenticationActivityAt: 'lastAuthenticationActivityAt',
};

/** The console's filter as listAccounts query parameters. */
export function filterToQuery(filter: AccountFilter): Record<string, string | string[] | undefined> {
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
    if (range.from) query[`${param}StartDate`] = range.from;
    if (range.to) query[`${param}EndDate`] = range.to;
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

const sortParams: Record<string, string> = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  lastLogin: 'lastLogin',
  email: 'email',
  username: 'username',
};

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
  return {
    id: account.id,
    store: account.store ?? store,
    displayName: fullName || text(local?.id) || text(email?.id) || text(phone?.id) || account.id,
    username: text(local?.id),
    email: text(email?.id),
    emailVerified: email ? email.verified === true : null,
    phone: text(phone?.id),
    enabled: account.enabled,
    locked: locks.some((lock) => !lock.until || Date.parse(lock.until) > now),
    externalIdentity: Array.isArray(external)
      ? external.length > 0
      : Object.keys(identities).some((key) => !['local', 'email', 'phone', 'external'].includes(key)),
    organization: account.organization ?? null,
    lastLoginAt: account.lastLogin?.time ?? null,
    createdAt: account.createdAt ?? new Date(0).toISOString(),
    updatedAt: account.updatedAt ?? null,
  };
}

/** The Identity Platform port over the Admin API. */
export class AdminApiPlatform implements IdentityPlatform {
  readonly capabilities: PlatformCapabilities = {
    totalCount: true,
    deleteAccount: true,
    groupMembership: true,
    enableDisable: true,
  };

  constructor(private readonly client: AdminApiClient) {}

  scopes(): Promise<string[]> {
    return this.client.scopes();
  }

  async listIdentityStores(): Promise<IdentityStore[]> {
    const { data } = await this.client.request('GET', `${V1}/identityStores`, {
      query: { size: 200 },
      schema: ApiPaged(ApiIdentityStore),
    });
    return data.content.map((store) => ({ name: store.name, description: store.description ?? '' }));
  }

  async attributeSchema(store: string): Promise<AttributeDefinition[]> {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/attributes`, {
      schema: z.array(ApiAttribute),
    });
    return data.map((attribute) => ({
      id: attribute.id,
      key: attribute.path ? `${attribute.path}.${attribute.name}` : attribute.name,
      type: attribute.type,
      displayName: attribute.displayName,
      visible: attribute.displayOnAdminConsole ?? false,
      editable: attribute.editableOnAdminConsole ?? false,
      required: attribute.required ?? false,
      searchable: Boolean(attribute.indexing && attribute.indexing !== 'none'),
      options: (attribute.values ?? []).map((option) => ({ value: option.value, label: option.displayName })),
    }));
  }

  async listGroups(store: string): Promise<NamedEntity[]> {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/groups`, {
      query: { size: 1000 },
      schema: ApiPaged(ApiGroup),
    });
    return data.content.map((group) => ({ id: group.id, name: group.name }));
  }

  async listOrganizations(store: string): Promise<Organization[]> {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/organizations`, {
      query: { size: 1000 },
      schema: z.array(ApiOrganization),
    });
    return data.map((organization) => ({
      id: organization.id,
      name: organization.name,
      parentId: organization.parent?.id ?? null,
    }));
  }

  async listRoles(store: string): Promise<NamedEntity[]> {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/roles`, {
      query: { size: 1000 },
      schema: ApiPaged(ApiRole),
    });
    return data.content.map((role) => ({ id: role.id, name: role.name }));
  }

  async searchAccounts(request: SearchRequest, signal?: AbortSignal): Promise<PlatformPage> {
    const query = {
      ...filterToQuery(request.filter),
      page: String(request.page),
      size: String(request.size),
      ...(request.sort ? { sort: `${sortParams[request.sort.field]},${request.sort.direction}` } : {}),
    };
    const { data, headers } = await this.client.request('GET', `${V1}/identityStores/${enc(request.store)}/accounts`, {
      query,
      schema: z.array(ApiAccount),
      ...(signal ? { signal } : {}),
    });
    const totalHeader = headers.get('x-total-count');
    const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
    return {
      items: data.map((account) => toSummary(account, request.store)),
      total,
      totalCapped: headers.get('x-total-count-capped') === 'true',
    };
  }

  async getAccountSummary(store: string, accountId: string): Promise<AccountSummary> {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}`, {
      schema: ApiAccount,
    });
    return toSummary(data, store);
  }

  async enableAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('POST', `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}/enable`, {
      idempotent: true,
    });
  }

  async disableAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('POST', `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}/disable`, {
      idempotent: true,
    });
  }

  async deleteAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('DELETE', `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}`, {
      idempotent: true,
    });
  }

  async addToGroup(store: string, accountId: string, groupId: string): Promise<void> {
    await this.client.request('POST', `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}/groups`, {
      body: [{ id: groupId }],
      idempotent: true,
    });
  }

  async removeFromGroup(store: string, accountId: string, groupId: string): Promise<void> {
    await this.client.request(
      'DELETE',
      `${V1}/identityStores/${enc(store)}/groups/${enc(groupId)}/members/${enc(accountId)}`,
      { idempotent: true },
    );
  }
}

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
import { DesksideError } from '@shared/contracts';
import { z } from 'zod';
import type { AllowedActions } from '@shared/domain/console-actions';
import type { AccountEventQuery, IdentityPlatform, PlatformPage } from '../identity-platform';
import type { AdminApiClient } from './http-client';
import {
  allowedActionsFor,
  audienceAllows,
  dateTimeBound,
  filterToQuery,
  sortParams,
  toAttributeDefinition,
  toAuditChange,
  toEvent,
  toEventDetail,
  toNotification,
  toProfile,
  toSummary,
} from './admin-api-mapping';
import {
  ApiAccount,
  ApiAccountProfile,
  ApiApplication,
  ApiApplicationListItem,
  ApiAuditEntry,
  ApiAttribute,
  ApiChildAttribute,
  ApiBrand,
  ApiConsent,
  ApiEvent,
  ApiEventHeader,
  ApiGroup,
  ApiIdentities,
  ApiIdentityStore,
  ApiNotificationDetail,
  ApiNotificationEvent,
  ApiImpersonation,
  ApiNotificationPolicy,
  ApiOrganization,
  ApiOrganizationPolicy,
  ApiPaged,
  ApiProofingPolicy,
  ApiRole,
  ApiSession,
  ApiInvitation,
} from './schemas';

const V1 = '/admin/api/v1';
const V2 = '/admin/api/v2';
const enc = encodeURIComponent;
/** How many of an account's latest events and notifications come with its profile. */
export const PROFILE_EVENTS = 50;

/** A permission the connection lacks turns an optional part of a profile into "none", not a failed view. */
async function unlessForbidden<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DesksideError && error.code === 'FORBIDDEN') return fallback;
    throw error;
  }
}

/** The largest page the console asks for, and how many pages of a catalog list it follows at most. */
const CATALOG_PAGE = 200;
const CATALOG_PAGES = 50;

// The lists answered per request, each schema built once rather than on every call (building one costs more than
// checking a one-account answer).
const AttributeList = z.array(ApiAttribute);
const ChildAttributeList = z.array(ApiChildAttribute);
const AccountList = z.array(ApiAccount);
const SessionList = z.array(ApiSession);
const EventHeaderList = z.array(ApiEventHeader);
const InvitationList = z.array(ApiInvitation);
const NotificationEventList = z.array(ApiNotificationEvent);
const EventLabelList = z.array(z.string());

/** The Identity Platform port over the Admin API. */
export class AdminApiPlatform implements IdentityPlatform {
  constructor(private readonly client: AdminApiClient) {}

  permissions(): Promise<{ granted: string[]; missing: string[] }> {
    return this.client.grant();
  }

  /** The Admin API serves every console action: what the token's scope grants decides. */
  async allowedActions(): Promise<AllowedActions> {
    return allowedActionsFor((await this.client.grant()).granted);
  }

  async listIdentityStores(): Promise<IdentityStore[]> {
    const stores = await this.allPages(`${V1}/identityStores`, ApiIdentityStore);
    return stores.map((store) => ({
      name: store.name,
      description: store.description ?? '',
      eventRetentionDays: store.accountEventTTL ?? null,
    }));
  }

  async attributeSchema(store: string): Promise<AttributeDefinition[]> {
    const base = `${V1}/identityStores/${enc(store)}/attributes`;
    const { data } = await this.client.request('GET', base, { schema: AttributeList });
    // Complex lists carry no children in the list: each has its own endpoint.
    const children = await Promise.all(
      data.map((attribute) =>
        attribute.type === 'COMPLEX_LIST'
          ? this.client
              .request('GET', `${base}/${enc(attribute.id)}/attributes`, { schema: ChildAttributeList })
              .then((response) => response.data)
          : Promise.resolve(null),
      ),
    );
    return data.map((attribute, index) => toAttributeDefinition(attribute, children[index] ?? null));
  }

  async listGroups(store: string): Promise<NamedEntity[]> {
    const groups = await this.allPages(`${V1}/identityStores/${enc(store)}/groups`, ApiGroup);
    return groups.map((group) => ({ id: group.id, name: group.name ?? group.id }));
  }

  async listOrganizations(store: string): Promise<Organization[]> {
    const organizations = await this.allArrayPages(`${V1}/identityStores/${enc(store)}/organizations`, ApiOrganization);
    return organizations.map((organization) => ({
      id: organization.id,
      name: organization.name ?? organization.id,
      parentId: organization.parent?.id ?? null,
    }));
  }

  async listRoles(store: string): Promise<NamedEntity[]> {
    const roles = await this.allPages(`${V1}/identityStores/${enc(store)}/roles`, ApiRole);
    return roles.map((role) => ({ id: role.id, name: role.name ?? role.id }));
  }

  /** Every item of a paged list ({content, page}), following its page metadata (or, without it, full pages). */
  private async allPages<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
    const items: T[] = [];
    for (let page = 0; page < CATALOG_PAGES; page++) {
      const { data } = await this.client.request('GET', path, {
        query: { page, size: CATALOG_PAGE },
        schema: ApiPaged(schema),
      });
      const content = (data.content ?? []) as T[];
      items.push(...content);
      const totalPages = data.page?.totalPages;
      const more = totalPages !== undefined ? page + 1 < totalPages : content.length === CATALOG_PAGE;
      if (!more) break;
    }
    return items;
  }

  /** Every item of a list answered as a plain array (organizations): full pages mean there may be more. */
  private async allArrayPages<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
    const items: T[] = [];
    for (let page = 0; page < CATALOG_PAGES; page++) {
      const { data } = await this.client.request('GET', path, {
        query: { page, size: CATALOG_PAGE },
        schema: z.array(schema),
      });
      items.push(...data);
      if (data.length < CATALOG_PAGE) break;
    }
    return items;
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
      schema: AccountList,
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
    const { data } = await this.client.request('GET', this.accountPath(store, accountId), {
      schema: ApiAccount,
    });
    return toSummary(data, store);
  }

  async accountState(store: string, accountId: string): Promise<{ enabled: boolean; groupIds: string[] } | null> {
    try {
      const { data } = await this.client.request('GET', this.accountPath(store, accountId), {
        schema: ApiAccountProfile,
      });
      return {
        enabled: data.enabled ?? !data.disabledAt,
        groupIds: (data.groups ?? []).map((group) => group.id),
      };
    } catch (error) {
      if (error instanceof DesksideError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async enableAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('POST', `${this.accountPath(store, accountId)}/enable`, {
      idempotent: true,
    });
  }

  async disableAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('POST', `${this.accountPath(store, accountId)}/disable`, {
      idempotent: true,
    });
  }

  async deleteAccount(store: string, accountId: string): Promise<void> {
    await this.client.request('DELETE', this.accountPath(store, accountId), {
      idempotent: true,
    });
  }

  async addToGroup(store: string, accountId: string, groupId: string): Promise<void> {
    await this.client.request('POST', `${this.accountPath(store, accountId)}/groups`, {
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

  // ---- the account view

  private accountPath(store: string, accountId: string): string {
    return `${V1}/identityStores/${enc(store)}/accounts/${enc(accountId)}`;
  }

  async storeCatalog(store: string): Promise<StoreCatalog> {
    const [schema, groups, organizations, roles, proofingPolicies, consents, notificationPolicies, applications] =
      await Promise.all([
        this.attributeSchema(store),
        this.listGroups(store),
        this.listOrganizations(store),
        this.listRoles(store),
        unlessForbidden(this.allPages(`${V1}/identityProofings`, ApiProofingPolicy), []),
        unlessForbidden(this.allPages(`${V1}/consents`, ApiConsent), []),
        unlessForbidden(this.allPages(`${V1}/notificationPolicies`, ApiNotificationPolicy), []),
        unlessForbidden(this.allPages(`${V2}/applications`, ApiApplicationListItem), []),
      ]);
    return {
      schema,
      groups,
      organizations,
      roles,
      proofingPolicies: proofingPolicies.map(({ id, name, steps }) => ({
        id,
        name: name ?? id,
        steps: (steps ?? []).map((step) => step.type),
      })),
      consents: consents.map(({ id, name, version }) => ({ id, name: name ?? id, version: version ?? null })),
      notificationPolicies: notificationPolicies.map(({ id, name }) => ({ id, name: name ?? id })),
      clients: applications.flatMap((application) =>
        (application.clients ?? []).map((client) => ({ id: client.id, name: client.name ?? client.id })),
      ),
    };
  }

  async getAccountProfile(
    store: string,
    accountId: string,
    catalog: StoreCatalog,
    knownEmail?: string | null,
  ): Promise<AccountProfile> {
    const path = this.accountPath(store, accountId);
    const account = this.client.request('GET', path, { schema: ApiAccountProfile }).then((response) => response.data);
    const invitationsTo = (email: string | null) =>
      email ? unlessForbidden(this.pendingInvitations(store, email), []) : Promise.resolve([]);
    // Invitations are listed by email, not account: asked for beside the rest with the email a search saw, and
    // again once the account answers only if its email is another (or none was known).
    const early = knownEmail ? invitationsTo(knownEmail) : null;
    // Awaited below only when the email is still the account's: a failure is then reported there, and otherwise
    // (another email, or the account itself failed first) it is of no interest and must not go unhandled.
    early?.catch(() => undefined);
    const [found, sessions, identities, events, notifications, invitations] = await Promise.all([
      account,
      this.client.request('GET', `${path}/sessions`, { schema: SessionList }).then((response) => response.data),
      unlessForbidden(
        this.client
          .request('GET', `${path}/identities`, { schema: ApiIdentities })
          .then((response) => (Array.isArray(response.data) ? response.data : [response.data])),
        null,
      ),
      unlessForbidden(this.eventHeaders(store, accountId, { page: 0, size: PROFILE_EVENTS + 1 }), []),
      unlessForbidden(this.notificationEvents(store, accountId, 0, PROFILE_EVENTS), []),
      account.then((answered) => {
        const { email } = toSummary(answered, store);
        return early && email === knownEmail ? early : invitationsTo(email);
      }),
    ]);
    return toProfile(
      {
        account: found,
        invitations,
        sessions,
        identities,
        events: events.slice(0, PROFILE_EVENTS),
        moreEvents: events.length > PROFILE_EVENTS,
        notifications,
      },
      store,
      catalog,
    );
  }

  private async eventHeaders(
    store: string,
    accountId: string,
    query: { from?: string; to?: string; types?: string[]; label?: string; page: number; size: number },
  ) {
    const { data } = await this.client.request('GET', `${V1}/events/account`, {
      query: {
        subjectAccountIds: accountId,
        subjectIdentityStores: store,
        ...(query.from ? { startDate: dateTimeBound(query.from, 'start') } : {}),
        ...(query.to ? { endDate: dateTimeBound(query.to, 'end') } : {}),
        ...(query.types && query.types.length > 0 ? { eventTypes: query.types } : {}),
        ...(query.label ? { labels: [query.label] } : {}),
        page: query.page,
        size: query.size,
        // The document states no default order: ask for the newest first, as the activity tab shows them.
        sort: 'startTimestamp,desc',
      },
      schema: EventHeaderList,
    });
    return data;
  }

  /** The store's invitations to this email not accepted yet (the list answers a plain array, paged). */
  private async pendingInvitations(store: string, email: string) {
    const { data } = await this.client.request('GET', `${V1}/identityStores/${enc(store)}/invite`, {
      query: { email, accepted: 'false', page: 0, size: 20 },
      schema: InvitationList,
    });
    return data;
  }

  private async notificationEvents(store: string, accountId: string, page: number, size: number) {
    const { data } = await this.client.request('GET', `${V1}/events/notification`, {
      query: { accountIds: accountId, identityStores: store, page, size, sort: 'timestamp,desc' },
      schema: NotificationEventList,
    });
    return data;
  }

  async listAccountEvents(query: AccountEventQuery): Promise<EventPage> {
    // The API has no total for events: a full page means there may be more.
    const items = await this.eventHeaders(query.store, query.accountId, query);
    return { items: items.map(toEvent), more: items.length === query.size };
  }

  async eventLabels(): Promise<string[]> {
    const { data } = await this.client.request('GET', `${V1}/events/descriptor`, { schema: EventLabelList });
    return data;
  }

  async accountAudit(store: string, accountId: string, page: number, size: number): Promise<AuditPage> {
    const { data } = await this.client.request('GET', `${V2}/admin/events/audit`, {
      // The account's own URL and everything under it (its sessions, identities, ...).
      query: { url: this.accountPath(store, accountId), page, size },
      schema: ApiPaged(ApiAuditEntry),
    });
    const items = ((data.content ?? []) as ApiAuditEntry[]).map(toAuditChange);
    const totalPages = data.page?.totalPages;
    return { items, more: totalPages !== undefined ? page + 1 < totalPages : items.length === size };
  }

  async getAccountEvent(eventId: string): Promise<EventDetail> {
    const { data } = await this.client.request('GET', `${V1}/events/account/${enc(eventId)}`, { schema: ApiEvent });
    return toEventDetail(data);
  }

  async getNotification(notificationId: string, catalog: StoreCatalog): Promise<NotificationDetail> {
    const { data } = await this.client.request('GET', `${V1}/events/notification/${enc(notificationId)}`, {
      schema: ApiNotificationDetail,
    });
    return {
      ...toNotification(data, catalog),
      text: data.messagePlainText ?? '',
      errors: (data.errorMessages ?? []).flatMap((error) => (error.message ? [error.message] : [])),
    };
  }

  async notificationOptions(store: string, organizationId: string | null): Promise<NotificationOption[]> {
    const [listed, brands, policies] = await Promise.all([
      this.allPages(`${V2}/applications`, ApiApplicationListItem),
      unlessForbidden(this.allPages(`${V1}/brands`, ApiBrand), []),
      unlessForbidden(this.allPages(`${V1}/notificationPolicies`, ApiNotificationPolicy), []),
    ]);
    const eligible = listed.filter(
      (application) =>
        (!application.identityStore?.name || application.identityStore.name === store) &&
        audienceAllows(application.type, organizationId) &&
        (application.clients ?? []).length > 0,
    );
    const brandName = (id: string | undefined) => {
      const brand = brands.find((item) => item.id === id);
      return brand ? (brand.brandName ?? brand.name ?? brand.id) : null;
    };
    const policyName = (id: string | undefined) => {
      const policy = policies.find((item) => item.id === id);
      return policy ? (policy.name ?? policy.id) : null;
    };
    const options = await Promise.all(
      eligible.map(async (listedApplication) => {
        // A listed application carries no policies: they come with the application itself.
        const { data: application } = await this.client.request(
          'GET',
          `${V2}/applications/${enc(listedApplication.id)}`,
          { schema: ApiApplication },
        );
        let brandId = application.policies?.brand?.id;
        let policyId = application.policies?.notificationPolicy?.id;
        let policySource: NotificationOption['policySource'] = 'application';
        if (organizationId) {
          const override = await this.organizationPolicy(application.id, organizationId);
          if (override) {
            brandId = override.policies?.brand?.id ?? brandId;
            policyId = override.policies?.notificationPolicy?.id ?? policyId;
            policySource = 'organization';
          }
        }
        const applicationName = application.name ?? listedApplication.name ?? application.id;
        return (listedApplication.clients ?? []).map((client) => ({
          clientId: client.id,
          clientName: client.name ?? client.id,
          applicationName,
          applicationType: application.type ?? listedApplication.type ?? 'not provided',
          brandName: brandName(brandId),
          policyName: policyName(policyId),
          policySource,
        }));
      }),
    );
    return options.flat();
  }

  private async organizationPolicy(applicationId: string, organizationId: string) {
    try {
      const { data } = await this.client.request(
        'GET',
        `${V2}/applications/${enc(applicationId)}/organizations/${enc(organizationId)}`,
        { schema: ApiOrganizationPolicy },
      );
      return data;
    } catch (error) {
      if (error instanceof DesksideError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async downloadPersonalData(store: string, accountId: string, fileType: 'html' | 'json'): Promise<string> {
    const { data } = await this.client.request<string>('GET', `${this.accountPath(store, accountId)}/download`, {
      query: { fileType },
      text: true,
    });
    return data;
  }

  async impersonate(store: string, accountId: string, request: { clientId: string; reason: string }): Promise<string> {
    const { data } = await this.client.request('POST', `${this.accountPath(store, accountId)}/impersonation`, {
      body: request,
      schema: ApiImpersonation,
    });
    return data.impersonationUrl;
  }

  async applyAction(store: string, accountId: string, action: ProfileAction): Promise<void> {
    const path = this.accountPath(store, accountId);
    const notify = (clientId: string | undefined) =>
      clientId ? { headers: { 'X-Notification-By-Application': clientId } } : {};
    const send = async (method: string, suffix: string, options: Parameters<AdminApiClient['request']>[2] = {}) => {
      await this.client.request(method, `${path}${suffix}`, options);
    };
    switch (action.kind) {
      case 'updateAttributes':
        return send('PUT', '/personal', { body: action.changes, ...notify(action.notifyClientId) });
      case 'enable':
        return this.enableAccount(store, accountId);
      case 'disable':
        return this.disableAccount(store, accountId);
      case 'lock':
        // AccountLockRequest.type must match `_password` (the lock's key in accountLockout.locks).
        return send('POST', '/lock', { body: { type: '_password' }, ...notify(action.notifyClientId) });
      case 'liftLock':
        return send('POST', action.lock === 'password' ? '/liftPasswordLock' : '/liftPasscodeLock', {
          idempotent: true,
        });
      case 'deleteSessions':
        return send('DELETE', '/sessions', { idempotent: true });
      case 'deleteSession':
        return send('DELETE', `/sessions/${enc(action.sessionId)}`);
      case 'addGroups':
        return send('POST', '/groups', { body: action.groupIds.map((id) => ({ id })), idempotent: true });
      case 'removeGroup':
        return this.removeFromGroup(store, accountId, action.groupId);
      case 'assignRoles':
        return send('POST', '/roles', {
          body: { organization: action.organizationId, roles: action.roleIds.map((id) => ({ id })) },
          idempotent: true,
        });
      case 'removeRole':
        return send('DELETE', `/roles/${enc(action.roleId)}`, { query: { organization: action.organizationId } });
      case 'addAuthenticator':
        return send('POST', '/authenticators', {
          body: { type: action.type, target: action.target },
          ...notify(action.notifyClientId),
        });
      case 'changeIdentifier': {
        // Each skip header only when the agent says the customer proved it, and only for the kind it skips.
        const headers: Record<string, string> = {};
        if (action.customerProvedIt && action.type !== 'username')
          headers[action.type === 'email' ? 'X-Skip-Email-Verification' : 'X-Skip-Phone-Verification'] = 'true';
        if (action.notifyClientId) headers['X-Notification-By-Application'] = action.notifyClientId;
        return send('POST', '/identities/identifier', {
          body: { type: action.type, identifier: action.identifier },
          headers,
        });
      }
      case 'unlinkIdentity':
        return send('DELETE', `/identities/${enc(action.externalLoginId)}`, notify(action.notifyClientId));
      case 'deleteAuthenticator':
        return send('DELETE', `/authenticators/${enc(action.authenticatorId)}`, notify(action.notifyClientId));
      case 'sendPasswordReset':
        return send('POST', '/password/reset', notify(action.notifyClientId));
      case 'changePassword':
        return send('POST', '/password/change', { body: { newPassword: action.newPassword } });
      case 'verifyManually':
        return send('POST', '/accountProofings', { body: { policyId: action.policyId } });
      case 'revokeProofing':
        return send('POST', `/accountProofings/${enc(action.proofingId)}/invalidate`, { idempotent: true });
      case 'clearProofingAttempts':
        return send('DELETE', `/accountProofings/${enc(action.proofingId)}`, { idempotent: true });
      // Invitations live beside the store's accounts, not under one.
      case 'resendInvitation':
        await this.client.request(
          'POST',
          `${V1}/identityStores/${enc(store)}/invite/${enc(action.invitationId)}/resend`,
        );
        return;
      case 'revokeInvitation':
        await this.client.request('DELETE', `${V1}/identityStores/${enc(store)}/invite/${enc(action.invitationId)}`, {
          idempotent: true,
        });
        return;
    }
  }
}

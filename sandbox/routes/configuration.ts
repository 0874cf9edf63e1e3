import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import { assertStore } from '../domain/accounts';
import { loadAttributes, type AttributeDefinition } from '../domain/attributes';
import { parseJson } from '../domain/ids';
import {
  applicationClient,
  applicationClients,
  consentVersions,
  findConfiguration,
  listConfiguration,
  organizationPolicies,
  organizationPolicy,
  type Row,
} from '../domain/configuration';
import { notFound } from '../domain/problems';
import { iso } from '../domain/time';
import { operation } from '../http/operation';
import { Paging, paged, problems, StoreParams, type TypedApp } from './common';

const storeResponse = (row: Row) => ({
  name: String(row.name),
  description: String(row.description),
  accountEventTTL: Number(row.account_event_ttl),
  organizationRegistrationEnabled: row.organization_registration_enabled === 1,
  passwordHashApiEnabled: false,
  passwordPolicy: { id: String(parseJson<{ id: string }>(row.password_policy as string, { id: 'default' }).id) },
  ...(row.policy_tag ? { policyTag: String(row.policy_tag) } : {}),
});

const organizationResponse = (ctx: SandboxContext, row: Row) => {
  const found = row.parent_id
    ? findConfiguration(ctx.db, 'organization', String(row.parent_id), String(row.store))
    : undefined;
  const parent = found ? { id: String(found.id), name: String(found.name) } : undefined;
  return {
    id: String(row.id),
    name: String(row.name),
    description: String(row.description),
    ...(parent ? { parent } : {}),
    routes: parseJson<string[]>(row.routes as string, []),
    configuration: parseJson<Record<string, unknown>>(row.configuration as string, {}),
    metadata: parseJson<Record<string, string>>(row.metadata as string, {}),
  };
};

const roleResponse = (row: Row) => ({
  id: String(row.id),
  name: String(row.name),
  description: String(row.description),
  scopes: parseJson<string[]>(row.scopes as string, []),
  defaultRole: row.default_role === 1,
  defaultAdminRole: false,
});

const consentResponse = (ctx: SandboxContext, row: Row) => ({
  id: String(row.id),
  name: String(row.name),
  description: String(row.description),
  displayText: String(row.display_text),
  ...(row.self_service_display_text ? { selfServiceDisplayText: String(row.self_service_display_text) } : {}),
  ...(row.policy_tag ? { policyTag: String(row.policy_tag) } : {}),
  version: Number(row.version),
  versions: consentVersions(ctx.db, String(row.id)).map((v) => ({
    version: Number(v.version),
    displayText: String(v.display_text),
    publishedAt: iso(Number(v.published_at)),
  })),
});

const brandResponse = (row: Row) => ({
  id: String(row.id),
  name: String(row.name),
  brandName: String(row.brand_name),
  ...(row.primary_color ? { primaryColor: String(row.primary_color) } : {}),
  ...(row.background_color ? { backgroundColor: String(row.background_color) } : {}),
  ...(row.logo_url ? { logoUrl: String(row.logo_url) } : {}),
  ...(row.support_text ? { supportText: String(row.support_text) } : {}),
});

const notificationPolicyResponse = (row: Row) => ({
  id: String(row.id),
  name: String(row.name),
  description: String(row.description),
  sender: String(row.sender),
  senderDisplayName: String(row.sender_display_name),
});

function applicationResponse(ctx: SandboxContext, row: Row) {
  const link = (kind: 'brand' | 'notificationPolicy' | 'proofingPolicy', id: unknown) => {
    const found = id ? findConfiguration(ctx.db, kind, String(id)) : undefined;
    return found ? { id: String(found.id), name: String(found.name) } : undefined;
  };
  const clients = applicationClients(ctx.db, String(row.id));
  return {
    id: String(row.id),
    name: String(row.name),
    description: String(row.description),
    type: String(row.type) as 'personal' | 'organizational' | 'hybrid',
    identityStore: { name: String(row.store) },
    clients: clients.map((client) => ({
      id: String(client.id),
      name: String(client.name),
      ...(client.login_url ? { loginUrl: String(client.login_url) } : {}),
    })),
    policies: {
      brand: link('brand', row.brand_id),
      notificationPolicy: link('notificationPolicy', row.notification_policy_id),
      identityProofing: link('proofingPolicy', row.identity_proofing_id),
    },
  };
}

/** Identifier and password types carry no name, as the document has it */
const unnamedTypes = new Set(['USERNAME_IDENTIFIER', 'EMAIL_IDENTIFIER', 'PHONE_IDENTIFIER', 'PASSWORD']);

/** An attribute as the API answers: complex lists without their children (they have their own endpoint). */
function attributeResponse(attribute: AttributeDefinition): z.input<typeof S.AccountAttribute> {
  const { attributes: _children, name, ...rest } = attribute;
  return { ...rest, ...(unnamedTypes.has(attribute.type) ? {} : { name }) } as z.input<typeof S.AccountAttribute>;
}

const nameFilter = (rows: Row[], name: string | undefined) =>
  name ? rows.filter((row) => String(row.name).toLowerCase().includes(name.toLowerCase())) : rows;

/** Identity stores, attribute schemas, groups, organizations, roles, policies, consents and applications. */
export function registerConfigurationRoutes(app: TypedApp, ctx: SandboxContext): void {
  const v1 = '/admin/api/v1';
  const readStore = ['read:config_identity_store'];

  app.get(
    `${v1}/identityStores`,
    operation(ctx, 'getIdentityStores', 'Identity Store', readStore, {
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelIdentityStoreListResponse, ...problems(401, 403) },
    }),
    async (request) => {
      const rows = nameFilter(listConfiguration(ctx.db, 'identityStore'), request.query.name);
      return paged(rows.map(storeResponse), request.query.page, request.query.size);
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName`,
    operation(ctx, 'getIdentityStore', 'Identity Store', readStore, {
      params: StoreParams,
      response: { 200: S.IdentityStoreResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'identityStore', request.params.identityStoreName);
      if (!row) throw notFound('Identity store', request.params.identityStoreName);
      return { ...storeResponse(row), eventHookFunctions: [] };
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/attributes`,
    operation(ctx, 'getAllAccountAttributes', 'Account Attribute', readStore, {
      params: StoreParams,
      response: { 200: z.array(S.AccountAttribute), ...problems(401, 403, 404) },
    }),
    async (request) => {
      assertStore(ctx.db, request.params.identityStoreName);
      return loadAttributes(ctx.db, request.params.identityStoreName).map(attributeResponse);
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/attributes/:parentAttributeId/attributes`,
    operation(ctx, 'getAllAccountAttributes_1', 'Account Child Attribute', readStore, {
      params: StoreParams.extend({ parentAttributeId: z.string() }),
      response: { 200: z.array(S.ChildAccountAttribute), ...problems(401, 403, 404) },
    }),
    async (request) => {
      assertStore(ctx.db, request.params.identityStoreName);
      const parent = loadAttributes(ctx.db, request.params.identityStoreName).find(
        (candidate) => candidate.id === request.params.parentAttributeId,
      );
      if (!parent) throw notFound('Attribute', request.params.parentAttributeId);
      return (parent.attributes ?? []) as z.input<typeof S.ChildAccountAttribute>[];
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/attributes/:id`,
    operation(ctx, 'getAccountAttribute_1', 'Account Attribute', readStore, {
      params: StoreParams.extend({ id: z.string() }),
      response: { 200: S.AccountAttribute, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const attribute = loadAttributes(ctx.db, request.params.identityStoreName).find(
        (candidate) => candidate.id === request.params.id,
      );
      if (!attribute) throw notFound('Attribute', request.params.id);
      return attributeResponse(attribute);
    },
  );

  // Groups
  app.get(
    `${v1}/identityStores/:identityStoreName/groups`,
    operation(ctx, 'getGroups', 'Group', readStore, {
      params: StoreParams,
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelGroupResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      assertStore(ctx.db, request.params.identityStoreName);
      const rows = nameFilter(listConfiguration(ctx.db, 'group', request.params.identityStoreName), request.query.name);
      return paged(
        rows.map((row) => ({ id: String(row.id), name: String(row.name), description: String(row.description) })),
        request.query.page,
        request.query.size,
      );
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/groups/:id`,
    operation(ctx, 'getGroup', 'Group', readStore, {
      params: StoreParams.extend({ id: z.string() }),
      response: { 200: S.GroupResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'group', request.params.id, request.params.identityStoreName);
      if (!row) throw notFound('Group', request.params.id);
      return { id: String(row.id), name: String(row.name), description: String(row.description) };
    },
  );

  // Organizations (a plain array, as the reference has it)
  app.get(
    `${v1}/identityStores/:identityStoreName/organizations`,
    operation(ctx, 'getOrganizations', 'Organization', readStore, {
      params: StoreParams,
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: z.array(S.OrganizationListResponse), ...problems(401, 403, 404) },
    }),
    async (request) => {
      assertStore(ctx.db, request.params.identityStoreName);
      const rows = nameFilter(
        listConfiguration(ctx.db, 'organization', request.params.identityStoreName),
        request.query.name,
      );
      return paged(
        rows.map((row) => organizationResponse(ctx, row)),
        request.query.page,
        request.query.size,
      ).content;
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/organizations/:id`,
    operation(ctx, 'getOrganization', 'Organization', readStore, {
      params: StoreParams.extend({ id: z.string() }),
      response: { 200: S.OrganizationResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'organization', request.params.id, request.params.identityStoreName);
      if (!row) throw notFound('Organization', request.params.id);
      return organizationResponse(ctx, row);
    },
  );

  // Roles
  app.get(
    `${v1}/identityStores/:identityStoreName/roles`,
    operation(ctx, 'list_5', 'Role', readStore, {
      params: StoreParams,
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelRoleResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      assertStore(ctx.db, request.params.identityStoreName);
      const rows = nameFilter(listConfiguration(ctx.db, 'role', request.params.identityStoreName), request.query.name);
      return paged(rows.map(roleResponse), request.query.page, request.query.size);
    },
  );
  app.get(
    `${v1}/identityStores/:identityStoreName/roles/:id`,
    operation(ctx, 'get_5', 'Role', readStore, {
      params: StoreParams.extend({ id: z.string() }),
      response: { 200: S.RoleResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'role', request.params.id, request.params.identityStoreName);
      if (!row) throw notFound('Role', request.params.id);
      return roleResponse(row);
    },
  );

  // Identity verification policies
  app.get(
    `${v1}/identityProofings`,
    operation(ctx, 'getAllIdentityProofings', 'Identity Verification Policy', ['read:config_identity_proofing'], {
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelIdentityProofingListResponse, ...problems(401, 403) },
    }),
    async (request) => {
      const rows = nameFilter(listConfiguration(ctx.db, 'proofingPolicy'), request.query.name);
      return paged(
        rows.map((row) => ({
          id: String(row.id),
          name: String(row.name),
          description: String(row.description),
          ...(row.policy_tag ? { policyTag: String(row.policy_tag) } : {}),
          steps: parseJson<Array<{ id: string; type: S.ProofingStepType }>>(String(row.steps), []).map(
            ({ id, type }) => ({ id, type }),
          ),
        })),
        request.query.page,
        request.query.size,
      );
    },
  );
  app.get(
    `${v1}/identityProofings/:id`,
    operation(ctx, 'getIdentityProofingById', 'Identity Verification Policy', ['read:config_identity_proofing'], {
      params: z.object({ id: z.string() }),
      response: { 200: S.IdentityProofingResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'proofingPolicy', request.params.id);
      if (!row) throw notFound('Identity verification policy', request.params.id);
      return {
        id: String(row.id),
        name: String(row.name),
        description: String(row.description),
        ...(row.policy_tag ? { policyTag: String(row.policy_tag) } : {}),
        failureMessage: { displayText: String(row.failure_message) },
      };
    },
  );

  // Consents
  app.get(
    `${v1}/consents`,
    operation(ctx, 'getAllConsents', 'Consent', ['read:config_consent'], {
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelConsent, ...problems(401, 403) },
    }),
    async (request) =>
      paged(
        nameFilter(listConfiguration(ctx.db, 'consent'), request.query.name).map((row) => consentResponse(ctx, row)),
        request.query.page,
        request.query.size,
      ),
  );
  app.get(
    `${v1}/consents/:id`,
    operation(ctx, 'getConsentById', 'Consent', ['read:config_consent'], {
      params: z.object({ id: z.string() }),
      response: { 200: S.Consent, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'consent', request.params.id);
      if (!row) throw notFound('Consent', request.params.id);
      return consentResponse(ctx, row);
    },
  );

  // Branding and notification policies
  app.get(
    `${v1}/brands`,
    operation(ctx, 'getBrands', 'Brand', ['read:config_brand'], {
      querystring: Paging,
      response: { 200: S.PagedModelBrand, ...problems(401, 403) },
    }),
    async (request) =>
      paged(listConfiguration(ctx.db, 'brand').map(brandResponse), request.query.page, request.query.size),
  );
  app.get(
    `${v1}/brands/:id`,
    operation(ctx, 'getBrand', 'Brand', ['read:config_brand'], {
      params: z.object({ id: z.string() }),
      response: { 200: S.Brand, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'brand', request.params.id);
      if (!row) throw notFound('Brand', request.params.id);
      return brandResponse(row);
    },
  );
  app.get(
    `${v1}/notificationPolicies`,
    operation(ctx, 'getNotificationPolicies', 'Notification Policy', ['read:config_notification_policy'], {
      querystring: Paging,
      response: { 200: S.PagedModelNotificationPolicyResponse, ...problems(401, 403) },
    }),
    async (request) =>
      paged(
        listConfiguration(ctx.db, 'notificationPolicy').map(notificationPolicyResponse),
        request.query.page,
        request.query.size,
      ),
  );
  app.get(
    `${v1}/notificationPolicies/:id`,
    operation(ctx, 'getNotificationPolicy', 'Notification Policy', ['read:config_notification_policy'], {
      params: z.object({ id: z.string() }),
      response: { 200: S.NotificationPolicyResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = findConfiguration(ctx.db, 'notificationPolicy', request.params.id);
      if (!row) throw notFound('Notification policy', request.params.id);
      return notificationPolicyResponse(row);
    },
  );

  // Applications (v2) and their clients and per-organization policies
  const v2 = '/admin/api/v2';
  const readApp = ['read:config_application'];
  app.get(
    `${v2}/applications`,
    operation(ctx, 'getAllApplicationConfigs', 'Application', readApp, {
      querystring: Paging.extend({ name: z.string().optional() }),
      response: { 200: S.PagedModelApplicationConfigListResponse, ...problems(401, 403) },
    }),
    async (request) =>
      paged(
        nameFilter(listConfiguration(ctx.db, 'application'), request.query.name).map((row) => {
          const { policies: _policies, ...listed } = applicationResponse(ctx, row);
          return listed;
        }),
        request.query.page,
        request.query.size,
      ),
  );
  const getApplication = (id: string) => {
    const row = findConfiguration(ctx.db, 'application', id);
    if (!row) throw notFound('Application', id);
    return row;
  };
  app.get(
    `${v2}/applications/:id`,
    operation(ctx, 'getApplicationConfig', 'Application', readApp, {
      params: z.object({ id: z.string() }),
      response: { 200: S.ApplicationConfigResponse, ...problems(400, 401, 403, 404) },
    }),
    async (request) => applicationResponse(ctx, getApplication(request.params.id)),
  );
  const clientResponse = (row: Row) => ({
    id: String(row.id),
    name: String(row.name),
    type: String(row.type),
    enabled: row.enabled === 1,
    ...(row.login_url ? { loginUrl: String(row.login_url) } : {}),
    ...(row.oauth2_client_id ? { configuration: { clientId: String(row.oauth2_client_id) } } : {}),
  });
  app.get(
    `${v2}/applications/:applicationId/clients`,
    operation(ctx, 'getAllClients', 'Application Client', readApp, {
      params: z.object({ applicationId: z.string() }),
      response: { 200: z.array(S.GenericClientResponse), ...problems(401, 403, 404) },
    }),
    async (request) => {
      getApplication(request.params.applicationId);
      return applicationClients(ctx.db, request.params.applicationId).map(clientResponse);
    },
  );
  app.get(
    `${v2}/applications/:applicationId/clients/:clientId`,
    operation(ctx, 'getClient', 'Application Client', readApp, {
      params: z.object({ applicationId: z.string(), clientId: z.string() }),
      response: { 200: S.GenericClientResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = applicationClient(ctx.db, request.params.applicationId, request.params.clientId);
      if (!row) throw notFound('Client', request.params.clientId);
      return clientResponse(row);
    },
  );
  const orgPolicyResponse = (row: Row) => ({
    organization: { id: String(row.organization_id) },
    policies: {
      brand: row.brand_id ? { id: String(row.brand_id) } : null,
      notificationPolicy: row.notification_policy_id ? { id: String(row.notification_policy_id) } : null,
    },
  });
  app.get(
    `${v2}/applications/:appId/organizations`,
    operation(ctx, 'getOrganizationPolicies', 'Organization Policy', readApp, {
      params: z.object({ appId: z.string() }),
      querystring: Paging,
      response: { 200: S.PagedModelOrganizationPolicyResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      getApplication(request.params.appId);
      const rows = organizationPolicies(ctx.db, request.params.appId);
      return paged(rows.map(orgPolicyResponse), request.query.page, request.query.size);
    },
  );
  app.get(
    `${v2}/applications/:appId/organizations/:orgId`,
    operation(ctx, 'getOrganizationPolicy', 'Organization Policy', readApp, {
      params: z.object({ appId: z.string(), orgId: z.string() }),
      response: { 200: S.OrganizationPolicyResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = organizationPolicy(ctx.db, request.params.appId, request.params.orgId);
      if (!row) throw notFound('Organization policy', request.params.orgId);
      return orgPolicyResponse(row);
    },
  );
}

import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import { accountUserName, assertStore, getAccountRow, toAccountResponse } from '../domain/accounts';
import { assertIdentifiersFree, deleteAccount, insertAccount, setAccountEnabled } from '../domain/account-writes';
import { findConfiguration, passwordPolicyOf } from '../domain/configuration';
import { addToGroups, removeFromGroup } from '../domain/memberships';
import { recordAdminEvent } from '../domain/events';
import { escapeHtml } from '../domain/html';
import { passwordPolicyViolations } from '../domain/passwords';
import { badRequest, notFound } from '../domain/problems';
import { searchAccounts } from '../domain/search';
import { operation } from '../http/operation';
import { AccountParams, problems, StoreParams, type TypedApp } from './common';

const listParam = z.union([z.string(), z.array(z.string())]).optional();
const dateParam = z
  .string()
  .optional()
  .describe('ISO-8601 timestamp or signed ISO-8601 duration relative to now, e.g. -P30D');

/** listAccounts' query: every declared filter, plus attribute_<path> for indexed attributes (kept by looseObject). */
const AccountFilters = z.looseObject({
  id: z.string().optional(),
  loginIdentifier: z
    .string()
    .optional()
    .describe('Username, email or phone; a leading @ searches by email domain, subdomains included'),
  emailNativeClaim: z.string().optional(),
  userNameNativeClaim: z.string().optional(),
  enabled: z.enum(['true', 'false']).optional(),
  updatedAtStartDate: dateParam,
  updatedAtEndDate: dateParam,
  createdAtStartDate: dateParam,
  createdAtEndDate: dateParam,
  disabledAtStartDate: dateParam,
  disabledAtEndDate: dateParam,
  lastLoginAtStartDate: dateParam,
  lastLoginAtEndDate: dateParam,
  neverLoggedIn: z.enum(['true', 'false']).optional(),
  lastAuthenticationActivityAtStartDate: dateParam,
  lastAuthenticationActivityAtEndDate: dateParam,
  organization: z.string().optional(),
  organizationScope: z.string().optional(),
  groups: listParam,
  groupsFilter: z.enum(['include', 'exclude']).optional(),
  roles: listParam.describe('organizationId:roleId pairs'),
  rolesFilter: z.enum(['include', 'exclude']).optional(),
  page: z.string().optional(),
  size: z.string().optional(),
  sort: listParam.describe(
    'property,(asc|desc); properties: createdAt, updatedAt, disabledAt, lastLogin, lastAuthenticationActivity, email, username, id',
  ),
});

const loginDateParams = [
  'lastLoginAtStartDate',
  'lastLoginAtEndDate',
  'lastAuthenticationActivityAtStartDate',
  'lastAuthenticationActivityAtEndDate',
];

/** The document: lastLoginAt* and lastAuthenticationActivityAt* must not be used with neverLoggedIn=true. */
function refuseLoginDatesWithNeverLoggedIn(query: Record<string, unknown>): void {
  if (query.neverLoggedIn !== 'true') return;
  const given = loginDateParams.filter((name) => query[name] !== undefined);
  if (given.length > 0)
    throw badRequest(
      `neverLoggedIn=true cannot be combined with ${given.join(', ')}`,
      given.map((field) => ({ objectName: 'query', field, message: 'must not be used with neverLoggedIn=true' })),
    );
}

/** Accounts: search, create, read, delete, enable, disable, locks, download, group members. */
export function registerAccountRoutes(app: TypedApp, ctx: SandboxContext): void {
  const base = '/admin/api/v1/identityStores/:identityStoreName/accounts';
  const { db } = ctx;

  app.get(
    base,
    operation(ctx, 'listAccounts', 'Account', ['read:account'], {
      params: StoreParams,
      querystring: AccountFilters,
      response: {
        200: z.array(S.AccountResponse).describe('X-Total-Count / X-Total-Count-Capped headers: sandbox extension'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (request, reply) => {
      assertStore(db, request.params.identityStoreName);
      refuseLoginDatesWithNeverLoggedIn(request.query);
      const result = searchAccounts(
        ctx,
        request.params.identityStoreName,
        request.query as Record<string, string | string[] | undefined>,
      );
      reply.header('X-Total-Count', String(result.total)).header('X-Total-Count-Capped', String(result.totalCapped));
      return result.rows.map((row) => toAccountResponse(ctx, row));
    },
  );

  app.post(
    base,
    operation(ctx, 'createAccount', 'Account', ['write:account'], {
      params: StoreParams,
      body: S.AccountInsertRequest,
      response: { 201: S.AccountResponse, ...problems(400, 401, 403, 404, 409) },
    }),
    async (request, reply) => {
      const store = request.params.identityStoreName;
      assertStore(db, store);
      const body = request.body;
      const username = body.local?.id ?? null;
      const email = body.email?.id ?? null;
      const phone = body.phone?.id ?? null;
      if (!username && !email && !phone)
        throw badRequest('An account needs an identifier: local.id, email.id or phone.id.');
      assertIdentifiersFree(ctx, { store, username, email, phone });
      if (body.organization && !findConfiguration(db, 'organization', body.organization, store)) {
        throw badRequest(`Organization ${body.organization} does not exist in ${store}.`, [
          { objectName: 'account', field: 'organization', message: 'does not exist' },
        ]);
      }
      if (body.password && !body.skipPasswordPolicy) {
        const violations = passwordPolicyViolations(body.password, passwordPolicyOf(db, store), [username, email]);
        if (violations.length > 0)
          throw badRequest(
            `The password ${violations.join(', ')}.`,
            violations.map((message) => ({ objectName: 'account', field: 'password', message })),
          );
      }
      let id = '';
      db.transaction(() => {
        id = insertAccount(ctx, {
          store,
          username,
          email,
          emailVerified: body.email?.verified ?? false,
          phone,
          phoneVerified: body.phone?.verified ?? false,
          organization: body.organization ?? null,
          language: body.language,
          password: body.password ?? null,
          metadata: body.local?.metadata ?? {},
          identifierAuthenticators: true,
        });
        recordAdminEvent(
          ctx,
          request.admin!,
          { id, store, userName: username ?? email ?? phone ?? undefined },
          'accountCreation',
          {},
          undefined,
          201,
        );
      })();
      reply.code(201);
      return toAccountResponse(ctx, getAccountRow(db, store, id));
    },
  );

  app.get(
    `${base}/:accountId`,
    operation(ctx, 'getAccountById', 'Account', ['read:account'], {
      params: AccountParams,
      response: { 200: S.AccountResponse, ...problems(401, 403, 404) },
    }),
    async (request) =>
      toAccountResponse(ctx, getAccountRow(db, request.params.identityStoreName, request.params.accountId)),
  );

  app.delete(
    `${base}/:accountId`,
    operation(ctx, 'deleteAccountById', 'Account', ['delete:account'], {
      params: AccountParams,
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const row = getAccountRow(db, request.params.identityStoreName, request.params.accountId);
      db.transaction(() => {
        deleteAccount(ctx, row.id);
        recordAdminEvent(
          ctx,
          request.admin!,
          { id: row.id, store: row.store, userName: accountUserName(row) },
          'accountDeletion',
          {},
          undefined,
          204,
        );
      })();
      return reply.code(204).send(null);
    },
  );

  /** enable / disable: idempotent, 200 without a body as in the reference. */
  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `${base}/:accountId/${action}`,
      operation(ctx, `${action}Account`, 'Account', ['write:account'], {
        params: AccountParams,
        response: { 200: z.null(), ...problems(401, 403, 404) },
      }),
      async (request, reply) => {
        const row = getAccountRow(db, request.params.identityStoreName, request.params.accountId);
        db.transaction(() => {
          if ((row.enabled === 1) !== enabled) setAccountEnabled(ctx, row.id, enabled);
          recordAdminEvent(
            ctx,
            request.admin!,
            { id: row.id, store: row.store, userName: accountUserName(row) },
            enabled ? 'accountEnable' : 'accountDisable',
          );
        })();
        return reply.code(200).send(null);
      },
    );
  }

  app.get(
    `${base}/:accountId/download`,
    operation(ctx, 'getPersonalData', 'Personal Data', ['read:account_download'], {
      params: AccountParams,
      querystring: z.object({ fileType: z.enum(['html', 'json']) }),
      response: { 200: z.string(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = getAccountRow(db, request.params.identityStoreName, request.params.accountId);
      const account = toAccountResponse(ctx, row);
      const filename = `account-${row.id}.${request.query.fileType}`;
      reply.header('Content-Disposition', `attachment; filename="${filename}"`);
      if (request.query.fileType === 'json') {
        reply.type('application/json; charset=utf-8');
        return JSON.stringify(account, null, 2);
      }
      reply.type('text/html; charset=utf-8');
      return personalDataHtml(account);
    },
  );

  // Group members
  const groupBase = '/admin/api/v1/identityStores/:identityStoreName/groups/:groupId/members';
  const GroupParams = StoreParams.extend({ groupId: z.string() });
  const requireGroup = (store: string, groupId: string) => {
    const group = findConfiguration(db, 'group', groupId, store);
    if (!group) throw notFound('Group', groupId);
    return { id: String(group.id), name: String(group.name) };
  };
  app.get(
    groupBase,
    operation(ctx, 'listGroupMembers', 'Group Member', ['read:config_identity_store', 'read:account'], {
      params: GroupParams,
      querystring: AccountFilters,
      response: { 200: z.array(S.AccountResponse), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      refuseLoginDatesWithNeverLoggedIn(request.query);
      requireGroup(request.params.identityStoreName, request.params.groupId);
      const { groups: _groups, groupsFilter: _filter, ...query } = request.query;
      const result = searchAccounts(
        ctx,
        request.params.identityStoreName,
        query as Record<string, string | string[] | undefined>,
        request.params.groupId,
      );
      reply.header('X-Total-Count', String(result.total)).header('X-Total-Count-Capped', String(result.totalCapped));
      return result.rows.map((row) => toAccountResponse(ctx, row));
    },
  );
  app.post(
    groupBase,
    operation(ctx, 'addGroup', 'Group Member', ['read:config_identity_store', 'write:account'], {
      params: GroupParams,
      body: z.object({ id: z.string().min(1) }),
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const group = requireGroup(request.params.identityStoreName, request.params.groupId);
      const row = getAccountRow(db, request.params.identityStoreName, request.body.id);
      addToGroups(ctx, request.admin!, row, [group]);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    `${groupBase}/:accountId`,
    operation(ctx, 'removeGroup', 'Group Member', ['write:account'], {
      params: GroupParams.extend({ accountId: z.string() }),
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const group = requireGroup(request.params.identityStoreName, request.params.groupId);
      const row = getAccountRow(db, request.params.identityStoreName, request.params.accountId);
      if (!removeFromGroup(ctx, row.id, group.id)) throw notFound('Membership of group', group.id);
      recordAdminEvent(
        ctx,
        request.admin!,
        { id: row.id, store: row.store, userName: accountUserName(row) },
        'groupRemove',
        { groupId: group.id, groupName: group.name },
        undefined,
        204,
      );
      return reply.code(204).send(null);
    },
  );

  // The store must exist for every account path; the 404 names it rather than the account.
  app.addHook('preValidation', async (request) => {
    const params = request.params as { identityStoreName?: string } | undefined;
    if (params?.identityStoreName && request.url.startsWith('/admin/api/v1/identityStores/'))
      assertStore(db, params.identityStoreName);
  });
}

/** The download's HTML form: every value escaped, readable on its own. */
function personalDataHtml(account: ReturnType<typeof toAccountResponse>): string {
  const rows = (value: unknown, prefix = ''): string[] => {
    if (value === null || value === undefined) return [];
    if (typeof value !== 'object') return [`<tr><th>${escapeHtml(prefix)}</th><td>${escapeHtml(value)}</td></tr>`];
    return Object.entries(value).flatMap(([key, child]) => rows(child, prefix ? `${prefix}.${key}` : key));
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>Account ${escapeHtml(account.id)}</title></head><body><h1>Personal data of account ${escapeHtml(account.id)}</h1><table>${rows(account).join('')}</table></body></html>`;
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import {
  accountProofing,
  accountProofings,
  accountRoles,
  addManualProofing,
  assignRoles,
  clearProofingAttempts,
  createImpersonation,
  deleteAuthenticator,
  deleteExternalIdentity,
  deleteSession,
  deleteSessions,
  externalIdentities,
  externalIdentity,
  hasAuthenticator,
  insertAuthenticator,
  invalidateProofing,
  isClientOfStore,
  isVerifiedUnder,
  listSessions,
  removableAuthenticator,
  removeRole,
  setLocks,
  setMetadata,
  setNotificationPreferences,
  setOrganization,
  setPassword,
} from '../domain/account-records';
import { getAccountRow, type AccountRow } from '../domain/accounts';
import { updateIdentifier } from '../domain/account-writes';
import { sendActivation } from '../domain/activations';
import { notificationRuleFor, recordAdminWrite } from '../domain/admin-write';
import { applyPersonalUpdate, loadAttributes, reindexAccount } from '../domain/attributes';
import { newId, parseJson } from '../domain/ids';
import { hashPassword, passwordPolicyViolations } from '../domain/passwords';
import { badRequest, conflict, notFound } from '../domain/problems';
import { iso } from '../domain/time';
import { operation } from '../http/operation';
import { findConfiguration, passwordPolicyOf } from '../domain/configuration';
import { addToGroups } from '../domain/memberships';
import { AccountParams, NotifyHeaders, problems, type TypedApp } from './common';

/** How long an impersonation link works. */
export const IMPERSONATION_TTL_MS = 3 * 60_000;

type Row = Record<string, string | number | null>;

/** Everything an agent does to one account besides the basics: locks, sessions, authenticators, passwords, ... */
export function registerAccountActionRoutes(app: TypedApp, ctx: SandboxContext): void {
  const base = '/admin/api/v1/identityStores/:identityStoreName/accounts/:accountId';
  const { db } = ctx;
  const account = (params: { identityStoreName: string; accountId: string }): AccountRow =>
    getAccountRow(db, params.identityStoreName, params.accountId);
  const write = <T>(fn: () => T): T => db.transaction(fn)();

  // ---- locks
  app.post(
    `${base}/lock`,
    operation(ctx, 'lock', 'Account', ['write:account'], {
      params: AccountParams,
      headers: NotifyHeaders,
      body: S.AccountLockRequest,
      response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const rule = notificationRuleFor(ctx, request, row, 'accountLockout');
      const locks = parseJson<Record<string, { until: number | null }>>(row.locks, {});
      if (locks._password && (locks._password.until === null || locks._password.until > ctx.now()))
        throw conflict('The account is already locked.');
      write(() => {
        setLocks(db, row.id, { ...locks, _password: { until: null } });
        recordAdminWrite(
          ctx,
          request,
          row,
          'accountLock',
          {},
          { rule, template: 'accountLockout', details: 'Your account has been locked by the support team.' },
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );
  for (const [path, operationId, kind, counter] of [
    ['liftPasswordLock', 'liftPasswordLock', '_password', 'failed_password_attempts'],
    ['liftPasscodeLock', 'liftPasscodeLock', '_passcode', 'failed_passcode_attempts'],
  ] as const) {
    app.post(
      `${base}/${path}`,
      operation(ctx, operationId, 'Account', ['write:account'], {
        params: AccountParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      }),
      async (request, reply) => {
        const row = account(request.params);
        const locks = parseJson<Record<string, unknown>>(row.locks, {});
        delete locks[kind];
        write(() => {
          setLocks(db, row.id, locks, counter);
          recordAdminWrite(ctx, request, row, operationId, {}, undefined, 204);
        });
        return reply.code(204).send(null);
      },
    );
  }

  // ---- sessions
  app.get(
    `${base}/sessions`,
    operation(ctx, 'getIdentifiedAccountDeviceSessions', 'Account', ['read:account'], {
      params: AccountParams,
      response: { 200: z.array(S.IdentifiedSessionResponse), ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = account(request.params);
      return listSessions(db, row.id).map((session) => ({
        id: String(session.id),
        deviceString: String(session.device_string),
        userAgent: String(session.user_agent),
        lastIP: String(session.last_ip),
        lastLoginAt: iso(Number(session.last_login_at)),
        ...(session.location ? { location: JSON.parse(String(session.location)) } : {}),
      }));
    },
  );
  app.delete(
    `${base}/sessions`,
    operation(ctx, 'clearAccountDeviceSessions', 'Account', ['write:account'], {
      params: AccountParams,
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      write(() => {
        const sessions = deleteSessions(db, row.id);
        recordAdminWrite(ctx, request, row, 'sessionsDelete', { sessions }, undefined, 204);
      });
      return reply.code(204).send(null);
    },
  );
  app.delete(
    `${base}/sessions/:sessionId`,
    operation(ctx, 'deleteAccountDeviceSession', 'Account', ['write:account'], {
      params: AccountParams.extend({ sessionId: z.string() }),
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      write(() => {
        if (!deleteSession(db, row.id, request.params.sessionId)) throw notFound('Session', request.params.sessionId);
        recordAdminWrite(ctx, request, row, 'sessionDelete', { sessionId: request.params.sessionId }, undefined, 204);
      });
      return reply.code(204).send(null);
    },
  );

  // ---- authenticators
  app.post(
    `${base}/authenticators`,
    operation(ctx, 'addAuthenticator', 'Account', ['write:account_authenticator'], {
      params: AccountParams,
      headers: NotifyHeaders,
      body: S.AuthenticatorAdminInsertRequest,
      response: { 201: S.AuthenticatorResponse, ...problems(400, 401, 403, 404, 409) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const { type, target } = request.body;
      if (type === 'email' && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(target))
        throw badRequest('target must be an email address', [
          { objectName: 'authenticator', field: 'target', message: 'must be an email address' },
        ]);
      if (type === 'phone' && !/^\+[1-9]\d{6,14}$/.test(target))
        throw badRequest('target must be a phone number in international format', [
          {
            objectName: 'authenticator',
            field: 'target',
            message: 'must be a phone number in international format, such as +36301234567',
          },
        ]);
      if (hasAuthenticator(db, row.id, type, target))
        throw conflict(`The account already has the ${type} authenticator ${target}.`);
      const rule = notificationRuleFor(ctx, request, row, 'mfaMethodChange');
      const id = newId();
      const now = ctx.now();
      write(() => {
        insertAuthenticator(db, {
          id,
          accountId: row.id,
          type,
          subType: request.body.subType ?? null,
          target,
          methods: type === 'custom' ? [] : ['passcode'],
          publicMetadata: request.body.publicMetadata ?? {},
          createdAt: now,
        });
        recordAdminWrite(
          ctx,
          request,
          row,
          'authenticatorAdd',
          { type, target },
          {
            rule,
            template: 'mfaMethodChange',
            details: `A ${type} authenticator (${target}) was added to your account.`,
          },
          201,
        );
      });
      reply.code(201);
      return {
        id,
        type,
        target,
        methods: type === 'custom' ? [] : ['passcode'],
        publicMetadata: request.body.publicMetadata ?? {},
        createdAt: iso(now),
        ...(request.body.subType ? { subType: request.body.subType } : {}),
      };
    },
  );
  app.delete(
    `${base}/authenticators/:authenticatorId`,
    operation(ctx, 'deleteAuthenticator', 'Account', ['delete:account_authenticator'], {
      params: AccountParams.extend({ authenticatorId: z.string() }),
      headers: NotifyHeaders,
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const authenticator = removableAuthenticator(db, row.id, request.params.authenticatorId);
      if (!authenticator) throw notFound('Authenticator', request.params.authenticatorId);
      const rule = notificationRuleFor(ctx, request, row, 'mfaMethodChange');
      write(() => {
        deleteAuthenticator(db, String(authenticator.id));
        recordAdminWrite(
          ctx,
          request,
          row,
          'authenticatorDelete',
          { type: authenticator.type, target: authenticator.target },
          {
            rule,
            template: 'mfaMethodChange',
            details: `The ${authenticator.type} authenticator ${authenticator.target ?? ''} was removed from your account.`,
          },
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );

  // ---- passwords
  app.post(
    `${base}/password/change`,
    operation(ctx, 'resetPassword', 'Account', ['write:account_authenticator'], {
      params: AccountParams,
      body: S.PasswordResetRequest,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const password = request.body.newPassword;
      if (!password)
        throw badRequest('newPassword is required.', [
          { objectName: 'password', field: 'newPassword', message: 'is required' },
        ]);
      if (!request.body.skipPasswordPolicy) {
        const violations = passwordPolicyViolations(password, passwordPolicyOf(ctx.db, row.store), [
          row.username,
          row.email,
        ]);
        if (violations.length > 0)
          throw badRequest(
            `The password ${violations.join(', ')}.`,
            violations.map((message) => ({ objectName: 'password', field: 'newPassword', message })),
          );
      }
      const hash = hashPassword(password);
      write(() => {
        setPassword(ctx, row.id, hash);
        recordAdminWrite(ctx, request, row, 'passwordChange', {}, undefined, 204);
      });
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/password/reset`,
    operation(ctx, 'adminInitiatedPasswordReset', 'Account', ['write:account_authenticator'], {
      params: AccountParams,
      headers: z.looseObject({
        'x-notification-by-application': z
          .string()
          .min(1)
          .describe('Required: the application client to send the reset email through.'),
      }),
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const rule = notificationRuleFor(ctx, request, row, 'passwordReset', true);
      write(() =>
        recordAdminWrite(
          ctx,
          request,
          row,
          'passwordReset',
          {},
          {
            rule,
            template: 'passwordReset',
            details: 'Use the link in this message within 24 hours to choose a new password.',
          },
          204,
        ),
      );
      return reply.code(204).send(null);
    },
  );

  // ---- identities
  app.get(
    `${base}/identities`,
    operation(ctx, 'getIdentities', 'Account Identity', ['read:account_identity'], {
      params: AccountParams,
      response: { 200: z.array(S.IdentitiesResponse), ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = account(request.params);
      const external = externalIdentities(db, row.id);
      return [
        ...(row.username
          ? [
              {
                id: row.username,
                display: row.username,
                metadata: parseJson<Record<string, unknown>>(row.metadata, {}),
              },
            ]
          : []),
        ...(row.email ? [{ id: row.email, display: row.email, verified: row.email_verified === 1 }] : []),
        ...(row.phone ? [{ id: row.phone, verified: row.phone_verified === 1 }] : []),
        ...external.map((identity) => ({
          id: String(identity.id),
          display: String(identity.display),
          metadata: {
            provider: identity.provider,
            externalId: identity.external_id,
            ...parseJson<Record<string, unknown>>(identity.metadata as string, {}),
          },
        })),
      ];
    },
  );
  app.post(
    `${base}/identities/identifier`,
    operation(ctx, 'updateAccountIdentifier', 'Account', ['write:account_identity'], {
      params: AccountParams,
      headers: NotifyHeaders.extend({
        'x-skip-email-verification': z.enum(['true', 'false']).optional(),
        'x-skip-phone-verification': z.enum(['true', 'false']).optional(),
      }),
      body: S.AccountIdentifierUpdateRequest,
      response: { 200: S.IdentitiesResponse, ...problems(400, 401, 403, 404, 409) },
    }),
    async (request) => {
      const row = account(request.params);
      const { type } = request.body;
      const identifier = request.body.identifier?.trim() ?? '';
      const field = (message: string) =>
        badRequest(message, [{ objectName: 'accountIdentifierUpdateRequest', field: 'identifier', message }]);
      if (!identifier) throw field(`A new ${type} is required.`);
      if (type === 'email' && !z.email().safeParse(identifier).success)
        throw field(`${identifier} is not an email address.`);
      if (type === 'phone' && !/^\+[1-9]\d{6,14}$/.test(identifier))
        throw field(`${identifier} is not an international phone number (+ and 7 to 15 digits).`);
      if (type === 'username' && identifier.length > 104) throw field('A username has at most 104 characters.');
      // Proof of ownership is the caller's word, header by header; without it the customer must confirm.
      const skipped =
        (type === 'email' && request.headers['x-skip-email-verification'] === 'true') ||
        (type === 'phone' && request.headers['x-skip-phone-verification'] === 'true');
      const rule = notificationRuleFor(ctx, request, row, 'identifierUpdate');
      const previous = type === 'username' ? row.username : type === 'email' ? row.email : row.phone;
      write(() => {
        updateIdentifier(ctx, row, type, identifier, skipped);
        recordAdminWrite(
          ctx,
          request,
          row,
          'identifierUpdate',
          { type, previous, verificationSkipped: skipped },
          { rule, template: 'identifierUpdate', details: `Your ${type} was changed to ${identifier}.` },
        );
        // A new email nobody has confirmed gets a link to confirm it, as a registration's would.
        if (type === 'email' && !skipped) sendActivation(ctx, getAccountRow(db, row.store, row.id));
      });
      const after = getAccountRow(db, row.store, row.id);
      if (type === 'username') return { id: identifier, display: identifier };
      return { id: identifier, verified: (type === 'email' ? after.email_verified : after.phone_verified) === 1 };
    },
  );
  app.delete(
    `${base}/identities/:externalLoginId`,
    operation(ctx, 'deleteExternalIdentity', 'Account Identity', ['delete:account_identity'], {
      params: AccountParams.extend({ externalLoginId: z.string() }),
      headers: NotifyHeaders,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const identity = externalIdentity(db, row.id, request.params.externalLoginId);
      if (!identity) throw notFound('External identity', request.params.externalLoginId);
      const rule = notificationRuleFor(ctx, request, row, 'externalIdentityUnlink');
      write(() => {
        deleteExternalIdentity(db, String(identity.id));
        recordAdminWrite(
          ctx,
          request,
          row,
          'externalIdentityUnlink',
          { provider: identity.provider },
          {
            rule,
            template: 'externalIdentityUnlink',
            details: `Your ${identity.provider} login was unlinked from your account.`,
          },
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );

  // ---- groups and roles
  app.post(
    `${base}/groups`,
    operation(ctx, 'addGroupsToAccount', 'Account', ['read:config_identity_store', 'write:account'], {
      params: AccountParams,
      body: z.array(S.IdReference),
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const groups = request.body.map(({ id }) => {
        const group = findConfiguration(db, 'group', id, row.store);
        if (!group) throw notFound('Group', id);
        return { id: String(group.id), name: String(group.name) };
      });
      addToGroups(ctx, request.admin!, row, groups);
      return reply.code(204).send(null);
    },
  );
  app.get(
    `${base}/roles`,
    operation(ctx, 'getAccountRolesById', 'Account', ['read:account'], {
      params: AccountParams,
      response: { 200: z.array(S.AccountRole), ...problems(401, 403, 404) },
    }),
    async (request) => accountRoles(db, account(request.params).id),
  );
  app.post(
    `${base}/roles`,
    operation(ctx, 'addRolesToAccount', 'Account', ['read:config_identity_store', 'write:account'], {
      params: AccountParams,
      body: S.RoleAssignmentRequest,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const { organization, roles } = request.body;
      // Membership of the organization is not needed: a role may be given for any organization of the store.
      if (!findConfiguration(db, 'organization', organization, row.store)) throw notFound('Organization', organization);
      for (const role of roles) if (!findConfiguration(db, 'role', role.id, row.store)) throw notFound('Role', role.id);
      write(() => {
        assignRoles(
          db,
          row,
          organization,
          roles.map((role) => role.id),
        );
        recordAdminWrite(
          ctx,
          request,
          row,
          'roleAssign',
          { organization, roles: roles.map((role) => role.id) },
          undefined,
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );
  app.delete(
    `${base}/roles/:roleId`,
    operation(ctx, 'deleteRolesFromAccount', 'Account', ['write:account'], {
      params: AccountParams.extend({ roleId: z.string() }),
      querystring: z.object({ organization: z.string().min(1) }),
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      write(() => {
        if (!removeRole(db, row.id, request.query.organization, request.params.roleId))
          throw notFound('Role assignment', `${request.query.organization}:${request.params.roleId}`);
        recordAdminWrite(
          ctx,
          request,
          row,
          'roleRemove',
          { organization: request.query.organization, role: request.params.roleId },
          undefined,
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );

  app.put(
    `${base}/organization`,
    operation(ctx, 'updateAccountOrganization', 'Account', ['write:account'], {
      params: AccountParams,
      body: S.AccountOrganizationUpdateRequest,
      response: { 200: z.null(), ...problems(400, 401, 403, 404, 409) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const organization = request.body.id ?? null;
      if (organization && !findConfiguration(db, 'organization', organization, row.store)) {
        throw badRequest(`Organization ${organization} does not exist.`, [
          { objectName: 'organization', field: 'id', message: 'does not exist in this identity store' },
        ]);
      }
      write(() => {
        setOrganization(db, row.id, organization);
        recordAdminWrite(ctx, request, row, 'organizationChange', { from: row.organization, to: organization });
      });
      return reply.code(200).send(null);
    },
  );

  // ---- attributes
  app.put(
    `${base}/personal`,
    operation(ctx, 'updateLocalMetadata', 'Personal Data', ['write:account'], {
      params: AccountParams,
      headers: NotifyHeaders,
      body: z
        .record(
          z.string().regex(/^[^.]+$/, 'is a dotted key: nest it as an object ({"name":{"givenName":..}})'),
          z.unknown(),
        )
        .describe(
          'Attribute values as nested objects, e.g. {"name":{"givenName":"Ada"}}; only the given keys change; null: not overridden by external metadata (here: no local value).',
        ),
      response: { 200: z.record(z.string(), z.unknown()), ...problems(400, 401, 403, 404, 409) },
    }),
    async (request) => {
      const row = account(request.params);
      const attributes = loadAttributes(db, row.store);
      const { data, changed } = applyPersonalUpdate(
        attributes,
        parseJson<Record<string, unknown>>(row.metadata, {}),
        request.body,
      );
      const rule = notificationRuleFor(ctx, request, row, 'accountAttributeUpdate');
      write(() => {
        setMetadata(db, row.id, data);
        reindexAccount(db, row.store, row.id, attributes, data);
        recordAdminWrite(
          ctx,
          request,
          row,
          'accountAttributeUpdate',
          { attributes: changed },
          {
            rule,
            template: 'accountAttributeUpdate',
            details: `These details of your account changed: ${changed.join(', ')}.`,
          },
        );
      });
      return data;
    },
  );

  // ---- identity verification
  const proofingResponse = (proofing: Row) => ({
    id: String(proofing.id),
    policyId: String(proofing.policy_id),
    attempts: Number(proofing.attempts),
    proofedAt: iso(proofing.proofed_at === null ? null : Number(proofing.proofed_at)),
    invalidatedAt: iso(proofing.invalidated_at === null ? null : Number(proofing.invalidated_at)),
  });
  const getProofing = (accountId: string, proofingId: string) => {
    const proofing = accountProofing(db, accountId, proofingId);
    if (!proofing) throw notFound('Identity verification', proofingId);
    return proofing;
  };
  app.get(
    `${base}/accountProofings`,
    operation(ctx, 'getAccountProofing', 'Identity Verification', ['read:account_proofing'], {
      params: AccountParams,
      response: { 200: z.array(S.CustomerIdentityVerificationResponse), ...problems(401, 403, 404) },
    }),
    async (request) => accountProofings(db, account(request.params).id).map(proofingResponse),
  );
  app.post(
    `${base}/accountProofings`,
    operation(ctx, 'addAccountProofing', 'Identity Verification', ['write:account_proofing'], {
      params: AccountParams,
      body: S.CustomerIdentityVerificationInsertRequest,
      response: { 201: S.CustomerIdentityVerificationResponse, ...problems(400, 401, 403, 404, 409) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const found = findConfiguration(db, 'proofingPolicy', request.body.policyId);
      const policy = found ? { id: String(found.id), name: String(found.name) } : undefined;
      if (!policy)
        throw badRequest(`No identity verification policy ${request.body.policyId}.`, [
          { objectName: 'accountProofing', field: 'policyId', message: 'does not exist' },
        ]);
      if (isVerifiedUnder(db, row.id, policy.id))
        throw conflict(`The account is already verified under ${policy.name}.`);
      const id = write(() => {
        const added = addManualProofing(ctx, row.id, policy.id);
        recordAdminWrite(
          ctx,
          request,
          row,
          'identityVerificationManual',
          { policyId: policy.id, policyName: policy.name },
          undefined,
          201,
        );
        return added;
      });
      reply.code(201);
      return proofingResponse(getProofing(row.id, id));
    },
  );
  app.post(
    `${base}/accountProofings/:accountProofingId/invalidate`,
    operation(ctx, 'invalidateAccountProofing', 'Identity Verification', ['write:account_proofing'], {
      params: AccountParams.extend({ accountProofingId: z.string() }),
      response: { 200: S.CustomerIdentityVerificationResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = account(request.params);
      const proofing = getProofing(row.id, request.params.accountProofingId);
      write(() => {
        if (proofing.invalidated_at === null) invalidateProofing(ctx, String(proofing.id));
        recordAdminWrite(ctx, request, row, 'identityVerificationInvalidate', { policyId: proofing.policy_id });
      });
      return proofingResponse(getProofing(row.id, String(proofing.id)));
    },
  );
  app.delete(
    `${base}/accountProofings/:accountProofingId`,
    operation(ctx, 'deleteAccountProofingFailures', 'Identity Verification', ['delete:account_proofing'], {
      params: AccountParams.extend({ accountProofingId: z.string() }),
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    }),
    async (request, reply) => {
      const row = account(request.params);
      const proofing = getProofing(row.id, request.params.accountProofingId);
      write(() => {
        clearProofingAttempts(db, String(proofing.id));
        recordAdminWrite(
          ctx,
          request,
          row,
          'identityVerificationClearAttempts',
          { policyId: proofing.policy_id, attempts: proofing.attempts },
          undefined,
          204,
        );
      });
      return reply.code(204).send(null);
    },
  );

  // ---- notification preferences and impersonation
  app.put(
    `${base}/notificationPreferences`,
    operation(ctx, 'updateAccountNotificationPreferences', 'Account', ['write:account'], {
      params: AccountParams,
      headers: NotifyHeaders,
      body: S.NotificationPreferences.partial(),
      response: { 200: S.NotificationPreferences, ...problems(400, 401, 403, 404) },
    }),
    async (request) => {
      const row = account(request.params);
      const rule = notificationRuleFor(ctx, request, row, 'notificationPreferencesUpdate');
      const next = {
        accountAttributeUpdate: true,
        accountDeletion: true,
        accountLockout: true,
        mfaMethodChange: true,
        passwordResetSuccess: true,
        ...parseJson(row.notification_preferences, {}),
        ...request.body,
      };
      write(() => {
        setNotificationPreferences(db, row.id, next);
        recordAdminWrite(ctx, request, row, 'notificationPreferencesUpdate', request.body, {
          rule,
          template: 'notificationPreferencesUpdate',
          details: 'Your notification preferences changed.',
        });
      });
      return next;
    },
  );
  app.post(
    `${base}/impersonation`,
    operation(ctx, 'impersonation', 'Account', ['write:account_impersonation'], {
      params: AccountParams,
      body: S.ImpersonationInsertRequest,
      response: { 200: S.ImpersonationResponse, ...problems(400, 401, 403, 404) },
    }),
    async (request) => {
      const row = account(request.params);
      if (!isClientOfStore(db, request.body.clientId, row.store))
        throw badRequest(`No application client ${request.body.clientId} in ${row.store}.`, [
          { objectName: 'impersonation', field: 'clientId', message: 'does not exist' },
        ]);
      if (!row.enabled) throw badRequest('A disabled account cannot be impersonated.');
      const token = randomBytes(24).toString('base64url');
      write(() => {
        createImpersonation(db, {
          token,
          accountId: row.id,
          clientId: request.body.clientId,
          reason: request.body.reason,
          expiresAt: ctx.now() + IMPERSONATION_TTL_MS,
        });
        recordAdminWrite(ctx, request, row, 'impersonation', {
          clientId: request.body.clientId,
          reason: request.body.reason,
        });
      });
      return { impersonationUrl: `${ctx.baseUrl()}/sandbox/customer/impersonate/${token}` };
    },
  );
}

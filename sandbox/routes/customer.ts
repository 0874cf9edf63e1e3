import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import {
  accountUserName,
  activeLocks,
  assertStore,
  PERMANENT_LOCK_THRESHOLD,
  type AccountRow,
} from '../domain/accounts';
import { findConfiguration, passwordPolicyOf } from '../domain/configuration';
import {
  accountById,
  accountByIdentifier,
  endSession,
  firstApplication,
  impersonationGrant,
  markAuthenticatorUsed,
  maxFailedLogins,
  recordFailedAttempt,
  recordProofingAttempt,
  recordSignIn,
  sessionByTokenHash,
  setConsent,
  softTokens,
  useImpersonationGrant,
} from '../domain/customer-records';
import { recordEvent } from '../domain/events';
import { locateIp } from '../domain/geo';
import { parseJson } from '../domain/ids';
import { hashPassword, passwordPolicyViolations, verifyPassword } from '../domain/passwords';
import { acceptInvitation, invitationByToken, pendingInvitation } from '../domain/invitations';
import { sendPasscode, usePasscode } from '../domain/passcodes';
import { iso } from '../domain/time';
import { ApiProblem, badRequest, notFound } from '../domain/problems';
import { describeDevice } from '../domain/user-agent';
import { assertIdentifiersFree, insertAccount } from '../domain/account-writes';
import { activationRequired, completeActivation, pendingActivation, sendActivation } from '../domain/activations';
import type { TypedApp } from './common';

/** How long a temporary password lock lasts before the customer may try again. */
export const TEMPORARY_LOCK_MS = 15 * 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The customer's address: X-Forwarded-For is believed only from a loopback peer (the console's tests, a local proxy). */
export function clientIp(request: FastifyRequest): string {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return loopback && first ? first : peer.replace(/^::ffff:/, '');
}

const customerFailure = (status: number, error: string, detail: string) => new ApiProblem(status, error, detail);

/**
 * The customer side of the platform, apart from the Admin API under /sandbox/customer/: registration, login
 * (password, TOTP), sessions, consents and identity verification attempts. These write the same events the
 * console's activity tab shows, so what the console sees is produced by the platform.
 */
export function registerCustomerRoutes(app: TypedApp, ctx: SandboxContext): void {
  const { db } = ctx;
  const base = '/sandbox/customer';
  const tags = ['Sandbox customer flows'];

  const openSession = (row: AccountRow, request: FastifyRequest, kind: 'login' | 'impersonation') => {
    const ip = clientIp(request);
    const userAgent = request.headers['user-agent'] ?? 'unknown';
    const location = locateIp(ip);
    const token = randomBytes(32).toString('base64url');
    const sessionId = recordSignIn(ctx, row.id, {
      tokenHash: tokenHash(token),
      device: describeDevice(userAgent),
      userAgent,
      ip,
      location,
    });
    const application = firstApplication(db, row.store, row.organization);
    recordEvent(ctx, {
      store: row.store,
      accountId: row.id,
      userName: accountUserName(row),
      type: 'customerFlow',
      name: kind,
      outcome: 'success',
      actor: { accountId: row.id, userName: accountUserName(row) ?? '', ip, userAgent, location },
      ...(application ? { actorApplication: application } : {}),
      loginSessionId: sessionId,
    });
    return { sessionToken: token, sessionId, accountId: row.id };
  };

  /** The account behind a customer session token; a session an admin deleted no longer authenticates. */
  const sessionAccount = (request: FastifyRequest): { row: AccountRow; sessionId: string } => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const session = match ? sessionByTokenHash(db, tokenHash(match[1]!)) : undefined;
    if (!session) throw customerFailure(401, 'invalid_session', 'The session has ended or never existed.');
    const row = accountById(db, session.account_id)!;
    if (row.enabled !== 1) throw customerFailure(403, 'account_disabled', 'The account is disabled.');
    return { row, sessionId: session.id };
  };

  /** The invitation behind a link, while it can still be accepted. */
  const openInvitation = (token: string) => {
    const found = invitationByToken(ctx, token);
    switch (found.kind) {
      case 'open':
        return found;
      case 'unknown':
        throw customerFailure(404, 'unknown_link', 'No such invitation.');
      case 'accepted':
        throw customerFailure(410, 'link_used', 'This invitation was already accepted.');
      case 'expired':
        throw customerFailure(410, 'link_expired', 'This invitation has expired: ask for it to be sent again.');
    }
  };

  app.post(
    `${base}/:store/register`,
    {
      schema: {
        tags,
        params: z.object({ store: z.string() }),
        body: z.object({
          email: z.string().email().optional(),
          username: z.string().min(1).max(104).optional(),
          phone: z
            .string()
            .regex(/^\+[1-9]\d{6,14}$/)
            .optional(),
          password: z.string().min(1).max(256),
          attributes: z.record(z.string(), z.unknown()).default({}),
        }),
      },
    },
    async (request, reply) => {
      const store = request.params.store;
      assertStore(db, store);
      const { email = null, username = null, phone = null, password, attributes } = request.body;
      if (!email && !username && !phone) throw badRequest('Register with an email, a username or a phone number.');
      const violations = passwordPolicyViolations(password, passwordPolicyOf(ctx.db, store), [username, email]);
      if (violations.length > 0)
        throw badRequest(
          `The password ${violations.join(', ')}.`,
          violations.map((message) => ({ objectName: 'registration', field: 'password', message })),
        );
      assertIdentifiersFree(ctx, { store, username, email, phone });
      // Completing registration with a password enrolled verifies the identifiers, unless the store asks for an
      // activation step: then the email is verified only once its link is followed.
      const activation = Boolean(email) && activationRequired(db, store);
      const registered = db.transaction(() => {
        const id = insertAccount(ctx, {
          store,
          username,
          email,
          emailVerified: Boolean(email) && !activation,
          phone,
          phoneVerified: Boolean(phone) && !activation,
          password,
          metadata: attributes,
          identifierAuthenticators: false,
        });
        const ip = clientIp(request);
        recordEvent(ctx, {
          store,
          accountId: id,
          userName: username ?? email ?? phone ?? undefined,
          type: 'customerFlow',
          name: 'registration',
          outcome: 'success',
          actor: { accountId: id, ip, userAgent: request.headers['user-agent'] ?? '' },
          metadata: { activationRequired: activation },
        });
        const sent = activation ? sendActivation(ctx, accountById(db, id)!) : null;
        return { id, notificationId: sent?.notificationId ?? null };
      })();
      return reply.code(201).send({
        accountId: registered.id,
        activationRequired: activation,
        ...(registered.notificationId ? { activationNotificationId: registered.notificationId } : {}),
      });
    },
  );

  app.get(
    `${base}/activate/:token`,
    { schema: { tags, params: z.object({ token: z.string().min(1).max(128) }) } },
    async (request) => {
      const outcome = db.transaction(() => {
        const result = completeActivation(ctx, request.params.token);
        if (result.kind !== 'activated') return result;
        const row = accountById(db, result.accountId)!;
        recordEvent(ctx, {
          store: row.store,
          accountId: row.id,
          userName: accountUserName(row),
          type: 'customerFlow',
          name: 'accountActivation',
          outcome: 'success',
          actor: { accountId: row.id, ip: clientIp(request), userAgent: request.headers['user-agent'] ?? '' },
        });
        return result;
      })();
      switch (outcome.kind) {
        case 'activated':
          return { accountId: outcome.accountId, emailVerified: true };
        case 'unknown':
          throw customerFailure(404, 'unknown_link', 'No such activation link.');
        case 'used':
          throw customerFailure(410, 'link_used', 'This activation link was already used.');
        case 'expired':
          throw customerFailure(410, 'link_expired', 'This activation link has expired: ask for a new one.');
        case 'changed':
          throw customerFailure(410, 'link_stale', 'The account no longer has the email this link was sent to.');
      }
    },
  );

  app.post(
    `${base}/:store/passcode`,
    { schema: { tags, params: z.object({ store: z.string() }), body: z.object({ identifier: z.string().min(1) }) } },
    async (request, reply) => {
      const row = accountByIdentifier(db, request.params.store, request.body.identifier);
      // Whether an account exists is not told: an unknown identifier is answered as a sent code would be.
      if (!row || row.enabled !== 1) return reply.code(202).send({ sent: true });
      const sent = db.transaction(() => sendPasscode(ctx, row))();
      return reply.code(202).send({ sent: true, channel: sent.channel, notificationId: sent.notificationId });
    },
  );

  app.post(
    `${base}/:store/login`,
    {
      schema: {
        tags,
        params: z.object({ store: z.string() }),
        // A password (and a TOTP code where an authenticator app is enrolled), or a one-time passcode.
        body: z
          .object({
            identifier: z.string().min(1),
            password: z.string().optional(),
            passcode: z.string().optional(),
            totp: z.string().optional(),
          })
          .refine((body) => (body.password === undefined) !== (body.passcode === undefined), {
            message: 'Sign in with a password or a passcode, not both.',
          }),
      },
    },
    async (request) => {
      const { store } = request.params;
      const { identifier, password, passcode, totp } = request.body;
      const row = accountByIdentifier(db, store, identifier);
      const ip = clientIp(request);
      const userAgent = request.headers['user-agent'] ?? 'unknown';
      const fail = (reason: string, status = 401, accountRow: AccountRow | undefined = row) => {
        recordEvent(ctx, {
          store,
          accountId: accountRow?.id ?? null,
          userName: identifier,
          type: 'customerFlow',
          name: 'login',
          outcome: 'failure',
          actor: { ...(accountRow ? { accountId: accountRow.id } : {}), userName: identifier, ip, userAgent },
          metadata: { reason },
        });
        return customerFailure(status, reason, `Login refused: ${reason.replace(/_/g, ' ')}.`);
      };
      /** One more failure of this kind; the lock comes after the store's maximum, permanent after ten. */
      const countFailure = (found: AccountRow, kind: '_password' | '_passcode') => {
        const counter = kind === '_password' ? 'failed_password_attempts' : 'failed_passcode_attempts';
        const failures = found[counter] + 1;
        const locks = parseJson<Record<string, { until: number | null }>>(found.locks, {});
        if (failures >= maxFailedLogins(db, store))
          locks[kind] = { until: failures >= PERMANENT_LOCK_THRESHOLD ? null : ctx.now() + TEMPORARY_LOCK_MS };
        recordFailedAttempt(db, found.id, counter, failures, locks);
        if (locks[kind])
          recordEvent(ctx, {
            store,
            accountId: found.id,
            userName: accountUserName(found),
            type: 'systemInitiatedOperation',
            name: 'accountLock',
            outcome: 'success',
            metadata: { failedAttempts: failures, lock: kind },
          });
      };
      if (!row) throw fail('invalid_credentials');
      if (row.enabled !== 1) throw fail('account_disabled', 403);
      if (row.email_verified !== 1 && pendingActivation(db, row.id)) throw fail('activation_pending', 403);
      if (!row.password_hash && pendingInvitation(db, row.id)) throw fail('invitation_pending', 403);
      const locks = activeLocks(row, ctx.now());
      if (passcode !== undefined) {
        if (locks._passcode) throw fail('passcode_locked', 423);
        const valid = db.transaction(() => usePasscode(ctx, row.id, passcode))();
        if (!valid) {
          db.transaction(() => countFailure(row, '_passcode'))();
          throw fail('invalid_passcode');
        }
        return db.transaction(() => {
          db.prepare('UPDATE accounts SET failed_passcode_attempts = 0 WHERE id = ?').run(row.id);
          return openSession(row, request, 'login');
        })();
      }
      if (locks._password) throw fail('account_locked', 423);
      if (!verifyPassword(password!, row.password_hash)) {
        db.transaction(() => countFailure(row, '_password'))();
        throw fail('invalid_credentials');
      }
      const apps = softTokens(db, row.id);
      if (apps.length > 0) {
        if (!totp) throw fail('totp_required');
        const valid = apps.find(
          (token) =>
            new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(token.secret), digits: 6, period: 30 }).validate({
              token: totp,
              timestamp: ctx.now(),
              window: 1,
            }) !== null,
        );
        if (!valid) throw fail('invalid_totp');
        markAuthenticatorUsed(ctx, valid.id);
      }
      return db.transaction(() => openSession(row, request, 'login'))();
    },
  );

  app.get(
    `${base}/invitation/:token`,
    { schema: { tags, params: z.object({ token: z.string().min(1).max(128) }) } },
    async (request) => {
      const found = openInvitation(request.params.token);
      return {
        invitationId: found.invitation.id,
        store: found.invitation.store,
        email: found.invitation.email,
        validUntil: iso(found.invitation.valid_until),
        passwordNeeded: !found.account.password_hash,
      };
    },
  );

  app.post(
    `${base}/invitation/:token/accept`,
    {
      schema: {
        tags,
        params: z.object({ token: z.string().min(1).max(128) }),
        body: z.object({ password: z.string().min(1).max(256).optional() }),
      },
    },
    async (request) => {
      const { invitation, account } = openInvitation(request.params.token);
      const { password } = request.body;
      if (!account.password_hash && !password)
        throw badRequest('Choose a password to accept the invitation.', [
          { objectName: 'invitation', field: 'password', message: 'is required' },
        ]);
      if (password) {
        const violations = passwordPolicyViolations(password, passwordPolicyOf(db, account.store), [
          account.username,
          account.email,
        ]);
        if (violations.length > 0)
          throw badRequest(
            `The password ${violations.join(', ')}.`,
            violations.map((message) => ({ objectName: 'invitation', field: 'password', message })),
          );
      }
      db.transaction(() => {
        acceptInvitation(ctx, invitation, account, password ? hashPassword(password) : null);
        recordEvent(ctx, {
          store: account.store,
          accountId: account.id,
          userName: accountUserName(account),
          type: 'customerFlow',
          name: 'invitationAcceptance',
          outcome: 'success',
          metadata: { invitationId: invitation.id },
          actor: { accountId: account.id, ip: clientIp(request), userAgent: request.headers['user-agent'] ?? '' },
        });
      })();
      return { accountId: account.id, emailVerified: true };
    },
  );

  app.get(`${base}/me`, { schema: { tags } }, async (request) => {
    const { row, sessionId } = sessionAccount(request);
    return { accountId: row.id, store: row.store, sessionId, userName: accountUserName(row) };
  });

  app.post(`${base}/logout`, { schema: { tags } }, async (request, reply) => {
    const { row, sessionId } = sessionAccount(request);
    db.transaction(() => {
      endSession(db, sessionId);
      recordEvent(ctx, {
        store: row.store,
        accountId: row.id,
        userName: accountUserName(row),
        type: 'customerFlow',
        name: 'logout',
        outcome: 'success',
        loginSessionId: sessionId,
        actor: { accountId: row.id, ip: clientIp(request) },
      });
    })();
    return reply.code(204).send(null);
  });

  app.post(
    `${base}/consents/:consentId`,
    { schema: { tags, params: z.object({ consentId: z.string() }), body: z.object({ optIn: z.boolean() }) } },
    async (request) => {
      const { row } = sessionAccount(request);
      const found = findConfiguration(db, 'consent', request.params.consentId);
      if (!found) throw notFound('Consent', request.params.consentId);
      const consent = { id: String(found.id), version: Number(found.version) };
      db.transaction(() => {
        const changed = setConsent(ctx, row.id, consent, request.body.optIn);
        // Agreeing again to the current version changes nothing and is no event.
        if (request.body.optIn && !changed) return;
        recordEvent(ctx, {
          store: row.store,
          accountId: row.id,
          userName: accountUserName(row),
          type: 'selfService',
          name: request.body.optIn ? 'consentOptIn' : 'consentOptOut',
          outcome: 'success',
          metadata: { consentId: consent.id, version: consent.version },
          actor: { accountId: row.id, ip: clientIp(request) },
        });
      })();
      return { consentId: consent.id, version: consent.version, optIn: request.body.optIn };
    },
  );

  app.post(
    `${base}/proofings/:policyId/attempts`,
    {
      schema: {
        tags,
        params: z.object({ policyId: z.string() }),
        // A failed attempt names the policy's step the customer did not pass (its type).
        body: z.object({ success: z.boolean(), failedStep: z.string().optional() }),
      },
    },
    async (request) => {
      const { row } = sessionAccount(request);
      const found = findConfiguration(db, 'proofingPolicy', request.params.policyId);
      if (!found) throw notFound('Identity verification policy', request.params.policyId);
      const policy = { id: String(found.id), name: String(found.name) };
      const steps = parseJson<Array<{ type: string; enabled: boolean }>>(String(found.steps), []).filter(
        (step) => step.enabled,
      );
      const { success, failedStep } = request.body;
      if (success && failedStep) throw badRequest('A successful attempt passed every step: leave failedStep out.');
      if (failedStep && !steps.some((step) => step.type === failedStep))
        throw badRequest(
          `${policy.name} has no ${failedStep} step; its steps are ${steps.map((step) => step.type).join(', ')}.`,
        );
      const proofingId = db.transaction(() => {
        const id = recordProofingAttempt(ctx, row.id, policy.id, request.body.success);
        recordEvent(ctx, {
          store: row.store,
          accountId: row.id,
          userName: accountUserName(row),
          type: 'customerFlow',
          name: 'identityVerification',
          outcome: request.body.success ? 'success' : 'failure',
          metadata: { policyId: policy.id, policyName: policy.name, ...(failedStep ? { failedStep } : {}) },
          actor: { accountId: row.id, ip: clientIp(request) },
        });
        return id;
      })();
      return { proofingId, policyId: policy.id, success: request.body.success };
    },
  );

  app.get(
    `${base}/impersonate/:token`,
    { schema: { tags, params: z.object({ token: z.string() }) } },
    async (request) => {
      const grant = impersonationGrant(db, request.params.token);
      if (!grant) throw customerFailure(404, 'unknown_link', 'No such impersonation link.');
      if (grant.used_at !== null) throw customerFailure(410, 'link_used', 'This impersonation link was already used.');
      if (grant.expires_at <= ctx.now())
        throw customerFailure(410, 'link_expired', 'This impersonation link has expired.');
      const row = accountById(db, grant.account_id)!;
      return db.transaction(() => {
        useImpersonationGrant(ctx, request.params.token);
        return openSession(row, request, 'impersonation');
      })();
    },
  );
}
